// Below the CLI: occurrence_id, the check host, diff_plans and find_due on
// small calendars written here, and calendars of 10,000+ generated events
// (run with a CTest TIMEOUT: a quadratic look-up or a recursion per event
// would time out or overflow the stack).
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "cycle/calendar.hpp"
#include "cycle/check_host.hpp"
#include "cycle/due.hpp"
#include "cycle/plan.hpp"
#include "cycle/plan_diff.hpp"
#include "cycle/plan_file.hpp"
#include "cycle/plugin.hpp"

using namespace cycle;
using namespace date;

namespace {

// Two principals, a seminar in May and a dialogue per principal in
// September–October that must come after it.
const char* small_wheel = R"(
[cycle]
id = "small"
title = "Litet hjul"
first_year = 2026
last_year = 2026

[[body]]
id = "principals"
name = "Huvudmännen"
members = ["alfa", "beta"]

[[body]]
id = "alfa"
name = "Alfa kommun"

[[body]]
id = "beta"
name = "Beta kommun"

[[event]]
id = "seminar"
title = "Seminariet"
kind = "conference"
month = 5

[[event]]
id = "dialogue"
title = "Lokal dialog"
kind = "dialogue"
months = [9, 10]
after = ["seminar"]
per_member = { body = "principals" }

[checks]
weekend = "off"
loud = "error"
)";

calendar load(const std::string& toml) {
    auto cal = load_calendar_string(toml, "small.toml");
    if (!cal)
        for (const auto& e : cal.errors()) FAIL(e.to_string());
    return std::move(cal).value();
}

plan_file plan_of(const calendar& cal, const std::string& body, const char* name = "plan.toml") {
    auto pf = load_plan_string("calendar = \"small\"\n" + body, name, cal);
    if (!pf)
        for (const auto& e : pf.errors()) FAIL(e.to_string());
    return std::move(pf).value();
}

std::string entry(const char* event, const char* member, const char* day, const char* extra = "") {
    return fmt::format("[[occurrence]]\nevent = \"{}\"\n{}year = 2026\ndate = {}\n{}\n", event,
                       *member ? fmt::format("member = \"{}\"\n", member) : "", day, extra);
}

// A checker that finds every rule it is told to, once per plan entry.
class scripted_checker final : public checker {
public:
    scripted_checker(std::string name, std::vector<rule_info> rules,
                     std::vector<std::string> broken)
        : name_(std::move(name)), rules_(std::move(rules)), broken_(std::move(broken)) {}
    std::string name() const override { return name_; }
    std::string description() const override { return "test"; }
    std::vector<rule_info> rules() const override { return rules_; }
    findings check(const calendar&, const plan_file& plan, const check_options&) const override {
        findings out;
        for (const auto& e : plan.entries)
            for (const auto& rule : broken_) {
                finding f;
                f.rule = rule;
                f.message = rule + " broken by " + e.to_string();
                f.where = e.where;
                f.occurrence = e.to_string();
                out.push_back(std::move(f));
            }
        return out;
    }

private:
    std::string name_;
    std::vector<rule_info> rules_;
    std::vector<std::string> broken_;
};

std::vector<std::string> summary(const check_report& r) {
    std::vector<std::string> out;
    for (const auto& f : r.found)
        out.push_back(fmt::format("{} {} {}:{}", f.waived ? "waived" : to_string(f.level), f.rule,
                                  f.where.line, f.where.column));
    return out;
}

}  // namespace

TEST_CASE("occurrence_id: text forms and their inverses", "[core]") {
    const occurrence_id one{"seminar", "", 2026}, member{"local-dialogue", "eda", 2027};
    CHECK(one.to_string() == "seminar/2026");
    CHECK(member.to_string() == "local-dialogue/eda/2027");
    CHECK(member.uid("np") == "local-dialogue.2027.eda@np");
    CHECK(occurrence_id::parse(member.to_string()) == member);
    CHECK(occurrence_id::parse(one.to_string()) == one);
    CHECK(occurrence_id::parse_uid(member.uid("np"), "np") == member);
    CHECK_FALSE(occurrence_id::parse_uid(member.uid("np"), "other"));
    for (const char* bad : {"", "seminar", "seminar/20x6", "a/b/c/2026", "/2026"})
        CHECK_FALSE(occurrence_id::parse(bad));
}

