// A named day on a day off (on_day_off), weekdays of per-member events, the
// window-too-small message and the caps in words: the planner and
// `cycle check` agree. Real calendars, the real planner and check host.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "cycle/builtin_plugins.hpp"
#include "cycle/calendar.hpp"
#include "cycle/check_host.hpp"
#include "cycle/explanation.hpp"
#include "cycle/plan.hpp"
#include "cycle/plan_file.hpp"
#include "support.hpp"

using namespace date;

namespace {

// "Last Monday of March" is Annandag påsk in 2027 (Easter is 28 March).
std::string kf_calendar(const std::string& cycle_extra, const std::string& event_extra) {
    return fmt::format(R"([cycle]
id = "kommun"
title = "Kommunens årshjul"
first_year = 2027
last_year = 2027
{}
[[body]]
id = "kf"
name = "Kommunfullmäktige"

[[event]]
id = "kf-mars"
title = "Kommunfullmäktige"
kind = "meeting"
organiser = "kf"
month = 3
weekday = "mon"
nth = -1
{}
)",
                       cycle_extra, event_extra);
}

cycle::calendar load(const std::string& text) {
    auto cal = cycle::load_calendar_string(text, "kommun.toml");
    if (!cal)
        for (const auto& e : cal.errors()) UNSCOPED_INFO(e.to_string());
    REQUIRE(cal);
    return std::move(cal).value();
}

cycle::plan plan_all(const cycle::calendar& cal) {
    auto p = cycle::make_plan(cal, {});
    if (!p)
        for (const auto& e : p.errors()) UNSCOPED_INFO(e.to_string());
    REQUIRE(p);
    return std::move(p).value();
}

// The rule ids `cycle check` finds in a plan file's text.
std::vector<std::string> check_rules(const cycle::calendar& cal, const std::string& plan_text) {
    auto pf = cycle::load_plan_string(plan_text, "plan.toml", cal);
    REQUIRE(pf);
    cycle::registry plugins;
    cycle::add_builtin_plugins(plugins);
    std::vector<std::string> out;
    for (const auto& f : cycle::run_checks(plugins, cal, *pf, {}).found) out.push_back(f.rule);
    return out;
}

std::string plan_text(const std::string& event, const std::string& date) {
    return fmt::format(
        "calendar = \"kommun\"\n\n[[occurrence]]\nevent = \"{}\"\nyear = 2027\ndate = {}\n", event,
        date);
}

const cycle::occurrence& only(const cycle::plan& p, const std::string& event,
                              const std::string& member = {}) {
    for (const auto& o : p.occurrences)
        if (o.event == event && o.member == member) return o;
    FAIL("no occurrence of " << event);
    throw;
}

// Five members' dialogues in September 2026 on Tuesdays to Thursdays.
std::string dialog_calendar(const std::string& caps) {
    return R"([cycle]
id = "kommun"
title = "Kommunens årshjul"
first_year = 2026
last_year = 2026

[[body]]
id = "all"
name = "Alla"
members = ["a", "b", "c", "d", "e"]

[[body]]
id = "a"
name = "A"
[[body]]
id = "b"
name = "B"
[[body]]
id = "c"
name = "C"
[[body]]
id = "d"
name = "D"
[[body]]
id = "e"
name = "E"

[[event]]
id = "dialog"
title = "Dialog"
kind = "dialogue"
month = 9
weekdays = ["tue", "wed", "thu"]
per_member = { body = "all")" +
           (caps.empty() ? "" : ", " + caps) + " }\n";
}

}  // namespace

TEST_CASE("on_day_off: a meeting on Annandag påsk moves to the next working day by default",
          "[planner][day-off]") {
    const auto cal = load(kf_calendar("", ""));
    const auto p = plan_all(cal);
    const auto& kf = only(p, "kf-mars");
    CHECK(kf.date == sys_days{2027_y / March / 30});
    CHECK(cycle::explain(cal, kf) ==
          "window 2027-03-29 (the last Monday of March); the rule names 2027-03-29, which is "
          "Annandag påsk; first working day after it");
    // cycle check accepts the planner's day, and finds the holiday on the named day.
    CHECK(check_rules(cal, plan_text("kf-mars", "2027-03-30")).empty());
    CHECK(check_rules(cal, plan_text("kf-mars", "2027-03-29")) ==
          std::vector<std::string>{"holiday"});
    // A day beyond the move is outside the window.
    CHECK(check_rules(cal, plan_text("kf-mars", "2027-03-31")) ==
          std::vector<std::string>{"outside-window"});
}

