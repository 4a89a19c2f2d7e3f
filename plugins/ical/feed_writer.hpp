// feed_writer.hpp — one iCalendar feed (RFC 5545, with RFC 7986 calendar
// properties) for a list of occurrences.
//
// One VEVENT per occurrence. Timed events are DTSTART;TZID=<zone> local times
// with the zone's compact VTIMEZONE (vtimezone.hpp); all-day events are
// VALUE=DATE with an exclusive DTEND. Windows, deadlines and milestones are
// TRANSP:TRANSPARENT so they never show anyone as busy. The UID is the
// occurrence's identity, never its date:
//
//   uid_of(cal, local dialogue of Eda, 2026) -> "local-dialogue.2026.eda@nya-perspektiv-2025-2028"
//
// so a moved date updates the subscriber's event. Everything but DTSTAMP
// (and SEQUENCE/LAST-MODIFIED, which come from feed_state.hpp) is a function
// of the calendar and the plan: the same plan gives the same bytes.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/error.hpp"
#include "cycle/occurrence.hpp"
#include "cycle/plan.hpp"
#include "feed_state.hpp"

namespace cycle::ical {

// A reminder: `before` the start of every occurrence of one kind.
struct alarm_rule {
    event_kind kind = event_kind::deadline;
    std::chrono::minutes before{0};
};

struct feed_settings {
    std::string audience;                   // body id; empty: everything
    std::chrono::minutes refresh{12 * 60};  // REFRESH-INTERVAL and X-PUBLISHED-TTL
    std::vector<alarm_rule> alarms{{event_kind::deadline, std::chrono::days{14}}};
    std::string now_utc;    // DTSTAMP, "20261126T120000Z"
    std::string organizer;  // "mailto:…": ORGANIZER with the organising body as
                            // CN; empty: no ORGANIZER (it needs an address)
    std::string feed;       // the feed's name in the feed state: "all", "eda"
};

std::string uid_of(const calendar& cal, const occurrence& o);

// The feed; `state` (may be null: SEQUENCE 0, no LAST-MODIFIED) is updated
// with what is published, and the events that left this feed are published
// after the others as STATUS:CANCELLED (feed_state::cancelled_in).
result<std::string> write_feed(const calendar& cal, const std::vector<occurrence>& occurrences,
                               const feed_settings& settings, feed_state* state);

// Where a streamed feed's bytes go, in pieces of about feed_piece_bytes.
using feed_sink = std::function<result<bool>(std::string_view)>;
inline constexpr std::size_t feed_piece_bytes = 1 << 18;

// The same feed, streamed: memory does not grow with its size.
result<bool> write_feed(const calendar& cal, const std::vector<occurrence>& occurrences,
                        const feed_settings& settings, feed_state* state, const feed_sink& sink);

// The same for occurrences held elsewhere (a plan's, by select()); with
// their UIDs (uid_of) when the caller has them.
result<bool> write_feed(const calendar& cal, const std::vector<const occurrence*>& occurrences,
                        const feed_settings& settings, feed_state* state, const feed_sink& sink,
                        const std::vector<std::string>* uids = nullptr);

// One feed of write_feeds: its file, its name in the state, its audience
// (empty: every occurrence).
struct feed_target {
    std::string path, name, audience;
};
// Opens the i-th feed's output: its pieces go to the sink until the next.
using feed_opener = std::function<result<bool>(std::size_t)>;

// Several feeds of one plan, as write_feed would write each in turn with
// `state`, after state.begin_run with what each will hold (done here):
// each event is made and published once and its bytes written to every
// feed that holds it (issue 12). The first feed must hold every occurrence
// (all.ics, no audience). Returns how many events left a feed
// (feed_state::begin_run).
result<std::size_t> write_feeds(const calendar& cal, const plan& p,
                                const std::vector<feed_target>& feeds,
                                const feed_settings& settings, feed_state& state,
                                const feed_opener& open, const feed_sink& sink);

// "PT12H", "P14D", "PT90M": an RFC 5545 duration of whole minutes.
std::string ical_duration(std::chrono::minutes m);

}  // namespace cycle::ical
