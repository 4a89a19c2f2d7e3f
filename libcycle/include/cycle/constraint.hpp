// constraint.hpp — what an occurrence's days must satisfy: the one model the
// planner and the checks share.
//
// For one occurrence (event × member × cycle year) the core yields its
// constraints, each with the rule id a check reports when it is broken and
// the place in the calendar it comes from:
//
//   kind              rule id            from the calendar
//   window            outside-window     month / months / day / week / nth …,
//                                        moved off a day off by on_day_off
//   deadline          deadline-missed    deadline = "10-31"
//   after (+ gap)     precedence         after = ["x"], gap_days = 14,
//                                        gap_working_days = 5
//   offset anchor     offset             relative_to = "seminar", offset = "-6w"
//   working days      holiday, day-off,  working_days_only (default), the
//                     weekend, closure   holiday provider, [[closure]]
//   per-member caps   caps               [event.per_member] max_per_day …
//   weekdays          weekday            weekdays = ["tue", "wed", "thu"]
//   short day         short-day          a full-day event (full_day_event)
//   election          election-day       election_margin_days = 6
//   clash             body-clash,        every meeting, conference, dialogue
//                     time-overlap       and milestone (bodies_booked)
//   terms of office   out-of-term        [[body.term]] of a body that sits
//                                        (bodies_sitting)
//
// The planner (planner.cpp) searches the days that satisfy them; a checker
// (plugins/deadlines) evaluates the same constraints on the dates a plan file
// fixes. Constraints that depend on other occurrences (after, offset) are
// resolved against the dates of those occurrences, which the caller gives:
// what the planner has placed so far, or what the plan file says.
//
//   auto cs = cycle::constraints_of(cal, holidays, *cal.find_event("local-dialogue"), "eda", 2026);
//   for (const auto& c : *cs) std::cout << c.rule << '\n';
//       // outside-window, deadline-missed, precedence, holiday, caps
//
// A new kind is one type in `constraint_form`, its entry in constraints_of,
// and its bound or day test in constraints.cpp; the compiler lists every
// visitor that misses it (docs/architecture.md, "A constraint").
#pragma once

#include <date/date.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/error.hpp"
#include "cycle/holidays.hpp"
#include "cycle/rule.hpp"
#include "cycle/working_days.hpp"

namespace cycle {

// The one day a rule names, when it is a day off for the bodies concerned:
// where on_day_off moved it (`to` == `named` for keep and error), and why
// the named day is off ("Alla helgons dag", "Saturday", a closure).
struct day_move {
    date::sys_days named;
    date::sys_days to;
    day_off_policy policy = day_off_policy::next;
    std::string why;
};

// The days of the rule's window: the first day on or after window.first, the
// last day on or before window.last. A named day that on_day_off moves
// widens the window to the day it moves to (the days between are off), so a
// plan on either day is inside it; the working-day constraint flags the
// named day itself.
struct window_constraint {
    day_window days;
    std::optional<day_move> moved;
};
// "No later than": the last day on or before `day`.
struct deadline_constraint {
    date::sys_days day;
};
// After every occurrence of `event` in the cycle year, with at least
// gap_days free days between: first day > last day of event + gap_days, and
// at least gap_working_days working days (not a weekend, public holiday or
// day off) between the two.
struct after_constraint {
    std::string event;
    unsigned gap_days = 0;
    unsigned gap_working_days = 0;
};
// An offset from the anchor event's occurrences: offset_days < 0 means on or
// before the anchor's earliest first day + offset; otherwise on or after its
// latest last day + offset.
struct offset_constraint {
    std::string anchor;
    int offset_days = 0;
    bool before() const { return offset_days < 0; }
};
// Every day of the occurrence a working day for the bodies concerned: no
// public holiday, de facto day off, weekend, or closure of one of them.
struct working_day_constraint {
    std::vector<std::string> bodies;
};
// A per-member event's caps: at most so many occurrences a day and an ISO
// week, and the last buffer_days of the window kept free when possible.
struct caps_constraint {
    unsigned max_per_day = 0;   // 0 = no cap
    unsigned max_per_week = 0;  // 0 = no cap
    unsigned buffer_days = 0;
};

// A full-day event is not held on the eve of a public holiday (Skärtorsdag,
// the day before Kristi himmelsfärdsdag, ...): a short working day in most
// municipal agreements. The planner avoids such a day when it can.
struct short_day_constraint {};
// No day within margin_days of a Swedish general election day
// (swedish_general_election, holidays.hpp).
struct election_constraint {
    unsigned margin_days = 0;
};
// The bodies the occurrence books (bodies_booked) are not booked by another
// occurrence on one of its days, where one of the two is attended (a
// meeting, conference or dialogue: two sendings of one body on a day are
// no clash). event, member and cycle_year name the occurrence itself (left
// out, and where it ranks: a check reports a clash on the later of two).
struct clash_constraint {
    std::vector<std::string> bodies;
    bool attended = false;
    std::string event;
    std::string member;
    int cycle_year = 0;
};

// The bodies with terms of office that sit at the occurrence
// (bodies_sitting): each has a term ([[body.term]]) on every one of its
// days. The planner avoids a day outside them when another day allows it.
struct term_constraint {
    std::vector<std::string> bodies;
};

// The weekdays an event is held on (`weekdays`): its first day is one of them.
// The planner prefers them and falls back to any day; a check warns.
struct weekday_constraint {
    std::vector<date::weekday> weekdays;
};

using constraint_form =
    std::variant<window_constraint, deadline_constraint, after_constraint, offset_constraint,
                 working_day_constraint, caps_constraint, weekday_constraint, short_day_constraint,
                 election_constraint, clash_constraint, term_constraint>;

struct constraint {
    constraint_form form;
    std::string_view rule;  // the rule id a check reports when it is broken
    // The calendar's place it comes from (in the calendar: constraints do
    // not outlive it, and planning 100,000 occurrences copies no file name).
    const source_region* where = nullptr;

