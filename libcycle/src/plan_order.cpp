// The order of a plan's occurrences (plan_order.hpp).
#include "plan_order.hpp"

#include <algorithm>
#include <compare>
#include <utility>

namespace cycle::detail {
namespace {

// Plan order: date, time, then calendar order of event and member. The
// positions come from the calendar's index: a sort of 20,000 occurrences
// must not search the events per comparison.
struct occurrence_rank {
    date::sys_days date;
    long minutes;
    long event;
    long member;
    int cycle_year;
    unsigned index;
    auto operator<=>(const occurrence_rank&) const = default;
};

occurrence_rank rank_of(const calendar& cal, const occurrence& o) {
    const event_template* e = cal.find_event(o.event);
    return {o.date,
            o.start_time ? o.start_time->count() : -1,
            e - cal.events.data(),
            e->per_member ? cal.member_index(e->per_member->body, o.member) : -1,
            o.cycle_year,
            o.index};
}

}  // namespace

void sort_plan(const calendar& cal, std::vector<occurrence>& occurrences) {
    std::vector<std::pair<occurrence_rank, std::size_t>> ranks;
    ranks.reserve(occurrences.size());
    for (std::size_t i = 0; i < occurrences.size(); ++i)
        ranks.push_back({rank_of(cal, occurrences[i]), i});
    std::stable_sort(ranks.begin(), ranks.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<occurrence> sorted;
    sorted.reserve(ranks.size());
    for (const auto& r : ranks) sorted.push_back(std::move(occurrences[r.second]));
    occurrences = std::move(sorted);
}

}  // namespace cycle::detail
