// Recurring events (`repeat`, [[event.variant]]; recurrence.hpp) and chains
// within one member (`same_member`): the occurrence identity with its
// number, the 2023 wheel's monthly beredningsgrupp meetings, located errors,
// and plans, plan files, check, diff, due, export and import through the
// real CLI.
#include "cycle/recurrence.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/plan.hpp"
#include "cycle/plan_file.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using cycle::test::contains;
using cycle::test::quoted;
using cycle::test::run_cycle;

const fs::path wheel_2023 = fs::path(CYCLE_SOURCE_DIR) / "calendars/nya-perspektiv-2023.toml";
// The 2023 wheel as it was, with the eleven meetings written out one by one.
const fs::path written_out =
    fs::path(CYCLE_TEST_DATA) / "calendars/nya-perspektiv-2023-written-out.toml";

cycle::calendar load(const fs::path& p) {
    auto cal = cycle::load_calendar_file(p);
    if (!cal) FAIL(cal.errors().front().to_string() + ": " + cal.errors().front().message);
    return std::move(*cal);
}

cycle::calendar load_text(const std::string& toml) {
    auto cal = cycle::load_calendar_string(toml, "t.toml");
    if (!cal) FAIL(cal.errors().front().to_string() + ": " + cal.errors().front().message);
    return std::move(*cal);
}

// The first error loading `toml`, "line:col: message".
std::string load_error(const std::string& toml) {
    auto cal = cycle::load_calendar_string(toml, "t.toml");
    if (cal) return "(loaded)";
    const auto& e = cal.errors().front();
    return std::to_string(e.where.line) + ":" + std::to_string(e.where.column) + ": " + e.message;
}

const std::string head = R"([cycle]
id = "t"
title = "T"
first_year = 2026
last_year = 2026
[[body]]
id = "g"
name = "Gruppen"
[[body]]
id = "s"
name = "Samordnarna"
[[body]]
id = "a"
name = "A kommun"
[[body]]
id = "b"
name = "B kommun"
[[body]]
id = "all"
name = "Alla"
members = ["a", "b"]
)";

std::string q(const fs::path& p) {
    return quoted(p.string());
}

}  // namespace

TEST_CASE("occurrence_id: a number after '#' for recurring events, the old forms unchanged",
          "[recurrence]") {
    using cycle::occurrence_id;
    // Events that occur once a year keep their keys and UIDs byte for byte.
    CHECK(occurrence_id{"seminar", "", 2026}.to_string() == "seminar/2026");
    CHECK(occurrence_id{"local-dialogue", "eda", 2026}.uid("np") == "local-dialogue.2026.eda@np");
    const occurrence_id third{"meeting", "", 2023, 3};
    CHECK(third.to_string() == "meeting#3/2023");
    CHECK(third.uid("np") == "meeting#3.2023@np");
    CHECK(occurrence_id::parse("meeting#3/2023") == third);
    CHECK(occurrence_id::parse_uid("meeting#3.2023@np", "np") == third);
    CHECK(occurrence_id::parse("np:meeting#12/eda/2023") ==
          occurrence_id{"np:meeting", "eda", 2023, 12});
    CHECK(occurrence_id::parse("seminar/2026")->index == 0);
    for (const char* bad : {"meeting#0/2023", "meeting#/2023", "meeting#03/2023", "meeting#x/2023",
                            "#3/2023", "meeting#3#4/2023"})
        CHECK_FALSE(occurrence_id::parse(bad));
    CHECK(third != occurrence_id{"meeting", "", 2023, 4});
    CHECK(std::hash<occurrence_id>{}(third) !=
          std::hash<occurrence_id>{}({"meeting", "", 2023, 4}));
}

