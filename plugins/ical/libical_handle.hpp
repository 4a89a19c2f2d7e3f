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
namespace detail {

// Whether `line` starts with `word` (ASCII letters, any case).
inline bool starts_with_word(std::string_view line, std::string_view word) {
    if (line.size() < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        char c = line[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c != word[i]) return false;
    }
    return true;
}

// A content line of a property the importer never reads, outside a
// VTIMEZONE (whose parts libical reads itself): DESCRIPTION, DTSTAMP and
// the like are a third of a feed's bytes and half of libical's parse
// (issue 12).
inline bool unread_property(std::string_view line) {
    static constexpr std::string_view names[] = {
        "DESCRIPTION", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "TRANSP", "CLASS",
        "CREATED",     "URL",     "ORGANIZER",     "ATTENDEE", "LOCATION"};
    for (std::string_view name : names)
        if (starts_with_word(line, name) && line.size() > name.size() &&
            (line[name.size()] == ':' || line[name.size()] == ';'))
            return true;
    return false;
}

}  // namespace detail

// The file parsed by libical; for the importer (`skip_unread`), without
// the properties it never reads (detail::unread_property): those lines,
// and the lines that continue them, are not given to the parser.
inline component_ptr parse_ical(std::string_view text, bool skip_unread = false) {
    struct cursor {
        std::string_view rest;
        bool skip = false;       // leave out unread properties
        bool line_start = true;  // the next bytes begin a line
        bool in_zone = false;    // inside BEGIN:VTIMEZONE ... END:VTIMEZONE
    } at{text, skip_unread};
    // One line (through its '\n') at a time, at most size - 1 bytes, as
    // libical's own string line generator gives them.
    const auto next_line = [](char* out, size_t size, void* data) -> char* {
        auto& c = *static_cast<cursor*>(data);
        const auto skip_line = [&c] {
            const auto end = c.rest.find('\n');
            c.rest.remove_prefix(end == std::string_view::npos ? c.rest.size() : end + 1);
        };
        while (c.skip && c.line_start && !c.rest.empty()) {
            if (detail::starts_with_word(c.rest, "BEGIN:VTIMEZONE")) c.in_zone = true;
            if (detail::starts_with_word(c.rest, "END:VTIMEZONE")) c.in_zone = false;
            if (c.in_zone || !detail::unread_property(c.rest)) break;
            skip_line();
            // And the lines that continue it (folded: a space or a tab first).
            while (!c.rest.empty() && (c.rest.front() == ' ' || c.rest.front() == '\t')) skip_line();
        }
        if (c.rest.empty() || size < 2) return nullptr;
        auto end = c.rest.find('\n');
        std::size_t n = end == std::string_view::npos ? c.rest.size() : end + 1;
        if (n > size - 1) n = size - 1;
        c.rest.copy(out, n);
        out[n] = '\0';
        c.line_start = out[n - 1] == '\n';
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
