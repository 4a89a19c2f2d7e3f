// Who is booked on which day (day_bookings, constraint.hpp): what the
// clash test (clash_test.cpp) looks up for the planner and the checks.
#include "cycle/constraint.hpp"

namespace cycle {

using date::days;
using date::sys_days;

day_bookings::day_bookings(const calendar& cal) : cal_(&cal) {
    for (const auto& b : cal.bodies)
        if (!b.members.empty()) groups_.push_back(b.id);
}

std::vector<const std::string*> day_bookings::groups_of(const std::string& body) const {
    std::vector<const std::string*> out;
    for (const auto& g : groups_)
        if (g != body && cal_->is_member_of(body, g)) out.push_back(&g);
    return out;
}

void day_bookings::add(booking b) {
    const std::size_t at = all_.size();
    for (const auto& body : b.bodies) {
        const auto groups = groups_of(body);
        for (sys_days d = b.days.first; d <= b.days.last; d += days{1}) {
            const long key = d.time_since_epoch().count();
            exact_[body][key].push_back(at);
            for (const std::string* g : groups) within_[*g][key].push_back(at);
        }
    }
    all_.push_back(std::move(b));
}

const std::vector<std::size_t>* day_bookings::find(const std::unordered_map<std::string, by_day>& m,
                                                   const std::string& body, sys_days d) {
    auto it = m.find(body);
    if (it == m.end()) return nullptr;
    auto day = it->second.find(d.time_since_epoch().count());
    return day == it->second.end() ? nullptr : &day->second;
}
const day_bookings::by_day* day_bookings::days_of(const std::string& body) const {
    auto it = exact_.find(body);
    return it == exact_.end() ? nullptr : &it->second;
}
const day_bookings::by_day* day_bookings::days_within(const std::string& group) const {
    auto it = within_.find(group);
    return it == within_.end() ? nullptr : &it->second;
}
const std::vector<std::size_t>* day_bookings::of(const std::string& body, sys_days d) const {
    return find(exact_, body, d);
}
const std::vector<std::size_t>* day_bookings::within(const std::string& group, sys_days d) const {
    return find(within_, group, d);
}

}  // namespace cycle
