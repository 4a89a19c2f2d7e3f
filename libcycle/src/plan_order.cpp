// The order of a plan's occurrences (plan_order.hpp).
#include "plan_order.hpp"

#include <algorithm>
#include <compare>
#include <cstdint>
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

std::vector<occurrence> in_plan_order(const calendar& cal,
                                      std::vector<std::vector<occurrence>>&& parts) {
    struct place {
        occurrence_rank rank;
        std::uint32_t part, index;
    };
    std::size_t count = 0;
    for (const auto& part : parts) count += part.size();
    std::vector<place> places;
    places.reserve(count);
    for (std::size_t p = 0; p < parts.size(); ++p)
        for (std::size_t i = 0; i < parts[p].size(); ++i)
            places.push_back({rank_of(cal, parts[p][i]), static_cast<std::uint32_t>(p),
                              static_cast<std::uint32_t>(i)});
    std::stable_sort(places.begin(), places.end(),
                     [](const place& a, const place& b) { return a.rank < b.rank; });
    std::vector<occurrence> sorted;
    sorted.reserve(count);
    for (const auto& at : places) sorted.push_back(std::move(parts[at.part][at.index]));
    return sorted;
}

}  // namespace cycle::detail
