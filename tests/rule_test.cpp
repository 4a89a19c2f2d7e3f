// Timing rules: each form's window in a cycle year.
#include <catch2/catch.hpp>

#include "cycle/rule.hpp"

using namespace cycle;
using namespace date;

namespace {

timing_rule rule(timing_rule::form kind) {
    timing_rule r;
    r.kind = kind;
    return r;
}

day_window window(const timing_rule& r, int y) {
    auto w = window_in(r, year{y});
    REQUIRE(w);
    return *w;
}

}  // namespace

TEST_CASE("a month and a month range", "[rule]") {
    auto may = rule(timing_rule::form::month);
    may.month = 5;
    CHECK(window(may, 2026).first == sys_days{2026_y / May / 1});
    CHECK(window(may, 2026).last == sys_days{2026_y / May / 31});

    auto autumn = rule(timing_rule::form::month_range);
    autumn.month = 9;
    autumn.last_month = 10;
    CHECK(window(autumn, 2026).first == sys_days{2026_y / September / 1});
    CHECK(window(autumn, 2026).last == sys_days{2026_y / October / 31});

    auto winter = rule(timing_rule::form::month_range);  // wraps into the next year
    winter.month = 12;
    winter.last_month = 1;
    CHECK(window(winter, 2026).last == sys_days{2027_y / January / 31});
    CHECK(describe(autumn) == "September–October");
}

TEST_CASE("a fixed day, and a day that does not exist that year", "[rule]") {
    auto leap = rule(timing_rule::form::fixed_day);
    leap.month = 2;
    leap.day = 29;
    CHECK(window(leap, 2028).first == sys_days{2028_y / February / 29});
    auto missing = window_in(leap, year{2026});
    REQUIRE_FALSE(missing);
    CHECK(missing.errors().front().message == "2026-02-29 does not exist in 2026");
}

TEST_CASE("the nth and the last weekday of a month", "[rule]") {
    auto second_tuesday = rule(timing_rule::form::nth_weekday);
    second_tuesday.month = 5;
    second_tuesday.weekday = Tuesday;
    second_tuesday.nth = 2;
    CHECK(window(second_tuesday, 2026).first == sys_days{2026_y / May / 12});
    CHECK(describe(second_tuesday) == "the second Tuesday of May");

    auto last_friday = second_tuesday;
    last_friday.weekday = Friday;
    last_friday.nth = -1;
    CHECK(window(last_friday, 2026).first == sys_days{2026_y / May / 29});

    auto fifth_monday = second_tuesday;
    fifth_monday.weekday = Monday;
    fifth_monday.nth = 5;
    CHECK_FALSE(window_in(fifth_monday, year{2026}));  // May 2026 has four Mondays
}

TEST_CASE("ISO weeks: vecka 44, and week 53 only in long years", "[rule]") {
    auto week44 = rule(timing_rule::form::iso_week);
    week44.week = 44;
    CHECK(window(week44, 2026).first == sys_days{2026_y / October / 26});
    CHECK(window(week44, 2026).last == sys_days{2026_y / November / 1});
    week44.weekday = Wednesday;
    CHECK(window(week44, 2026).first == sys_days{2026_y / October / 28});

    auto week53 = rule(timing_rule::form::iso_week);
    week53.week = 53;
    CHECK(window(week53, 2026).first == sys_days{2026_y / December / 28});  // 2026 has 53 weeks
    CHECK_FALSE(window_in(week53, year{2025}));
}

TEST_CASE("year_offset moves a rule into the next calendar year", "[rule]") {
    auto january = rule(timing_rule::form::month);
    january.month = 1;
    january.year_offset = 1;
    CHECK(window(january, 2025).first == sys_days{2026_y / January / 1});
    CHECK(describe(january) == "in January of the following year");
}

TEST_CASE("relative rules are described in words", "[rule]") {
    auto before = rule(timing_rule::form::relative);
    before.relative_to = "seminar";
    before.offset_days = -42;
    CHECK(describe(before) == "6 weeks before seminar");
    before.offset_days = 3;
    CHECK(describe(before) == "3 days after seminar");
}
