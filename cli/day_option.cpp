#include "day_option.hpp"

#include "cycle/occurrence.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <charconv>

namespace cycle::cli {

result<date::sys_days> parse_day(const std::string& text, const std::string& option) {
    if (auto day = cycle::parse_day(text)) return *day;
    return error{fmt::format("{}: '{}' is not a day like 2026-10-20", option, text), {}};
}

result<int> parse_span(const std::string& text, const std::string& option) {
    int n = 0;
    const char* end = text.data() + text.size();
    auto [p, ec] = std::from_chars(text.data(), end, n);
    int factor = 0;
    if (ec == std::errc{} && n >= 0 && n <= 3660) {
        if (p == end || std::string_view(p, end) == "d")
            factor = 1;
        else if (std::string_view(p, end) == "w")
            factor = 7;
    }
    if (!factor)
        return error{
            fmt::format("{}: '{}' is not a number of days or weeks like 30d or 6w", option, text),
            {}};
    return n * factor;
}

}  // namespace cycle::cli