    template <class T>
    const T* as() const {
        return std::get_if<T>(&form);
    }
};

// The constraints of one occurrence, in the order of the table above. A
// recurring event's occurrence (`index` from 1) has the window of its own
// part (recurrence.hpp); index 0 gives the event's whole window. With
// same_member, an after or offset naming a per-member event of the same
// body is the same member's occurrence ("ks-proposal/eda"). An
// error when the rule's window or deadline does not exist in that year (the
// loader has checked every year of the cycle), or when on_day_off finds no
// working day within 60 days. A relative rule has an offset and no window or
// deadline of its own. The holidays say which named days are off (on_day_off).
//
// A deadline event's day (its deadline, else its window's last day) and a
// single-day rule are moved by on_day_off (calendar::day_off_of): previous or
// next widen the window (and a deadline event's deadline) to the working day
// it moves to; keep drops the working-day constraint (the day is meant);
// error leaves the window as it is and records the move, for the planner to
// refuse.
result<std::vector<constraint>> constraints_of(const calendar& cal,
                                               const holiday_calendar& holidays,
                                               const event_template& e, const std::string& member,
                                               int cycle_year, unsigned index = 0);

// The first constraint of a kind, or nullptr.
template <class T>
const T* find_constraint(const std::vector<constraint>& cs) {
    for (const auto& c : cs)
        if (const T* t = c.as<T>()) return t;
    return nullptr;
}

// Whether an event occurs in a cycle year: its years select it, and for a
// relative rule its anchor occurs too.
bool occurs_in(const calendar& cal, const event_template& e, int cycle_year);

// The days of one dated occurrence, first..last inclusive.
struct day_span {
    date::sys_days first;
    date::sys_days last;
};

// Whether an event is held for a whole day: a meeting, conference or
// dialogue without a start time, or of six hours or more.
bool full_day_event(const event_template& e);

// Who an occurrence keeps busy on its days: a meeting, conference or
// dialogue its bodies concerned (bodies_concerned; a per-member one only its
// member), a milestone its organiser; a window or deadline nobody.
// (A recurring event's occurrence `index` also books what its variants add.)
std::vector<std::string> bodies_booked(const event_template& e, const std::string& member,
                                       unsigned index = 0);
// A meeting, conference or dialogue: its bodies take part.
bool attended_event(const event_template& e);
// Who sits at an occurrence, for terms of office: its organisers (of any
// kind: a body organises even a deadline), and the bodies a meeting,
// conference or dialogue books; each once, in that order.
std::vector<std::string> bodies_sitting(const event_template& e, const std::string& member,
                                        unsigned index = 0);

// One occurrence's booking of its bodies, for the clash test.
struct booking {
    std::string event;
    std::string member;
    int cycle_year = 0;
    day_span days;
    std::optional<std::chrono::minutes> start;  // none = all day
    std::chrono::minutes duration{0};
    std::vector<std::string> bodies;
    bool attended = false;  // a meeting, conference or dialogue
};

// Bookings by body and day: built by the planner as it places, by a checker
// from the plan file. Each name a booking holds (a body or a member) gets a
// number when it is first booked; a day's bookings of a body are found by
// one probe of a flat hash table keyed by (number, day), and listed in the
// order they were added. A day's test costs the same however many events
// the calendar has, and adding a booking allocates nothing per day.
class day_bookings {
public:
    explicit day_bookings(const calendar& cal);
    void add(booking b);
    const booking& at(std::size_t i) const { return all_[i]; }
    // The calendar's groups (bodies with members) that `body` is a member of.
    std::vector<const std::string*> groups_of(const std::string& body) const;

