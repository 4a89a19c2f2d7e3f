#include "value_parsing.hpp"

#include <array>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "calendar_names.hpp"

namespace cycle::detail {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Reads an unsigned number at the front of `s` and drops it from `s`.
std::optional<int> take_number(std::string_view& s) {
    int value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end == s.data()) return std::nullopt;
    s.remove_prefix(static_cast<std::size_t>(end - s.data()));
    return value;
}

}  // namespace

std::optional<date::weekday> parse_weekday(std::string_view text) {
    const std::string t = lower(text);
    for (unsigned i = 0; i < weekday_names.size(); ++i) {
        const std::string name = lower(weekday_names[i]);
        if (t == name || t == name.substr(0, 3)) return date::weekday{i};
    }
    return std::nullopt;
}

std::optional<std::chrono::minutes> parse_clock(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    std::string_view h = text.substr(0, 2), m = text.substr(3, 2);
    auto hours = take_number(h);
    auto minutes = take_number(m);
    if (!hours || !minutes || !h.empty() || !m.empty() || *hours > 23 || *minutes > 59)
        return std::nullopt;
    return std::chrono::minutes{*hours * 60 + *minutes};
}

std::optional<std::chrono::minutes> parse_duration(std::string_view text) {
    std::chrono::minutes total{0};
    bool any = false;
    while (!text.empty()) {
        auto n = take_number(text);
        if (!n || text.empty()) return std::nullopt;
        if (text.front() == 'h') total += std::chrono::hours{*n};
        else if (text.front() == 'm') total += std::chrono::minutes{*n};
        else return std::nullopt;
        text.remove_prefix(1);
        any = true;
    }
    if (!any || total.count() <= 0 || total > std::chrono::hours{24 * 14}) return std::nullopt;
    return total;
}

std::optional<int> parse_offset_days(std::string_view text) {
    int sign = 1;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        sign = text.front() == '-' ? -1 : 1;
        text.remove_prefix(1);
    }
    auto n = take_number(text);
    if (!n || text.size() != 1 || *n > 3660) return std::nullopt;
    if (text == "d") return sign * *n;
    if (text == "w") return sign * *n * 7;
    return std::nullopt;
}

std::string format_clock(std::chrono::minutes m) {
    const auto h = m.count() / 60, min = m.count() % 60;
    if (h < 0 || h > 99 || min < 0) return fmt::format("{:02}:{:02}", h, min);
    // Digit by digit: every timed occurrence of a plan formats a few (issue 12).
    const char text[5] = {char('0' + h / 10), char('0' + h % 10), ':', char('0' + min / 10),
                          char('0' + min % 10)};
    return std::string(text, 5);
}

std::string format_duration(std::chrono::minutes m) {
    auto h = m.count() / 60, rest = m.count() % 60;
    if (h && rest) return fmt::format("{}h{}m", h, rest);
    return h ? fmt::format("{}h", h) : fmt::format("{}m", rest);
}

}  // namespace cycle::detail
