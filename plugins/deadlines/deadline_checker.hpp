// deadline_checker.hpp — checks a plan file against the rules its calendar
// defines (docs/check.md): windows, deadlines, precedence, offsets, required
// occurrences, working days, and with a `today` what is overdue.
//
// Nothing here is special to one wheel: every rule is read from the
// calendar's [[event]] tables, [[closure]] tables and [checks] table. The
// plan is read, never changed. Findings come sorted by place, then rule.
//
//   auto found = cycle::deadlines::check_deadlines(cal, plan, {.today = {}});
//   // plans/2026.toml:41:1: error: Lokal dialog – Eda kommun on 2026-11-04 is
//   //   after its deadline 2026-10-31 [deadline-missed]
#pragma once

#include "cycle/plugin.hpp"

namespace cycle::deadlines {

findings check_deadlines(const calendar& cal, const plan_file& plan, const check_options& options);

}  // namespace cycle::deadlines
