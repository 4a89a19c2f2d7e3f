// calendar_include.hpp — one calendar on top of others (internal): the
// [[include]] tables of a calendar file, and the composed calendar they make
// (docs/calendar-format.md, "Including other calendars").
//
//   [[include]]
//   calendar = "nya-perspektiv-2025-2028"   # a built-in id, or a path
//   as = "np"                               # its events are np:seminar, …
//
// The loader reads the including file's own tables, then `compose` puts the
// included calendars' events, sources and closures (prefixed) before them and
// merges the bodies, which are shared: an organisation is the same in every
// wheel, and one defined twice with different members is an error naming
// both files. Included files are read, never written.
#pragma once

#include <toml++/toml.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/error.hpp"

namespace cycle::detail {

// The calendars being read, outermost first: including one of them again is
// a cycle.
struct include_chain {
    std::vector<std::string> identities;  // a canonical path, or "built-in:id"
    std::vector<std::string> files;       // as the user sees them
    // Calendars read so far in the whole composition (shared by the copies
    // of a chain): includes that fan out must not read files without end.
    std::shared_ptr<std::size_t> calendars_read = std::make_shared<std::size_t>(0);
};

// docs/limits.md: how deep includes nest, and how many calendars one
// composition reads in all.
inline constexpr std::size_t max_include_depth = 16;
inline constexpr std::size_t max_calendars_read = 256;

// The chain of a calendar read from `file` (a path, or a name for text).
include_chain chain_of(const std::string& file);

// One [[include]], read and loaded, not merged yet.
struct pending_include {
    std::string prefix;
    std::string identity;
    source_region where;  // the [[include]] table
    calendar cal;
};

// Reads and loads the [[include]] tables of `root` (the file `file`, read
// inside `chain`). Problems go to `out`: an included file's own errors keep
// their place in that file, and an error at the [[include]] names it.
std::vector<pending_include> read_includes(const toml::table& root, const std::string& file,
                                           const include_chain& chain, errors& out);

// Puts the included calendars into `cal`, whose own tables are read: their
// events and sources prefixed, before the calendar's own; bodies merged;
// closures and [checks] added (the calendar's own [checks] win). Cycle
// years are translated to `cal`'s cycle.
void compose(calendar& cal, std::vector<pending_include> includes, errors& out);

// For an unknown reference: which included calendar its prefix names (or
// that none does), to add to the message; empty without a prefix.
std::string include_note(const calendar& cal, std::string_view reference);

// The loader, for an included calendar (calendar_loader.cpp).
result<calendar> load_included_calendar(std::string_view text, const std::string& file,
                                        const include_chain& chain);

}  // namespace cycle::detail
