// The planner: calendar (+ fixed dates) -> dated plan, by the default policy
// of docs/planning.md. It asks the constraint model (constraint.hpp) what
// each occurrence's days must satisfy and searches the days that do; why it
// chose a day is kept as facts (explanation.hpp), put into words on demand.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "cycle/constraint.hpp"
#include "cycle/holidays.hpp"
#include "cycle/plan.hpp"
#include "cycle/recurrence.hpp"
#include "cycle/timezone.hpp"
#include "cycle/working_days.hpp"
#include "cycle/zone.hpp"
#include "day_choice.hpp"
#include "day_test.hpp"
#include "dependency_order.hpp"
#include "plan_order.hpp"
#include "spread.hpp"

namespace cycle {
namespace {

using date::days;
using date::sys_days;
using detail::day_test;
using detail::member_tests;
using detail::narrowed_days;
using detail::spread_days;
using detail::spread_pick;

class planner final : public dated_occurrences {
public:
    planner(const calendar& cal, const holiday_calendar& holidays, const plan_file* fixed)
        : cal_(cal),
          holidays_(holidays),
          order_(detail::dependency_order(cal)),
          member_references_(has_member_references(cal)) {
        // The first entry for an occurrence counts (cycle check reports the rest).
        if (fixed)
            for (const auto& entry : fixed->entries) fixed_by_id_.try_emplace(entry.id(), &entry);
    }

    // Plans one cycle year (a calendar year from first_year to
    // last_plannable_year) into `out`: each event's occurrences, in the
    // order of the event ids, as one vector (in_plan_order moves each
    // occurrence once, into its place in the plan).
    void plan_year(int year, std::vector<std::vector<occurrence>>& out) {
        year_ = year;
        placed_.clear();
        spans_.clear();
        for (const event_template* e : order_) {
            if (!e->years.selects(year - cal_.first_year + 1, cal_.cycle_length())) continue;
            plan_event(*e);
            record_spans(e->id);
        }
        for (auto& [id, occs] : placed_)
            if (!occs.empty()) out.push_back(std::move(occs));
    }

    errors take_errors() { return std::move(errors_); }

    // The dates placed so far, for the constraints that depend on them.
    std::span<const day_span> of(std::string_view event) const override {
        auto it = spans_.find(event);
        if (it == spans_.end()) return {};
        return it->second;
    }
    const day_bookings* bookings() const override { return &bookings_; }
    const holiday_calendar* holidays() const override { return &holidays_; }

private:
    static bool has_member_references(const calendar& cal) {
        auto member = [](const std::string& ref) { return !split_reference(ref).member.empty(); };
        return std::any_of(cal.events.begin(), cal.events.end(), [&](const event_template& e) {
            return e.same_member || std::any_of(e.after.begin(), e.after.end(), member) ||
                   (e.timing.relative() && member(e.timing.relative()->anchor));
        });
    }

    void record_spans(const std::string& event) {
        auto& spans = spans_[event];
        const event_template& e = *cal_.find_event(event);
        for (const auto& o : placed_[event]) {
            spans.push_back({o.date, o.end_date});
            if (auto booked = bodies_booked(e, o.member, o.index); !booked.empty())
                bookings_.add({o.event, o.member, o.cycle_year, {o.date, o.end_date}, o.start_time,
                               o.duration, std::move(booked), attended_event(e)});
        }
        // One member's occurrence, for "event/member" references (calendar.hpp).
        if (member_references_)
            for (const auto& o : placed_[event])
                if (!o.member.empty()) spans_[event + "/" + o.member].push_back({o.date, o.end_date});
    }

    occurrence skeleton(const event_template& e, const std::string& member,
                        unsigned index = 0) const {
        occurrence o;
        o.event = e.id;
        o.member = member;
        o.cycle_year = year_;
        o.index = index;
        o.start_time = e.start_time;
        o.duration = e.duration;
        o.organiser = e.organiser;
        o.co_organisers = e.co_organisers;
        if (e.per_member) {
            o.audiences.push_back(member);
            for (const auto& a : e.audiences)
                if (a != e.per_member->body) o.audiences.push_back(a);
        } else {
            o.audiences = e.repeat ? audiences_for(e, index) : e.audiences;
        }
        o.where = e.where;
        if (e.held) o.status = occurrence_status::held;  // history (a plan file may say otherwise)
        return o;
    }

