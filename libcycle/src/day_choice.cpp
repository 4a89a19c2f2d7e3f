// Choosing an occurrence's day (day_choice.hpp).
#include "day_choice.hpp"

#include <algorithm>
#include <cstdlib>

namespace cycle::detail {

using date::days;
using date::sys_days;

// Candidate days of a window in the order of the event's preference.
std::vector<sys_days> candidates(const event_template& e, const day_window& w) {
    std::vector<sys_days> days_in;
    for (sys_days d = w.first; d <= w.last - days{e.days - 1}; d += days{1}) days_in.push_back(d);
    if (e.prefer == placement::end) std::reverse(days_in.begin(), days_in.end());
    if (e.prefer == placement::middle) {
        sys_days middle = w.first + days{(w.last - w.first).count() / 2};
        std::stable_sort(days_in.begin(), days_in.end(), [&](sys_days a, sys_days b) {
            return std::abs((a - middle).count()) < std::abs((b - middle).count());
        });
    }
    return days_in;
}

// Step 3: the first free day in the order of preference, preferred
// weekdays first, days to avoid (test.soft) only when there is no other.
std::optional<sys_days> choose_day(const event_template& e, const day_test& test,
                                   const day_window& w, bool moved) {
    // Single-day rules (a fixed day, the nth weekday) name their day;
    // one on_day_off moved is searched like any window (only the day it
    // moves to is free).
    if (!moved && w.first == w.last && !std::holds_alternative<whole_month>(e.timing.form))
        return w.first;
    auto days_in = candidates(e, w);
    auto preferred = [&](sys_days d) {
        return e.preferred_weekdays.empty() ||
               std::find(e.preferred_weekdays.begin(), e.preferred_weekdays.end(),
                         date::weekday{d}) != e.preferred_weekdays.end();
    };
    for (int pass = 0; pass < 4; ++pass)
        for (sys_days d : days_in)
            if ((pass % 2 == 1 || preferred(d)) && !test.blocked(d) && (pass >= 2 || !test.soft(d)))
                return d;
    return std::nullopt;
}

// Step 4: the facts of the choice — the days passed over before it
// (their reasons for the first four only: the rest are counted).
placement_facts pick_facts(const event_template& e, const day_test& test, const occurrence& o,
                           const narrowed_days& n) {
    placement_facts f;
    f.narrowed = n.by;
    if (n.allowed.first == n.allowed.last) {
        f.how = placed_by::named_day;
        f.named_day_note = test.why(o.date, o.member);
        return f;
    }
    f.how = placed_by::first_working_day;
    for (sys_days d : candidates(e, n.allowed)) {
        if (d == o.date) break;
        if (!test.blocked(d) && !test.soft(d)) continue;
        if (++f.passed_count <= 4) f.passed.push_back({d, test.why(d, o.member)});
    }
    return f;
}

}  // namespace cycle::detail
