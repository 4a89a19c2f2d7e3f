// The calendar format: the shipped wheels, the documented example, queries.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include "cycle/calendar.hpp"
#include "support.hpp"

using namespace cycle;

namespace {

const std::string source_dir = CYCLE_SOURCE_DIR;

calendar load(const std::string& relative) {
    auto c = load_calendar_file(source_dir + "/" + relative);
    if (!c) {
        for (const auto& e : c.errors()) UNSCOPED_INFO(e.to_string());
    }
    REQUIRE(c);
    return std::move(c).value();
}

}  // namespace

TEST_CASE("the built-in default is the Nya perspektiv 2025-2028 wheel", "[calendar]") {
    const calendar& cal = default_calendar();
    CHECK(cal.id == "nya-perspektiv-2025-2028");
    CHECK(cal.first_year == 2025);
    CHECK(cal.last_year == 2028);
    CHECK(cal.time_zone == "Europe/Stockholm");
    CHECK(cal.language == "sv");
    // The compiled-in text is the file in calendars/.
    CHECK(default_calendar_toml() == test::read_file(source_dir + "/calendars/nya-perspektiv-2025-2028.toml"));
}

TEST_CASE("the 2025-2028 wheel has its bodies, principals and recurring events", "[calendar]") {
    const calendar& cal = default_calendar();
    const body* principals = cal.find_body("principals");
    REQUIRE(principals);
    CHECK(principals->members.size() == 17);
    CHECK(cal.is_member_of("eda", "principals"));
    CHECK(cal.is_member_of("region-varmland", "principals"));
    CHECK_FALSE(cal.is_member_of("vror", "principals"));
    for (const char* id : {"vror", "styrgrupp", "beredningsgrupp", "enheten"}) CHECK(cal.find_body(id));
    CHECK(cal.body_label("vror") == "VR/OR");

    const event_template* seminar = cal.find_event("seminar");
    REQUIRE(seminar);
    REQUIRE(std::holds_alternative<whole_month>(seminar->timing.form));
    CHECK(std::get<whole_month>(seminar->timing.form).month == date::May);
    const event_template* dialogue = cal.find_event("local-dialogue");
    REQUIRE(dialogue);
    REQUIRE(dialogue->per_member);
    CHECK(dialogue->per_member->body == "principals");
    REQUIRE(dialogue->deadline);
    CHECK(dialogue->deadline->month == 10);
    CHECK(dialogue->deadline->day == 31);
    CHECK(dialogue->description.find("Hur bidrar vi?") != std::string::npos);
    CHECK(cal.describe_source(dialogue->source).find("Politiskt inriktningsdokument") != std::string::npos);

    const event_template* january = cal.find_event("inriktningsmote");
    REQUIRE(january);
    REQUIRE(std::holds_alternative<whole_month>(january->timing.form));
    CHECK(std::get<whole_month>(january->timing.form).month == date::January);
    CHECK(january->timing.year_offset == 1);

    // Year 3 has the revision inputs; the year after the cycle the adoption.
    const event_template* input = cal.find_event("revision-input");
    REQUIRE(input);
    CHECK(input->years.selects(3, 4));
    CHECK_FALSE(input->years.selects(2, 4));
    CHECK(cal.has_after_cycle_events());
    CHECK(cal.last_plannable_year() == 2029);
}

TEST_CASE("the 2023 one-year wheel loads", "[calendar]") {
    calendar cal = load("calendars/nya-perspektiv-2023.toml");
    CHECK(cal.first_year == 2023);
    CHECK(cal.last_year == 2023);
    CHECK(cal.events.size() > 20);
}

TEST_CASE("the example in docs/calendar-format.md is a valid calendar", "[calendar][docs]") {
    std::string doc = test::read_file(source_dir + "/docs/calendar-format.md");
    auto start = doc.find("## A complete example");
    REQUIRE(start != std::string::npos);
    auto open = doc.find("```toml\n", start);
    auto close = doc.find("```", open + 8);
    REQUIRE(open != std::string::npos);
    auto c = load_calendar_string(doc.substr(open + 8, close - open - 8), "calendar-format.md");
    if (!c)
        for (const auto& e : c.errors()) UNSCOPED_INFO(e.to_string());
    REQUIRE(c);
    CHECK(c->find_event("local-dialogue")->per_member->max_per_week == 2);
    CHECK(c->closures.size() == 2);  // week 44 of 2025 and of 2026
}