    const plan_entry* fixed_entry(const event_template& e, const std::string& member,
                                  unsigned index = 0) const {
        if (fixed_by_id_.empty()) return nullptr;  // no plan file: no key made per occurrence
        auto it = fixed_by_id_.find(occurrence_id{e.id, member, year_, index});
        return it == fixed_by_id_.end() ? nullptr : it->second;
    }

    // The entry over the event's skeleton: what the entry leaves out (start
    // time, duration) the event gives; a start without a duration lasts the
    // event's duration, else one hour.
    void apply_fixed(occurrence& o, const plan_entry& entry) const {
        occurrence f = occurrence_of(entry);
        f.organiser = std::move(o.organiser);
        f.co_organisers = std::move(o.co_organisers);
        f.audiences = std::move(o.audiences);
        if (entry.start_time)
            f.duration = entry.duration.value_or(o.duration.count() ? o.duration : std::chrono::hours{1});
        else
            f.start_time = o.start_time, f.duration = entry.duration.value_or(o.duration);
        f.explanation.how = placed_by::plan_file;
        o = std::move(f);
    }

    void fail(const event_template& e, std::string message) {
        fail_at(e, std::move(message), e.where);
    }
    void fail_at(const event_template& e, std::string message, const source_region& where) {
        errors_.push_back(
            {fmt::format("cannot plan '{}' ({}) in {}: {}", e.title, e.id, year_, message), where});
    }

    std::string reasons_text(const event_template& e, const narrowed_days& n) const {
        std::vector<std::string> texts;
        for (const auto& by : n.by) texts.push_back(describe(cal_, e.id, by));
        return fmt::format("{}", fmt::join(texts, "; "));
    }

    // Step 1: the members whose dates a plan file fixes are taken as they
    // are; the others are returned, to be placed.
    std::vector<std::string> place_fixed(const event_template& e, std::vector<occurrence>& out) const {
        std::vector<std::string> members{std::string{}};
        if (e.per_member) members = cal_.find_body(e.per_member->body)->members;
        // One occurrence per member, kept until the plan is in order: no
        // room to spare (a vector grown by doubling wastes a fifth).
        out.reserve(out.size() + members.size());
        std::vector<std::string> open;
        for (const auto& m : members) {
            if (const plan_entry* entry = fixed_entry(e, m)) {
                occurrence o = skeleton(e, m);
                apply_fixed(o, *entry);
                out.push_back(std::move(o));
            } else {
                open.push_back(m);
            }
        }
        return open;
    }

    // Step 2: the window, narrowed by the deadline and the predecessors.
    narrowed_days narrow(const std::vector<constraint>& cs) const {
        narrowed_days n;
        const auto& window = *find_constraint<window_constraint>(cs);
        n.allowed = window.days;
        // A moved named day is described by the day the rule names.
        n.by.push_back(
            {"outside-window",
             window.moved ? day_window{window.moved->named, window.moved->named} : window.days,
             {},
             0});
        if (const auto* deadline = find_constraint<deadline_constraint>(cs);
            deadline && deadline->day < n.allowed.last) {
            n.allowed.last = deadline->day;
            n.by.push_back({"deadline-missed", {deadline->day, deadline->day}, {}, 0});
        }
        if (auto latest = latest_predecessor(cs); latest && latest->days.first > n.allowed.first) {
            n.allowed.first = latest->days.first;
            n.by.push_back(std::move(*latest));
        }
        return n;
    }

    // The bound the latest predecessor sets (the first of equals): days.first
    // is the first day allowed. None without an `after` that has dates.
    std::optional<narrowing> latest_predecessor(const std::vector<constraint>& cs) const {
        std::optional<narrowing> latest;
        for (const auto& c : cs) {
            const auto* after = c.as<after_constraint>();
            if (!after) continue;
            auto b = bound_of(c, *this);
            if (b && (!latest || *b->first_from > latest->days.first))
                latest = narrowing{"precedence", {*b->first_from, b->other_day}, after->event, after->gap_days};
        }
        return latest;
    }

