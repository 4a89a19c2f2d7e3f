#include "cycle/occurrence_id.hpp"

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

// "event" or "event#3", appended.
void append_numbered(std::string& out, const occurrence_id& id) {
    out.append(id.event);
    if (id.index) out.append("#").append(std::to_string(id.index));
}

void append_year(std::string& out, int year) {
    char digits[16];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, year);
    (void)ec;  // an int always fits
    out.append(digits, end);
}

}  // namespace

// Keys and UIDs are appended, not formatted: a plan, a feed and a check
// make one per occurrence (issue 12).
std::string occurrence_id::to_string() const {
    std::string out;
    out.reserve(event.size() + member.size() + 16);
    append_numbered(out, *this);
    out.append("/");
    if (!member.empty()) out.append(member).append("/");
    append_year(out, cycle_year);
    return out;
}

std::optional<occurrence_id> occurrence_id::parse(std::string_view text) {
    auto parts = split(text, '/');
    return from_parts(parts, parts.size() - 1, 1);
}

std::string occurrence_id::uid(std::string_view calendar_id) const {
    std::string out;
    out.reserve(event.size() + member.size() + calendar_id.size() + 20);
    append_numbered(out, *this);
    out.append(".");
    append_year(out, cycle_year);
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
