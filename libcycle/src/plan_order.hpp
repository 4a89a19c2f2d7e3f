// plan_order.hpp — the order of a plan's occurrences.
#pragma once

#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/occurrence.hpp"

namespace cycle::detail {

// Sorts by date, time, then calendar order of event and member (stable).
void sort_plan(const calendar& cal, std::vector<occurrence>& occurrences);

}  // namespace cycle::detail
