// Timing rules: each form's window in a cycle year.
#include <catch2/catch.hpp>

#include "cycle/rule.hpp"

using namespace cycle;
using namespace date;

namespace {

timing_rule rule(timing_form form, int year_offset = 0) {
    timing_rule r;
    r.form = std::move(form);
    r.year_offset = year_offset;
    return r;
}

day_window window(const timing_rule& r, int y) {
    auto w = window_in(r, year{y});
    REQUIRE(w);
    return *w;
}

}  // namespace

TEST_CASE("a month and a month range", "[rule]") {
    auto may = rule(whole_month{May});
    CHECK(window(may, 2026).first == sys_days{2026_y / May / 1});
    CHECK(window(may, 2026).last == sys_days{2026_y / May / 31});

    auto autumn = rule(month_range{September, October});
    CHECK(window(autumn, 2026).first == sys_days{2026_y / September / 1});
    CHECK(window(autumn, 2026).last == sys_days{2026_y / October / 31});

    auto winter = rule(month_range{December, January});  // wraps into the next year
    CHECK(window(winter, 2026).last == sys_days{2027_y / January / 31});
    CHECK(describe(autumn) == "September–October");
}

TEST_CASE("a fixed day, and a day that does not exist that year", "[rule]") {
    auto leap = rule(fixed_day{February / 29});
    CHECK(window(leap, 2028).first == sys_days{2028_y / February / 29});
    auto missing = window_in(leap, year{2026});
    REQUIRE_FALSE(missing);
    CHECK(missing.errors().front().message == "2026-02-29 does not exist in 2026");
}

TEST_CASE("the nth and the last weekday of a month", "[rule]") {
    auto second_tuesday = rule(nth_weekday{May / Tuesday[2]});
    CHECK(window(second_tuesday, 2026).first == sys_days{2026_y / May / 12});
    CHECK(describe(second_tuesday) == "the second Tuesday of May");

    auto last_friday = rule(last_weekday{May / Friday[last]});
    CHECK(window(last_friday, 2026).first == sys_days{2026_y / May / 29});
    CHECK(describe(last_friday) == "the last Friday of May");

    auto fifth_monday = rule(nth_weekday{May / Monday[5]});
    auto none = window_in(fifth_monday, year{2026});  // May 2026 has four Mondays
    REQUIRE_FALSE(none);
    CHECK(none.errors().front().message == "the fifth Monday of May does not exist in 2026");
}

TEST_CASE("ISO weeks: vecka 44, and week 53 only in long years", "[rule]") {
    auto week44 = rule(iso_week_rule{44, std::nullopt});
    CHECK(window(week44, 2026).first == sys_days{2026_y / October / 26});
    CHECK(window(week44, 2026).last == sys_days{2026_y / November / 1});
    auto wednesday = rule(iso_week_rule{44, Wednesday});
    CHECK(window(wednesday, 2026).first == sys_days{2026_y / October / 28});
    CHECK(describe(wednesday) == "Wednesday of week 44");

    auto week53 = rule(iso_week_rule{53, std::nullopt});
    CHECK(window(week53, 2026).first == sys_days{2026_y / December / 28});  // 2026 has 53 weeks
    CHECK_FALSE(window_in(week53, year{2025}));
}

TEST_CASE("year_offset moves a rule into the next calendar year", "[rule]") {
    auto january = rule(whole_month{January}, 1);
    CHECK(window(january, 2025).first == sys_days{2026_y / January / 1});
    CHECK(describe(january) == "in January of the following year");
}

TEST_CASE("relative rules are described in words and have no window", "[rule]") {
    auto before = rule(relative_rule{"seminar", -42});
    CHECK(describe(before) == "6 weeks before seminar");
    CHECK_FALSE(window_in(before, year{2026}));
    REQUIRE(before.relative());
    CHECK(before.relative()->anchor == "seminar");
    CHECK(describe(rule(relative_rule{"seminar", 3})) == "3 days after seminar");
}
