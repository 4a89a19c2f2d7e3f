// feed_parameters.hpp — the ics exporter's options from `--param key=value`
// (docs/feeds.md, "Options"):
//
//   refresh=12h                      REFRESH-INTERVAL and X-PUBLISHED-TTL (at least 15m)
//   alarm=deadline:14d               a VALARM before every deadline (repeatable; the
//                                    first alarm replaces the default, alarm=none: none)
//   organizer=mailto:unit@example.se ORGANIZER on every event
//
// An unknown key or a bad value is an error naming "--param".
#pragma once

#include "cycle/error.hpp"
#include "cycle/plugin.hpp"
#include "feed_writer.hpp"

namespace cycle::ical {

// The feed settings of one export: parameters, audience and publishing time
// (options.now, else the clock).
result<feed_settings> settings_of(const export_options& options);

}  // namespace cycle::ical