TEST_CASE("the 2023 wheel's monthly meetings: one recurring event, the same dates as written out",
          "[recurrence]") {
    const cycle::calendar now = load(wheel_2023);
    const cycle::calendar before = load(written_out);
    auto p_now = cycle::make_plan(now, {.year = 2023});
    auto p_before = cycle::make_plan(before, {.year = 2023});
    REQUIRE(p_now);
    REQUIRE(p_before);

    // The written-out meetings, in month order: beredningsgrupp-2023-08 … -2024-06.
    std::vector<const cycle::occurrence*> written;
    for (const auto& o : p_before->occurrences)
        if (o.event.rfind("beredningsgrupp-20", 0) == 0) written.push_back(&o);
    std::vector<const cycle::occurrence*> recurring;
    for (const auto& o : p_now->occurrences)
        if (o.event == "beredningsgrupp-meeting") recurring.push_back(&o);
    REQUIRE(written.size() == 11);
    REQUIRE(recurring.size() == 11);
    const cycle::event_template& meeting = *now.find_event("beredningsgrupp-meeting");
    for (std::size_t i = 0; i < 11; ++i) {
        INFO(written[i]->event);
        CHECK(recurring[i]->index == i + 1);
        CHECK(recurring[i]->date == written[i]->date);
        CHECK(recurring[i]->audiences == written[i]->audiences);
        const cycle::event_template& old = *before.find_event(written[i]->event);
        CHECK(cycle::title_for(meeting, recurring[i]->index) == old.title);
        CHECK(cycle::description_for(meeting, recurring[i]->index) == old.description);
    }
    // Every other event keeps its day.
    std::map<std::string, date::sys_days> others;
    for (const auto& o : p_before->occurrences)
        if (o.event.rfind("beredningsgrupp-20", 0) != 0) others[o.to_string()] = o.date;
    std::size_t compared = 0;
    for (const auto& o : p_now->occurrences)
        if (o.event != "beredningsgrupp-meeting") {
            CHECK(others.at(o.to_string()) == o.date);
            ++compared;
        }
    CHECK(compared == others.size());
}

TEST_CASE("repeat: monthly, a weekday of each month, and n times over the window", "[recurrence]") {
    const auto cal = load_text(head + R"(
[[event]]
id = "monthly"
title = "Månadsmöte"
kind = "meeting"
audiences = ["g"]
months = [9, 12]
repeat = "monthly"
[[event.variant]]
every = 2
audiences = ["s"]
[[event]]
id = "second-wed"
title = "Andra onsdagen"
kind = "meeting"
audiences = ["g"]
months = [1, 6]
repeat = { every = "month", weekday = "wed", nth = 2 }
[[event]]
id = "last-fri"
title = "Sista fredagen"
kind = "meeting"
audiences = ["g"]
months = [5, 6]
repeat = { every = "month", weekday = "fri", nth = -1 }
[[event]]
id = "twice"
title = "Minst två gånger per år"
kind = "meeting"
audiences = ["g"]
months = [1, 12]
repeat = { times = 2 }
prefer = "middle"
)");
    auto p = cycle::make_plan(cal, {.year = 2026});
    REQUIRE(p);
    std::map<std::string, std::string> day;
    std::map<std::string, std::vector<std::string>> audiences;
    for (const auto& o : p->occurrences) {
        day[o.to_string()] = cycle::iso_date(o.date);
        audiences[o.to_string()] = o.audiences;
    }
    CHECK(day.at("monthly#1/2026") == "2026-09-01");
    CHECK(day.at("monthly#4/2026") == "2026-12-01");
    CHECK(day.count("monthly#5/2026") == 0);
    // every = 2 from 1: the first and the third.
    CHECK(audiences.at("monthly#1/2026") == std::vector<std::string>{"g", "s"});
    CHECK(audiences.at("monthly#2/2026") == std::vector<std::string>{"g"});
    CHECK(audiences.at("monthly#3/2026") == std::vector<std::string>{"g", "s"});
    // The second Wednesday of January–June 2026.
    CHECK(day.at("second-wed#1/2026") == "2026-01-14");
    CHECK(day.at("second-wed#2/2026") == "2026-02-11");
    CHECK(day.at("second-wed#6/2026") == "2026-06-10");
    // The last Friday of May 2026 is the 29th; of June the 26th.
    CHECK(day.at("last-fri#1/2026") == "2026-05-29");
    CHECK(day.at("last-fri#2/2026") == "2026-06-26");
    // Two, each in the middle of its half-year.
    const auto& twice = *cal.find_event("twice");
    auto first = cycle::occurrence_window(twice, 2026, 1),
         second = cycle::occurrence_window(twice, 2026, 2);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(cycle::window_text(*first) == "2026-01-01 – 2026-07-01");
    CHECK(cycle::window_text(*second) == "2026-07-02 – 2026-12-31");
    CHECK(day.at("twice#1/2026") == "2026-04-01");
    CHECK(day.at("twice#2/2026") == "2026-09-30");
}