TEST_CASE("check host: levels from [checks], waivers, unknown rules, order, strict",
          "[core][check]") {
    const calendar cal = load(small_wheel);
    const plan_file plan = plan_of(
        cal, entry("seminar", "", "2026-05-12") +
                 entry("dialogue", "alfa", "2026-09-15",
                       "[[occurrence.waive]]\nrule = \"quiet\"\nreason = \"Agreed in March\"\n"
                       "[[occurrence.waive]]\nrule = \"loud\"\nreason = \"Not broken\"\n"
                       "[[occurrence.waive]]\nrule = \"nosuch\"\nreason = \"Typo\"\n"));
    registry plugins;
    plugins.add_checker(std::make_unique<scripted_checker>(
        "first",
        std::vector<rule_info>{{"quiet", severity::warning, "q"},
                               {"weekend", severity::warning, "w"}},
        std::vector<std::string>{"quiet", "weekend"}));
    // A second checker's rule is known to the host: [checks] may name it.
    plugins.add_checker(std::make_unique<scripted_checker>(
        "second", std::vector<rule_info>{{"loud", severity::note, "l"}},
        std::vector<std::string>{}));

    auto report = run_checks(plugins, cal, plan, {});
    // weekend is off; quiet is a warning, waived on the dialogue; loud is
    // known (no unknown-rule for [checks]) but its waiver is unused; nosuch
    // is unknown. Sorted by place: the seminar entry's date (line 5), then the
    // dialogue's date (line 11) and its waivers (lines 15, 18).
    CHECK(summary(report) == std::vector<std::string>{"warning quiet 5:8", "waived quiet 11:8",
                                                      "warning unused-waiver 15:1",
                                                      "warning unknown-rule 18:1"});
    REQUIRE(report.found.size() == 4);
    CHECK(report.found[1].waiver_reason == "Agreed in March");
    CHECK(report.found[2].occurrence == "dialogue/alfa/2026");
    CHECK(report.warnings == 3);
    CHECK(report.waived == 1);
    CHECK(report.exit_code == 0);
    CHECK(run_checks(plugins, cal, plan, {}, true).exit_code == 1);

    // Without the second checker, [checks] names a rule no one declares.
    registry alone;
    alone.add_checker(std::make_unique<scripted_checker>(
        "first", std::vector<rule_info>{{"quiet", severity::warning, "q"}},
        std::vector<std::string>{}));
    auto lonely = run_checks(alone, cal, plan, {});
    bool unknown_loud = false;
    for (const auto& f : lonely.found)
        unknown_loud |= f.rule == "unknown-rule" && f.message.find("'loud'") != std::string::npos;
    CHECK(unknown_loud);

    auto json = format_check_json(report, {.calendar_id = cal.id,
                                           .plans = {"plan.toml"},
                                           .today = {},
                                           .strict = false,
                                           .occurrences = plan.entries.size()});
    CHECK(json.find("\"schema\": \"cycle-check/1\"") != std::string::npos);
    CHECK(json.find("\"waiver_reason\": \"Agreed in March\"") != std::string::npos);
}

TEST_CASE("diff_plans: added, removed, moved and a new status, in day order", "[core][diff]") {
    const calendar cal = load(small_wheel);
    const plan_file before =
        plan_of(cal, entry("seminar", "", "2026-05-12") + entry("dialogue", "alfa", "2026-09-15") +
                         entry("dialogue", "beta", "2026-09-22"));
    const plan_file after =
        plan_of(cal,
                entry("seminar", "", "2026-05-12", "status = \"held\"") +
                    entry("dialogue", "alfa", "2026-10-06") +
                    entry("dialogue", "beta", "2026-09-22", "start = \"13:00\"\nduration = \"2h\""),
                "after.toml");
    auto changes = diff_plans(cal, before, after);
    REQUIRE(changes.size() == 3);
    CHECK(changes[0].kind == change_kind::status);
    CHECK(changes[0].key == "seminar/2026");
    CHECK(changes[1].kind == change_kind::moved);  // a start time is a move
    CHECK(changes[1].key == "dialogue/beta/2026");
    CHECK(changes[2].kind == change_kind::moved);
    CHECK(changes[2].title == "Lokal dialog – Alfa kommun");
    CHECK(changes[2].before->date == sys_days{2026_y / September / 15});

    const plan_file fewer = plan_of(cal, entry("seminar", "", "2026-05-12"));
    auto removed = diff_plans(cal, before, fewer);
    REQUIRE(removed.size() == 2);
    CHECK(removed[0].kind == change_kind::removed);
    CHECK(removed[0].key == "dialogue/alfa/2026");
    auto added = diff_plans(cal, fewer, before);
    REQUIRE(added.size() == 2);
    CHECK(added[1].kind == change_kind::added);
    CHECK(added[1].key == "dialogue/beta/2026");
    CHECK(diff_plans(cal, before, before).empty());
}

