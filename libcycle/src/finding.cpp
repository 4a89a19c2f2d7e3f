#include "cycle/finding.hpp"

#include <fmt/format.h>

namespace cycle {

const char* to_string(severity s) {
    switch (s) {
        case severity::note: return "note";
        case severity::warning: return "warning";
        case severity::error: return "error";
    }
    return "?";
}

std::string finding::to_string() const {
    std::string place = where.to_string();
    std::string text = fmt::format("{}{}{}: {} [{}]", place, place.empty() ? "" : ": ",
                                   waived ? "waived" : cycle::to_string(level), message, rule);
    if (waived) text += fmt::format(" (waived: {})", waiver_reason);
    return text;
}

}  // namespace cycle
