// Holiday providers: the calendar names one (`holidays = "se"` by default),
// a plugin can add one, and the planner, the deadlines checker and
// `cycle holidays` use the one they are given. The provider from a plugin is
// tests/plugins/holiday_plugin.cpp ("test-land": Testafton 12 October, a day
// off, and Testdagen 13 October, a public holiday; Första maj is a working day).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "cycle/builtin_plugins.hpp"
#include "cycle/plan.hpp"
#include "cycle/plugin_loader.hpp"
#include "support.hpp"

using namespace date;
using cycle::test::run_cycle;

namespace {

const std::filesystem::path plugins_dir = CYCLE_TEST_PLUGINS;
const std::filesystem::path test_land_plugin = plugins_dir / "holidays" / "holiday_plugin.so";

// Two meetings whose windows start on days that are holidays in one country
// and not the other: May (Första maj, a Friday, in Sweden) and ISO week 42
// of 2026 (12-18 October: Testafton and Testdagen in test-land).
std::string wheel(const std::string& holidays_line) {
    return R"([cycle]
id = "t"
title = "T"
first_year = 2026
last_year = 2026
)" + holidays_line +
           R"(
[[event]]
id = "may-meeting"
title = "Majmöte"
kind = "meeting"
month = 5

[[event]]
id = "autumn-meeting"
title = "Höstmöte"
kind = "meeting"
week = 42
)";
}

cycle::calendar load(const std::string& holidays_line) {
    auto cal = cycle::load_calendar_string(wheel(holidays_line), "t.toml");
    if (!cal)
        for (const auto& e : cal.errors()) UNSCOPED_INFO(e.to_string());
    REQUIRE(cal);
    return std::move(cal).value();
}

sys_days day_of(const cycle::plan& p, const std::string& event) {
    auto it = std::find_if(p.occurrences.begin(), p.occurrences.end(),
                           [&](const cycle::occurrence& o) { return o.event == event; });
    REQUIRE(it != p.occurrences.end());
    return it->date;
}

}  // namespace

TEST_CASE("holidays: a calendar names its provider, \"se\" by default", "[holidays]") {
    CHECK(load("").holidays == "se");
    auto named = load("holidays = \"test-land\"");
    CHECK(named.holidays == "test-land");
    CHECK(named.holidays_where.to_string() == "t.toml:6:12");
    auto bad = cycle::load_calendar_string(wheel("holidays = \"Test Land\""), "t.toml");
    REQUIRE_FALSE(bad);
    CHECK(bad.errors().front().to_string().find("t.toml:6:") == 0);
}

TEST_CASE("holidays: the built-in Swedish provider is what \"se\" plans with", "[holidays]") {
    auto cal = load("holidays = \"se\"");
    auto p = cycle::make_plan(cal, {.year = 2026, .fixed = nullptr, .holidays = nullptr});
    REQUIRE(p);
    CHECK(day_of(*p, "may-meeting") == sys_days{2026_y / May / 4});  // Första maj, a weekend
    CHECK(day_of(*p, "autumn-meeting") == sys_days{2026_y / October / 12});
    CHECK(&cycle::swedish_holiday_provider() == cycle::builtin_holiday_provider("se"));
    CHECK(cycle::builtin_holiday_provider("test-land") == nullptr);
}

TEST_CASE("holidays: a plugin's provider, found through the registry, plans the wheel",
          "[holidays][plugins]") {
    auto cal = load("holidays = \"test-land\"");

    // Without the plugin the provider is unknown: an error at the key.
    cycle::registry bare;
    auto missing = bare.holidays_for(cal);
    REQUIRE_FALSE(missing);
    CHECK(missing.errors().front().to_string().find("t.toml:6:12: error: no holiday provider "
                                                    "'test-land'") == 0);
    auto unplanned = cycle::make_plan(cal, {.year = 2026, .fixed = nullptr, .holidays = nullptr});
    REQUIRE_FALSE(unplanned);
    CHECK(unplanned.errors().front().message.find("no holiday provider 'test-land'") == 0);

    cycle::registry r;
    REQUIRE(cycle::load_plugin(r, test_land_plugin));
    auto provider = r.holidays_for(cal);
    REQUIRE(provider);
    CHECK((*provider)->name() == "test-land");
    // The planner takes the provider it is given: Första maj is a working
    // day in test-land, and 12-13 October are not.
    auto p = cycle::make_plan(cal, {.year = 2026, .fixed = nullptr, .holidays = *provider});
    REQUIRE(p);
    CHECK(day_of(*p, "may-meeting") == sys_days{2026_y / May / 1});
    CHECK(day_of(*p, "autumn-meeting") == sys_days{2026_y / October / 14});
    // A calendar that says "se" still gets the built-in one from the registry.
    CHECK(*r.holidays_for(load("")) == &cycle::swedish_holiday_provider());
}

