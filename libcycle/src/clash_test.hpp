// clash_test.hpp — conflict_of for the clash constraint (constraint.hpp),
// with or without the words: the planner tests many days and needs only
// whether a day clashes; the text is made for the day it explains.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cycle/constraint.hpp"

namespace cycle::detail {

// What a clash test of many days looks up once: per body of the clash
// constraint, its bookings by day, those of its members (a group) and of
// the groups it is in. The bookings must not change while it is used.
struct clash_lists {
    struct per_body {
        const std::string* body;
        std::uint32_t exact, within;  // day_bookings::number_of: its own, its members'
        // The groups it is in, with their numbers.
        std::vector<std::pair<const std::string*, std::uint32_t>> groups;
    };
    std::vector<per_body> bodies;
    clash_lists(const clash_constraint& c, const day_bookings& bookings);
};

std::optional<day_conflict> clash_of(const clash_constraint& c, const calendar& cal,
                                     const day_bookings& bookings, const clash_lists& lists,
                                     date::sys_days first, date::sys_days last,
                                     const timed_span& time, bool all, bool words);

}  // namespace cycle::detail
