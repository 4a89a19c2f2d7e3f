// The wheel of seed 002 (calendars/nya-perspektiv-2020.toml): a May→April
// year in two layers, the third calendar the format carries. It plans every
// year, and `cycle check` finds nothing in its own plans (with --strict:
// no warning either).
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>

#include "cycle/calendar.hpp"
#include "cycle/plan.hpp"
#include "support.hpp"

namespace {
namespace fs = std::filesystem;
const fs::path wheel = fs::path(CYCLE_SOURCE_DIR) / "calendars/nya-perspektiv-2020.toml";
}  // namespace

TEST_CASE("the 2020 wheel runs May to April in two layers") {
    auto cal = cycle::load_calendar_file(wheel);
    REQUIRE(cal);
    auto p = cycle::make_plan(*cal, {.year = 2020});
    REQUIRE(p);
    std::map<std::string, std::string> day;
    for (const auto& o : p->occurrences) day[o.event] = cycle::iso_date(o.date);
    CHECK(p->occurrences.front().event == "seminar");  // the year opens in May
    CHECK(day["seminar"].substr(0, 7) == "2020-05");
    CHECK(day["aktualitetskonferens"].substr(0, 7) == "2020-09");
    CHECK(day["autumn-workshop"].substr(0, 7) == "2020-09");
    CHECK(day["spring-meeting"].substr(0, 7) == "2021-01");    // vårmötet in January
    CHECK(day["document-adopted"].substr(0, 7) == "2021-04");  // adopted in April
    CHECK(cycle::iso_date(p->occurrences.back().date).substr(0, 7) ==
          "2021-04");  // it closes in April
    CHECK(day["document-sent-april"] > day["document-adopted"]);
    CHECK(day["document-adopted"] > day["document-views"]);
    // The two layers: the steering group's and beredningsgruppen's.
    CHECK(cal->find_event("spring-meeting")->co_organisers ==
          std::vector<std::string>{"utmaningarna"});
}

TEST_CASE("cycle check finds nothing in the plans of the three built-in wheels") {
    cycle::test::temp_dir dir;
    const fs::path calendars = fs::path(CYCLE_SOURCE_DIR) / "calendars";
    for (const char* name : {"nya-perspektiv-2020.toml", "nya-perspektiv-2023.toml",
                             "nya-perspektiv-2025-2028.toml"}) {
        const std::string cal = cycle::test::quoted((calendars / name).string());
        const std::string plan = cycle::test::quoted((dir.path() / "plan.toml").string());
        INFO(name);
        auto made = cycle::test::run_cycle("plan --cycle --format plan --force --calendar " + cal +
                                           " --out " + plan);
        INFO(made.err);
        REQUIRE(made.exit_code == 0);
        auto checked = cycle::test::run_cycle("check --strict --calendar " + cal + " " + plan);
        INFO(checked.out << checked.err);
        CHECK(checked.exit_code == 0);
    }
}
