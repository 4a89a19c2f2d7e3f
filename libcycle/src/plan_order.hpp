// plan_order.hpp — the order of a plan's occurrences.
#pragma once

#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/occurrence.hpp"

namespace cycle::detail {

// The occurrences of `parts`, taken in turn, sorted by date, time, then
// calendar order of event and member (stable: equals keep the order of
// `parts`). Each occurrence is moved once, into its place: the planner makes
// them in per-event vectors, and a 100,000-occurrence plan moved into one
// vector and then into plan order was a fifth of planning.
std::vector<occurrence> in_plan_order(const calendar& cal,
                                      std::vector<std::vector<occurrence>>&& parts);

}  // namespace cycle::detail
