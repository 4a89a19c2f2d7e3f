// due.hpp — what is due in the next days, and what is overdue: the
// coordinator's "what must happen before the end of the month?".
//
// An occurrence is due on its deadline if its event has one ("no later than
// 31 October"), else on its last day. Held and cancelled occurrences are done.
// A date a plan file only proposes (status = "proposed") is listed where it
// falls, marked (occurrence::proposed): it is not a commitment, so it is
// never a deadline missed; once past it is "not marked held" like the rest.
//
//   auto p = cycle::make_plan(cal, {.year = 2026, .fixed = &plan_file});
//   auto d = cycle::find_due(*p, 2026_y/10/1, 30);
//   d.due       // takes place or falls due 1–31 October 2026
//   d.missed    // in the plan file, its deadline passed and it is dated after it
//   d.unmarked  // in the plan file, took place before 1 October, not marked held
#pragma once

#include <date/date.h>

#include <string>
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
    // file, the only place that can say they were held; by due day. Two kinds:
    // Deadlines really missed: the deadline is before `from`, and the plan
    // dates the occurrence after it (it cannot have been held in time), on
    // a decided date (not a proposed one).
    std::vector<occurrence> missed;
    // Past, not marked held: it was dated on or before its deadline (or has
    // none) and its last day is before `from`. Probably held; the plan file
    // does not say so yet (`cycle mark held ID --plan FILE`).
    std::vector<occurrence> unmarked;
    // Both of the above, by due day (the "overdue" of cycle-due/1 JSON).
    std::vector<occurrence> overdue;
};

due_report find_due(const plan& p, date::sys_days today, int within_days);

// What `cycle due` asks: from today, within so many days, for an audience.
struct due_request {
    date::sys_days today;
    int within_days = 30;
    const plan_file* fixed = nullptr;  // fixed dates and what was held; none: planned only
    std::string audience;              // a body id; empty: everything
    const holiday_provider* holidays = nullptr;  // none: the calendar's built-in one
};

// Plans every cycle year with an occurrence that can fall in the range (a
// cycle year's events reach into the next calendar year, year_offset), keeps
// what concerns the audience, and finds what is due and overdue. Errors: an
// unknown audience, or a plan that cannot be made.
result<due_report> find_due(const calendar& cal, const due_request& request);

}  // namespace cycle
