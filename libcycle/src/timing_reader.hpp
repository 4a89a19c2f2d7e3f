// timing_reader.hpp — reads an [[event]]'s timing keys into a timing_rule
// (internal; docs/calendar-format.md, "When"). One reader per timing form.
#pragma once

#include "cycle/rule.hpp"
#include "toml_reader.hpp"

namespace cycle::detail {

// Reads the one timing form the table gives (month, months + day/weekday/nth,
// week, relative_to + offset) and year_offset; every problem goes to the
// reader's errors. `event_id` names the event in messages.
timing_rule read_timing(table_reader& r, const std::string& event_id);

// The last day a month can have in some year (February: 29).
unsigned max_day_of_month(unsigned month);

}  // namespace cycle::detail