// Issue 13: no key is accepted where it has no effect. One row per
// combination the loader refuses (calendar_loader.cpp, idle_key_rules and
// the per_member caps); each is an error at the key's line and column.
TEST_CASE("keys that do nothing are located errors, every combination", "[calendar]") {
    struct row {
        std::string event;  // the [[event]] body, after id/title
        std::string key;    // the key refused, on the event's last line
    };
    const std::vector<row> rows{
        {"kind = \"deadline\"\nmonth = 10\nday = 31", "working_days_only = true"},
        {"kind = \"deadline\"\nmonth = 10\nday = 31", "prefer = \"end\""},
        {"kind = \"deadline\"\nmonth = 10\nday = 31", "weekdays = [\"fri\"]"},
        {"kind = \"deadline\"\nmonth = 10\nday = 31", "days = 2"},
        {"kind = \"deadline\"\nmonth = 10\nday = 31", "election_margin_days = 6"},
        {"kind = \"window\"\nmonths = [9, 10]", "working_days_only = false"},
        {"kind = \"window\"\nmonths = [9, 10]", "prefer = \"middle\""},
        {"kind = \"window\"\nmonths = [9, 10]", "weekdays = [\"tue\"]"},
        {"kind = \"window\"\nmonths = [9, 10]", "days = 3"},
        {"kind = \"window\"\nmonths = [9, 10]", "election_margin_days = 1"},
        {"kind = \"deadline\"\nmonth = 10\nday = 31",
         "per_member = { body = \"towns\", max_per_day = 1 }"},
        {"kind = \"window\"\nmonths = [9, 10]", "per_member = { body = \"towns\", max_per_week = 2 }"},
        {"kind = \"deadline\"\nmonth = 10\nday = 31",
         "per_member = { body = \"towns\", buffer_days = 0 }"},
        {"kind = \"milestone\"\nrelative_to = \"seminar\"\noffset = \"-3w\"", "prefer = \"end\""},
        {"kind = \"meeting\"\nmonth = 11", "on_day_off = \"keep\""},
        {"kind = \"meeting\"\nmonth = 10\nday = 20", "prefer = \"middle\""},
        {"kind = \"meeting\"\nmonth = 10\nday = 20", "weekdays = [\"tue\"]"},
        {"kind = \"meeting\"\nmonth = 5\nweekday = \"tue\"\nnth = 2", "prefer = \"end\""},
        {"kind = \"meeting\"\nmonth = 5\nweekday = \"tue\"\nnth = -1", "weekdays = [\"tue\"]"},
        {"kind = \"meeting\"\nweek = 44\nweekday = \"mon\"", "prefer = \"end\""},
        {"kind = \"meeting\"\nmonth = 11", "gap_days = 3"},
        {"kind = \"meeting\"\nmonth = 11", "gap_working_days = 5"},
    };
    const std::string head = R"([cycle]
id = "idle"
title = "Idle"
first_year = 2026
last_year = 2026

[[body]]
id = "towns"
name = "Kommunerna"
members = ["a"]

[[body]]
id = "a"
name = "A"

[[event]]
id = "seminar"
title = "Seminarium"
kind = "meeting"
month = 5

[[event]]
id = "x"
title = "X"
)";
    const auto lines = [](const std::string& t) {
        return static_cast<int>(std::count(t.begin(), t.end(), '\n'));
    };
    for (const auto& r : rows) {
        const std::string text = head + r.event + "\n" + r.key + "\n";
        const int line = lines(head) + lines(r.event) + 2;
        INFO(r.event << "\n" << r.key);
        auto cal = load_calendar_string(text, "idle.toml");
        REQUIRE_FALSE(cal);
        REQUIRE(cal.errors().size() == 1);
        const auto& e = cal.errors().front();
        CHECK(e.where.line == line);
        CHECK(e.where.column > 1);
        CHECK((test::contains(e.message, "does nothing") || test::contains(e.message, "no effect")));
        // Without the key, the event is accepted.
        CHECK(load_calendar_string(head + r.event + "\n", "idle.toml"));
    }
    // The keys are accepted where they act.
    CHECK(load_calendar_string(head + "kind = \"meeting\"\nmonth = 11\nafter = [\"seminar\"]\n"
                                      "gap_working_days = 5\nelection_margin_days = 6\n",
                               "idle.toml"));
    // weekdays on an offset chooses the nearest of its weekdays (issue 17).
    CHECK(load_calendar_string(head + "kind = \"meeting\"\nrelative_to = \"seminar\"\n"
                                      "offset = \"-3w\"\nweekdays = [\"mon\"]\n",
                               "idle.toml"));
}
