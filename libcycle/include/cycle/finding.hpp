// finding.hpp — what a check says about a plan: a rule broken (or waived) at
// a place, with a severity. Findings are values; only the CLI prints them.
//
//   plans/2026.toml:41:3: error: local dialogue after 31 October [dialogue-deadline]
#pragma once

#include <string>
#include <vector>

#include "cycle/error.hpp"

namespace cycle {

enum class severity { note, warning, error };
const char* to_string(severity s);

struct finding {
    severity level = severity::error;
    std::string rule;     // stable rule id, e.g. "dialogue-deadline"
    std::string message;
    source_region where;  // the plan entry, or the calendar rule concerned
    std::string occurrence;  // occurrence key (event/member/year), may be empty
    bool waived = false;     // a plan waiver accepts it (reported, never silent)
    std::string waiver_reason;

    // "file:line:col: severity: message [rule]"
    std::string to_string() const;
};

using findings = std::vector<finding>;

}  // namespace cycle