TEST_CASE("holidays: the deadlines checker reports the given provider's holidays",
          "[holidays][plugins]") {
    auto cal = load("holidays = \"test-land\"");
    cycle::registry r;
    cycle::add_builtin_plugins(r);
    REQUIRE(cycle::load_plugin(r, test_land_plugin));
    auto plan = cycle::load_plan_string(R"(calendar = "t"

[[occurrence]]
event = "may-meeting"
year = 2026
date = 2026-05-01

[[occurrence]]
event = "autumn-meeting"
year = 2026
date = 2026-10-13
)",
                                        "p.toml", cal);
    REQUIRE(plan);
    cycle::check_options options;
    options.holidays = *r.holidays_for(cal);
    std::vector<std::string> holidays;
    for (const auto& c : r.checkers())
        for (const auto& f : c->check(cal, *plan, options))
            if (f.rule == "holiday" || f.rule == "day-off" || f.rule == "holidays")
                holidays.push_back(f.where.to_string() + " " + f.rule + " " + f.message);
    REQUIRE(holidays.size() == 1);
    CHECK(holidays.front().find("p.toml:11:8 holiday ") == 0);
    CHECK(holidays.front().find("Testdagen") != std::string::npos);

    // A checker given no provider and a calendar naming an unknown one says so.
    cycle::findings unknown;
    for (const auto& c : r.checkers())
        for (const auto& f : c->check(cal, *plan, {}))
            if (f.rule == "holidays") unknown.push_back(f);
    REQUIRE(unknown.size() == 1);
    CHECK(unknown.front().level == cycle::severity::error);
    CHECK(unknown.front().to_string().find("t.toml:6:12: error: no holiday provider") == 0);
}

TEST_CASE("holidays: a plugin cannot replace the built-in \"se\"", "[holidays][plugins]") {
    cycle::registry r;
    auto refused =
        cycle::load_plugin(r, plugins_dir / "holidays-refused" / "swedish_clash_plugin.so");
    REQUIRE_FALSE(refused);
    CHECK(refused.errors().front().message ==
          "plugin 'fake-se' failed to register: its holidays 'se' clash with the provider built "
          "into libcycle");
    CHECK(r.holiday_providers().empty());
    CHECK(r.components().empty());
}

TEST_CASE("holidays: cycle plan, check, holidays and publish use the calendar's provider from a plugin",
          "[holidays][plugins][cli]") {
    cycle::test::temp_dir dir;
    const auto cal = dir / "t.toml";
    cycle::test::write_file(cal, wheel("holidays = \"test-land\""));
    const std::string plugin = "--plugin-dir '" + (plugins_dir / "holidays").string() + "' ";

    auto without = run_cycle("plan --calendar '" + cal.string() + "' --year 2026");
    CHECK(without.exit_code == 2);
    CHECK(without.out.empty());
    CHECK(without.err.find(cal.string() + ":6:12: error: no holiday provider 'test-land'") == 0);

    auto planned =
        run_cycle(plugin + "plan --calendar '" + cal.string() + "' --year 2026 --format plan");
    INFO(planned.err);
    REQUIRE(planned.exit_code == 0);
    CHECK(planned.out.find("date = 2026-05-01") != std::string::npos);
    CHECK(planned.out.find("date = 2026-10-14") != std::string::npos);

    auto listed = run_cycle(plugin + "holidays --calendar '" + cal.string() + "' --year 2026");
    REQUIRE(listed.exit_code == 0);
    CHECK(listed.out.find("Holidays of test-land, 2026\n") == 0);
    CHECK(listed.out.find("2026-10-12") != std::string::npos);
    CHECK(listed.out.find("Testdagen") != std::string::npos);

    auto plugins = run_cycle(plugin + "plugins");
    CHECK(plugins.out.find("test-land    holidays   1.0        test-land") != std::string::npos);

    const auto plan = dir / "plan.toml";
    cycle::test::write_file(plan,
                            "calendar = \"t\"\n\n[[occurrence]]\nevent = \"autumn-meeting\"\n"
                            "year = 2026\ndate = 2026-10-13\n");
    auto checked = run_cycle(plugin + "check --partial --calendar '" + cal.string() + "' '" +
                             plan.string() + "'");
    CHECK(checked.out.find("Testdagen") != std::string::npos);

    // publish plans with the same provider: the site's plan has the 14th.
    const auto site = dir / "site";
    auto published = run_cycle(plugin + "publish --calendar '" + cal.string() + "' --out '" +
                               site.string() + "' --today 2026-09-01");
    INFO(published.err);
    REQUIRE(published.exit_code == 0);
    CHECK(cycle::test::read_file(site / "plan.json").find("\"2026-10-14\"") !=
          std::string::npos);
}

TEST_CASE("holidays: a provider that throws is an error at its plugin's library, exit 2",
          "[holidays][plugins][cli]") {
    cycle::test::temp_dir dir;
    const auto cal = dir / "t.toml";
    cycle::test::write_file(cal, wheel("holidays = \"throw-land\""));
    const auto library = plugins_dir / "holidays-throw" / "throwing_holiday_plugin.so";
    const std::string plugin = "--plugin-dir '" + library.parent_path().string() + "' ";
    const std::string message =
        library.string() + ": error: holidays 'throw-land' failed: holiday table missing\n";
    for (const std::string command : {"plan", "holidays"}) {
        auto r = run_cycle(plugin + command + " --calendar '" + cal.string() + "' --year 2026");
        INFO(command << ": " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == message);
    }
    // Below the CLI: the registry's provider throws a plugin_error located there.
    cycle::registry r;
    REQUIRE(cycle::load_plugin(r, library));
    auto provider = r.holidays_for(load("holidays = \"throw-land\""));
    REQUIRE(provider);
    try {
        (void)(*provider)->holidays_of(2026_y);
        FAIL("no exception");
    } catch (const cycle::plugin_error& e) {
        CHECK(e.located().where.file == library.string());
    }
}
