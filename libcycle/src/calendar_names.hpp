// calendar_names.hpp — the one table of English weekday and month names
// (internal): explanations, findings, the table format and the readers of
// "mon"/"monday" all use it.
#pragma once

#include <date/date.h>

#include <array>
#include <string_view>

namespace cycle::detail {

inline constexpr std::array<std::string_view, 7> weekday_names{
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
inline constexpr std::array<std::string_view, 12> month_names{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// "Monday"
inline std::string_view weekday_name(date::weekday wd) {
    return weekday_names[wd.c_encoding()];
}
// "Mon"
inline std::string_view weekday_abbreviation(date::weekday wd) {
    return weekday_name(wd).substr(0, 3);
}
// "May"
inline std::string_view month_name(date::month m) {
    return month_names[unsigned(m) - 1];
}

}  // namespace cycle::detail