TEST_CASE("repeat: a weekday rule's day off moves by on_day_off", "[recurrence]") {
    // The first Friday of April 2026 is Långfredagen (3 April).
    const auto cal = load_text(head + R"(
[[event]]
id = "first-fri"
title = "Första fredagen"
kind = "meeting"
audiences = ["g"]
months = [3, 5]
repeat = { every = "month", weekday = "fri", nth = 1 }
)");
    auto p = cycle::make_plan(cal, {.year = 2026});
    REQUIRE(p);
    REQUIRE(p->occurrences.size() == 3);
    CHECK(cycle::iso_date(p->occurrences[1].date) == "2026-04-07");  // Annandag påsk is the 6th
}

TEST_CASE("repeat, variant and same_member: bad values and keys that do nothing are located errors",
          "[recurrence]") {
    const std::string event = "[[event]]\nid = \"m\"\ntitle = \"M\"\nkind = \"meeting\"\n";
    struct bad {
        std::string toml;
        std::string expected;
    };
    const std::vector<bad> cases{
        {event + "months = [1, 3]\nrepeat = \"weekly\"\n", "repeat is \"monthly\""},
        {event + "month = 3\nrepeat = \"monthly\"\n", "needs months = [first, last]"},
        {event + "month = 3\nday = 3\nrepeat = { times = 2 }\n", "not a single day"},
        {event + "months = [1, 3]\nrepeat = { times = 1 }\n", "'times'"},
        {event + "months = [1, 3]\nrepeat = { every = \"week\" }\n", "every is \"month\""},
        {event + "months = [1, 3]\nrepeat = { every = \"month\", weekday = \"wed\" }\n",
         "give weekday and nth together"},
        {event + "months = [1, 3]\nrepeat = { times = 2, weekday = \"wed\", nth = 1 }\n",
         "they do nothing with 'times'"},
        {event + "months = [1, 6]\nrepeat = { every = \"month\", weekday = \"wed\", nth = 5 }\n",
         "has no fifth Wednesday"},
        {event + "months = [1, 1]\nrepeat = { times = 40 }\n", "do not fit in 31 days"},
        {event + "relative_to = \"x\"\noffset = \"1w\"\nrepeat = \"monthly\"\n[[event]]\nid = "
                 "\"x\"\ntitle = \"X\"\nkind = \"meeting\"\nmonth = 1\n",
         "needs a window of its own"},
        {event + "months = [1, 3]\nrepeat = \"monthly\"\nper_member = { body = \"all\" }\n",
         "per_member together are not supported"},
        {event + "month = 1\n[[event.variant]]\nevery = 2\naudiences = [\"s\"]\n",
         "[[event.variant]] does nothing without repeat"},
        {event + "months = [1, 3]\nrepeat = \"monthly\"\n[[event.variant]]\naudiences = [\"s\"]\n",
         "say which occurrences"},
        {event + "months = [1, 3]\nrepeat = \"monthly\"\n[[event.variant]]\nnumbers = [2]\n",
         "it changes nothing"},
        {event + "months = [1, 3]\nrepeat = \"monthly\"\n[[event.variant]]\nnumbers = [4]\n"
                 "audiences = [\"s\"]\n",
         "there is no occurrence number 4"},
        {event +
             "months = [1, 3]\nrepeat = \"monthly\"\n[[event.variant]]\nnumbers = [1]\nfrom = 2\n"
             "audiences = [\"s\"]\n",
         "'from' does nothing without 'every'"},
        {event + "months = [1, 3]\nrepeat = \"monthly\"\n[[event.variant]]\nevery = 2\n"
                 "audiences = [\"samordnar\"]\n",
         "unknown body 'samordnar' in variant audiences"},
        {event + "month = 1\nsame_member = true\n", "same_member does nothing without per_member"},
        {event + "month = 1\nper_member = { body = \"all\" }\nsame_member = false\n",
         "same_member = false is the default"},
        {event + "month = 2\nper_member = { body = \"all\" }\nsame_member = true\nafter = [\"x\"]\n"
                 "[[event]]\nid = \"x\"\ntitle = \"X\"\nkind = \"meeting\"\nmonth = 1\n",
         "same_member does nothing: no 'after' or 'relative_to' names a per-member event of 'all'"},
    };
    for (const auto& c : cases) {
        INFO(c.toml);
        const std::string err = load_error(head + c.toml);
        CHECK(contains(err, c.expected));
        // Located: a line of the event, not the file.
        CHECK(err.rfind("0:", 0) != 0);
    }
}

