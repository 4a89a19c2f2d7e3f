// The clash test (clash_test.hpp): a body booked twice on one day, or two
// timed occurrences of one body that overlap (rules body-clash and
// time-overlap).
#include "clash_test.hpp"

#include <fmt/format.h>

#include <optional>
#include <tuple>

#include "cycle/constraint.hpp"

namespace cycle {
namespace {

using date::days;
using date::sys_days;

// Whether two timed occurrences on one day overlap in time.
bool times_overlap(const timed_span& a, const booking& b) {
    if (!a.start || !b.start) return false;
    return *a.start < *b.start + b.duration && *b.start < *a.start + a.duration;
}

// Calendar order of an occurrence: event, member, cycle year.
std::tuple<long, long, int> rank(const calendar& cal, const std::string& event,
                                 const std::string& member, int cycle_year) {
    const event_template* e = cal.find_event(event);
    const long m = e && e->per_member ? cal.member_index(e->per_member->body, member) : -1;
    return {cal.event_index(event), m, cycle_year};
}

}  // namespace

std::optional<day_conflict> conflict_of(const clash_constraint& c, const calendar& cal,
                                        const day_bookings& bookings, sys_days first, sys_days last,
                                        const timed_span& time, bool all) {
    return detail::clash_of(c, cal, bookings, detail::clash_lists(c, bookings), first, last, time,
                            all, true);
}

detail::clash_lists::clash_lists(const clash_constraint& c, const day_bookings& bookings) {
    bodies.reserve(c.bodies.size());
    for (const auto& x : c.bodies) {
        per_body p{&x, bookings.number_of(x), bookings.number_of(x, true), {}};
        for (const std::string* g : bookings.groups_of(x))
            p.groups.push_back({g, bookings.number_of(*g)});
        bodies.push_back(std::move(p));
    }
}

std::optional<day_conflict> detail::clash_of(const clash_constraint& c, const calendar& cal,
                                             const day_bookings& bookings, const clash_lists& lists,
                                             sys_days first, sys_days last, const timed_span& time,
                                             bool all, bool words) {
    // This occurrence's rank, looked up once and only when it is needed.
    std::optional<decltype(rank(cal, c.event, c.member, c.cycle_year))> mine;
    auto ranks_after = [&](const booking& b) {
        if (!mine) mine = rank(cal, c.event, c.member, c.cycle_year);
        return rank(cal, b.event, b.member, b.cycle_year) > *mine;
    };
    // The first booking on day d of the list that clashes; `body` is the
    // body both hold (for the message), or none: the member of `group` the
    // booking holds.
    std::optional<day_conflict> found;
    auto clash_in = [&](std::uint32_t number, bool within, sys_days d, const std::string* body,
                        const std::string& group) {
        return bookings.any_on(number, d, within, [&](std::size_t i) {
            const booking* b = &bookings.at(i);
            if (b->cycle_year == c.cycle_year && b->event == c.event && b->member == c.member)
                return false;
            if (!c.attended && !b->attended) return false;
            if (!all && ranks_after(*b)) return false;
            const bool overlap = d == b->days.first && times_overlap(time, *b);
            const char* rule = overlap ? "time-overlap" : "body-clash";
            if (!words) {
                found = day_conflict{rule, d, {}};
                return true;
            }
            std::string both = body ? *body : group;
            if (!body)
                for (const auto& y : b->bodies)
                    if (y != group && cal.is_member_of(y, group)) {
                        both = y;
                        break;
                    }
            const event_template* other = cal.find_event(b->event);
            const std::string what = other ? other->title : b->event;
            const std::string who =
                b->member.empty() ? what : fmt::format("{} – {}", what, cal.body_label(b->member));
            found =
                day_conflict{rule, d, fmt::format("{} ({} in both)", who, cal.body_label(both))};
            return true;
        });
    };
    for (sys_days d = first; d <= last; d += days{1})
        for (const auto& p : lists.bodies) {
            const std::string& x = *p.body;
            // The same body; a member of x (x a group); a group x is in.
            if (clash_in(p.exact, false, d, &x, x)) return found;
            if (clash_in(p.within, true, d, nullptr, x)) return found;
            for (const auto& [g, number] : p.groups)
                if (clash_in(number, false, d, &x, *g)) return found;
        }
    return std::nullopt;
}

}  // namespace cycle
