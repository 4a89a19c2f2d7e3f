// holidays.hpp — Swedish public holidays (röda dagar) and de facto days off.
//
// The rules are those of Lag (1989:253) om allmänna helgdagar as in force
// since 2005, when Nationaldagen (6 June) became a public holiday and
// Annandag pingst stopped being one. Years 2005–2200 are supported; any other
// year is an error (we do not model the historical rules).
//
//   easter_sunday(2025_y)  == 2025_y/April/20
//   Kristi himmelsfärdsdag == Easter + 39 days (2025-05-29, a Thursday)
//   Midsommardagen         == the Saturday in 20–26 June (2025-06-21)
//   Alla helgons dag       == the Saturday in 31 Oct–6 Nov (2026-10-31)
//
// De facto days off are Påskafton, Midsommarafton, Julafton and Nyårsafton:
// not public holidays in law, but offices are closed.
#pragma once

#include <date/date.h>

#include <string>
#include <vector>

#include "cycle/error.hpp"

namespace cycle {

inline constexpr int first_holiday_year = 2005;
inline constexpr int last_holiday_year = 2200;

enum class holiday_kind {
    public_holiday,  // röd dag, by law
    day_off,         // de facto day off (afton)
};

struct holiday {
    date::year_month_day date;
    std::string name;  // Swedish name, e.g. "Kristi himmelsfärdsdag"
    holiday_kind kind;
};

// Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm,
// Meeus/Jones/Butcher); valid for every year from 1583.
date::year_month_day easter_sunday(date::year y);

// All public holidays and de facto days off of a year, sorted by date. When
// two fall on one day (Kristi himmelsfärdsdag on Första maj in 2008,
// Pingstdagen on Sveriges nationaldag in 2049) both are listed, the
// fixed-date one first.
// Error for a year outside [first_holiday_year, last_holiday_year].
result<std::vector<holiday>> swedish_holidays(date::year y);

// Public holidays and days off of a range of years, sorted; for look-ups
// over a whole plan. Built once, then queried.
class holiday_calendar {
public:
    static result<holiday_calendar> for_years(date::year first, date::year last);

    // The holiday on a day (the first one if two share it), or nullptr.
    const holiday* on(date::year_month_day d) const;
    const std::vector<holiday>& all() const { return days_; }

private:
    std::vector<holiday> days_;
};

// Kind name for output: "public holiday" / "day off".
const char* to_string(holiday_kind k);

}  // namespace cycle