    void plan_event(const event_template& e) {
        std::vector<occurrence>& out = placed_[e.id];
        if (e.repeat) return plan_recurring(e, out);
        const std::vector<std::string> open = place_fixed(e, out);
        auto cs =
            constraints_of(cal_, holidays_, e, open.empty() ? std::string{} : open.front(), year_);
        if (!cs) return fail(e, cs.errors().front().message);
        if (e.timing.relative()) {
            if (!open.empty()) plan_relative(e, open, out);
            return;
        }
        const window_constraint& window_rule = *find_constraint<window_constraint>(*cs);
        if (window_rule.moved && window_rule.moved->policy == day_off_policy::error &&
            !open.empty())
            return fail_at(e,
                           fmt::format("its rule names {}, which is {}, and on_day_off = \"error\"",
                                       iso_date(window_rule.moved->named), window_rule.moved->why),
                           cal_.day_off_where(e));
        const day_window window = window_rule.days;
        std::optional<sys_days> deadline;
        if (const auto* d = find_constraint<deadline_constraint>(*cs)) deadline = d->day;
        // Fixed occurrences know their window and deadline too (feeds show
        // the deadline, cycle due counts from it), also when all are fixed.
        for (auto& o : out) {
            o.window = window;
            o.deadline = deadline;
        }
        if (open.empty()) return;
        if (e.kind == event_kind::window || e.kind == event_kind::deadline)
            return place_spanning(e, open, *cs, out);

        if (e.per_member && e.same_member) return plan_each_member(e, open, out);
        const narrowed_days n = narrow(*cs);
        if (n.allowed.first > n.allowed.last)
            return fail(e, fmt::format("its window ends {} but it must come {}", iso_date(n.allowed.last),
                                       describe(cal_, e.id, n.by.back())));
        if (e.per_member) {
            spread(e, open, n, out);
            for (auto& o : out) o.deadline = deadline;
            return;
        }
        occurrence o = skeleton(e, open.front());
        o.window = window;
        o.deadline = deadline;
        const day_test test(cal_, holidays_, *this, e, *cs, o.start_time, clock_);
        auto chosen = detail::choose_day(e, test, n.allowed, window_rule.moved.has_value());
        if (!chosen)
            return fail(e, fmt::format("no working day in {} ({})", window_text(n.allowed),
                                       reasons_text(e, n)));
        place(e, o, *chosen);
        o.explanation = detail::pick_facts(e, test, o, n);
        if (window_rule.moved) {
            o.explanation.how = placed_by::named_day;
            o.explanation.passed.clear();
            o.explanation.passed_count = 0;
            note_move(o.explanation, window_rule);
        }
        out.push_back(std::move(o));
    }

    // A recurring event (recurrence.hpp): each occurrence on its own, in its
    // own part of the window, as a single event would be placed there.
    void plan_recurring(const event_template& e, std::vector<occurrence>& out) {
        const unsigned count = occurrence_count(e, year_);
        for (unsigned i = 1; i <= count; ++i) {
            auto cs = constraints_of(cal_, holidays_, e, {}, year_, i);
            if (!cs) return fail(e, cs.errors().front().message);
            const window_constraint& window_rule = *find_constraint<window_constraint>(*cs);
            occurrence o = skeleton(e, {}, i);
            if (const plan_entry* entry = fixed_entry(e, {}, i)) apply_fixed(o, *entry);
            o.window = window_rule.days;
            if (const auto* d = find_constraint<deadline_constraint>(*cs)) o.deadline = d->day;
            if (o.fixed) {
                out.push_back(std::move(o));
                continue;
            }
            if (window_rule.moved && window_rule.moved->policy == day_off_policy::error)
                return fail_at(e,
                               fmt::format("its rule names {}, which is {}, and on_day_off = "
                                           "\"error\"",
                                           iso_date(window_rule.moved->named), window_rule.moved->why),
                               cal_.day_off_where(e));
            const narrowed_days n = narrow(*cs);
            if (n.allowed.first > n.allowed.last)
                return fail(e, fmt::format("occurrence {}: its window ends {} but it must come {}", i,
                                           iso_date(n.allowed.last),
                                           describe(cal_, e.id, n.by.back())));
            const day_test test(cal_, holidays_, *this, e, *cs, o.start_time, clock_);
            auto chosen = detail::choose_day(e, test, n.allowed, window_rule.moved.has_value());
            if (!chosen)
                return fail(e, fmt::format("occurrence {}: no working day in {} ({})", i,
                                           window_text(n.allowed), reasons_text(e, n)));
            place(e, o, *chosen);
            o.explanation = detail::pick_facts(e, test, o, n);
            if (window_rule.moved) {
                o.explanation.how = placed_by::named_day;
                note_move(o.explanation, window_rule);
            }
            out.push_back(std::move(o));
        }
    }

