// occurrence.hpp — one dated item of a plan: an event template placed on a
// day of a cycle year (for a per-member event, one member's occurrence).
//
// Dates are civil days (date::sys_days) and times are local times of day in
// the calendar's zone; timezone.hpp turns them into instants.
#pragma once

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cycle/error.hpp"
#include "cycle/explanation.hpp"
#include "cycle/occurrence_id.hpp"
#include "cycle/rule.hpp"

namespace cycle {

// A plan's own statement about an occurrence (plan files, docs/plan-format.md).
enum class occurrence_status { planned, held, cancelled };
const char* to_string(occurrence_status s);

// A plan's written decision to accept one broken rule for one occurrence.
struct waiver {
    std::string rule;    // rule id, e.g. "dialogue-deadline"
    std::string reason;  // required: why it is accepted
    source_region where;
};

// The dated occurrence of a plan. Its identity (event, member, cycle year)
// is the occurrence_id it derives from; a plan file's entry (plan_file.hpp)
// is what a file says about the same identity, and becomes an occurrence
// through occurrence_of().
struct occurrence : occurrence_id {
    date::sys_days date;      // first day
    date::sys_days end_date;  // last day, inclusive (== date for one day)
    std::optional<std::chrono::minutes> start_time;  // local; none = all-day
    std::chrono::minutes duration{0};                // timed events

    std::string organiser;               // body id, may be empty
    std::vector<std::string> co_organisers;  // who organise it with the organiser
    std::vector<std::string> audiences;  // body ids

    // How it was placed.
    bool fixed = false;                      // taken from a plan file
    bool proposed = false;                   // ... where it is only proposed (status = "proposed")
    std::optional<day_window> window;        // the days its rule allows
    std::optional<date::sys_days> deadline;  // "no later than"
    placement_facts explanation;             // why this day: explain(cal, o)
    source_region where;                     // plan entry if fixed, else the [[event]]

    occurrence_status status = occurrence_status::planned;
    std::string note;
    std::vector<waiver> waivers;

    bool all_day() const { return !start_time.has_value(); }
    // The organiser and the co-organisers, in the calendar's order; empty
    // when it has none.
    std::vector<std::string> organisers() const;
    // ISO week of the first day ("v. 44").
    unsigned iso_week() const;
};

// "v. 44"
std::string week_label(date::sys_days d);

// "2026-10-31" (ISO 8601, as date::format("%F") writes it, without iostreams:
// plans of 100,000 occurrences format many days).
std::string iso_date(date::sys_days d);
// The inverse: "2026-10-31" exactly (ten characters), and only a day that
// exists; none otherwise. The CLI's --today and the C API's days use it.
std::optional<date::sys_days> parse_day(std::string_view text);
// "2026-10-26" or "2026-10-26 – 2026-10-30"
std::string window_text(const day_window& w);

}  // namespace cycle
