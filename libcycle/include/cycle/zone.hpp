// zone.hpp — one time zone of the operating system's tz database, read from
// its own TZif file (RFC 8536) under /usr/share/zoneinfo.
//
// date/tz.h built on the OS database (USE_OS_TZDB, as Debian builds it)
// lists and stats every file under /usr/share/zoneinfo the first time any
// zone is used, and again for the leap seconds when a zone is loaded: some
// 700 system calls and a few milliseconds per process, for the one zone a
// calendar names. `locate_zone` reads only that zone's file, and answers as
// date's OS database does, to the second and the abbreviation: the same
// transitions (the file's 64-bit data; after its last transition, its last
// offset, since date reads no POSIX TZ footer), the same `sys_info` (`save`
// is one minute in daylight saving time, zero otherwise) and the same
// `local_info` for times in a gap or an overlap:
//
//   auto z = locate_zone("Europe/Stockholm");             // result<const zone*>
//   (*z)->get_info(2026-03-29 02:30 local).result          -> nonexistent
//   (*z)->get_info(2026-10-25 02:30 local).result          -> ambiguous
//   (*z)->get_info(2026-05-12 07:00 UTC).offset             -> 2h, "CEST"
//
// A name that is not a zone file (unknown, "../x", "posix/...", a corrupt
// or truncated file) is an error, never a crash.
#pragma once

#include <date/tz.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cycle/error.hpp"

namespace cycle {

class zone {
public:
    // A zone from the bytes of its TZif file. Corrupt, truncated or
    // inconsistent data is an error naming `name`.
    static result<zone> parse(std::string name, std::string_view tzif);

    const std::string& name() const { return name_; }
    // The offset in force at an instant, and the span it is in force for.
    date::sys_info get_info(date::sys_seconds instant) const;
    // Whether a local time is unique, in a gap (nonexistent) or an overlap
    // (ambiguous; `first` is the earlier).
    date::local_info get_info(date::local_seconds local) const;
    date::local_seconds to_local(date::sys_seconds instant) const {
        return date::local_seconds{instant.time_since_epoch() + get_info(instant).offset};
    }

private:
    struct kind {
        std::chrono::seconds offset;
        bool is_dst;
        std::string abbrev;
    };
    struct transition {
        date::sys_seconds at;
        std::uint32_t kind;
    };
    date::sys_info info_at(std::size_t i) const;

    std::string name_;
    std::vector<kind> kinds_;
    std::vector<transition> transitions_;  // the first at the earliest time date knows
};

// The zone `name` of the operating system's database (/usr/share/zoneinfo),
// read at its first use in the process and kept, as date::locate_zone does.
// An error for a name that is not a zone there.
result<const zone*> locate_zone(std::string_view name);

}  // namespace cycle
