// Every malformed input gets a message with file, line and column.
#include <catch2/catch.hpp>

#include "cycle/calendar.hpp"
#include "cycle/plan.hpp"
#include "cycle/plan_file.hpp"

using namespace cycle;

namespace {

// A small valid calendar; tests append or replace lines to break it.
const std::string base = R"([cycle]
id = "w"
title = "Wheel"
first_year = 2025
last_year = 2026

[[body]]
id = "alfa"
name = "Alfa"

[[body]]
id = "kommuner"
name = "Kommunerna"
members = ["alfa"]

[[event]]
id = "seminar"
title = "Seminarium"
kind = "conference"
organiser = "kommuner"
month = 5
)";

// The errors of loading `text` as "w.toml", one "line:col: message" each.
std::vector<std::string> errors_of(const std::string& text) {
    auto c = load_calendar_string(text, "w.toml");
    std::vector<std::string> out;
    if (c) return out;
    for (const auto& e : c.errors()) {
        CHECK(e.where.file == "w.toml");
        out.push_back(std::to_string(e.where.line) + ":" + std::to_string(e.where.column) + ": " + e.message);
    }
    return out;
}

using lines = std::vector<std::string>;

}  // namespace

TEST_CASE("the base calendar is valid", "[bad-input]") { CHECK(errors_of(base).empty()); }

TEST_CASE("TOML syntax errors name line and column", "[bad-input]") {
    auto errs = errors_of(base + "\n[[event]\n");
    REQUIRE(errs.size() == 1);
    CHECK(errs.front().rfind("23:", 0) == 0);
    CHECK(errs.front().find("TOML syntax") != std::string::npos);
}

TEST_CASE("unknown keys get a did-you-mean", "[bad-input]") {
    CHECK(errors_of(base + "organizer = \"alfa\"\n") ==
          lines{"22:1: [[event]]: unknown key 'organizer' (did you mean 'organiser'?)"});
    CHECK(errors_of(base + "[[evnt]]\nid = \"x\"\n") ==
          lines{"22:3: calendar: unknown key 'evnt' (did you mean 'event'?)"});
}

TEST_CASE("wrong types and values", "[bad-input]") {
    CHECK(errors_of(base + "days = \"two\"\n") == lines{"22:8: [[event]]: 'days' must be an integer, not a string"});
    CHECK(errors_of(base + "prefer = \"late\"\n") ==
          lines{"22:10: [[event]] 'seminar': 'prefer' is \"start\", \"middle\" or \"end\", not 'late'"});
    CHECK(errors_of(base + "start = \"25:00\"\nduration = \"2h\"\n") ==
          lines{"22:9: [[event]] 'seminar': start '25:00' is not a time of day \"HH:MM\""});
}

TEST_CASE("impossible dates", "[bad-input]") {
    std::string feb30 = base;
    feb30.replace(feb30.find("month = 5"), 9, "month = 2\nday = 30");
    CHECK(errors_of(feb30) == lines{"22:7: [[event]] 'seminar': day 30 of month 2 does not exist"});
    std::string closure = base + "\n[[closure]]\nname = \"Lov\"\nbodies = [\"alfa\"]\nfrom = 2026-02-10\nto = 2026-02-01\n";
    CHECK(errors_of(closure) == lines{"27:6: [[closure]]: 'to' is before 'from'"});
    // TOML itself refuses 2026-02-30 as a date.
    auto errs = errors_of(base + "\n[[closure]]\nname = \"Lov\"\nbodies = [\"alfa\"]\nfrom = 2026-02-30\nto = 2026-03-01\n");
    REQUIRE(errs.size() == 1);
    CHECK(errs.front().rfind("26:", 0) == 0);
}

TEST_CASE("unknown bodies and events", "[bad-input]") {
    std::string text = base;
    text.replace(text.find("organiser = \"kommuner\""), 22, "organiser = \"komuner\"");
    CHECK(errors_of(text) == lines{"20:13: unknown body 'komuner' in organiser (did you mean 'kommuner'?)"});
    CHECK(errors_of(base + "after = [\"seminarium\"]\n") ==
          lines{"22:10: unknown event 'seminarium' in after (did you mean 'seminar'?)"});
}

TEST_CASE("cyclic precedence", "[bad-input]") {
    std::string text = base + "after = [\"b\"]\n\n[[event]]\nid = \"b\"\ntitle = \"B\"\nkind = \"meeting\"\nmonth = 6\nafter = [\"c\"]\n\n"
                              "[[event]]\nid = \"c\"\ntitle = \"C\"\nkind = \"meeting\"\nrelative_to = \"seminar\"\noffset = \"2w\"\n";
    CHECK(errors_of(text) ==
          lines{"16:1: cyclic precedence: [[event]] 'seminar' depends on itself: seminar -> b -> c -> seminar"});
}

