// due.hpp — what is due in the next days, and what is overdue: the
// coordinator's "what must happen before the end of the month?".
//
// An occurrence is due on its deadline if its event has one ("no later than
// 31 October"), else on its last day. Held and cancelled occurrences are done.
//
//   auto p = cycle::make_plan(cal, {.year = 2026, .fixed = &plan_file});
//   auto d = cycle::find_due(*p, 2026_y/10/1, 30);
//   d.due      // takes place or falls due 1–31 October 2026
//   d.overdue  // in the plan file, fell due before 1 October, not marked held
#pragma once

#include <date/date.h>

#include <vector>

#include "cycle/plan.hpp"

namespace cycle {

// The day an occurrence is due: its deadline, else its last day.
date::sys_days due_day(const occurrence& o);

struct due_report {
    date::sys_days from;          // today
    date::sys_days to;            // today + within days, inclusive
    std::vector<occurrence> due;  // takes place or is due in from..to; by due day
    // Due before `from` and still planned: only occurrences fixed by a plan
    // file, the only place that can say they were held; by due day.
    std::vector<occurrence> overdue;
};

due_report find_due(const plan& p, date::sys_days today, int within_days);

}  // namespace cycle