    // A per-member event with same_member: each member after its own
    // predecessors (their days differ), in the order of the members, under
    // the caps; not spread, as each member's days are its own.
    void plan_each_member(const event_template& e, const std::vector<std::string>& open,
                          std::vector<occurrence>& out) {
        cap_counter counts(caps_of(e));
        for (const auto& o : out) counts.count(o.date);
        for (const auto& m : open) {
            auto cs = constraints_of(cal_, holidays_, e, m, year_);
            if (!cs) return fail(e, cs.errors().front().message);
            const narrowed_days n = narrow(*cs);
            if (n.allowed.first > n.allowed.last)
                return fail(e, fmt::format("{}: its window ends {} but it must come {}",
                                           cal_.body_label(m), iso_date(n.allowed.last),
                                           describe(cal_, e.id, n.by.back())));
            occurrence o = skeleton(e, m);
            o.window = find_constraint<window_constraint>(*cs)->days;
            if (const auto* d = find_constraint<deadline_constraint>(*cs)) o.deadline = d->day;
            const day_test test(cal_, holidays_, *this, e, *cs, o.start_time, clock_);
            // As choose_day: preferred weekdays first, days to avoid
            // (test.soft) only when there is no other; under the caps.
            std::optional<sys_days> chosen;
            const auto days_in = detail::candidates(e, n.allowed);
            for (int pass = 0; pass < 4 && !chosen; ++pass)
                for (sys_days d : days_in)
                    if ((pass % 2 == 1 || e.preferred_weekdays.empty() ||
                         std::find(e.preferred_weekdays.begin(), e.preferred_weekdays.end(),
                                   date::weekday{d}) != e.preferred_weekdays.end()) &&
                        counts.fits(d) && !test.blocked(d) && (pass >= 2 || !test.soft(d))) {
                        chosen = d;
                        break;
                    }
            if (!chosen)
                return fail(e, fmt::format("no day left for {} in {} ({})", cal_.body_label(m),
                                           window_text(n.allowed), reasons_text(e, n)));
            counts.count(*chosen);
            place(e, o, *chosen);
            o.explanation = detail::pick_facts(e, test, o, n);
            out.push_back(std::move(o));
        }
    }

    // A window event spans its window; a deadline event marks its day, or
    // the working day on_day_off moves it to (per member: closures differ).
    void place_spanning(const event_template& e, const std::vector<std::string>& open,
                        const std::vector<constraint>& first_cs, std::vector<occurrence>& out) {
        for (const auto& m : open) {
            auto mine = m == open.front() ? result<std::vector<constraint>>{first_cs}
                                          : constraints_of(cal_, holidays_, e, m, year_);
            if (!mine) return fail(e, mine.errors().front().message);
            const auto& window = *find_constraint<window_constraint>(*mine);
            const auto* deadline = find_constraint<deadline_constraint>(*mine);
            occurrence o = skeleton(e, m);
            o.window = window.days;
            if (deadline) o.deadline = deadline->day;
            if (e.kind == event_kind::window) {
                o.date = window.days.first;
                o.end_date = window.days.last;
                o.explanation.how = placed_by::spans_window;
            } else if (window.moved && window.moved->policy == day_off_policy::error) {
                return fail_at(e,
                               fmt::format("its day {} is {}, and on_day_off = \"error\"",
                                           iso_date(window.moved->named), window.moved->why),
                               cal_.day_off_where(e));
            } else {
                o.date = o.end_date = window.moved ? window.moved->to
                                      : deadline   ? std::min(deadline->day, window.days.last)
                                                   : window.days.last;
                o.explanation.how = placed_by::deadline_day;
                note_move(o.explanation, window);
            }
            out.push_back(std::move(o));
        }
    }

    // The facts of an on_day_off move.
    static void note_move(placement_facts& f, const window_constraint& window) {
        if (!window.moved || window.moved->to == window.moved->named) return;
        f.moved_from = window.moved->named;
        f.moved_why = window.moved->why;
    }

    void place(const event_template& e, occurrence& o, sys_days d) const {
        o.date = d;
        o.end_date = d + days{e.days - 1};
    }

    // (Filled in place: the tests point into the constraints.)
    result<bool> tests_of(const event_template& e, const std::vector<std::string>& open,
                          member_tests& t) const {
        t.constraints.reserve(open.size());
        for (const auto& m : open) {
            auto cs = constraints_of(cal_, holidays_, e, m, year_);
            if (!cs) return cs.errors();
            t.constraints.push_back(std::move(*cs));
        }
        t.tests.reserve(open.size());
        for (const auto& cs : t.constraints)
            t.tests.emplace_back(cal_, holidays_, *this, e, cs, e.start_time, clock_);
        return true;
    }