    // A booked name's number, found once for a test of many days; none when
    // nothing books it (within: none of its members).
    static constexpr std::uint32_t none = ~std::uint32_t{0};
    std::uint32_t number_of(std::string_view name, bool within = false) const;

    // Calls f(i) for the index i of each booking on day `d`, in the order
    // added, until f returns true; whether one did. Of the name itself
    // (exact), or of the (transitive) members of the group `name` (within).
    template <class F>
    bool any_on(std::uint32_t name, date::sys_days d, bool within, F&& f) const {
        if (name == none) return false;
        for (std::uint32_t n = (within ? within_ : exact_).first(name, d); n != none;
             n = nodes_[n].next)
            if (f(std::size_t{nodes_[n].booking})) return true;
        return false;
    }

private:
    struct node_t {
        std::uint32_t booking;
        std::uint32_t next;  // none: the day's last
    };
    // (name number, day) -> the day's first and last node, open addressing.
    class day_index {
    public:
        void add(std::uint32_t name, date::sys_days d, std::uint32_t node,
                 std::vector<node_t>& nodes);
        std::uint32_t first(std::uint32_t name, date::sys_days d) const;

    private:
        struct slot {
            std::uint64_t key = empty;
            std::uint32_t first = 0, last = 0;
        };
        static constexpr std::uint64_t empty = ~std::uint64_t{0};
        std::size_t at(std::uint64_t key) const;
        void grow();
        std::vector<slot> slots_;
        std::size_t used_ = 0;
    };
    std::uint32_t number(const std::string& name);

    const calendar* cal_;
    std::vector<std::string> groups_;  // the calendar's bodies with members
    std::vector<booking> all_;
    struct id_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::uint32_t, id_hash, std::equal_to<>> numbers_;
    std::vector<std::vector<std::uint32_t>> groups_by_number_;  // numbers of the groups a name is in
    std::vector<std::uint8_t> booked_;  // by number: 1 the name itself, 2 one of its members
    std::vector<node_t> nodes_;
    day_index exact_;   // by booked name
    day_index within_;  // by a group of a booked name
};

// The dates other occurrences of the same cycle year have, for the
// constraints that depend on them. The planner gives what it has placed, a
// checker what the plan file fixes (not what it cancels).
class dated_occurrences {
public:
    virtual ~dated_occurrences() = default;
    // The occurrences of an event, in any order; empty when it has none.
    virtual std::span<const day_span> of(std::string_view event) const = 0;
    // Every booking so far (all years), for the clash test; none: no test.
    virtual const day_bookings* bookings() const { return nullptr; }
    // The holidays, for gaps in working days; none: weekends only.
    virtual const holiday_calendar* holidays() const { return nullptr; }
};

// What one constraint says about an occurrence's first and last day, once
// the dates it depends on are known. Bounds are inclusive.
struct day_bound {
    std::optional<date::sys_days> first_from;   // first day on or after
    std::optional<date::sys_days> first_until;  // first day on or before
    std::optional<date::sys_days> last_until;   // last day on or before
    // For after and offset: the occurrence of the other event that sets the
    // bound (its position in dated_occurrences::of) and its day (the
    // predecessor's last day, the anchor's earliest first or latest last day).
    std::size_t other = 0;
    date::sys_days other_day{};

