// spread.hpp — one occurrence per member spread evenly over a window
// under the per-member caps (docs/planning.md, "Spread"), and the smallest
// change that would make a spread fit when it does not.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cycle/constraint.hpp"
#include "cycle/occurrence.hpp"
#include "day_test.hpp"

namespace cycle::detail {

// The members' day tests (closures differ per member), made once for a
// spread and the search for a change that would make it fit.
struct member_tests {
    std::vector<std::vector<constraint>> constraints;
    std::vector<day_test> tests;
};

// Where spreading put each open member: the day, its target, whether it
// took a day of the buffer; or the first member that found no day.
struct spread_pick {
    date::sys_days day;
    date::sys_days target;
    bool used_buffer = false;
};
struct spread_days {
    day_window main{};
    std::vector<spread_pick> picks;
    std::optional<std::size_t> stuck;
};

// One occurrence per open member, spread evenly over the main window
// (the window less its buffer) under the caps: from its target outwards,
// on one of the event's weekdays if any is free, then in the buffer,
// then on any weekday.
spread_days spread_over(const event_template& e, const member_tests& t, const day_window& allowed,
                        const caps_constraint& caps, const std::vector<occurrence>& fixed);

// The smallest changes that would let every member find a day: a
// higher weekly or daily cap, or a later end of the window.
std::string smallest_fix(const event_template& e, const member_tests& t, const day_window& allowed,
                         const caps_constraint& caps, const std::vector<occurrence>& fixed);

}  // namespace cycle::detail
