// The constraint model (constraint.hpp): what an occurrence's days must
// satisfy, yielded once for the planner and the checks alike.
#include "cycle/constraint.hpp"

#include <algorithm>

namespace cycle {
namespace {

using date::days;
using date::sys_days;

// The steps of constraints_of, one per row of the table in constraint.hpp.

result<bool> add_window_and_deadline(const event_template& e, int cycle_year,
                                     std::vector<constraint>& out) {
    if (e.timing.relative()) return true;  // an offset has no window of its own
    auto window = window_in(e.timing, date::year{cycle_year});
    if (!window) return window.errors();
    out.push_back({window_constraint{*window}, "outside-window", &e.timing.where});
    if (!e.deadline) return true;
    auto day = date_in(*e.deadline, date::year{cycle_year});
    if (!day) return day.errors();
    out.push_back({deadline_constraint{*day}, "deadline-missed", &e.deadline->where});
    return true;
}

void add_precedence(const event_template& e, std::vector<constraint>& out) {
    for (const auto& dep : e.after)
        out.push_back({after_constraint{dep, e.gap_days}, "precedence", &e.where});
}

void add_offset(const event_template& e, std::vector<constraint>& out) {
    if (const relative_rule* rel = e.timing.relative())
        out.push_back({offset_constraint{rel->anchor, rel->offset_days}, "offset", &e.timing.where});
}

void add_working_days(const event_template& e, const std::string& member,
                      std::vector<constraint>& out) {
    if (e.working_days_only)
        out.push_back({working_day_constraint{bodies_concerned(e, member)}, "working-day", &e.where});
}

void add_caps(const event_template& e, std::vector<constraint>& out) {
    if (const auto& pm = e.per_member)
        out.push_back({caps_constraint{pm->max_per_day, pm->max_per_week, pm->buffer_days}, "caps",
                       &e.where});
}

// The bounds, one per kind that has one.

std::optional<day_bound> bound(const window_constraint& c, const dated_occurrences&) {
    day_bound b;
    b.first_from = c.days.first;
    b.last_until = c.days.last;
    return b;
}

std::optional<day_bound> bound(const deadline_constraint& c, const dated_occurrences&) {
    day_bound b;
    b.last_until = c.day;
    return b;
}

// After the predecessor's last occurrence (the first of equals).
std::optional<day_bound> bound(const after_constraint& c, const dated_occurrences& others) {
    auto dates = others.of(c.event);
    if (dates.empty()) return std::nullopt;
    day_bound b;
    for (std::size_t i = 1; i < dates.size(); ++i)
        if (dates[i].last > dates[b.other].last) b.other = i;
    b.other_day = dates[b.other].last;
    b.first_from = b.other_day + days{1 + c.gap_days};
    return b;
}

// Before the anchor's earliest first day, or after its latest last day: the
// lead time is counted from the side the offset points away from.
std::optional<day_bound> bound(const offset_constraint& c, const dated_occurrences& others) {
    auto dates = others.of(c.anchor);
    if (dates.empty()) return std::nullopt;
    day_bound b;
    auto day_of = [&](std::size_t i) { return c.before() ? dates[i].first : dates[i].last; };
    for (std::size_t i = 1; i < dates.size(); ++i)
        if (c.before() ? day_of(i) < day_of(b.other) : day_of(i) > day_of(b.other)) b.other = i;
    b.other_day = day_of(b.other);
    const sys_days limit = b.other_day + days{c.offset_days};
    (c.before() ? b.first_until : b.first_from) = limit;
    return b;
}

// Day tests bound nothing.
std::optional<day_bound> bound(const working_day_constraint&, const dated_occurrences&) {
    return std::nullopt;
}
std::optional<day_bound> bound(const caps_constraint&, const dated_occurrences&) {
    return std::nullopt;
}

bool closed_for(const calendar& cal, const closure& c, const std::vector<std::string>& bodies,
                sys_days d) {
    if (d < c.first || d > c.last) return false;
    for (const auto& closed : c.bodies)
        for (const auto& b : bodies)
            if (cal.is_member_of(b, closed)) return true;
    return false;
}

}  // namespace

result<std::vector<constraint>> constraints_of(const calendar& cal, const event_template& e,
                                               const std::string& member, int cycle_year) {
    (void)cal;  // the calendar's own constraints (closures) come in through working days
    std::vector<constraint> out;
    if (auto ok = add_window_and_deadline(e, cycle_year, out); !ok) return ok.errors();
    add_precedence(e, out);
    add_offset(e, out);
    add_working_days(e, member, out);
    add_caps(e, out);
    return out;
}

bool occurs_in(const calendar& cal, const event_template& e, int cycle_year) {
    // A chain of relative rules is followed with a loop, not recursion: the
    // loader has refused cycles.
    for (const event_template* at = &e; at;) {
        if (!at->years.selects(cycle_year - cal.first_year + 1, cal.cycle_length())) return false;
        const relative_rule* rel = at->timing.relative();
        at = rel ? cal.find_event(split_reference(rel->anchor).event) : nullptr;
    }
    return true;
}

std::optional<day_bound> bound_of(const constraint& c, const dated_occurrences& others) {
    return std::visit([&](const auto& form) { return bound(form, others); }, c.form);
}

std::vector<day_conflict> conflicts_of(const working_day_constraint& c, const calendar& cal,
                                       const holiday_calendar& holidays, sys_days first,
                                       sys_days last) {
    return day_conflicts(cal, holidays, c.bodies, first, last);
}

bool has_conflict(const working_day_constraint& c, const calendar& cal,
                  const holiday_calendar& holidays, sys_days first, sys_days last) {
    for (sys_days d = first; d <= last; d += days{1}) {
        const date::weekday wd{d};
        if (wd == date::Saturday || wd == date::Sunday) return true;
        if (holidays.on(date::year_month_day{d})) return true;
        for (const auto& closure : cal.closures)
            if (closed_for(cal, closure, c.bodies, d)) return true;
    }
    return false;
}

std::vector<violation> violations_of(const std::vector<constraint>& cs, const day_span& days,
                                     const dated_occurrences& others, const calendar& cal,
                                     const holiday_calendar& holidays) {
    std::vector<violation> out;
    bool deadline_missed = false;
    for (const auto& c : cs) {
        if (const auto* working = c.as<working_day_constraint>()) {
            for (auto& conflict : conflicts_of(*working, cal, holidays, days.first, days.last))
                out.push_back({&c, conflict.rule, day_bound{}, std::move(conflict)});
            continue;
        }
        auto b = bound_of(c, others);
        if (!b || b->holds(days)) continue;
        deadline_missed = deadline_missed || c.as<deadline_constraint>();
        out.push_back({&c, std::string(c.rule), *b, std::nullopt});
    }
    if (deadline_missed)  // a missed deadline says more than "outside the window"
        std::erase_if(out, [](const violation& v) { return v.broken->as<window_constraint>(); });
    return out;
}

}  // namespace cycle
