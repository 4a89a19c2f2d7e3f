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

struct timing_rule {
    enum class form {
        month,          // a whole month
        month_range,    // first..last month; last < first wraps into the next year
        fixed_day,      // month + day
        nth_weekday,    // month + weekday + nth (1..5, or -1 for the last)
        iso_week,       // ISO week (+ optional weekday)
        relative,       // offset from another event
    };
    form kind = form::month;

    unsigned month = 1;       // month, month_range (first), fixed_day, nth_weekday
    unsigned last_month = 1;  // month_range
    unsigned day = 1;         // fixed_day
    std::optional<date::weekday> weekday;  // nth_weekday, iso_week
    int nth = 1;              // nth_weekday
    unsigned week = 1;        // iso_week
    int year_offset = 0;      // calendar year = cycle year + year_offset

    std::string relative_to;  // relative: event id
    int offset_days = 0;      // relative: signed offset in days

    source_region where;      // the event table the rule was read from
};

// The days one rule allows in one cycle year, inclusive at both ends.
struct day_window {
    date::sys_days first;
    date::sys_days last;
    bool contains(date::sys_days d) const { return first <= d && d <= last; }
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