TEST_CASE("on_day_off: previous, keep and error, per event and from [cycle]",
          "[planner][day-off]") {
    SECTION("previous skips Långfredagen back to Skärtorsdagen") {
        const auto cal = load(kf_calendar("", "on_day_off = \"previous\""));
        const auto p = plan_all(cal);
        const auto& kf = only(p, "kf-mars");
        CHECK(kf.date == sys_days{2027_y / March / 25});
        CHECK(cycle::explain(cal, kf).find("last working day before it") != std::string::npos);
    }
    SECTION("[cycle] gives the default, an event overrides it") {
        const auto cal = load(kf_calendar("on_day_off = \"previous\"", ""));
        CHECK(only(plan_all(cal), "kf-mars").date == sys_days{2027_y / March / 25});
        const auto next = load(kf_calendar("on_day_off = \"previous\"", "on_day_off = \"next\""));
        CHECK(only(plan_all(next), "kf-mars").date == sys_days{2027_y / March / 30});
    }
    SECTION("keep: the named day stays and the check accepts it") {
        const auto cal = load(kf_calendar("", "on_day_off = \"keep\""));
        const auto p = plan_all(cal);
        const auto& kf = only(p, "kf-mars");
        CHECK(kf.date == sys_days{2027_y / March / 29});
        CHECK(check_rules(cal, plan_text("kf-mars", "2027-03-29")).empty());
    }
    SECTION("error: planning stops at the key, the check finds the holiday") {
        const auto cal = load(kf_calendar("", "on_day_off = \"error\""));
        auto p = cycle::make_plan(cal, {});
        REQUIRE_FALSE(p);
        const auto& e = p.errors().front();
        CHECK(e.where.file == "kommun.toml");
        CHECK(e.where.line == 19);  // the on_day_off key
        CHECK(e.message.find("2027-03-29, which is Annandag påsk, and on_day_off = \"error\"") !=
              std::string::npos);
        CHECK(check_rules(cal, plan_text("kf-mars", "2027-03-29")) ==
              std::vector<std::string>{"holiday"});
    }
}

TEST_CASE("on_day_off: refused where it does nothing, and a bad value", "[calendar][day-off]") {
    auto month = cycle::load_calendar_string(
        kf_calendar("", "").replace(kf_calendar("", "").find("weekday = \"mon\"\nnth = -1\n"), 25,
                                    "on_day_off = \"next\"\n"),
        "kommun.toml");
    REQUIRE_FALSE(month);
    CHECK(month.errors().front().message.find("on_day_off has no effect here") !=
          std::string::npos);
    CHECK(month.errors().front().where.line == 17);
    auto bad = cycle::load_calendar_string(kf_calendar("on_day_off = \"nxt\"", ""), "kommun.toml");
    REQUIRE_FALSE(bad);
    CHECK(bad.errors().front().message.find("(did you mean 'next'?)") != std::string::npos);
    CHECK(bad.errors().front().where.line == 6);
}

TEST_CASE("on_day_off: the built-in wheel's 31 October deadlines fall on the Friday before",
          "[planner][day-off]") {
    const auto& cal = cycle::default_calendar();
    const auto p = plan_all(cal);
    auto deadline_of = [&](int year) {
        for (const auto& o : p.occurrences)
            if (o.event == "local-dialogue-deadline" && o.cycle_year == year) return o;
        FAIL("no deadline in " << year);
        throw;
    };
    CHECK(deadline_of(2025).date == sys_days{2025_y / October / 31});  // a Friday
    CHECK(deadline_of(2026).date == sys_days{2026_y / October / 30});
    CHECK(deadline_of(2027).date == sys_days{2027_y / October / 29});
    CHECK(deadline_of(2028).date == sys_days{2028_y / October / 31});  // a Tuesday
    CHECK(cycle::explain(cal, deadline_of(2026)) ==
          "deadline on 2026-10-30: 2026-10-31 is Alla helgons dag; last working day before it");
    CHECK(cycle::explain(cal, deadline_of(2027)) ==
          "deadline on 2027-10-29: 2027-10-31 is a Sunday; last working day before it");
    // The 17 year-3 medskick deadlines follow.
    int inputs = 0;
    for (const auto& o : p.occurrences)
        if (o.event == "revision-input") {
            ++inputs;
            CHECK(o.date == sys_days{2027_y / October / 29});
        }
    CHECK(inputs == 17);
}