    bool holds(const day_span& s) const {
        return (!first_from || s.first >= *first_from) &&
               (!first_until || s.first <= *first_until) && (!last_until || s.last <= *last_until);
    }
};

// The bound a constraint sets, or none: a day test (working days, caps,
// short day, election, clash) bounds nothing, and after/offset bound
// nothing while the other event has no dates.
std::optional<day_bound> bound_of(const constraint& c, const dated_occurrences& others);

// Why the days first..last break a working-day constraint: every conflict,
// the first day of each rule only (day_conflicts, working_days.hpp).
std::vector<day_conflict> conflicts_of(const working_day_constraint& c, const calendar& cal,
                                       const holiday_calendar& holidays, date::sys_days first,
                                       date::sys_days last);
// The same, answering only whether there is one (no text is made: the
// planner's search asks this for each candidate day).
bool has_conflict(const working_day_constraint& c, const calendar& cal,
                  const holiday_calendar& holidays, date::sys_days first, date::sys_days last);

// The soft and hard day tests other than working days, each as the first
// day that breaks it (rule "short-day", "election-day", "out-of-term",
// "body-clash" or "time-overlap"), or none. `timed` is the occurrence's start and duration
// for the clash test (none: all day); `all` reports every clash, not only
// those with an occurrence that ranks before this one (the planner avoids
// every clash, a check reports each pair once).
std::optional<day_conflict> conflict_of(const short_day_constraint& c,
                                        const holiday_calendar& holidays, date::sys_days first,
                                        date::sys_days last);
std::optional<day_conflict> conflict_of(const election_constraint& c, date::sys_days first,
                                        date::sys_days last);
struct timed_span {
    std::optional<std::chrono::minutes> start;
    std::chrono::minutes duration{0};
};
// The first day a body sits outside every one of its terms ("out-of-term").
std::optional<day_conflict> conflict_of(const term_constraint& c, const calendar& cal,
                                        date::sys_days first, date::sys_days last);
std::optional<day_conflict> conflict_of(const clash_constraint& c, const calendar& cal,
                                        const day_bookings& bookings, date::sys_days first,
                                        date::sys_days last, const timed_span& time, bool all);

// The caps counted over a per-member event's occurrences in one cycle year:
// per first day and per ISO week of the first day. The planner counts as it
// spreads; a checker counts the plan file's dates (caps_violations).
class cap_counter {
public:
    explicit cap_counter(const caps_constraint& caps) : caps_(caps) {}
    void count(date::sys_days d);
    // Whether one more occurrence fits on `d`.
    bool fits(date::sys_days d) const { return !over_day(d) && !over_week(d); }
    // Whether the day's (the week's) count has reached its cap.
    bool over_day(date::sys_days d) const;
    bool over_week(date::sys_days d) const;
    unsigned on_day(date::sys_days d) const;
    unsigned in_week(date::sys_days d) const;

private:
    caps_constraint caps_;
    std::unordered_map<long, unsigned> per_day_;   // by days since the epoch
    std::unordered_map<long, unsigned> per_week_;  // by ISO year * 100 + week
};

// An occurrence beyond a cap: the `index`-th of the days given is the
// `count`-th on its first day (per_week: in its ISO week `week`), and the
// cap is `cap`.
struct cap_excess {
    std::size_t index = 0;
    bool per_week = false;
    unsigned count = 0;
    unsigned cap = 0;
    unsigned week = 0;  // ISO week of the first day, for per_week
};

// The occurrences (of one per-member event in one cycle year) that break its
// caps: counted in order of first day (ties in the order given), an
// occurrence over the day's cap is reported as such, else one over the
// week's cap; one reported is not counted (the others are judged as if it
// were moved). No cap (0) is never broken.
std::vector<cap_excess> caps_violations(const caps_constraint& c, std::span<const day_span> days);

// A broken constraint on fixed dates, as a check sees it.
struct violation {
    const constraint* broken = nullptr;
    std::string rule;                      // broken->rule, or the working-day rule that is broken
    day_bound bound;                       // after, offset, window, deadline
    std::optional<day_conflict> conflict;  // working days
    std::optional<date::weekday> weekday;  // weekday: the first day's
};

// Evaluates constraints on an occurrence's fixed days. A missed deadline
// hides the window (it says more). Caps concern all of an event's
// occurrences together, not one: caps_violations evaluates them.
std::vector<violation> violations_of(const std::vector<constraint>& cs, const day_span& days,
                                     const dated_occurrences& others, const calendar& cal,
                                     const holiday_calendar& holidays, const timed_span& time = {});

}  // namespace cycle
