// feed_state.hpp — what was published before: SEQUENCE and LAST-MODIFIED.
//
// A subscriber's client updates an event when its UID comes back with a
// higher SEQUENCE. To know whether an occurrence changed between two
// publishes, the exporter keeps a small text file next to the feeds,
// `feed-state.tsv` (docs/feeds.md), one line per UID ever published:
//
//   # uid <TAB> sequence <TAB> last-modified (UTC) <TAB> fingerprint of the event
//   local-dialogue.2026.eda@nya-perspektiv-2025-2028	1	20260901T080000Z	9c1e…
//
// The fingerprint covers every line of the VEVENT except DTSTAMP, SEQUENCE
// and LAST-MODIFIED. When it differs from the stored one, the sequence goes
// up by one and last-modified becomes the publishing time. Lines are never
// removed, so an occurrence that comes back continues its sequence.
#pragma once

#include <date/date.h>

#include <filesystem>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>

#include "cycle/error.hpp"

namespace cycle::ical {

struct published {
    unsigned sequence = 0;
    std::string last_modified;  // "20260901T080000Z"
    std::string fingerprint;
};

class feed_state {
public:
    static constexpr const char* file_name = "feed-state.tsv";

    // Reads the state file; a missing file is an empty state.
    static result<feed_state> load(const std::filesystem::path& path);
    // The same from a text kept elsewhere (a state_store); `name` is what
    // errors are reported against.
    static result<feed_state> parse(std::string_view text, const std::string& name);

    // The SEQUENCE and LAST-MODIFIED for an event with this content now.
    const published& publish(const std::string& uid, std::string_view content,
                             const std::string& now_utc);

    std::string to_string() const;

private:
    static result<feed_state> read(std::istream& in, const std::string& name);

    std::map<std::string, published> entries_;
};

// FNV-1a, 64 bits, as 16 hex digits: a fingerprint, not a security measure.
std::string fingerprint(std::string_view content);

}  // namespace cycle::ical
