// window_check.hpp — the loader's check of windows (internal): each event's
// window and deadline exist in every year it occurs, the deadline does not
// come before the window opens, and the event's days fit.
#pragma once

#include "cycle/calendar.hpp"

namespace cycle::detail {

void check_windows(const calendar& cal, errors& out);

}  // namespace cycle::detail
