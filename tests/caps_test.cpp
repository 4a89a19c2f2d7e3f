// The `caps` rule: a plan file that puts more occurrences of a per-member
// event on one day or in one ISO week than [event.per_member] allows. On a
// small calendar and plans written here: the core's caps_violations, the
// deadlines checker through the check host, and `cycle check`.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <tuple>

#include "cycle/builtin_plugins.hpp"
#include "cycle/calendar.hpp"
#include "cycle/check_host.hpp"
#include "cycle/constraint.hpp"
#include "cycle/plan_file.hpp"
#include "support.hpp"

using namespace date;

namespace {

// Three towns, a dialogue each in September 2026, at most one a day and two
// a week (weeks 37–40 are Monday 7 – Sunday 13 September, and so on).
const char* caps_wheel = R"([cycle]
id = "caps"
title = "Caps"
first_year = 2026
last_year = 2026

[[body]]
id = "towns"
name = "Kommunerna"
members = ["a", "b", "c"]

[[body]]
id = "a"
name = "A kommun"

[[body]]
id = "b"
name = "B kommun"

[[body]]
id = "c"
name = "C kommun"

[[event]]
id = "dialogue"
title = "Dialog"
kind = "dialogue"
month = 9
per_member = { body = "towns", max_per_day = 1, max_per_week = 2 }
)";

cycle::calendar load() {
    auto cal = cycle::load_calendar_string(caps_wheel, "caps.toml");
    REQUIRE(cal);
    return std::move(cal).value();
}

std::string plan_text(const char* a, const char* b, const char* c, const char* c_extra = "") {
    std::string out = "calendar = \"caps\"\n";
    using row = std::tuple<const char*, const char*, const char*>;
    for (auto [member, day, extra] : {row{"a", a, ""}, row{"b", b, ""}, row{"c", c, c_extra}})
        out += fmt::format(
            "\n[[occurrence]]\nevent = \"dialogue\"\nmember = \"{}\"\nyear = 2026\ndate = {}\n{}",
            member, day, extra);
    return out;
}

// "rule line" of each finding the host reports.
std::vector<std::string> findings(const cycle::calendar& cal, const std::string& text) {
    auto pf = cycle::load_plan_string(text, "plan.toml", cal);
    REQUIRE(pf);
    cycle::registry plugins;
    cycle::add_builtin_plugins(plugins);
    auto report = cycle::run_checks(plugins, cal, *pf, {});
    std::vector<std::string> out;
    for (const auto& f : report.found)
        out.push_back(fmt::format("{} {} {}", cycle::to_string(f.level), f.rule, f.where.line));
    return out;
}

}  // namespace

TEST_CASE("caps_violations: the occurrences beyond a day's or a week's cap", "[constraint][caps]") {
    const cycle::caps_constraint caps{1, 2, 0};
    const sys_days mon{2026_y / September / 7}, tue = mon + days{1}, wed = mon + days{2};
    const std::vector<cycle::day_span> days{{wed, wed}, {mon, mon}, {mon, mon}, {tue, tue}};
    auto v = cycle::caps_violations(caps, days);
    // In day order: Monday (index 1), Monday again (index 2: over the day's
    // cap), Tuesday (index 3: the week's second, allowed), Wednesday (index
    // 0: the week's third counted, over the week's cap).
    REQUIRE(v.size() == 2);
    CHECK(v[0].index == 0);
    CHECK(v[0].per_week);
    CHECK(v[0].count == 3);
    CHECK(v[0].cap == 2);
    CHECK(v[0].week == 37);
    CHECK(v[1].index == 2);
    CHECK_FALSE(v[1].per_week);
    CHECK(v[1].count == 2);
    CHECK(v[1].cap == 1);
    // No cap is never broken.
    CHECK(cycle::caps_violations({0, 0, 0}, days).empty());
}

TEST_CASE("check: caps on a plan file's dates, a warning by default", "[check][caps]") {
    const auto cal = load();
    // One a day, two a week kept: nothing to report.
    CHECK(findings(cal, plan_text("2026-09-07", "2026-09-08", "2026-09-14")).empty());
    // Two on Monday 7 September: the second (c, its date on line 19) breaks max_per_day.
    CHECK(findings(cal, plan_text("2026-09-07", "2026-09-08", "2026-09-07")) ==
          std::vector<std::string>{"warning caps 19"});
    // Three in week 37 on three days: the third breaks max_per_week.
    CHECK(findings(cal, plan_text("2026-09-07", "2026-09-08", "2026-09-09")) ==
          std::vector<std::string>{"warning caps 19"});
    // A cancelled occurrence takes no place (and is reported missing).
    CHECK(findings(cal, plan_text("2026-09-07", "2026-09-08", "2026-09-07",
                                  "status = \"cancelled\"\n")) ==
          std::vector<std::string>{"error missing 19"});
}

TEST_CASE("cycle check reports caps with the cap and where it is set", "[check][caps][cli]") {
    cycle::test::temp_dir dir;
    cycle::test::write_file(dir / "caps.toml", caps_wheel);
    cycle::test::write_file(dir / "plan.toml", plan_text("2026-09-07", "2026-09-08", "2026-09-07"));
    const std::string args = "check --calendar " +
                             cycle::test::quoted((dir / "caps.toml").string()) + " " +
                             cycle::test::quoted((dir / "plan.toml").string());
    auto r = cycle::test::run_cycle(args);
    CHECK(r.exit_code == 0);  // a warning
    INFO(r.out << r.err);
    CHECK(cycle::test::contains(
        r.out,
        "plan.toml:19:8: warning: Dialog – C kommun on 2026-09-07 makes 2 occurrences that "
        "day, more than max_per_day = 1 allows (" +
            (dir / "caps.toml").string() + ":24:1) [caps]"));
    CHECK(cycle::test::run_cycle(args + " --strict").exit_code == 1);

    // [checks] can make it an error.
    cycle::test::write_file(dir / "caps.toml",
                            std::string(caps_wheel) + "\n[checks]\ncaps = \"error\"\n");
    auto strict = cycle::test::run_cycle(args + " --format json");
    CHECK(strict.exit_code == 1);
    auto doc = nlohmann::json::parse(strict.out);
    REQUIRE(doc["findings"].size() == 1);
    CHECK(doc["findings"][0]["rule"] == "caps");
    CHECK(doc["findings"][0]["severity"] == "error");
    CHECK(doc["findings"][0]["occurrence"] == "dialogue/c/2026");
}