TEST_CASE(
    "plan files hold recurring occurrences by index, and check, diff, due, export and import "
    "through the CLI",
    "[recurrence][cli]") {
    cycle::test::temp_dir dir;
    const std::string cal = "--calendar " + q(wheel_2023);
    // The plan as a plan file: each meeting with its index; it checks clean.
    auto planned =
        run_cycle("plan " + cal + " --year 2023 --format plan --out " + q(dir / "p.toml"));
    REQUIRE(planned.exit_code == 0);
    const std::string text = cycle::test::read_file(dir / "p.toml");
    CHECK(contains(text,
                   "event = \"beredningsgrupp-meeting\"\nyear = 2023\nindex = 6\n"
                   "date = 2024-01-15\n"));
    CHECK(contains(text, "# Beredningsgruppens möte med samordnarna (v. 3)"));
    auto clean = run_cycle("check " + cal + " " + q(dir / "p.toml"));
    CHECK(clean.exit_code == 0);
    CHECK(contains(clean.out, "no findings"));

    // Read back: the same plan.
    const cycle::calendar c = load(wheel_2023);
    auto pf = cycle::load_plan_file(dir / "p.toml", c);
    REQUIRE(pf);
    std::set<std::string> keys;
    for (const auto& e : pf->entries) keys.insert(e.to_string());
    for (int i = 1; i <= 11; ++i)
        CHECK(keys.count("beredningsgrupp-meeting#" + std::to_string(i) + "/2023") == 1);

    // The third meeting moved out of its month, and the fifth removed.
    std::string moved = text;
    const std::string third = "index = 3\ndate = 2023-10-16\n";
    REQUIRE(contains(moved, third));
    moved.replace(moved.find(third), third.size(), "index = 3\ndate = 2023-11-07\n");
    const std::string fifth =
        "[[occurrence]]\nevent = \"beredningsgrupp-meeting\"\nyear = 2023\n"
        "index = 5\ndate = 2023-12-15\nstatus = \"proposed\"\n";
    REQUIRE(contains(moved, fifth));
    moved.erase(moved.find(fifth), fifth.size());
    cycle::test::write_file(dir / "moved.toml", moved);
    auto check = run_cycle("check " + cal + " " + q(dir / "moved.toml"));
    CHECK(check.exit_code == 1);
    CHECK(contains(check.out,
                   "Beredningsgruppens möte on 2023-11-07 is outside its window "
                   "2023-10-01 – 2023-10-31"));
    CHECK(contains(check.out, "[outside-window]"));
    CHECK(contains(check.out, "no Beredningsgruppens möte (5 of 11) in 2023"));
    auto json = run_cycle("check " + cal + " --format json " + q(dir / "moved.toml"));
    CHECK(contains(json.out, "\"beredningsgrupp-meeting#5/2023\""));
    CHECK(contains(json.out, "\"beredningsgrupp-meeting#3/2023\""));

    // An index-less entry is the occurrence whose month holds its date; an
    // index the event does not have, or one on an event that does not recur,
    // is an error at its line.
    const std::string one =
        "calendar = \"nya-perspektiv-2023\"\n[[occurrence]]\nevent = "
        "\"beredningsgrupp-meeting\"\ndate = 2024-02-14\n";
    auto derived = cycle::load_plan_string(one, "one.toml", c);
    REQUIRE(derived);
    CHECK(derived->entries.front().to_string() == "beredningsgrupp-meeting#7/2023");
    auto too_far = cycle::load_plan_string(one + "index = 12\n", "x.toml", c);
    REQUIRE_FALSE(too_far);
    CHECK(too_far.errors().front().where.line == 5);
    CHECK(contains(too_far.errors().front().message, "has 11 occurrences in 2023, not 12"));
    auto not_recurring = cycle::load_plan_string(
        "calendar = \"nya-perspektiv-2023\"\n[[occurrence]]\nevent = \"seminar\"\nindex = 1\n"
        "date = 2024-05-16\n",
        "y.toml", c);
    REQUIRE_FALSE(not_recurring);
    CHECK(contains(not_recurring.errors().front().message, "occurs once a year; remove 'index'"));

    // diff names the occurrences by their keys.
    auto diff = run_cycle("diff " + cal + " " + q(dir / "p.toml") + " " + q(dir / "moved.toml"));
    CHECK(contains(diff.out, "Beredningsgruppens möte (2023)"));
    auto diff_json = run_cycle("diff " + cal + " --format json " + q(dir / "p.toml") + " " +
                               q(dir / "moved.toml"));
    CHECK(contains(diff_json.out, "\"occurrence\": \"beredningsgrupp-meeting#3/2023\""));
    CHECK(contains(diff_json.out, "\"occurrence\": \"beredningsgrupp-meeting#5/2023\""));

    // due lists the meeting of the coming days by its own title.
    auto due = run_cycle("due " + cal + " --today 2024-01-10 --within 10d " + q(dir / "p.toml"));
    CHECK(contains(due.out, "Beredningsgruppens möte med samordnarna"));

    // Export: each meeting its own UID and key; import gives the plan back.
    auto ics = run_cycle("export ics " + cal + " --year 2023 --out " + q(dir / "w.ics"));
    REQUIRE(ics.exit_code == 0);
    const std::string feed = cycle::test::read_file(dir / "w.ics");
    CHECK(contains(feed, "UID:beredningsgrupp-meeting#6.2023@nya-perspektiv-2023"));
    CHECK(contains(feed, "X-CYCLE-OCCURRENCE:beredningsgrupp-meeting#6/2023"));
    CHECK(contains(feed, "UID:seminar.2023@nya-perspektiv-2023"));
    auto imported = run_cycle("import ics " + cal + " " + q(dir / "w.ics") + " --out " +
                              q(dir / "imported.toml"));
    REQUIRE(imported.exit_code == 0);
    auto back = cycle::load_plan_file(dir / "imported.toml", c);
    REQUIRE(back);
    std::set<std::string> back_keys;
    for (const auto& e : back->entries) back_keys.insert(e.to_string());
    CHECK(back_keys == keys);
    CHECK(run_cycle("check " + cal + " " + q(dir / "imported.toml")).exit_code == 0);

    // JSON: the index of each recurring occurrence; none on the others.
    auto plan_json = run_cycle("plan " + cal + " --year 2023 --format json");
    auto doc = nlohmann::json::parse(plan_json.out);
    int with_index = 0;
    for (const auto& o : doc["occurrences"]) {
        if (o["event"] == "beredningsgrupp-meeting") {
            CHECK(o["key"] ==
                  "beredningsgrupp-meeting#" + std::to_string(int(o["index"])) + "/2023");
            ++with_index;
        } else {
            CHECK_FALSE(o.contains("index"));
        }
    }
    CHECK(with_index == 11);
}

