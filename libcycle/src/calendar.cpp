#include "cycle/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <iterator>

#include "cycle/texts.hpp"
#include "enum_names.hpp"

namespace cycle {

const char* to_string(event_kind k) { return detail::name_of(detail::event_kind_names, k); }
const char* to_string(placement p) { return detail::name_of(detail::placement_names, p); }
const char* to_string(check_level l) { return detail::name_of(detail::check_level_names, l); }
const char* to_string(day_off_policy p) {
    return detail::name_of(detail::day_off_policy_names, p);
}

bool event_template::names_one_day() const {
    if (kind == event_kind::window || timing.relative()) return false;
    if (repeat) {  // each month's day a weekday rule names
        const auto* monthly = std::get_if<monthly_repeat>(&repeat->form);
        return working_days_only && monthly && monthly->weekday;
    }
    if (kind == event_kind::deadline) return true;
    if (!working_days_only) return false;
    if (const auto* week = std::get_if<iso_week_rule>(&timing.form))
        return week->weekday.has_value();
    return std::holds_alternative<fixed_day>(timing.form) ||
           std::holds_alternative<nth_weekday>(timing.form) ||
           std::holds_alternative<last_weekday>(timing.form);
}

day_off_policy calendar::day_off_of(const event_template& e) const {
    if (e.on_day_off) return *e.on_day_off;
    if (on_day_off) return *on_day_off;
    return e.kind == event_kind::deadline ? day_off_policy::previous : day_off_policy::next;
}

const source_region& calendar::day_off_where(const event_template& e) const {
    return e.on_day_off ? e.on_day_off_where : on_day_off ? on_day_off_where : e.where;
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

void calendar::build_index() {
    auto index = [](const auto& items, id_map& out) {
        out.clear();
        out.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) out.try_emplace(items[i].id, i);
    };
    has_terms_ = std::any_of(bodies.begin(), bodies.end(),
                             [](const body& b) { return !b.terms.empty(); });
    index(events, event_ids_);
    index(bodies, body_ids_);
    index(sources, source_ids_);
    member_positions_.assign(bodies.size(), {});
    for (std::size_t b = 0; b < bodies.size(); ++b)
        for (std::size_t m = 0; m < bodies[b].members.size(); ++m)
            member_positions_[b].try_emplace(bodies[b].members[m], m);
    build_closures();
}

void calendar::build_closures() {
    // The planner, the checkers and every feed ask "is X in Y?" for each
    // occurrence and day (issue 12): a walk per question, with two
    // allocations, was a third of exporting every audience's feed.
    names_.clear();
    auto number = [&](const std::string& name) {
        return static_cast<std::uint32_t>(names_.try_emplace(name, names_.size()).first->second);
    };
    for (const auto& b : bodies) number(b.id);
    for (const auto& b : bodies)
        for (const auto& m : b.members) number(m);
    // A member's body as find_body finds it (the first of an id).
    std::vector<long> body_of_name(names_.size(), -1);
    for (std::size_t b = bodies.size(); b-- > 0;)
        body_of_name[names_.find(bodies[b].id)->second] = static_cast<long>(b);
    closure_.assign(bodies.size(), {});
    closure_known_.assign(bodies.size(), false);
    // Work budget: a hostile chain of n bodies has n²/2 memberships; past the
    // budget the remaining bodies are walked per question, as before.
    std::size_t budget = std::size_t{1} << 23;
    std::vector<std::size_t> seen(bodies.size(), 0);  // the body's walk that reached it, + 1
    std::vector<std::size_t> stack;
    for (std::size_t start = 0; start < bodies.size() && budget > 0; ++start) {
        auto& out = closure_[start];
        stack.assign(1, start);
        seen[start] = start + 1;
        while (!stack.empty() && budget > 0) {
            const body& g = bodies[stack.back()];
            stack.pop_back();
            for (const auto& m : g.members) {
                if (budget == 0) break;
                --budget;
                const std::uint32_t n = static_cast<std::uint32_t>(names_.find(m)->second);
                out.push_back(n);
                const long mb = body_of_name[n];
                if (mb >= 0 && seen[static_cast<std::size_t>(mb)] != start + 1) {
                    seen[static_cast<std::size_t>(mb)] = start + 1;
                    stack.push_back(static_cast<std::size_t>(mb));
                }
            }
        }
        if (budget == 0) {
            out.clear();
            break;
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        out.shrink_to_fit();
        closure_known_[start] = true;
    }
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
    if (closure_.size() == bodies.size() && body_ids_.size() == bodies.size()) {
        auto g = body_ids_.find(group);
        if (g == body_ids_.end()) return false;
        if (closure_known_[g->second]) {
            auto w = names_.find(who);
            if (w == names_.end()) return false;
            const auto& members = closure_[g->second];
            return std::binary_search(members.begin(), members.end(),
                                      static_cast<std::uint32_t>(w->second));
        }
    }
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
    const date::year_month_day ymd{d};
    int year = int(ymd.year()) - (rule ? rule->timing.year_offset : 0);
    // A range of months that wraps into the next year (months = [8, 6]):
    // its months before the first month belong to the year before.
    if (const auto* range = rule ? std::get_if<month_range>(&rule->timing.form) : nullptr;
        range && range->last < range->first && ymd.month() < range->first)
        --year;
    return year;
}

const body_term* body::term_on(date::sys_days d) const {
    // Terms are in order and do not overlap (the loader checks): the last
    // that begins on or before d is the only one that can hold it.
    auto after =
        std::upper_bound(terms.begin(), terms.end(), d,
                         [](date::sys_days day, const body_term& t) { return day < t.first; });
    if (after == terms.begin()) return nullptr;
    const body_term& t = *std::prev(after);
    return t.covers(d) ? &t : nullptr;
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
    if (doc && !doc->reference.empty()) text += fmt::format(" ({})", doc->reference);
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
