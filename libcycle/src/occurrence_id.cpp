#include "cycle/occurrence_id.hpp"

#include <fmt/format.h>

#include <charconv>
#include <utility>
#include <vector>

namespace cycle {
namespace {

std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const auto at = text.find(sep, start);
        parts.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
        if (at == std::string_view::npos) return parts;
        start = at + 1;
    }
}

std::optional<int> year_of(std::string_view text) {
    int y = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), y);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return y;
}

// "event" or "event#3": the event id and the number of a recurring event's
// occurrence (from 1); none for a number that is not one.
std::optional<std::pair<std::string_view, unsigned>> event_and_index(std::string_view text) {
    const auto hash = text.find('#');
    if (hash == std::string_view::npos) return std::pair{text, 0u};
    const std::string_view digits = text.substr(hash + 1);
    unsigned n = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc{} || end != digits.data() + digits.size() || n == 0 || digits[0] == '0')
        return std::nullopt;
    return std::pair{text.substr(0, hash), n};
}

// event + year at the given positions, member (if three parts) at the other.
std::optional<occurrence_id> from_parts(const std::vector<std::string_view>& parts,
                                        std::size_t year_at, std::size_t member_at) {
    if (parts.size() < 2 || parts.size() > 3 || parts[0].empty()) return std::nullopt;
    auto year = year_of(parts[year_at]);
    auto event = event_and_index(parts[0]);
    if (!year || !event || event->first.empty()) return std::nullopt;
    occurrence_id id{std::string(event->first), {}, *year, event->second};
    if (parts.size() == 3) id.member = std::string(parts[member_at]);
    return id;
}

// "event" or "event#3".
std::string numbered(const occurrence_id& id) {
    return id.index ? fmt::format("{}#{}", id.event, id.index) : id.event;
}

}  // namespace

std::string occurrence_id::to_string() const {
    return member.empty() ? fmt::format("{}/{}", numbered(*this), cycle_year)
                          : fmt::format("{}/{}/{}", numbered(*this), member, cycle_year);
}

std::optional<occurrence_id> occurrence_id::parse(std::string_view text) {
    auto parts = split(text, '/');
    return from_parts(parts, parts.size() - 1, 1);
}

std::string occurrence_id::uid(std::string_view calendar_id) const {
    // Appended, not formatted: a feed makes one per event (issue 12).
    char year[16];
    const auto [end, ec] = std::to_chars(year, year + sizeof year, cycle_year);
    (void)ec;  // an int always fits
    std::string out;
    out.reserve(event.size() + member.size() + calendar_id.size() + 20);
    out.append(event);
    if (index) out.append("#").append(std::to_string(index));
    out.append(".").append(year, end);
    if (!member.empty()) out.append(".").append(member);
    return out.append("@").append(calendar_id);
}

std::optional<occurrence_id> occurrence_id::parse_uid(std::string_view uid,
                                                      std::string_view calendar_id) {
    const auto at = uid.rfind('@');
    if (at == std::string_view::npos || uid.substr(at + 1) != calendar_id) return std::nullopt;
    return from_parts(split(uid.substr(0, at), '.'), 1, 2);
}

}  // namespace cycle