    void spread(const event_template& e, const std::vector<std::string>& open,
                const narrowed_days& n, std::vector<occurrence>& out) {
        const day_window& allowed = n.allowed;
        const caps_constraint caps = caps_of(e);
        member_tests tests;
        if (auto ok = tests_of(e, open, tests); !ok) return fail(e, ok.errors().front().message);
        const spread_days spread = spread_over(e, tests, allowed, caps, out);
        if (spread.stuck)
            return fail(e,
                        fmt::format("no day left for {} in {} with at most {} a day and {} a "
                                    "week ({} occurrences to place){}",
                                    cal_.body_label(open[*spread.stuck]), window_text(allowed),
                                    caps.max_per_day ? std::to_string(caps.max_per_day) : "any",
                                    caps.max_per_week ? std::to_string(caps.max_per_week) : "any",
                                    open.size(), smallest_fix(e, tests, allowed, caps, out)));
        const std::optional<day_window> shared =
            out.empty() ? std::optional<day_window>{} : out.front().window;
        for (std::size_t i = 0; i < open.size(); ++i) {
            const spread_pick& pick = spread.picks[i];
            occurrence o = skeleton(e, open[i]);
            o.window = shared;
            place(e, o, pick.day);
            o.explanation.how = placed_by::spread;
            o.explanation.narrowed = n.by;
            o.explanation.slot = static_cast<long>(i) + 1;
            o.explanation.slots = static_cast<long>(open.size());
            o.explanation.spread_over = spread.main;
            o.explanation.target = pick.target;
            o.explanation.used_buffer = pick.used_buffer;
            out.push_back(std::move(o));
        }
        // Per-member occurrences share their window and deadline.
        for (auto& o : out)
            if (!o.window) o.window = n.allowed;
    }

    caps_constraint caps_of(const event_template& e) const {
        auto cs = constraints_of(cal_, holidays_, e, {}, year_);
        const caps_constraint* caps = cs ? find_constraint<caps_constraint>(*cs) : nullptr;
        return caps ? *caps : caps_constraint{};
    }

    // An offset from the anchor: on the day it names, else moved away from
    // the anchor to the nearest working day, so the lead time is kept. Its
    // `after` (if any) holds too: an offset after the anchor starts no
    // earlier than the latest predecessor allows; one before it cannot be
    // moved earlier than that.
    void plan_relative(const event_template& e, const std::vector<std::string>& open,
                       std::vector<occurrence>& out) {
        for (const auto& m : open) {
            auto cs = constraints_of(cal_, holidays_, e, m, year_);
            const constraint* offset = nullptr;
            for (const auto& c : *cs)
                if (c.as<offset_constraint>()) offset = &c;
            auto bound = bound_of(*offset, *this);
            if (!bound) return;  // the anchor does not occur
            const bool before = offset->as<offset_constraint>()->before();
            const sys_days raw = before ? *bound->first_until : *bound->first_from;
            occurrence o = skeleton(e, m);
            const day_test test(cal_, holidays_, *this, e, *cs, o.start_time, clock_);
            const std::optional<narrowing> after = latest_predecessor(*cs);
            const bool too_early_for_after = after && raw < after->days.first;
            if (too_early_for_after && before)
                return fail(e, fmt::format("its offset puts it on or before {} but it must come {}",
                                           iso_date(raw), describe(cal_, e.id, *after)));
            const sys_days start = too_early_for_after ? after->days.first : raw;
            sys_days d = start;
            // The nearest free day away from the anchor, on one of the
            // event's weekdays if one is free within 60 days; days to avoid
            // (test.soft) are passed too, unless that takes more than 60 days.
            auto preferred = [&](sys_days day) {
                return e.preferred_weekdays.empty() ||
                       std::find(e.preferred_weekdays.begin(), e.preferred_weekdays.end(),
                                 date::weekday{day}) != e.preferred_weekdays.end();
            };
            std::vector<passed_day> moved;
            for (int round = 0; round < 4; ++round) {
                const bool strict = round < 2, any_weekday = round % 2 == 1;
                auto skip = [&](sys_days x) {
                    return test.blocked(x) || (strict && test.soft(x)) ||
                           (!any_weekday && !preferred(x));
                };
                d = start;
                moved.clear();
                for (int i = 0; i < 60 && skip(d); ++i) {
                    moved.push_back({d, test.blocked(d) || (strict && test.soft(d))
                                            ? test.why(d, m)
                                            : "not one of its weekdays"});
                    d += days{before ? -1 : 1};
                }
                if (!skip(d)) break;
            }
            if (test.blocked(d))
                return fail(e, fmt::format("no working day within 60 days of {}", iso_date(raw)));
            if (after && d < after->days.first)
                return fail(e, fmt::format("no working day between {} and {}: it must come {}",
                                           iso_date(after->days.first), iso_date(raw),
                                           describe(cal_, e.id, *after)));
            place(e, o, d);
            o.window = day_window{std::min(raw, d), std::max(raw, d)};
            if (too_early_for_after) o.explanation.narrowed.push_back(*after);
            o.explanation.how = placed_by::offset;
            o.explanation.anchor = bound->other_day;
            o.explanation.raw = raw;
            o.explanation.passed = std::move(moved);
            out.push_back(std::move(o));
        }
    }

