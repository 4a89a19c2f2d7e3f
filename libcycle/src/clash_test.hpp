// clash_test.hpp — conflict_of for the clash constraint (constraint.hpp),
// with or without the words: the planner tests many days and needs only
// whether a day clashes; the text is made for the day it explains.
#pragma once

#include <optional>

#include "cycle/constraint.hpp"

namespace cycle::detail {

std::optional<day_conflict> clash_of(const clash_constraint& c, const calendar& cal,
                                     const day_bookings& bookings, date::sys_days first,
                                     date::sys_days last, const timed_span& time, bool all,
                                     bool words);

}  // namespace cycle::detail
