// plan.hpp — a dated plan, and the planner that makes one from a calendar.
//
// The planner places every occurrence of every event of the years asked for,
// by the default policy in docs/planning.md: inside its window, on working
// days (no weekend, public holiday, de facto day off or closure of a body
// concerned), after its predecessors, per-member occurrences spread under
// their caps. Dates fixed in a plan file are taken as they are and the planner
// fills in the rest. A window it cannot satisfy is an error naming the event.
//
//   const auto& cal = cycle::default_calendar();
//   auto p = cycle::make_plan(cal, {.year = 2026});
//   for (const auto& o : p->occurrences) ...   // sorted by date, then time
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/error.hpp"
#include "cycle/holidays.hpp"
#include "cycle/occurrence.hpp"
#include "cycle/plan_file.hpp"

namespace cycle {

struct plan {
    std::string calendar_id;
    int first_year = 0;  // cycle years covered (calendar years of cycle years)
    int last_year = 0;
    std::vector<occurrence> occurrences;  // sorted: date, time, event, member
};

struct plan_request {
    std::optional<int> year;               // one cycle year; none = the whole cycle
    const plan_file* fixed = nullptr;      // dates fixed by an organisation
    // Public holidays and days off; none: the provider built into libcycle
    // that the calendar names (holidays_for, holidays.hpp).
    const holiday_provider* holidays = nullptr;
};

result<plan> make_plan(const calendar& cal, const plan_request& request);

// A plan file's entries as a plan (sorted by date, time, event, member), to
// write it as a plan file again or export it as it is.
plan plan_of(const calendar& cal, const plan_file& pf);

// Whether a calendar year can be planned: from first_year to
// last_plannable_year(); an error saying so otherwise.
result<int> check_plan_year(const calendar& cal, int year);

// The cycle year to show by default on a given day: the cycle year whose
// calendar year contains it, clamped to the cycle.
int current_cycle_year(const calendar& cal, date::sys_days today);

// Which occurrences concern an audience: those it organises, is in the
// audience of (directly, as a member of an audience body, or as the body
// whose members are the audience), or is the member of.
bool concerns(const calendar& cal, const occurrence& o, std::string_view audience);

struct occurrence_query {
    std::optional<std::string> audience;
    std::optional<date::sys_days> from;  // inclusive
    std::optional<date::sys_days> to;    // inclusive
};
std::vector<occurrence> select(const calendar& cal, const plan& p, const occurrence_query& q);

// Title for people: "Lokal dialog – Eda kommun" for a per-member occurrence.
std::string title_of(const calendar& cal, const occurrence& o);

}  // namespace cycle