TEST_CASE("windows that cannot hold their event", "[bad-input]") {
    CHECK(errors_of(base + "deadline = { month = 4, day = 30 }\n") ==
          lines{"22:12: [[event]] 'seminar': the deadline 2025-04-30 is before its window opens (2025-05-01)"});
    std::string fixed = base;
    fixed.replace(fixed.find("month = 5"), 9, "month = 5\nday = 29");
    CHECK(errors_of(fixed + "days = 5\n") == lines{"16:1: [[event]] 'seminar': a 5-day event does not fit its window of 1 day in 2025"});
    // Two members, one day a week, one week: the planner reports it.
    std::string crowded = base + "\n[[body]]\nid = \"beta\"\nname = \"Beta\"\n\n[[event]]\nid = \"dialog\"\ntitle = \"Dialog\"\n"
                                 "kind = \"dialogue\"\nweek = 20\nper_member = { body = \"kommuner\", max_per_week = 1 }\n";
    crowded.replace(crowded.find("members = [\"alfa\"]"), 18, "members = [\"alfa\", \"beta\"]");
    auto cal = load_calendar_string(crowded, "w.toml");
    REQUIRE(cal);
    auto p = make_plan(*cal, {.year = 2025, .fixed = nullptr});
    REQUIRE_FALSE(p);
    CHECK(p.errors().front().where.to_string() == "w.toml:27:1");
    CHECK(p.errors().front().message ==
          "cannot plan 'Dialog' (dialog) in 2025: no day left for Beta in 2025-05-12 – 2025-05-18 with at most any a day "
          "and 1 a week (2 occurrences to place); smallest change that would work: raise "
          "max_per_week to 2, or widen the window (and deadline) to 2025-05-19");
}

TEST_CASE("years outside the cycle", "[bad-input]") {
    CHECK(errors_of(base + "years = [3]\n") ==
          lines{"22:10: [[event]]: cycle year 3 is outside the cycle (1–2); use \"after\" for the year after it"});
    std::string inverted = base;
    inverted.replace(inverted.find("last_year = 2026"), 16, "last_year = 2024");
    CHECK(errors_of(inverted) == lines{"5:13: [cycle]: last_year 2024 is before first_year 2025"});
}

TEST_CASE("several errors are reported at once", "[bad-input]") {
    auto errs = errors_of(base + "colour = \"red\"\nweekdays = [\"funday\"]\n");
    CHECK(errs.size() == 2);
}

TEST_CASE("missing [cycle] and required keys", "[bad-input]") {
    CHECK(errors_of("[[event]]\nid = \"x\"\ntitle = \"X\"\nkind = \"meeting\"\nmonth = 1\n") ==
          lines{"1:1: missing the [cycle] table"});
    std::string no_title = base;
    no_title.replace(no_title.find("title = \"Seminarium\"\n"), 21, "");
    CHECK(errors_of(no_title) == lines{"16:1: [[event]]: missing required key 'title'"});
}

TEST_CASE("an unreadable file names the file", "[bad-input]") {
    auto c = load_calendar_file("/nonexistent/wheel.toml");
    REQUIRE_FALSE(c);
    CHECK(c.errors().front().to_string() == "/nonexistent/wheel.toml: error: cannot read calendar: No such file or directory");
}

TEST_CASE("messages say how to fix it: ids, weekday without nth, dates", "[bad-input]") {
    // An id with å/ä/ö: the allowed characters, and the folded id.
    auto id = errors_of(base + "\n[[body]]\nid = \"nämnder\"\nname = \"Nämnderna\"\n");
    REQUIRE(id.size() == 1);
    CHECK(id.front().find("'nämnder' is not a valid id: use a–z, digits and '-', starting with a "
                          "letter (did you mean 'namnder'?)") != std::string::npos);
    auto spaced = errors_of(base + "\n[[body]]\nid = \"Region Värmland\"\nname = \"R\"\n");
    REQUIRE(spaced.size() == 1);
    CHECK(spaced.front().find("(did you mean 'region-varmland'?)") != std::string::npos);

    // weekday without nth: "weekdays" is what was meant.
    std::string wheel = base;
    wheel.replace(wheel.find("month = 5\n"), 10, "month = 5\nweekday = \"mon\"\n");
    auto weekday = errors_of(wheel);
    REQUIRE(weekday.size() == 1);
    CHECK(weekday.front().rfind("22:11: ", 0) == 0);
    CHECK(weekday.front().find(
              "'weekday' needs 'nth' (nth = 1 for the first, -1 for the last mon of the "
              "month); for any mon of the month, write weekdays = [\"mon\"]") != std::string::npos);

    // Dates written another way: the TOML way to write them.
    auto cal = load_calendar_string(base, "w.toml");
    REQUIRE(cal);
    const std::string plan = "calendar = \"w\"\n[[occurrence]]\nevent = \"seminar\"\n";
    for (const char* written :
         {"2026-5-12", "2026/05/12", "\"2026/05/12\"", "\"2026-05-12\"", "2026.5.12"}) {
        INFO(written);
        auto pf = load_plan_string(plan + "date = " + written + "\n", "p.toml", *cal);
        REQUIRE_FALSE(pf);
        REQUIRE(pf.errors().size() == 1);
        CHECK(pf.errors().front().where.line == 4);
        CHECK(pf.errors().front().message.find("write 2026-05-12") != std::string::npos);
    }
}
