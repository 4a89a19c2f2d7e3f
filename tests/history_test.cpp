// History in the calendar (`held = true`): what already happened in the
// built-in wheel's first cycle year is planned as held.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "cycle/calendar.hpp"
#include "cycle/explanation.hpp"
#include "cycle/plan.hpp"
#include "cycle/plan_file.hpp"
#include "cycle/plan_output.hpp"
#include "support.hpp"

using cycle::test::contains;

TEST_CASE("the built-in wheel's 2025 history is held on its real days") {
    const cycle::calendar& cal = cycle::default_calendar();
    auto p = cycle::make_plan(cal, {.year = 2025});
    REQUIRE(p);
    std::map<std::string, const cycle::occurrence*> by_event;
    for (const auto& o : p->occurrences) by_event[o.event] = &o;
    const std::map<std::string, std::string> history{{"consultation-answered-2025", "2025-03-05"},
                                                     {"or-position-2025", "2025-05-08"},
                                                     {"document-dispatch-2025", "2025-05-26"}};
    for (const auto& [id, day] : history) {
        INFO(id);
        REQUIRE(by_event.count(id));
        CHECK(cycle::iso_date(by_event[id]->date) == day);
        CHECK(by_event[id]->status == cycle::occurrence_status::held);
        CHECK(contains(cycle::explain(cal, *by_event[id]), "held (history in the calendar)"));
    }
    // Only in cycle year 1.
    auto later = cycle::make_plan(cal, {.year = 2026});
    REQUIRE(later);
    for (const auto& o : later->occurrences) CHECK(history.count(o.event) == 0);
    // The JSON and a written plan file say held; the plan file reads back.
    auto json = nlohmann::json::parse(cycle::format_json(cal, *p, {}));
    for (const auto& j : json["occurrences"])
        if (history.count(j["event"].get<std::string>())) CHECK(j["status"] == "held");
    const std::string file = cycle::write_plan_file(cal, *p);
    CHECK(contains(
        file, "event = \"or-position-2025\"\nyear = 2025\ndate = 2025-05-08\nstatus = \"held\"\n"));
    CHECK(cycle::load_plan_string(file, "p.toml", cal));
}

TEST_CASE("held = true is one day of one cycle year, sourced, not per member") {
    const std::string head = R"([cycle]
id = "t"
title = "T"
first_year = 2026
last_year = 2027
[[body]]
id = "b"
name = "B"
members = ["c"]
[[body]]
id = "c"
name = "C"
[[event]]
id = "e"
title = "E"
kind = "meeting"
)";
    auto load = [&](const std::string& keys) {
        return cycle::load_calendar_string(head + keys, "t.toml");
    };
    CHECK(load("month = 5\nday = 8\nyears = [1]\nheld = true\n"));
    CHECK(load("month = 5\nday = 8\nyears = [1]\nheld = false\n"));
    const std::string message =
        "t.toml:{}:8: error: [[event]] 'e': held = true marks a date that happened: give one day (month "
        "and day) and one cycle year (years = [1])";
    auto month = load("month = 5\nyears = [1]\nheld = true\n");
    REQUIRE_FALSE(month);
    CHECK(month.errors().front().to_string() == fmt::format(fmt::runtime(message), 19));
    auto every = load("month = 5\nday = 8\nheld = true\n");
    REQUIRE_FALSE(every);
    CHECK(every.errors().front().to_string() == fmt::format(fmt::runtime(message), 19));
    auto two = load("month = 5\nday = 8\nyears = [1, 2]\nheld = true\n");
    REQUIRE_FALSE(two);
    auto assumed = load("month = 5\nday = 8\nyears = [1]\nassumed = \"x\"\nheld = true\n");
    REQUIRE_FALSE(assumed);
    CHECK(contains(assumed.errors().front().to_string(), "it is not assumed"));
    auto member =
        load("month = 5\nday = 8\nyears = [1]\nheld = true\nper_member = { body = \"b\" }\n");
    REQUIRE_FALSE(member);
    CHECK(contains(member.errors().front().to_string(), "held in a plan file"));
}
