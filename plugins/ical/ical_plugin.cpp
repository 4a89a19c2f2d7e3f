// The "ics" exporter and importer: iCalendar feeds (docs/feeds.md).
#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "cycle/plugin.hpp"
#include "feed_state.hpp"
#include "feed_writer.hpp"
#include "ics_import.hpp"
#include "ics_validate.hpp"

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

// --param values: refresh=12h, alarm=KIND:SPAN (repeatable), alarm=none.
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
                value.find('@') == std::string::npos)
                return error{
                    fmt::format("organizer '{}' is not an address like mailto:someone@example.se",
                                value),
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

class ics_exporter final : public exporter {
public:
    std::string name() const override { return "ics"; }
    std::string description() const override {
        return "iCalendar subscription feeds (RFC 5545), one per audience (docs/feeds.md)";
    }

    // One feed, no publishing state: SEQUENCE 0.
    result<std::string> write(const calendar& cal, const plan& p,
                              const export_options& options) const override {
        auto settings = settings_of(options);
        if (!settings) return settings.errors();
        return feed(cal, p, *settings, nullptr);
    }

    // The feeds and the state file next to them (feed_state.hpp).
    result<std::vector<export_output>> write_all(const calendar& cal, const plan& p,
                                                 const export_options& options) const override {
        auto settings = settings_of(options);
        if (!settings) return settings.errors();
        std::vector<export_output> out;
        if (!options.all_audiences && options.out == "-") {
            auto text = feed(cal, p, *settings, nullptr);
            if (!text) return text.errors();
            out.push_back({"-", std::move(text).value()});
            return out;
        }
        const std::filesystem::path dir = options.all_audiences
                                              ? std::filesystem::path(options.out)
                                              : std::filesystem::path(options.out).parent_path();
        const auto state_path = dir / feed_state::file_name;
        auto state = feed_state::load(state_path);
        if (!state) return state.errors();
        auto add = [&](std::string path, const std::string& audience) -> result<bool> {
            feed_settings one = *settings;
            one.audience = audience;
            auto text = feed(cal, p, one, &*state);
            if (!text) return text.errors();
            out.push_back({std::move(path), std::move(text).value()});
            return true;
        };
        if (!options.all_audiences) {
            if (auto r = add(options.out, options.audience); !r) return r.errors();
        } else {
            if (auto r = add((dir / "all.ics").string(), ""); !r) return r.errors();
            for (const auto& b : cal.bodies)
                if (auto r = add((dir / (b.id + ".ics")).string(), b.id); !r) return r.errors();
        }
        out.push_back({state_path.string(), state->to_string()});
        return out;
    }

private:
    static result<std::string> feed(const calendar& cal, const plan& p,
                                    const feed_settings& settings, feed_state* state) {
        auto selected = settings.audience.empty()
                            ? p.occurrences
                            : select(cal, p, {.audience = settings.audience, .from = {}, .to = {}});
        auto text = write_feed(cal, selected, settings, state);
        if (!text) return text;
        // Never publish what libical cannot read: that would be our bug.
        if (auto problems = libical_problems(*text, settings.organizer.empty()); !problems.empty())
            return error{
                fmt::format("internal error: the feed breaks RFC 5545 ({}); please report it",
                            problems.front()),
                cal.where};
        return text;
    }
};

class ics_importer final : public importer {
public:
    std::string name() const override { return "ics"; }
    std::string description() const override {
        return "Reads an .ics calendar (our feeds, Outlook, Google, Apple) into a plan file";
    }
    result<imported> read(const calendar& cal, std::string_view bytes,
                          std::string_view source_name) const override {
        return import_ics(cal, bytes, source_name);
    }
};

void register_ical(registry& r) {
    r.add_exporter(std::make_unique<ics_exporter>());
    r.add_importer(std::make_unique<ics_importer>());
}

}  // namespace
}  // namespace cycle::ical

extern "C" const cycle_plugin_info* cycle_ical_plugin_info() {
    static const cycle_plugin_info info{CYCLE_PLUGIN_API_VERSION, "ical", "1.0.0",
                                        "iCalendar feeds and import (libical)",
                                        &cycle::ical::register_ical};
    return &info;
}
