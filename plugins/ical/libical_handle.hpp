// libical_handle.hpp — libical handles owned by unique_ptr, and libical's
// process-wide icalerrno turned into cycle::error right after each call.
// Only plugins/ical includes libical.
#pragma once

#include <libical/ical.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

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
// finds no component at all. What icalparser_parse_string does, reading the
// text in place: no copy of a large file (issue 12). The text holds no NUL
// (the caller checks), so this reads exactly what that function would.
inline component_ptr parse_ical(std::string_view text) {
    struct cursor {
        std::string_view rest;
    } at{text};
    // One line (through its '\n') at a time, at most size - 1 bytes, as
    // libical's own string line generator gives them.
    const auto next_line = [](char* out, size_t size, void* data) -> char* {
        auto& c = *static_cast<cursor*>(data);
        if (c.rest.empty() || size < 2) return nullptr;
        auto end = c.rest.find('\n');
        std::size_t n = end == std::string_view::npos ? c.rest.size() : end + 1;
        if (n > size - 1) n = size - 1;
        c.rest.copy(out, n);
        out[n] = '\0';
        c.rest.remove_prefix(n);
        return out;
    };
    clear_ical_error();
    icalparser* parser = icalparser_new();
    if (!parser) return nullptr;
    icalparser_set_gen_data(parser, &at);
    const icalerrorstate was = icalerror_get_error_state(ICAL_MALFORMEDDATA_ERROR);
    icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, ICAL_ERROR_NONFATAL);
    component_ptr root(icalparser_parse(parser, next_line));
    icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, was);
    icalparser_free(parser);
    return root;
}

}  // namespace cycle::ical
