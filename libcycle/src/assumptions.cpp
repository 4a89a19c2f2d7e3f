// The guesses of a wheel (assumptions.hpp).
#include "cycle/assumptions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "cycle/terms.hpp"
#include "cycle/text.hpp"
#include "cycle/texts.hpp"

namespace cycle {

std::string_view assumption_of(const calendar& cal, const occurrence& o) {
    if (o.fixed) return {};
    const event_template* e = cal.find_event(o.event);
    return e ? std::string_view{e->assumed} : std::string_view{};
}

namespace {

// The assumed terms of office, each with the plan's days a body sits in it.
void add_terms(const calendar& cal, const plan& p, std::vector<assumption>& out) {
    std::unordered_map<const body_term*, std::size_t> by_term;
    for (const auto& b : cal.bodies)
        for (const auto& t : b.terms) {
            if (t.assumed.empty()) continue;
            by_term.emplace(&t, out.size());
            out.push_back({b.id,
                           fmt::format("{} {} – {}", cal.body_label(b.id), iso_date(t.first),
                                       iso_date(t.last)),
                           false,
                           true,
                           t.assumed,
                           cal.describe_source(t.source),
                           t.assumed_where,
                           {},
                           {}});
        }
    if (by_term.empty()) return;
    for (const auto& o : p.occurrences)
        for (const auto& s : terms_of(cal, o)) {
            auto it = by_term.find(s.term);
            if (it == by_term.end()) continue;
            auto& days = o.fixed ? out[it->second].fixed : out[it->second].preliminary;
            if (std::find(days.begin(), days.end(), o.date) == days.end()) days.push_back(o.date);
        }
}

}  // namespace

std::vector<assumption> assumptions_of(const calendar& cal, const plan& p) {
    std::vector<assumption> out;
    std::unordered_map<std::string_view, std::size_t> by_event;
    for (const auto& e : cal.events) {
        if (e.assumed.empty()) continue;
        by_event.emplace(e.id, out.size());
        out.push_back({e.id,
                       e.title,
                       false,
                       false,
                       e.assumed,
                       cal.describe_source(e.source),
                       e.assumed_where,
                       {},
                       {}});
    }
    for (const auto& o : p.occurrences) {
        auto it = by_event.find(o.event);
        if (it == by_event.end()) continue;
        auto& days = o.fixed ? out[it->second].fixed : out[it->second].preliminary;
        // Per-member occurrences often share a day: each day once.
        if (std::find(days.begin(), days.end(), o.date) == days.end()) days.push_back(o.date);
    }
    // A closure given by weeks is one [[closure]] table for many weeks.
    std::vector<std::string> seen;
    for (const auto& c : cal.closures) {
        if (c.assumed.empty()) continue;
        const std::string key = c.where.to_string();
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
        out.push_back({c.name, c.name, true, false, c.assumed, {}, c.where, {}, {}});
    }
    add_terms(cal, p, out);
    for (auto& a : out) {
        std::sort(a.preliminary.begin(), a.preliminary.end());
        std::sort(a.fixed.begin(), a.fixed.end());
    }
    return out;
}

std::string format_assumptions(const calendar& cal, const std::vector<assumption>& list) {
    const texts& t = texts_for(cal.language);
    std::string out =
        fmt::format(fmt::runtime(t.assumptions_heading), printable(cal.title), list.size());
    out += "\n";
    if (list.empty()) return out + std::string(t.no_assumptions) + "\n";
    for (const auto& a : list) {
        // Text from the calendar is shown, never obeyed: no raw control characters.
        if (a.is_closure)
            out += fmt::format("{}: {} ({})\n", a.where.to_string(), printable(a.title), t.closure);
        else if (a.is_term)
            out += fmt::format("{}: {}: {}\n", a.where.to_string(), t.term, printable(a.title));
        else
            out += fmt::format("{}: {} – {}\n", a.where.to_string(), printable(a.subject),
                               printable(a.title));
        out += fmt::format("    {}: {}\n", t.preliminary, printable(a.why));
        if (!a.source.empty()) out += fmt::format("    {}: {}\n", t.source, printable(a.source));
        if (a.preliminary.empty() && a.fixed.empty()) continue;
        std::vector<std::string> days;
        for (auto d : a.preliminary) days.push_back(iso_date(d));
        for (auto d : a.fixed) days.push_back(fmt::format("{} ({})", iso_date(d), t.fixed_in_plan));
        out += fmt::format("    {} {}\n", t.in_plan, fmt::join(days, ", "));
    }
    return out;
}

}  // namespace cycle
