// rule.hpp — when an event happens: the timing rules of an event template.
//
// A rule gives, for one cycle year, a window of days in which the event may
// be placed (and, for a fixed day, a window of exactly one day):
//
//   month = 5                          -> 1–31 May
//   months = [9, 10]                   -> 1 September – 31 October
//   month = 10, day = 20               -> 20 October
//   month = 5, weekday = "tue", nth = 2   -> the second Tuesday of May
//   month = 5, weekday = "fri", nth = -1  -> the last Friday of May
//   week = 44                          -> Monday–Sunday of ISO week 44
//   relative_to = "seminar", offset = "-6w"  -> six weeks before the seminar
//
// year_offset moves the rule into a later calendar year: the January meeting
// that closes cycle year 2025 has month = 1, year_offset = 1 (January 2026).
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cycle/error.hpp"

namespace cycle {

// A day of a month in a cycle year, e.g. "no later than 31 October".
struct month_day_rule {
    unsigned month = 1;
    unsigned day = 1;
    int year_offset = 0;
    source_region where;
};

// The days one rule allows in one cycle year, inclusive at both ends.
struct day_window {
    date::sys_days first;
    date::sys_days last;
    bool contains(date::sys_days d) const { return first <= d && d <= last; }
};

// The timing forms: a closed set of small value types, one per form. Each
// knows its window in a (calendar) year and its description. Adding a form is
// one type here, its window and description in rule.cpp, its reader in
// timing_reader.cpp and its docs (docs/calendar-format.md, docs/architecture.md).

// A whole month: `month = 5`.
struct whole_month {
    date::month month{1};
};
// First..last month; a last before the first wraps into the next year:
// `months = [9, 10]`.
struct month_range {
    date::month first{1};
    date::month last{1};
};
// One day: `month = 10, day = 20`.
struct fixed_day {
    date::month_day day{date::month{1}, date::day{1}};
};
// The nth weekday of a month (1..5): `month = 5, weekday = "tue", nth = 2`.
struct nth_weekday {
    date::month_weekday day{date::month{1}, date::weekday_indexed{date::Monday, 1}};
};
// The last weekday of a month: `month = 5, weekday = "fri", nth = -1`.
struct last_weekday {
    date::month_weekday_last day{date::month{1}, date::weekday_last{date::Monday}};
};
// An ISO week, or one weekday of it: `week = 44`, `week = 44, weekday = "tue"`.
struct iso_week_rule {
    unsigned week = 1;
    std::optional<date::weekday> weekday;
};
// An offset from another event: `relative_to = "seminar", offset = "-6w"`;
// it has no window of its own (the planner places it from its anchor).
struct relative_rule {
    std::string anchor;  // event id
    int offset_days = 0;  // signed
};

using timing_form = std::variant<whole_month, month_range, fixed_day, nth_weekday, last_weekday,
                                 iso_week_rule, relative_rule>;

struct timing_rule {
    timing_form form;
    int year_offset = 0;  // calendar year = cycle year + year_offset
    source_region where;  // the event table the rule was read from

    // The relative form, or nullptr.
    const relative_rule* relative() const { return std::get_if<relative_rule>(&form); }
};

// The window of a non-relative rule in a cycle year. Errors for a day that
// does not exist that year (29 February in 2026, ISO week 53 in 2025).
result<day_window> window_in(const timing_rule& rule, date::year cycle_year);

// The date of a month_day_rule in a cycle year; error if it does not exist.
result<date::sys_days> date_in(const month_day_rule& rule, date::year cycle_year);

// "the second Tuesday of May", "1 September – 31 October", "6 weeks before
// seminar": the rule in words, for explanations.
std::string describe(const timing_rule& rule);

}  // namespace cycle