TEST_CASE("same_member: each member's step after its own previous step",
          "[recurrence][same-member]") {
    // A proposes early, B late; each adopts after its own proposal.
    const std::string chain = head + R"(
[[event]]
id = "proposal"
title = "KS föreslår"
kind = "meeting"
months = [9, 10]
per_member = { body = "all" }
[[event]]
id = "adoption"
title = "KF antar"
kind = "meeting"
months = [9, 12]
after = ["proposal"]
per_member = { body = "all" }
)";
    const std::string plan = R"(calendar = "t"
[[occurrence]]
event = "proposal"
member = "a"
date = 2026-09-08
[[occurrence]]
event = "proposal"
member = "b"
date = 2026-10-20
[[occurrence]]
event = "adoption"
member = "a"
date = 2026-09-30
[[occurrence]]
event = "adoption"
member = "b"
date = 2026-11-04
)";
    cycle::test::temp_dir dir;
    cycle::test::write_file(dir / "every.toml", chain);
    cycle::test::write_file(dir / "same.toml", chain + "same_member = true\n");
    cycle::test::write_file(dir / "plan.toml", plan);
    // Without same_member, A's adoption must wait for B's proposal.
    auto every =
        run_cycle("check --calendar " + q(dir / "every.toml") + " " + q(dir / "plan.toml"));
    CHECK(every.exit_code == 1);
    CHECK(contains(every.out,
                   "KF antar – A kommun on 2026-09-30 must come after KS föreslår – B "
                   "kommun (on 2026-10-20"));
    // With it, A's adoption follows A's proposal: nothing to report.
    auto same = run_cycle("check --calendar " + q(dir / "same.toml") + " " + q(dir / "plan.toml"));
    CHECK(same.exit_code == 0);
    CHECK(contains(same.out, "no findings"));
    // ... and B's adoption before B's proposal is found.
    std::string late = plan;
    late.replace(late.find("2026-11-04"), 10, "2026-10-13");
    cycle::test::write_file(dir / "late.toml", late);
    auto b = run_cycle("check --calendar " + q(dir / "same.toml") + " " + q(dir / "late.toml"));
    CHECK(b.exit_code == 1);
    CHECK(contains(b.out,
                   "KF antar – B kommun on 2026-10-13 must come after KS föreslår – B kommun"));

    // The planner: each member's adoption after its own proposal, not all
    // after the last proposal.
    const auto cal = load_text(chain + "same_member = true\n");
    auto pf = cycle::load_plan_string(R"(calendar = "t"
[[occurrence]]
event = "proposal"
member = "a"
date = 2026-09-08
[[occurrence]]
event = "proposal"
member = "b"
date = 2026-10-20
)",
                                      "p.toml", cal);
    REQUIRE(pf);
    auto p = cycle::make_plan(cal, {.year = 2026, .fixed = &*pf});
    REQUIRE(p);
    std::map<std::string, std::string> day;
    for (const auto& o : p->occurrences) day[o.to_string()] = cycle::iso_date(o.date);
    CHECK(day.at("adoption/a/2026") == "2026-09-09");
    CHECK(day.at("adoption/b/2026") == "2026-10-21");
    // The plan the planner made checks clean.
    auto written = cycle::write_plan_file(cal, *p);
    auto reread = cycle::load_plan_string(written, "w.toml", cal);
    REQUIRE(reread);
}

TEST_CASE(
    "same_member on the real wheels: each principal's minutes extract after its own "
    "adoption",
    "[recurrence][same-member]") {
    const cycle::calendar& cal = cycle::default_calendar();
    const auto* extract = cal.find_event("minutes-extract");
    REQUIRE(extract);
    CHECK(extract->same_member);
    // Eda's calendar includes the county wheel: the key comes along.
    const auto eda = load(fs::path(CYCLE_SOURCE_DIR) / "calendars/examples/eda.toml");
    CHECK(eda.find_event("np:minutes-extract")->same_member);
}
