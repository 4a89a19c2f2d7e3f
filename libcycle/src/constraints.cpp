// The constraint model (constraint.hpp): what an occurrence's days must
// satisfy, yielded once for the planner and the checks alike.
#include <date/iso_week.h>
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "clash_test.hpp"
#include "cycle/constraint.hpp"
#include "cycle/occurrence.hpp"
#include "cycle/recurrence.hpp"
#include "recurrence_reader.hpp"

namespace cycle {
namespace {

using date::days;
using date::sys_days;

// The steps of constraints_of, one per row of the table in constraint.hpp.

result<bool> add_window_and_deadline(const event_template& e, int cycle_year, unsigned index,
                                     std::vector<constraint>& out) {
    if (e.timing.relative()) return true;  // an offset has no window of its own
    // A recurring event's occurrence has its own part of the window.
    auto window = e.repeat && index ? occurrence_window(e, cycle_year, index)
                                    : window_in(e.timing, date::year{cycle_year});
    if (!window) return window.errors();
    out.push_back({window_constraint{*window, std::nullopt}, "outside-window", &e.timing.where});
    if (!e.deadline) return true;
    auto day = date_in(*e.deadline, date::year{cycle_year});
    if (!day) return day.errors();
    out.push_back({deadline_constraint{*day}, "deadline-missed", &e.deadline->where});
    return true;
}

// With same_member, a per-member predecessor of the same body is the same
// member's occurrence ("ks-proposal/eda"), not the last of all.
void add_precedence(const calendar& cal, const event_template& e, const std::string& member,
                    std::vector<constraint>& out) {
    for (const auto& dep : e.after)
        out.push_back({after_constraint{detail::member_reference(cal, e, dep, member), e.gap_days,
                                        e.gap_working_days},
                       "precedence", &e.where});
}

void add_offset(const calendar& cal, const event_template& e, const std::string& member,
                std::vector<constraint>& out) {
    if (const relative_rule* rel = e.timing.relative())
        out.push_back(
            {offset_constraint{detail::member_reference(cal, e, rel->anchor, member), rel->offset_days},
             "offset", &e.timing.where});
}

// Working days: an event held on working days, and a deadline whose day
// on_day_off moves or refuses; not the day a rule names with "keep".
void add_working_days(const calendar& cal, const event_template& e, const std::string& member,
                      std::vector<constraint>& out) {
    const bool named = e.names_one_day();
    const bool wanted = named ? cal.day_off_of(e) != day_off_policy::keep : e.working_days_only;
    if (wanted)
        out.push_back(
            {working_day_constraint{bodies_concerned(e, member)}, "working-day", &e.where});
}

void add_caps(const event_template& e, std::vector<constraint>& out) {
    if (const auto& pm = e.per_member)
        out.push_back({caps_constraint{pm->max_per_day, pm->max_per_week, pm->buffer_days}, "caps",
                       &e.where});
}

// The terms of office of the bodies that sit at it, when some have terms.
void add_terms(const calendar& cal, const event_template& e, const std::string& member,
               unsigned index, std::vector<constraint>& out) {
    if (!cal.has_terms()) return;  // no work for a calendar without terms
    term_constraint terms;
    for (auto& b : bodies_sitting(e, member, index))
        if (const body* sits = cal.find_body(b); sits && !sits->terms.empty())
            terms.bodies.push_back(std::move(b));
    if (!terms.bodies.empty()) out.push_back({std::move(terms), "out-of-term", &e.where});
}

// The day tests beyond working days: a full-day event's short days, the
// election margin, the terms of the bodies that sit, and the bodies it books.
void add_day_tests(const calendar& cal, const event_template& e, const std::string& member,
                   int cycle_year, unsigned index, std::vector<constraint>& out) {
    if (full_day_event(e)) out.push_back({short_day_constraint{}, "short-day", &e.where});
    if (e.election_margin_days)
        out.push_back({election_constraint{e.election_margin_days}, "election-day", &e.where});
    add_terms(cal, e, member, index, out);
    if (auto booked = bodies_booked(e, member, index); !booked.empty())
        out.push_back(
            {clash_constraint{std::move(booked), attended_event(e), e.id, member, cycle_year},
             "body-clash", &e.where});
}

bool working_day(const holiday_calendar* holidays, sys_days d) {
    const date::weekday wd{d};
    if (wd == date::Saturday || wd == date::Sunday) return false;
    return !holidays || !holidays->on(date::year_month_day{d});
}

// Weekdays choose among the days of a window: not for a day the rule names,
// a window event or a deadline.
void add_weekdays(const event_template& e, std::vector<constraint>& out) {
    if (e.preferred_weekdays.empty() || e.names_one_day() || e.kind == event_kind::window ||
        e.kind == event_kind::deadline)
        return;
    out.push_back({weekday_constraint{e.preferred_weekdays}, "weekday", &e.where});
}

template <class T>
T* find_mutable(std::vector<constraint>& cs) {
    for (auto& c : cs)
        if (T* t = std::get_if<T>(&c.form)) return t;
    return nullptr;
}

// on_day_off: the day the rule names, moved off a day off (constraints_of).
result<bool> move_named_day(const calendar& cal, const holiday_calendar& holidays,
                            const event_template& e, std::vector<constraint>& cs) {
    window_constraint* window = find_mutable<window_constraint>(cs);
    const working_day_constraint* working = find_constraint<working_day_constraint>(cs);
    if (!e.names_one_day() || !window || !working) return true;
    deadline_constraint* deadline = find_mutable<deadline_constraint>(cs);
    const sys_days named = e.kind == event_kind::deadline && deadline
                               ? std::min(deadline->day, window->days.last)
                               : window->days.last;
    if (!has_conflict(*working, cal, holidays, named, named)) return true;
    const day_conflict off = conflicts_of(*working, cal, holidays, named, named).front();
    day_move move{named, named, cal.day_off_of(e),
                  off.rule == "weekend" ? "a " + off.what : off.what};
    if (move.policy == day_off_policy::previous || move.policy == day_off_policy::next) {
        const days step{move.policy == day_off_policy::previous ? -1 : 1};
        for (int i = 0; i < 60 && has_conflict(*working, cal, holidays, move.to, move.to); ++i)
            move.to += step;
        if (has_conflict(*working, cal, holidays, move.to, move.to))
            return error{
                fmt::format("[[event]] '{}': no working day within 60 days {} {} ({})", e.id,
                            move.policy == day_off_policy::previous ? "before" : "after",
                            iso_date(named), move.why),
                cal.day_off_where(e)};
        window->days.first = std::min(window->days.first, move.to);
        window->days.last = std::max(window->days.last, move.to);
        if (deadline && e.kind == event_kind::deadline)
            deadline->day = std::max(deadline->day, move.to);
    }
    window->moved = std::move(move);
    return true;
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
    // gap_working_days working days strictly between: the day after the last.
    sys_days d = b.other_day;
    for (unsigned n = 0; n < c.gap_working_days;) {
        d += days{1};
        if (working_day(others.holidays(), d)) ++n;
    }
    b.first_from = std::max(*b.first_from, d + days{1});
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
std::optional<day_bound> bound(const short_day_constraint&, const dated_occurrences&) {
    return std::nullopt;
}
std::optional<day_bound> bound(const election_constraint&, const dated_occurrences&) {
    return std::nullopt;
}
std::optional<day_bound> bound(const clash_constraint&, const dated_occurrences&) {
    return std::nullopt;
}
std::optional<day_bound> bound(const term_constraint&, const dated_occurrences&) {
    return std::nullopt;
}
std::optional<day_bound> bound(const weekday_constraint&, const dated_occurrences&) {
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

result<std::vector<constraint>> constraints_of(const calendar& cal,
                                               const holiday_calendar& holidays,
                                               const event_template& e, const std::string& member,
                                               int cycle_year, unsigned index) {
    std::vector<constraint> out;
    if (auto ok = add_window_and_deadline(e, cycle_year, index, out); !ok) return ok.errors();
    add_precedence(cal, e, member, out);
    add_offset(cal, e, member, out);
    add_working_days(cal, e, member, out);
    add_caps(e, out);
    add_day_tests(cal, e, member, cycle_year, index, out);
    add_weekdays(e, out);
    if (auto ok = move_named_day(cal, holidays, e, out); !ok) return ok.errors();
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

bool attended_event(const event_template& e) {
    return e.kind == event_kind::meeting || e.kind == event_kind::conference ||
           e.kind == event_kind::dialogue;
}

bool full_day_event(const event_template& e) {
    return attended_event(e) && (!e.start_time || e.duration >= std::chrono::hours{6});
}

std::vector<std::string> bodies_booked(const event_template& e, const std::string& member,
                                       unsigned index) {
    switch (e.kind) {
        case event_kind::window:
        case event_kind::deadline:
            return {};
        case event_kind::milestone:
            return e.organiser.empty() ? std::vector<std::string>{}
                                       : std::vector<std::string>{e.organiser};
        default:
            // A per-member occurrence books its member: its organiser and
            // audiences serve each member in turn, as many a day as the caps say.
            if (e.per_member) return {member};
            auto out = bodies_concerned(e, member);
            // A recurring event's occurrence books the audiences its variants add.
            if (e.repeat && index)
                for (const auto& a : audiences_for(e, index))
                    if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
            return out;
    }
}

std::vector<std::string> bodies_sitting(const event_template& e, const std::string& member,
                                        unsigned index) {
    std::vector<std::string> out;
    auto add = [&](const std::string& b) {
        if (!b.empty() && std::find(out.begin(), out.end(), b) == out.end()) out.push_back(b);
    };
    add(e.organiser);
    for (const auto& b : e.co_organisers) add(b);
    if (attended_event(e))
        for (const auto& b : bodies_booked(e, member, index)) add(b);
    return out;
}

std::optional<day_conflict> conflict_of(const short_day_constraint&,
                                        const holiday_calendar& holidays, sys_days first,
                                        sys_days last) {
    for (sys_days d = first; d <= last; d += days{1}) {
        if (!working_day(&holidays, d)) continue;
        const holiday* next = holidays.on(date::year_month_day{d + days{1}});
        if (next && next->kind == holiday_kind::public_holiday)
            return day_conflict{"short-day", d, fmt::format("the eve of {}", next->name)};
    }
    return std::nullopt;
}

std::optional<day_conflict> conflict_of(const election_constraint& c, sys_days first,
                                        sys_days last) {
    const int from = int(date::year_month_day{first}.year()) - 1;
    const int to = int(date::year_month_day{last}.year()) + 1;
    for (int y = from; y <= to; ++y) {
        auto election = swedish_general_election(date::year{y});
        if (!election) continue;
        const sys_days lo = *election - days{c.margin_days}, hi = *election + days{c.margin_days};
        if (last < lo || first > hi) continue;
        return day_conflict{"election-day", std::max(first, lo),
                            fmt::format("{} days or less from the general election on {}",
                                        c.margin_days, iso_date(*election))};
    }
    return std::nullopt;
}

std::optional<day_conflict> conflict_of(const term_constraint& c, const calendar& cal,
                                        sys_days first, sys_days last) {
    for (const auto& id : c.bodies) {
        const body* b = cal.find_body(id);
        if (!b || b->terms.empty()) continue;
        for (sys_days d = first; d <= last; d += days{1}) {
            if (b->term_on(d)) continue;
            // The term before the day and the one after it, for the message.
            const body_term* before = nullptr;
            const body_term* after = nullptr;
            for (const auto& t : b->terms) {
                if (t.last < d)
                    before = &t;
                else if (!after && t.first > d)
                    after = &t;
            }
            std::string what =
                fmt::format("outside every term of office of {}", cal.body_label(id));
            if (before && after)
                what += fmt::format(" (between {} and {})", iso_date(before->last),
                                    iso_date(after->first));
            else if (before)
                what += fmt::format(" (the last ends {})", iso_date(before->last));
            else if (after)
                what += fmt::format(" (the first begins {})", iso_date(after->first));
            return day_conflict{"out-of-term", d, std::move(what)};
        }
    }
    return std::nullopt;
}

namespace {
long week_key(sys_days d) {
    const iso_week::year_weeknum_weekday w{d};
    return long(int(w.year())) * 100 + long(unsigned(w.weeknum()));
}
template <class Map>
unsigned count_at(const Map& m, long key) {
    auto it = m.find(key);
    return it == m.end() ? 0 : it->second;
}
}  // namespace

void cap_counter::count(sys_days d) {
    ++per_day_[d.time_since_epoch().count()];
    ++per_week_[week_key(d)];
}
unsigned cap_counter::on_day(sys_days d) const {
    return count_at(per_day_, d.time_since_epoch().count());
}
unsigned cap_counter::in_week(sys_days d) const {
    return count_at(per_week_, week_key(d));
}
bool cap_counter::over_day(sys_days d) const {
    return caps_.max_per_day && on_day(d) >= caps_.max_per_day;
}
bool cap_counter::over_week(sys_days d) const {
    return caps_.max_per_week && in_week(d) >= caps_.max_per_week;
}

std::vector<cap_excess> caps_violations(const caps_constraint& c, std::span<const day_span> spans) {
    std::vector<std::size_t> order(spans.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return spans[a].first < spans[b].first; });
    std::vector<cap_excess> out;
    cap_counter counts(c);
    for (std::size_t i : order) {
        const sys_days d = spans[i].first;
        // One beyond a cap is reported and not counted: the others are
        // judged as if it were moved, so one misplaced occurrence is one
        // finding (as the planner would not have placed it there).
        if (counts.over_day(d))
            out.push_back({i, false, counts.on_day(d) + 1, c.max_per_day, 0});
        else if (counts.over_week(d))
            out.push_back({i, true, counts.in_week(d) + 1, c.max_per_week,
                           unsigned(iso_week::year_weeknum_weekday{d}.weeknum())});
        else
            counts.count(d);
    }
    std::sort(out.begin(), out.end(),
              [](const cap_excess& a, const cap_excess& b) { return a.index < b.index; });
    return out;
}

std::vector<violation> violations_of(const std::vector<constraint>& cs, const day_span& days,
                                     const dated_occurrences& others, const calendar& cal,
                                     const holiday_calendar& holidays, const timed_span& time) {
    std::vector<violation> out;
    bool deadline_missed = false;
    for (const auto& c : cs) {
        if (const auto* working = c.as<working_day_constraint>()) {
            for (auto& conflict : conflicts_of(*working, cal, holidays, days.first, days.last))
                out.push_back({&c, conflict.rule, day_bound{}, std::move(conflict), std::nullopt});
            continue;
        }
        if (const auto* weekdays = c.as<weekday_constraint>()) {
            const date::weekday wd{days.first};
            if (std::find(weekdays->weekdays.begin(), weekdays->weekdays.end(), wd) ==
                weekdays->weekdays.end())
                out.push_back({&c, std::string(c.rule), day_bound{}, std::nullopt, wd});
            continue;
        }
        std::optional<day_conflict> conflict;
        if (c.as<short_day_constraint>())
            conflict = conflict_of(*c.as<short_day_constraint>(), holidays, days.first, days.last);
        else if (const auto* election = c.as<election_constraint>())
            conflict = conflict_of(*election, days.first, days.last);
        else if (const auto* terms = c.as<term_constraint>())
            conflict = conflict_of(*terms, cal, days.first, days.last);
        else if (const auto* clash = c.as<clash_constraint>(); clash && others.bookings())
            conflict =
                conflict_of(*clash, cal, *others.bookings(), days.first, days.last, time, false);
        if (conflict) {
            std::string rule = conflict->rule;
            out.push_back({&c, std::move(rule), day_bound{}, std::move(conflict), std::nullopt});
            continue;
        }
        auto b = bound_of(c, others);
        if (!b || b->holds(days)) continue;
        deadline_missed = deadline_missed || c.as<deadline_constraint>();
        out.push_back({&c, std::string(c.rule), *b, std::nullopt, std::nullopt});
    }
    if (deadline_missed)  // a missed deadline says more than "outside the window"
        std::erase_if(out, [](const violation& v) { return v.broken->as<window_constraint>(); });
    return out;
}

}  // namespace cycle
