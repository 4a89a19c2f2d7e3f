// vtimezone.hpp — a compact VTIMEZONE for a feed, from the OS tz database.
//
// Clients resolve DTSTART;TZID=Europe/Stockholm through the feed's own
// VTIMEZONE. A full tz history (LMT offsets with seconds, 1900s rules) makes
// some clients choke, so this writes only the rules in force over the feed's
// years, as yearly RRULEs, under the plain IANA name (no vendor prefix):
//
//   BEGIN:VTIMEZONE / TZID:Europe/Stockholm
//   BEGIN:DAYLIGHT  TZOFFSETFROM:+0100 TZOFFSETTO:+0200 TZNAME:CEST
//                   DTSTART:<first switch>T020000 RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
//   BEGIN:STANDARD  TZOFFSETFROM:+0200 TZOFFSETTO:+0100 TZNAME:CET
//                   DTSTART:<first switch>T030000 RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
//
// A zone whose rules change within the years asked for is an error: it
// cannot be written as one pair of yearly rules.
#pragma once

#include <string>
#include <string_view>

#include "cycle/error.hpp"

namespace cycle::ical {

// The VTIMEZONE component (CRLF lines) for `zone`, valid for first_year..last_year.
result<std::string> vtimezone(std::string_view zone, int first_year, int last_year);

}  // namespace cycle::ical
