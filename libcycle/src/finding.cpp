#include "cycle/finding.hpp"

#include <fmt/format.h>

#include "enum_names.hpp"

namespace cycle {

const char* to_string(severity s) {
    return detail::name_of(detail::severity_names, s);
}

std::string finding::to_string() const {
    std::string place = where.to_string();
    std::string text = fmt::format("{}{}{}: {} [{}]", place, place.empty() ? "" : ": ",
                                   waived ? "waived" : cycle::to_string(level), message, rule);
    if (waived) text += fmt::format(" (waived: {})", waiver_reason);
    return text;
}

}  // namespace cycle
