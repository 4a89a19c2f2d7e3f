// timezone.hpp — the one place where civil (local) time meets absolute time.
//
// Plans are civil: a day and a local time of day in the calendar's zone
// (Europe/Stockholm). Feeds and JSON also need the instant. The tz database
// is the operating system's (Debian's tzdata): the one zone's TZif file,
// read by cycle::locate_zone (zone.hpp) with date/tz.h's answers.
//
// Daylight saving time in Europe/Stockholm starts at 02:00 on the last Sunday
// of March (clocks go to 03:00) and ends at 03:00 on the last Sunday of
// October (clocks go back to 02:00):
//
//   to_utc("Europe/Stockholm", 2026-03-29 02:30)  -> error: that time does not exist
//   to_utc("Europe/Stockholm", 2026-10-25 02:30)  -> 00:30 UTC, the earlier of the two
//                                                    (still summer time, CEST)
//   to_utc("Europe/Stockholm", 2026-05-12 09:00)  -> 07:00 UTC
#pragma once

#include <date/tz.h>

#include <chrono>
#include <string>
#include <string_view>

#include "cycle/error.hpp"

namespace cycle {

// A local time in `zone` as an instant. A time that does not exist (in the
// spring-forward gap) is an error; an ambiguous one (in the autumn overlap)
// is the earlier instant. Unknown zone names are errors.
result<date::sys_seconds> to_utc(std::string_view zone, date::local_seconds local);

// The instant as local time in `zone` (which must exist).
date::local_seconds to_local(std::string_view zone, date::sys_seconds instant);

// Today in `zone` (the calendar's), by the system clock: the day the
// commands count from when not told (--today).
date::sys_days today_in(std::string_view zone);

// The UTC offset in `zone` at an instant, e.g. +02:00 in summer.
std::chrono::seconds utc_offset(std::string_view zone, date::sys_seconds instant);

}  // namespace cycle
