// dependency_order.hpp — the order in which the planner places events.
#pragma once

#include <vector>

#include "cycle/calendar.hpp"

namespace cycle::detail {

// Events ordered so that every event comes after the ones it depends on
// (`after`, `relative_to`; the loader has rejected cycles); ties keep
// calendar order.
std::vector<const event_template*> dependency_order(const calendar& cal);

}  // namespace cycle::detail
