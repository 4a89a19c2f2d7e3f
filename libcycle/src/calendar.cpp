#include "cycle/calendar.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

namespace cycle {

const char* to_string(event_kind k) {
    switch (k) {
        case event_kind::meeting: return "meeting";
        case event_kind::conference: return "conference";
        case event_kind::dialogue: return "dialogue";
        case event_kind::deadline: return "deadline";
        case event_kind::window: return "window";
        case event_kind::milestone: return "milestone";
    }
    return "?";
}

const char* to_string(placement p) {
    switch (p) {
        case placement::start: return "start";
        case placement::middle: return "middle";
        case placement::end: return "end";
    }
    return "?";
}

const char* to_string(check_level l) {
    switch (l) {
        case check_level::off: return "off";
        case check_level::warning: return "warning";
        case check_level::error: return "error";
    }
    return "?";
}

bool year_selection::selects(int cycle_year_number, int cycle_length) const {
    if (cycle_year_number == cycle_length + 1) return after_cycle;
    if (cycle_year_number < 1 || cycle_year_number > cycle_length) return false;
    if (every) return true;
    return std::find(cycle_years.begin(), cycle_years.end(), cycle_year_number) !=
           cycle_years.end();
}

bool calendar::has_after_cycle_events() const {
    return std::any_of(events.begin(), events.end(),
                       [](const event_template& e) { return e.years.after_cycle; });
}

int calendar::last_plannable_year() const {
    return has_after_cycle_events() ? last_year + 1 : last_year;
}

const body* calendar::find_body(std::string_view wanted) const {
    for (const auto& b : bodies)
        if (b.id == wanted) return &b;
    return nullptr;
}

const check_setting* calendar::find_check(std::string_view rule) const {
    for (const auto& c : checks)
        if (c.rule == rule) return &c;
    return nullptr;
}

const event_template* calendar::find_event(std::string_view wanted) const {
    for (const auto& e : events)
        if (e.id == wanted) return &e;
    return nullptr;
}

const source_document* calendar::find_source(std::string_view wanted) const {
    for (const auto& s : sources)
        if (s.id == wanted) return &s;
    return nullptr;
}

bool calendar::is_member_of(std::string_view who, std::string_view group) const {
    if (who == group) return true;
    const body* g = find_body(group);
    if (!g) return false;
    // The loader has rejected membership cycles, so this recursion ends.
    return std::any_of(g->members.begin(), g->members.end(),
                       [&](const std::string& m) { return is_member_of(who, m); });
}

std::string calendar::body_label(std::string_view wanted) const {
    const body* b = find_body(wanted);
    if (!b) return std::string(wanted);
    return b->short_name.empty() ? b->name : b->short_name;
}

std::string calendar::describe_source(const rule_source& s) const {
    if (s.document.empty()) return {};
    const source_document* doc = find_source(s.document);
    std::string text = doc ? doc->title : s.document;
    if (!s.section.empty()) text += ", " + s.section;
    if (!s.lines.empty()) text += ", rad " + s.lines;
    return text;
}

const calendar& default_calendar() {
    // Immutable after first use: parsed once from the compiled-in text.
    static const calendar built_in = [] {
        auto loaded = load_calendar_string(default_calendar_toml(),
                                           "<built-in>/nya-perspektiv-2025-2028.toml");
        if (!loaded) {
            for (const auto& e : loaded.errors()) std::cerr << e.to_string() << '\n';
            std::abort();  // a build that ships a broken default is a bug
        }
        return std::move(loaded).value();
    }();
    return built_in;
}

result<bool> check_audience(const calendar& cal, std::string_view audience) {
    if (audience.empty() || cal.find_body(audience)) return true;
    std::string ids;
    for (const auto& b : cal.bodies) ids += (ids.empty() ? "" : ", ") + b.id;
    return error{fmt::format("unknown audience '{}'; the calendar's bodies are: {}", audience, ids),
                 cal.where};
}

}  // namespace cycle
