// day_test.hpp — the planner's test of one occurrence's candidate days,
// from the constraints the core yields for it (constraint.hpp).
#pragma once

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clash_test.hpp"
#include "cycle/constraint.hpp"
#include "cycle/holidays.hpp"
#include "cycle/timezone.hpp"

namespace cycle::detail {

// Whether local times exist in a zone (to_utc finds them), remembered: the
// planner asks about the same days and start times for every member and
// every candidate day, and each question looks the zone up by name (a
// quarter of planning 40,000 events grown by templates, callgrind).
class local_times {
public:
    explicit local_times(std::string_view zone) : zone_(zone) {}
    bool exists(date::local_seconds t) const {
        auto [it, fresh] = known_.try_emplace(t.time_since_epoch().count(), false);
        if (fresh) it->second = static_cast<bool>(to_utc(zone_, t));
        return it->second;
    }

private:
    std::string_view zone_;
    mutable std::unordered_map<long long, bool> known_;
};

// What the planner tests on each candidate day of one occurrence: its
// working-day and election constraints and that its start time exists on
// that day (hard: never broken), its short-day, terms-of-office and clash
// constraints (soft: kept when some day allows it; a check warns otherwise).
class day_test {
public:
    day_test(const calendar& cal, const holiday_calendar& holidays, const dated_occurrences& others,
             const event_template& e, const std::vector<constraint>& cs,
             std::optional<std::chrono::minutes> start, const local_times& clock)
        : cal_(cal),
          holidays_(holidays),
          others_(others),
          e_(e),
          working_(find_constraint<working_day_constraint>(cs)),
          election_(find_constraint<election_constraint>(cs)),
          short_day_(find_constraint<short_day_constraint>(cs)),
          clash_(find_constraint<clash_constraint>(cs)),
          terms_(useful(cal, find_constraint<term_constraint>(cs),
                        find_constraint<window_constraint>(cs))),
          time_{start, e.duration},
          clock_(clock) {
        // The clash test's lists are looked up once: the planner adds no
        // booking while it tests an occurrence's days.
        if (clash_ && others_.bookings()) clash_lists_.emplace(*clash_, *others_.bookings());
    }

    // Whether the occurrence cannot start on `d` (no text is made).
    bool blocked(date::sys_days d) const {
        if (election_ && conflict_of(*election_, d, last_day(d))) return true;
        if (!working_) return false;
        return has_conflict(*working_, cal_, holidays_, d, last_day(d)) || !time_exists(d);
    }
    // Whether `d` is to be avoided when another day allows it.
    bool soft(date::sys_days d) const { return static_cast<bool>(soft_conflict(d, false)); }
    // Why it cannot (or had better not) start on `d`, or "" — also for an
    // event that may be held on any day (the named day's note).
    std::string why(date::sys_days d, const std::string& member) const {
        const working_day_constraint any{bodies_concerned(e_, member)};
        auto conflicts = conflicts_of(working_ ? *working_ : any, cal_, holidays_, d, last_day(d));
        if (!conflicts.empty()) return conflicts.front().what;
        if (election_)
            if (auto c = conflict_of(*election_, d, last_day(d))) return c->what;
        if (!time_exists(d)) return "no such local time (DST)";
        if (auto c = soft_conflict(d))
            return c->rule == "body-clash" || c->rule == "time-overlap"
                       ? fmt::format("clash with {}", c->what)
                       : c->what;
        return {};
    }

private:
    // Without `words`, a clash carries no text (soft() tests many days).
    std::optional<day_conflict> soft_conflict(date::sys_days d, bool words = true) const {
        if (short_day_)
            if (auto c = conflict_of(*short_day_, holidays_, d, last_day(d))) return c;
        if (terms_ && !words && outside_terms(d)) return day_conflict{"out-of-term", d, {}};
        if (terms_ && words)
            if (auto c = conflict_of(*terms_, cal_, d, last_day(d))) return c;
        if (clash_lists_)
            return clash_of(*clash_, cal_, *others_.bookings(), *clash_lists_, d, last_day(d),
                            time_, true, words);
        return std::nullopt;
    }
    // The terms test, unless a body that sits has no term in the window at
    // all: every day would be one to avoid, and the other soft tests (short
    // day, clash) would go unheard. The occurrence is then placed as if the
    // body had no terms, and the check reports it.
    static const term_constraint* useful(const calendar& cal, const term_constraint* terms,
                                         const window_constraint* window) {
        if (!terms || !window) return terms;
        for (const auto& id : terms->bodies) {
            const body* b = cal.find_body(id);
            if (!b) continue;
            const bool overlaps =
                std::any_of(b->terms.begin(), b->terms.end(), [&](const body_term& t) {
                    return t.first <= window->days.last && window->days.first <= t.last;
                });
            if (!overlaps) return nullptr;
        }
        return terms;
    }
    bool outside_terms(date::sys_days d) const {
        for (const auto& id : terms_->bodies)
            if (const body* b = cal_.find_body(id))
                for (date::sys_days x = d; x <= last_day(d); x += date::days{1})
                    if (!b->term_on(x)) return true;
        return false;
    }
    date::sys_days last_day(date::sys_days d) const { return d + date::days{e_.days - 1}; }
    bool time_exists(date::sys_days d) const {
        if (!time_.start) return true;
        return clock_.exists(date::local_seconds{d.time_since_epoch()} + *time_.start);
    }

    const calendar& cal_;
    const holiday_calendar& holidays_;
    const dated_occurrences& others_;
    const event_template& e_;
    const working_day_constraint* working_;
    const election_constraint* election_;
    const short_day_constraint* short_day_;
    const clash_constraint* clash_;
    const term_constraint* terms_;
    timed_span time_;
    const local_times& clock_;
    std::optional<clash_lists> clash_lists_;
};

}  // namespace cycle::detail