TEST_CASE("find_due: due in the next days by due day, overdue only when fixed", "[core][due]") {
    const calendar cal = load(small_wheel);
    const plan_file fixed = plan_of(cal, entry("seminar", "", "2026-05-12"));
    auto p = make_plan(cal, {.year = 2026, .fixed = &fixed});
    REQUIRE(p);
    auto autumn = find_due(*p, sys_days{2026_y / September / 1}, 60);
    REQUIRE(autumn.due.size() == 2);  // both dialogues
    CHECK(autumn.due[0].event == "dialogue");
    CHECK(autumn.due[0].date <= autumn.due[1].date);
    REQUIRE(autumn.overdue.size() == 1);  // the fixed seminar, still "planned"
    CHECK(autumn.overdue[0].event == "seminar");

    const plan_file held = plan_of(cal, entry("seminar", "", "2026-05-12", "status = \"held\""));
    auto done = make_plan(cal, {.year = 2026, .fixed = &held});
    REQUIRE(done);
    CHECK(find_due(*done, sys_days{2026_y / September / 1}, 60).overdue.empty());
    CHECK(find_due(*done, sys_days{2026_y / December / 1}, 10).due.empty());
}

namespace {

std::string wheel_head() {
    return "[cycle]\nid = \"big\"\ntitle = \"Big\"\nfirst_year = 2025\nlast_year = 2026\n";
}

}  // namespace

TEST_CASE("scale: a chain of 12,000 relative events loads, orders and plans", "[scale]") {
    std::string toml = wheel_head();
    const int n = 12000;
    for (int i = n - 1; i > 0; --i)
        toml += fmt::format(
            "[[event]]\nid = \"e{}\"\ntitle = \"E\"\nkind = \"milestone\"\n"
            "relative_to = \"e{}\"\noffset = \"+0d\"\n",
            i, i - 1);
    toml += "[[event]]\nid = \"e0\"\ntitle = \"E\"\nkind = \"milestone\"\nmonth = 3\n";
    auto cal = load_calendar_string(toml, "chain.toml");
    REQUIRE(cal);
    auto p = make_plan(*cal, {.year = 2025, .fixed = nullptr});
    REQUIRE(p);
    CHECK(p->occurrences.size() == std::size_t(n));

    // The same chain closed into a cycle is found, without recursion.
    auto closed = toml;
    closed.replace(closed.rfind("month = 3"), 9, "relative_to = \"e11999\"\noffset = \"+1d\"");
    auto bad = load_calendar_string(closed, "cycle.toml");
    REQUIRE_FALSE(bad);
    CHECK(bad.errors().front().message.find("cyclic precedence: [[event]] 'e11999'") == 0);
}

TEST_CASE("scale: 12,000 independent events plan in calendar order", "[scale]") {
    std::string toml = wheel_head();
    const int n = 12000;
    for (int i = 0; i < n; ++i)
        toml += fmt::format(
            "[[event]]\nid = \"x{}\"\ntitle = \"X\"\nkind = \"milestone\"\n"
            "month = {}\nworking_days_only = false\n",
            i, 1 + i % 12);
    auto cal = load_calendar_string(toml, "many.toml");
    REQUIRE(cal);
    auto p = make_plan(*cal, {.year = 2026, .fixed = nullptr});
    REQUIRE(p);
    REQUIRE(p->occurrences.size() == std::size_t(n));
    CHECK(p->occurrences[0].event == "x0");
    CHECK(p->occurrences[1].event == "x12");  // same day: calendar order
}

TEST_CASE("scale: 30 layers of shared members (a diamond) are walked once", "[scale]") {
    std::string toml = wheel_head();
    const int layers = 30;
    for (int l = 0; l < layers; ++l)
        for (char side : {'a', 'b'})
            toml += l + 1 < layers
                        ? fmt::format(
                              "[[body]]\nid = \"l{}{}\"\nname = \"L\"\nmembers = [\"l{}a\", "
                              "\"l{}b\"]\n",
                              l, side, l + 1, l + 1)
                        : fmt::format("[[body]]\nid = \"l{}{}\"\nname = \"L\"\n", l, side);
    toml += "[[body]]\nid = \"outsider\"\nname = \"O\"\n";
    toml +=
        "[[event]]\nid = \"e\"\ntitle = \"E\"\nkind = \"meeting\"\nmonth = 3\naudiences = "
        "[\"l0a\"]\n";
    auto cal = load_calendar_string(toml, "diamond.toml");
    REQUIRE(cal);
    CHECK(cal->is_member_of("l29b", "l0a"));
    CHECK_FALSE(cal->is_member_of("outsider", "l0a"));
    auto p = make_plan(*cal, {.year = 2026, .fixed = nullptr});
    REQUIRE(p);
    CHECK(select(*cal, *p, {.audience = "outsider", .from = {}, .to = {}}).empty());
    CHECK(select(*cal, *p, {.audience = "l29a", .from = {}, .to = {}}).size() == 1);
}
