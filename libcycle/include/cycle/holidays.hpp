// holidays.hpp — public holidays and days off, from a provider the calendar
// names (`holidays = "se"`, the default), and the Swedish one built in.
//
// A holiday_provider says which days of a year are public holidays or de
// facto days off. libcycle has one, "se" (below); a plugin can add others
// with registry::add_holiday_provider (plugin.hpp, docs/plugins.md). The
// planner and the checkers use the provider they are given
// (plan_request::holidays, check_options::holidays), else the built-in one
// the calendar names:
//
//   const cycle::holiday_provider& se = cycle::swedish_holiday_provider();
//   auto days = cycle::holiday_calendar::for_years(se, 2025_y, 2028_y);
//   days->on(2025_y / May / 29)->name == "Kristi himmelsfärdsdag"
//
// Swedish public holidays (röda dagar) and de facto days off:
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

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cycle/error.hpp"

namespace cycle {

struct calendar;

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

// The Swedish general election (allmänna val) of a year, or none: every
// fourth year (2006, 2010, ... 2026, 2030), the second Sunday of September
// from 2014 (2026-09-13, 2030-09-08), the third before (2010-09-19).
std::optional<date::sys_days> swedish_general_election(date::year y);

// Where holidays come from: one country or region. Immutable once made; the
// planner asks it for each year it plans.
class holiday_provider {
public:
    virtual ~holiday_provider();
    virtual std::string name() const = 0;         // what a calendar says: "se"
    virtual std::string description() const = 0;  // "Swedish public holidays and days off"
    // The holidays and days off of one year, sorted by date (two may share a
    // day); an error for a year the provider does not cover.
    virtual result<std::vector<holiday>> holidays_of(date::year y) const = 0;
};

// "se": swedish_holidays. Lives as long as the program.
const holiday_provider& swedish_holiday_provider();

// The provider built into libcycle with this name ("se"), or nullptr.
const holiday_provider* builtin_holiday_provider(std::string_view name);

// The provider for a calendar: `given` when there is one (a host found it by
// the calendar's name, e.g. in a registry), else the built-in one the
// calendar names; an error at the calendar's `holidays` key otherwise.
result<const holiday_provider*> holidays_for(const calendar& cal, const holiday_provider* given);

// Public holidays and days off of a range of years, sorted; for look-ups
// over a whole plan. Built once, then queried.
class holiday_calendar {
public:
    static result<holiday_calendar> for_years(const holiday_provider& provider, date::year first,
                                              date::year last);

    // The holiday on a day (the first one if two share it), or nullptr.
    const holiday* on(date::year_month_day d) const;
    const std::vector<holiday>& all() const { return days_; }

private:
    std::vector<holiday> days_;
};

// Kind name for output: "public holiday" / "day off".
const char* to_string(holiday_kind k);

}  // namespace cycle
