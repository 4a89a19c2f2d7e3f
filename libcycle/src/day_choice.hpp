// day_choice.hpp — choosing an occurrence's day among the days its
// window allows: the candidates in the event's order of preference, the
// first free one, and the facts of the choice (explanation.hpp).
#pragma once

#include <optional>
#include <vector>

#include "cycle/constraint.hpp"
#include "cycle/explanation.hpp"
#include "cycle/occurrence.hpp"
#include "day_test.hpp"

namespace cycle::detail {

// The days an occurrence may have once its window, deadline and
// predecessors are applied, and the constraints that narrowed them.
struct narrowed_days {
    day_window allowed;
    std::vector<narrowing> by;
};

// Candidate days of a window in the order of the event's preference.
std::vector<date::sys_days> candidates(const event_template& e, const day_window& w);

// Step 3: the first free day in the order of preference, preferred
// weekdays first, days to avoid (test.soft) only when there is no other.
std::optional<date::sys_days> choose_day(const event_template& e, const day_test& test,
                                         const day_window& w, bool moved);

// Step 4: the facts of the choice — the days passed over before it
// (their reasons for the first four only: the rest are counted).
placement_facts pick_facts(const event_template& e, const day_test& test, const occurrence& o,
                           const narrowed_days& n);

}  // namespace cycle::detail
