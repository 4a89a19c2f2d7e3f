// value_parsing.hpp — the small text values of the TOML formats (internal):
// weekdays, clock times, durations and day offsets.
#pragma once

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cycle::detail {

// "mon".."sun" or "monday".."sunday" (any case).
std::optional<date::weekday> parse_weekday(std::string_view text);
// "HH:MM" (24 hours) as minutes after midnight.
std::optional<std::chrono::minutes> parse_clock(std::string_view text);
// "3h", "90m", "1h30m" — positive.
std::optional<std::chrono::minutes> parse_duration(std::string_view text);
// "-6w", "+14d", "3w" as signed days.
std::optional<int> parse_offset_days(std::string_view text);

// "09:00", "3h", "1h30m": the inverse of the parsers above.
std::string format_clock(std::chrono::minutes m);
std::string format_duration(std::chrono::minutes m);

}  // namespace cycle::detail
