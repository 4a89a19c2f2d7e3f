// day_option.hpp — days given on the command line: --today 2026-10-20 and
// --within 30d / 6w.
#pragma once

#include <date/date.h>

#include <string>

#include "cycle/error.hpp"
#include "cycle/timezone.hpp"

namespace cycle::cli {

// "2026-10-20" (ISO 8601 calendar date), and only a day that exists.
result<date::sys_days> parse_day(const std::string& text, const std::string& option);

// "30d", "6w" or "30": a number of days, 0 or more.
result<int> parse_span(const std::string& text, const std::string& option);

// Today in a time zone: cycle::today_in (timezone.hpp).
using cycle::today_in;

}  // namespace cycle::cli