    const calendar& cal_;
    const holiday_calendar& holidays_;
    std::vector<const event_template*> order_;
    bool member_references_ = false;  // some event refers to "event/member"
    std::unordered_map<occurrence_id, const plan_entry*> fixed_by_id_;
    int year_ = 0;
    std::map<std::string, std::vector<occurrence>> placed_;
    std::map<std::string, std::vector<day_span>, std::less<>> spans_;
    day_bookings bookings_{cal_};  // every year's, for the clash test
    detail::local_times clock_{cal_.time_zone};  // the start times that exist
    errors errors_;
};

}  // namespace

// A rule's start time on a day the clock skips it (02:30 on the last Sunday
// of March in Europe/Stockholm) is refused here, at the rule, as export and
// plan files refuse it: the planner never proposes a time that does not exist.
// (Fixed dates were checked where the plan file was read.)
static errors nonexistent_times(const calendar& cal,
                                const std::vector<std::vector<occurrence>>& parts) {
    errors out;
    // The zone found once (to_utc finds it by name per call) and asked
    // whether each start exists; to_utc says why one does not.
    auto zone = locate_zone(cal.time_zone);
    for (const auto& part : parts) {
        for (const auto& o : part) {
            if (o.fixed || !o.start_time) continue;
            const auto local = date::local_seconds{o.date.time_since_epoch()} + *o.start_time;
            if (zone && (*zone)->get_info(local).result != date::local_info::nonexistent) continue;
            if (auto utc = to_utc(cal.time_zone, local); !utc)
                out.push_back({fmt::format("event '{}' is placed on {} at its start time: {}; give "
                                           "it another start or keep it off that day",
                                           o.event, iso_date(o.date), utc.errors().front().message),
                               o.where});
        }
    }
    return out;
}

result<plan> make_plan(const calendar& cal, const plan_request& request) {
    int first = cal.first_year, last = cal.last_plannable_year();
    if (request.year) {
        auto y = check_plan_year(cal, *request.year);
        if (!y) return y.errors();
        first = last = *y;
    }
    if (request.fixed && request.fixed->calendar_id != cal.id)
        return error{fmt::format("the plan is for calendar '{}', not '{}'",
                                 request.fixed->calendar_id, cal.id),
                     request.fixed->where};
    // Holidays of every calendar year a rule can reach (year_offset, offsets).
    auto provider = holidays_for(cal, request.holidays);
    if (!provider) return provider.errors();
    auto holidays =
        holiday_calendar::for_years(**provider, date::year{std::max(first - 1, first_holiday_year)},
                                    date::year{std::min(last + 2, last_holiday_year)});
    if (!holidays) return holidays.errors();

    plan p;
    p.calendar_id = cal.id;
    p.first_year = first;
    p.last_year = last;
    planner pl(cal, *holidays, request.fixed);
    std::vector<std::vector<occurrence>> parts;
    for (int y = first; y <= last; ++y) pl.plan_year(y, parts);
    if (auto errs = pl.take_errors(); !errs.empty()) return errs;
    if (auto errs = nonexistent_times(cal, parts); !errs.empty()) return errs;

    // Entries of the plan file for years outside this plan are not lost:
    // they belong to other years' plans.
    p.occurrences = detail::in_plan_order(cal, std::move(parts));
    return p;
}

}  // namespace cycle