TEST_CASE("weekdays: honoured for per-member events, and checked", "[planner][check][weekday]") {
    const auto cal = load(dialog_calendar("max_per_day = 1"));
    const auto p = plan_all(cal);
    REQUIRE(p.occurrences.size() == 5);
    for (const auto& o : p.occurrences) {
        INFO(o.to_string());
        const weekday wd{o.date};
        CHECK((wd == Tuesday || wd == Wednesday || wd == Thursday));
    }
    // 2026-09-14 is a Monday: a warning by default.
    auto pf = cycle::load_plan_string(
        "calendar = \"kommun\"\n\n[[occurrence]]\nevent = \"dialog\"\nmember = \"a\"\nyear = 2026\n"
        "date = 2026-09-14\n",
        "plan.toml", cal);
    REQUIRE(pf);
    cycle::registry plugins;
    cycle::add_builtin_plugins(plugins);
    cycle::check_options partial;
    partial.partial = true;
    const auto report = cycle::run_checks(plugins, cal, *pf, partial);
    REQUIRE(report.found.size() == 1);
    CHECK(report.found.front().rule == "weekday");
    CHECK(report.found.front().level == cycle::severity::warning);
    CHECK(report.found.front().message.find("is on a Monday, not one of its weekdays (Tuesday, "
                                            "Wednesday, Thursday") != std::string::npos);
}

TEST_CASE("a window too small names the smallest change that would work", "[planner][caps]") {
    // Four members in one week (Mon 14 – Sun 20 September 2026), at most one a
    // day and three a week.
    const std::string text = R"([cycle]
id = "kommun"
title = "Kommunens årshjul"
first_year = 2026
last_year = 2026

[[body]]
id = "namnder"
name = "Nämnder"
members = ["mbn", "bun", "sn", "kfn"]
[[body]]
id = "mbn"
name = "MBN"
[[body]]
id = "bun"
name = "BUN"
[[body]]
id = "sn"
name = "SN"
[[body]]
id = "kfn"
name = "KFN"

[[event]]
id = "budget"
title = "Budgetdialog"
kind = "dialogue"
week = 38
per_member = { body = "namnder", max_per_day = 1, max_per_week = 3 }
)";
    const auto cal = load(text);
    auto p = cycle::make_plan(cal, {});
    REQUIRE_FALSE(p);
    const std::string message = p.errors().front().message;
    INFO(message);
    CHECK(
        message.find("with at most 1 a day and 3 a week (4 occurrences to place); smallest change "
                     "that would work: raise max_per_week to 4, or widen the window (and "
                     "deadline) to 2026-09-21") != std::string::npos);
}

TEST_CASE("explain says no cap for a zero cap and shows the source reference", "[planner][explain]") {
    const auto capped = load(dialog_calendar("max_per_day = 1"));
    for (const auto& o : plan_all(capped).occurrences)
        CHECK(cycle::explain(capped, o).find("under the caps (1/day)") != std::string::npos);
    const auto free = load(dialog_calendar(""));
    for (const auto& o : plan_all(free).occurrences) {
        const auto text = cycle::explain(free, o);
        INFO(text);
        CHECK(text.find("under the caps (no cap)") != std::string::npos);
        CHECK(text.find("0/day") == std::string::npos);
    }
    // The built-in wheel's document has the diarienummer RS/250201.
    auto r = cycle::test::run_cycle("plan --year 2027 --explain");
    REQUIRE(r.exit_code == 0);
    CHECK(cycle::test::contains(r.out, "(RS/250201)"));
    auto j = cycle::test::run_cycle("plan --year 2027 --format json");
    REQUIRE(j.exit_code == 0);
    CHECK(cycle::test::contains(j.out, "(RS/250201)"));
}
