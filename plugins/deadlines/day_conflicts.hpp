// day_conflicts.hpp — why a day is not a working day for an occurrence:
// a public holiday, a de facto day off, a weekend, or a closure of a body
// concerned (its member, organiser or an audience), as the planner avoids
// them (docs/planning.md).
#pragma once

#include <date/date.h>

#include <string>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/holidays.hpp"

namespace cycle::deadlines {

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

}  // namespace cycle::deadlines
