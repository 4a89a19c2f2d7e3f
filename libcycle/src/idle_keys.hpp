// idle_keys.hpp — a key that would be accepted on an [[event]] and do
// nothing there (working_days_only on a deadline, prefer on a fixed day,
// gap_days without after, ...) is an error at the key, saying why
// (docs/calendar-format.md, "Keys that do nothing").
#pragma once

#include "cycle/calendar.hpp"
#include "toml_reader.hpp"

namespace cycle::detail {

// Reports, at the key in `r`'s table, every key of `e` that does nothing.
void check_idle_keys(table_reader& r, const event_template& e);

}  // namespace cycle::detail
