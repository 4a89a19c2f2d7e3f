// assumptions.hpp — the guesses of a wheel, made visible.
//
// A rule the source documents do not state carries `assumed = "why"` in the
// calendar (docs/calendar-format.md) instead of a TOML comment. Its planned
// dates are preliminary ("preliminärt"): `cycle plan --explain`, the JSON, the
// plan file and the feeds say so, until a plan file fixes the date (a
// confirmed or held entry is no longer a guess). `cycle plan --assumptions`
// lists what the coordinator should confirm:
//
//   for (const auto& a : cycle::assumptions_of(cal, plan))
//       a.why;          // "The document says only that instructions are sent …"
//       a.source;       // "Politiskt inriktningsdokument 2025–2028, …, rad 758–759"
//       a.preliminary;  // the plan's days that are still a guess
#pragma once

#include <date/date.h>

#include <string>
#include <string_view>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/error.hpp"
#include "cycle/plan.hpp"

namespace cycle {

// Why an occurrence's date is a guess, or "": its event's `assumed`, unless
// a plan file fixed the date.
std::string_view assumption_of(const calendar& cal, const occurrence& o);

// One guess of a calendar: an event's, a closure's or a term of office's `assumed`.
struct assumption {
    std::string subject;  // event id, closure name, or body id (a term)
    std::string title;    // event title, closure name, or "Politisk styrgrupp 2027-01-01 – …"
    bool is_closure = false;
    bool is_term = false;  // a [[body.term]]: its days are the plan's days the body sits in it
    std::string why;
    std::string source;   // the rule's source in words (events), may be empty
    source_region where;  // the `assumed` key (events), the [[closure]] table
    // The days of the plan's occurrences of the event (each once, in order):
    // those still preliminary and those a plan file fixed.
    std::vector<date::sys_days> preliminary;
    std::vector<date::sys_days> fixed;
};

// Every guess of the calendar, in calendar order (events, closures, then
// terms of office), with the plan's days for each event and term.
std::vector<assumption> assumptions_of(const calendar& cal, const plan& p);

// The list `cycle plan --assumptions` prints, in the calendar's language.
std::string format_assumptions(const calendar& cal, const std::vector<assumption>& list);

}  // namespace cycle
