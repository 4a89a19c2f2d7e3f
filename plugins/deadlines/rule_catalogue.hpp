// rule_catalogue.hpp — the rules of the "deadlines" checker: stable ids,
// default levels and what each one means (docs/check.md). The check host
// (cycle/check_host.hpp) applies the calendar's [checks] and the waivers.
#pragma once

#include <vector>

#include "cycle/plugin.hpp"

namespace cycle::deadlines {

// Every rule, in the order docs/check.md lists them.
const std::vector<rule_info>& rule_catalogue();

}  // namespace cycle::deadlines
