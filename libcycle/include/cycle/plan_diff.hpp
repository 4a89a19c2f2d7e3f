// plan_diff.hpp — what changed between two versions of a plan: occurrences
// added, removed, moved (another day, end, start time or duration) and with
// a new status (proposed -> confirmed -> held, status_word), so that a pull
// request moving a meeting says so and subscribers can be told. A move that
// also changes the status is a move (both entries are kept).
//
// Occurrences are matched by what identifies them across plans: event,
// member and cycle year (occurrence::key()). Neither plan is changed.
//
//   auto changes = cycle::diff_plans(cal, old_plan, new_plan);
//   // moved  Lokal dialog – Eda kommun (2026): 2026-10-12 -> 2026-10-19
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/plan_file.hpp"

namespace cycle {

enum class change_kind { added, removed, moved, status };
const char* to_string(change_kind k);

struct plan_change {
    change_kind kind;
    std::string key;                   // "local-dialogue/eda/2026"
    std::string title;                 // "Lokal dialog – Eda kommun"
    std::optional<plan_entry> before;  // none when added
    std::optional<plan_entry> after;   // none when removed
};

// Sorted by day (the new one, else the old one), then in calendar order of
// event and member, so the result does not depend on entry order.
std::vector<plan_change> diff_plans(const calendar& cal, const plan_file& before,
                                    const plan_file& after);

}  // namespace cycle
