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
//
// Two more fields say which feeds each event was published in and what it
// looked like (its DTSTART, DTEND and SUMMARY lines), so that an event that
// leaves a feed is published there as STATUS:CANCELLED, with a higher
// SEQUENCE, for `cancelled_days` after it left (docs/feeds.md):
//
//   ... <TAB> all,eda,vror~20261127T100000Z~3 <TAB> DTSTART;VALUE=DATE:20270915\r\n...
//
// `vror~WHEN~SEQ`: it left vror.ics at WHEN and is cancelled there with
// SEQUENCE SEQ. Lines of the old four-field form are read as published in
// no known feed.
#pragma once

#include <date/date.h>

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cycle/error.hpp"

namespace cycle::ical {

// One feed an event was published in: still there (`gone` empty), or left
// it at `gone` and published there as cancelled with `cancel_sequence`.
struct feed_presence {
    std::string gone;  // "20261127T100000Z"; empty: in the feed at the last publish
    unsigned cancel_sequence = 0;
};

struct published {
    unsigned sequence = 0;
    std::string last_modified;  // "20260901T080000Z"
    std::string fingerprint;
    std::map<std::string, feed_presence> feeds;  // by feed name ("all", "eda")
    std::string last_lines;  // its DTSTART, DTEND and SUMMARY content lines, as published
};

// An event that left a feed, published there as cancelled.
struct cancelled_event {
    std::string uid;
    unsigned sequence = 0;
    std::string gone;   // when it left: its DTSTAMP and LAST-MODIFIED
    std::string lines;  // DTSTART, DTEND, SUMMARY
};

class feed_state {
public:
    static constexpr const char* file_name = "feed-state.tsv";

    // Reads the state file; a missing file is an empty state. Anything else
    // that is not a regular file (a directory, a FIFO) is an error: read as
    // empty, every SEQUENCE would start again.
    static result<feed_state> load(const std::filesystem::path& path);
    // The state file's text; `name` is used in messages. Each line is
    // checked: a last-modified that is not "YYYYMMDDTHHMMSSZ", a fingerprint
    // that is not 16 hex digits, a sequence over max_sequence or a uid with
    // control bytes or invalid UTF-8 is an error at its line.
    static result<feed_state> parse(std::string_view text, const std::string& name);

    // SEQUENCE is a signed 32-bit integer in many clients; past this a
    // change can no longer be announced (docs/limits.md).
    static constexpr unsigned max_sequence = 2147483647u;

    // How long an event that left a feed is published there as cancelled.
    static constexpr int cancelled_days = 90;

    // The SEQUENCE and LAST-MODIFIED for an event with this content now.
    const published& publish(const std::string& uid, std::string_view content,
                             const std::string& now_utc);
    // The same, given the content's fingerprint.
    published& publish_print(const std::string& uid, std::string print, const std::string& now_utc);

    // Before a run that writes the feeds `live` names (feed -> the UIDs it
    // will hold): an event in a feed it had left gets a SEQUENCE above its
    // cancellation there; an event that left a feed of the run is marked
    // gone from it. Call once, before publish(); `now_utc` as there.
    // Returns how many events left a feed of this run now (each counted once).
    std::size_t begin_run(const std::map<std::string, std::vector<std::string>>& live,
                          const std::string& now_utc);
    // After publish() of an event in `feed`: the lines to cancel it with later.
    void published_in(const std::string& uid, const std::string& feed, std::string lines);
    // The same, for the entry publish_print returned.
    static void published_in(published& p, const std::string& feed, std::string_view lines);
    // What `feed` publishes as cancelled now: events that left it less than
    // cancelled_days ago, by UID. Older ones are no longer published, but
    // their cancellation's SEQUENCE is kept for begin_run.
    std::vector<cancelled_event> cancelled_in(const std::string& feed,
                                              const std::string& now_utc) const;
    // The same for several feeds at once, in their order.
    std::vector<std::vector<cancelled_event>> cancelled_in(const std::vector<std::string>& feeds,
                                                           const std::string& now_utc) const;

    std::string to_string() const;
    // The same text, in pieces of about 256 KiB, to `sink`.
    result<bool> write(const std::function<result<bool>(std::string_view)>& sink) const;

private:
    static result<feed_state> read(std::istream& in, const std::string& name);

    std::map<std::string, published> entries_;
};

// FNV-1a, 64 bits, as 16 hex digits: a fingerprint, not a security measure.
std::string fingerprint(std::string_view content);
// The fingerprint of `first` followed by `second`.
std::string fingerprint(std::string_view first, std::string_view second);

}  // namespace cycle::ical
