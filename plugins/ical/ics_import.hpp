// ics_import.hpp — an .ics file (our own feed, or an export from Outlook,
// Google, Apple or Thunderbird) read back into a plan file.
//
// Each VEVENT is matched to an occurrence of the calendar by the first rule
// that applies (docs/feeds.md, "Import"):
//
//   1. X-CYCLE-OCCURRENCE: our own property, "event/member/year" (exact).
//   2. UID: our own form "event.year[.member]@calendar-id".
//   3. SUMMARY: an event's title, or "title – member's name" for per-member
//      events (the member may also be named in CATEGORIES); the cycle year
//      comes from the date.
//
// Dates are taken as the calendar's zone sees them: DTSTART in UTC, in an
// IANA or Windows zone name (zone_names.hpp), in the file's own VTIMEZONE, or
// floating. An event that matches nothing, matches an occurrence already
// taken, or cannot be used (recurring, no DTSTART) is returned as a warning
// finding with its line — listed, never silently dropped.
#pragma once

#include <string_view>

#include "cycle/calendar.hpp"
#include "cycle/error.hpp"
#include "cycle/plugin.hpp"

namespace cycle::ical {

result<imported> import_ics(const calendar& cal, std::string_view bytes,
                            std::string_view source_name);

}  // namespace cycle::ical
