#include "cycle/occurrence.hpp"

#include <date/iso_week.h>
#include <fmt/format.h>

#include <charconv>

#include "enum_names.hpp"

namespace cycle {

std::vector<std::string> occurrence::organisers() const {
    std::vector<std::string> out;
    if (!organiser.empty()) out.push_back(organiser);
    out.insert(out.end(), co_organisers.begin(), co_organisers.end());
    return out;
}

const char* to_string(occurrence_status s) {
    return detail::name_of(detail::occurrence_status_names, s);
}

unsigned occurrence::iso_week() const {
    return unsigned(iso_week::year_weeknum_weekday{date}.weeknum());
}

std::string week_label(date::sys_days d) {
    return fmt::format("v. {}", unsigned(iso_week::year_weeknum_weekday{d}.weeknum()));
}

std::string iso_date(date::sys_days d) {
    const date::year_month_day ymd{d};
    const int y = int(ymd.year());
    if (y < 0 || y > 9999) return date::format("%F", d);
    // Digit by digit: a plan of 100,000 occurrences formats a million days.
    const auto m = unsigned(ymd.month()), day = unsigned(ymd.day());
    const char text[10] = {char('0' + y / 1000),     char('0' + y / 100 % 10),
                           char('0' + y / 10 % 10),  char('0' + y % 10),
                           '-',                      char('0' + m / 10),
                           char('0' + m % 10),       '-',
                           char('0' + day / 10),     char('0' + day % 10)};
    return std::string(text, 10);
}

std::optional<date::sys_days> parse_day(std::string_view s) {
    int y = 0;
    unsigned m = 0, d = 0;
    const auto number = [&](std::size_t at, std::size_t length, auto& value) {
        auto [end, ec] = std::from_chars(s.data() + at, s.data() + at + length, value);
        return ec == std::errc{} && end == s.data() + at + length;
    };
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !number(0, 4, y) || !number(5, 2, m) ||
        !number(8, 2, d))
        return std::nullopt;
    const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return date::sys_days{ymd};
}

std::string window_text(const day_window& w) {
    return w.first == w.last ? iso_date(w.first)
                             : fmt::format("{} – {}", iso_date(w.first), iso_date(w.last));
}

}  // namespace cycle
