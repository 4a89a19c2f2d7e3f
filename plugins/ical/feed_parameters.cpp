#include "feed_parameters.hpp"

#include "cycle/text.hpp"

#include <fmt/format.h>

namespace cycle::ical {
namespace {

using namespace std::chrono;

std::optional<minutes> parse_span(std::string_view s) {
    if (s.size() < 2) return std::nullopt;
    long n = 0;
    for (char c : s.substr(0, s.size() - 1)) {
        if (c < '0' || c > '9' || n > 1'000'000) return std::nullopt;
        n = n * 10 + (c - '0');
    }
    switch (s.back()) {
        case 'd':
            return days{n};
        case 'h':
            return hours{n};
        case 'm':
            return minutes{n};
    }
    return std::nullopt;
}

std::optional<event_kind> parse_kind(std::string_view s) {
    for (auto k : {event_kind::meeting, event_kind::conference, event_kind::dialogue,
                   event_kind::deadline, event_kind::window, event_kind::milestone})
        if (s == to_string(k)) return k;
    return std::nullopt;
}

}  // namespace

result<feed_settings> settings_of(const export_options& options) {
    feed_settings s;
    const source_region where{"--param", 0, 0};
    bool alarms_given = false;
    for (const auto& p : options.parameters) {
        auto eq = p.find('=');
        const std::string key = p.substr(0, eq),
                          value = eq == std::string::npos ? "" : p.substr(eq + 1);
        if (key == "refresh") {
            auto span = parse_span(value);
            if (!span || *span < minutes{15})
                return error{
                    fmt::format("refresh '{}' is not a span of at least 15 minutes like 12h or 1d",
                                value),
                    where};
            s.refresh = *span;
        } else if (key == "alarm") {
            if (!alarms_given) s.alarms.clear();
            alarms_given = true;
            if (value == "none") continue;
            auto colon = value.find(':');
            auto kind = parse_kind(value.substr(0, colon));
            auto span =
                colon == std::string::npos ? std::nullopt : parse_span(value.substr(colon + 1));
            if (!kind || !span)
                return error{
                    fmt::format("alarm '{}' is not KIND:SPAN like deadline:14d (kinds: meeting, "
                                "conference, dialogue, deadline, window, milestone) or none",
                                value),
                    where};
            s.alarms.push_back({*kind, *span});
        } else if (key == "organizer") {
            if (value.rfind("mailto:", 0) != 0 || value.size() < 10 ||
                value.find('@') == std::string::npos || printable(value) != value ||
                value.find(' ') != std::string::npos)
                return error{
                    fmt::format("organizer '{}' is not an address like mailto:someone@example.se",
                                printable(value)),
                    where};
            s.organizer = value;
        } else {
            return error{
                fmt::format("unknown parameter '{}' for ics; known: refresh=SPAN, alarm=KIND:SPAN, "
                            "organizer=mailto:ADDRESS",
                            p),
                where};
        }
    }
    auto now = options.now.value_or(date::floor<seconds>(system_clock::now()));
    s.now_utc = date::format("%Y%m%dT%H%M%SZ", now);
    s.audience = options.audience;
    return s;
}

}  // namespace cycle::ical
