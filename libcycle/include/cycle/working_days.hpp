// working_days.hpp — why a day is not a working day for an occurrence:
// a public holiday, a de facto day off, a weekend, or a closure of a body
// concerned (its member, organiser or an audience). The planner avoids such
// days (docs/planning.md); the deadlines checker reports them.
//
//   day_conflicts(cal, holidays, bodies_concerned(dialogue, "eda"),
//                 2026-10-26, 2026-10-26)   -> {closure, "Höstlov (Eda kommun)"}
#pragma once

#include <date/date.h>

#include <string>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/holidays.hpp"

namespace cycle {

struct day_conflict {
    std::string rule;  // "holiday", "day-off", "weekend" or "closure"
    date::sys_days day;
    std::string what;  // "Kristi himmelsfärdsdag", "Saturday", "Höstlov (Värmlands kommuner)"
};

// The bodies an occurrence concerns: its member, organiser and audiences.
std::vector<std::string> bodies_concerned(const event_template& e, const std::string& member);

// Every conflict of the days first..last, the first day of each rule only.
// A holiday or day off on a weekend is reported as the holiday.
std::vector<day_conflict> day_conflicts(const calendar& cal, const holiday_calendar& holidays,
                                        const std::vector<std::string>& bodies,
                                        date::sys_days first, date::sys_days last);

}  // namespace cycle
