// libical_handle.hpp — libical handles owned by unique_ptr, and libical's
// process-wide icalerrno turned into cycle::error right after each call.
// Only plugins/ical includes libical.
#pragma once

#include <libical/ical.h>

#include <memory>
#include <optional>
#include <string>

namespace cycle::ical {

struct component_deleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using component_ptr = std::unique_ptr<icalcomponent, component_deleter>;

// Clears icalerrno before a libical call.
inline void clear_ical_error() {
    icalerror_clear_errno();
}

// What went wrong in the last libical call, if anything.
inline std::optional<std::string> ical_error() {
    if (icalerrno == ICAL_NO_ERROR) return std::nullopt;
    std::string text = icalerror_strerror(icalerrno);
    icalerror_clear_errno();
    return text;
}

// Parses iCalendar text (any line ends, folded lines). Null when libical
// finds no component at all.
inline component_ptr parse_ical(const std::string& text) {
    clear_ical_error();
    return component_ptr(icalparser_parse_string(text.c_str()));
}

}  // namespace cycle::ical
