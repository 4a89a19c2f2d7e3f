// rule_catalogue.hpp — the rules of the "deadlines" checker: stable ids,
// default severities and what each one means (docs/check.md).
//
// A calendar's [checks] table may change a rule's severity or turn it off;
// severity_of() applies it.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/finding.hpp"

namespace cycle::deadlines {

struct rule_info {
    std::string_view id;
    severity default_level;
    std::string_view summary;
};

// Every rule, in the order docs/check.md lists them.
const std::vector<rule_info>& rule_catalogue();
const rule_info* find_rule(std::string_view id);

// The severity a calendar gives a rule; none when it turns the rule off.
std::optional<severity> severity_of(const calendar& cal, std::string_view rule);

}  // namespace cycle::deadlines
