// The [checks] table of a calendar: rule id -> "error" | "warning" | "off".
#include <catch2/catch.hpp>

#include "cycle/calendar.hpp"

namespace {

const char* const minimal = R"(
[cycle]
id = "t"
title = "T"
first_year = 2025
last_year = 2025

[[event]]
id = "seminar"
title = "Seminarium"
kind = "conference"
month = 5
)";

}  // namespace

TEST_CASE("[checks] maps rule ids to severities") {
    auto cal = cycle::load_calendar_string(std::string(minimal) + R"(
[checks]
weekend = "warning"
holiday = "error"
closure = "off"
)",
                                           "t.toml");
    REQUIRE(cal);
    REQUIRE(cal->checks.size() == 3);
    REQUIRE(cal->find_check("closure")->level == cycle::check_level::off);
    REQUIRE(cal->find_check("holiday")->level == cycle::check_level::error);
    REQUIRE(cal->find_check("weekend")->level == cycle::check_level::warning);
    REQUIRE(cal->find_check("weekend")->where.line == 15);
    REQUIRE(cal->find_check("weekend")->where.column == 1);
    REQUIRE(cal->find_check("missing") == nullptr);
}

TEST_CASE("[checks] rejects a level that is not error, warning or off, with its place") {
    auto cal = cycle::load_calendar_string(std::string(minimal) + R"(
[checks]
weekend = "fatal"
holiday = 1
)",
                                           "t.toml");
    REQUIRE_FALSE(cal);
    REQUIRE(cal.errors().size() == 2);
    // toml++ keeps keys sorted: holiday, then weekend.
    REQUIRE(cal.errors()[0].to_string() ==
            "t.toml:16:11: error: [checks]: 'holiday' must be \"error\", \"warning\" or \"off\"");
    REQUIRE(cal.errors()[1].to_string() ==
            "t.toml:15:11: error: [checks]: 'weekend' must be \"error\", \"warning\" or \"off\"");
}

TEST_CASE("the shipped calendars say how their checks are reported") {
    REQUIRE(cycle::default_calendar().find_check("holiday")->level == cycle::check_level::error);
    auto old = cycle::load_calendar_file(std::string(CYCLE_SOURCE_DIR) +
                                         "/calendars/nya-perspektiv-2023.toml");
    REQUIRE(old);
    REQUIRE(old->find_check("day-off")->level == cycle::check_level::error);
}
