#include "cycle/calendar.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "enum_names.hpp"
#include "cycle/texts.hpp"

namespace cycle {

const char* to_string(event_kind k) { return detail::name_of(detail::event_kind_names, k); }
const char* to_string(placement p) { return detail::name_of(detail::placement_names, p); }
const char* to_string(check_level l) { return detail::name_of(detail::check_level_names, l); }

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

void calendar::build_index() {
    auto index = [](const auto& items, id_map& out) {
        out.clear();
        out.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) out.try_emplace(items[i].id, i);
    };
    index(events, event_ids_);
    index(bodies, body_ids_);
    index(sources, source_ids_);
    member_positions_.assign(bodies.size(), {});
    for (std::size_t b = 0; b < bodies.size(); ++b)
        for (std::size_t m = 0; m < bodies[b].members.size(); ++m)
            member_positions_[b].try_emplace(bodies[b].members[m], m);
}

namespace {

// Item by id: through the index when it is current, else a linear search
// (a calendar still being read).
template <class T, class Map>
const T* find_by_id(const std::vector<T>& items, const Map& ids, std::string_view wanted) {
    if (ids.size() == items.size()) {
        auto it = ids.find(wanted);
        return it == ids.end() ? nullptr : &items[it->second];
    }
    for (const auto& item : items)
        if (item.id == wanted) return &item;
    return nullptr;
}

}  // namespace

const body* calendar::find_body(std::string_view wanted) const {
    return find_by_id(bodies, body_ids_, wanted);
}

const check_setting* calendar::find_check(std::string_view rule) const {
    for (const auto& c : checks)
        if (c.rule == rule) return &c;
    return nullptr;
}

const event_template* calendar::find_event(std::string_view wanted) const {
    return find_by_id(events, event_ids_, wanted);
}

const source_document* calendar::find_source(std::string_view wanted) const {
    return find_by_id(sources, source_ids_, wanted);
}

long calendar::event_index(std::string_view wanted) const {
    const event_template* e = find_event(wanted);
    return e ? e - events.data() : -1;
}

long calendar::member_index(std::string_view body_id, std::string_view member) const {
    const body* b = find_body(body_id);
    if (!b) return -1;
    const auto at = static_cast<std::size_t>(b - bodies.data());
    if (member_positions_.size() == bodies.size()) {
        auto it = member_positions_[at].find(member);
        return it == member_positions_[at].end() ? -1 : static_cast<long>(it->second);
    }
    auto it = std::find(b->members.begin(), b->members.end(), member);
    return it == b->members.end() ? -1 : it - b->members.begin();
}

bool calendar::is_member_of(std::string_view who, std::string_view group) const {
    if (who == group) return true;
    // Depth-first over the membership graph with an explicit stack; each body
    // is expanded once (a diamond of shared members is not walked per path).
    std::vector<std::string_view> stack{group};
    std::vector<bool> seen(bodies.size(), false);
    while (!stack.empty()) {
        const body* g = find_body(stack.back());
        stack.pop_back();
        if (!g) continue;
        const auto at = static_cast<std::size_t>(g - bodies.data());
        if (seen[at]) continue;
        seen[at] = true;
        for (const auto& m : g->members) {
            if (m == who) return true;
            stack.push_back(m);
        }
    }
    return false;
}

int calendar::cycle_year_of(const event_template& e, date::sys_days d) const {
    const event_template* rule = &e;
    // The loader has rejected cycles; the guard keeps a hand-made calendar finite.
    for (std::size_t guard = 0;
         rule && rule->timing.relative() && guard <= events.size(); ++guard)
        rule = find_event(split_reference(rule->timing.relative()->anchor).event);
    return int(date::year_month_day{d}.year()) - (rule ? rule->timing.year_offset : 0);
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
    if (!s.lines.empty()) text += fmt::format(", {} {}", texts_for(language).line, s.lines);
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
