// The clock time a timed occurrence ends, as the table and the JSON plan
// write it (plan_output.cpp, plan_json.cpp).
#pragma once

#include <date/date.h>

#include <optional>
#include <string>

#include "cycle/calendar.hpp"
#include "cycle/plan.hpp"

namespace cycle::detail {

// The local clock time a timed occurrence ends: the instant `duration` after
// its start, read on the calendar's clock. `utc`: its start as an instant,
// when the caller has it; none when the start does not exist.
std::string end_clock(const calendar& cal, const occurrence& o,
                      const std::optional<date::sys_seconds>& utc);
std::string end_clock(const calendar& cal, const occurrence& o);

}  // namespace cycle::detail
