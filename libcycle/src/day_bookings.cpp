// Who is booked on which day (day_bookings, constraint.hpp): what the
// clash test (clash_test.cpp) looks up for the planner and the checks.
//
// A hand-written table, not a library's: the keys are two numbers, nothing
// is ever removed, and an unordered_map of unordered_maps of vectors (one
// allocation per body and day) was most of checking a plan of 100,000
// occurrences (issue 12). Debian's abseil would bring a dependency for it.
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

std::uint32_t day_bookings::number_of(std::string_view name, bool within) const {
    auto it = numbers_.find(name);
    if (it == numbers_.end() || !(booked_[it->second] & (within ? 2 : 1))) return none;
    return it->second;
}

std::uint32_t day_bookings::number(const std::string& name) {
    const auto [it, added] =
        numbers_.try_emplace(name, static_cast<std::uint32_t>(numbers_.size()));
    const std::uint32_t n = it->second;  // `it` does not outlive a rehash below
    if (added) {
        groups_by_number_.emplace_back();
        booked_.push_back(0);
        // The groups it is in, found once (not per booking). A group's own
        // number is made after it: the vector may grow meanwhile.
        std::vector<std::uint32_t> groups;
        for (const std::string* g : groups_of(name)) groups.push_back(number(*g));
        groups_by_number_[n] = std::move(groups);
    }
    return n;
}

void day_bookings::add(booking b) {
    const auto at = static_cast<std::uint32_t>(all_.size());
    for (const auto& body : b.bodies) {
        const std::uint32_t n = number(body);
        const std::vector<std::uint32_t>& groups = groups_by_number_[n];
        booked_[n] |= 1;
        for (std::uint32_t g : groups) booked_[g] |= 2;
        for (sys_days d = b.days.first; d <= b.days.last; d += days{1}) {
            exact_.add(n, d, at, nodes_);
            for (std::uint32_t g : groups) within_.add(g, d, at, nodes_);
        }
    }
    all_.push_back(std::move(b));
}

namespace {

std::uint64_t key_of(std::uint32_t name, sys_days d) {
    return (std::uint64_t{name} << 32) |
           static_cast<std::uint32_t>(static_cast<std::int32_t>(d.time_since_epoch().count()));
}

// MurmurHash3's 64-bit finalizer: every bit of the key moves the low bits.
std::size_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return static_cast<std::size_t>(x);
}

}  // namespace

// The key's slot, or the empty slot where it goes (linear probing; the
// table is never more than half full).
std::size_t day_bookings::day_index::at(std::uint64_t key) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = mix(key) & mask;
    while (slots_[i].key != key && slots_[i].key != empty) i = (i + 1) & mask;
    return i;
}

void day_bookings::day_index::grow() {
    std::vector<slot> old(std::max<std::size_t>(64, slots_.size() * 2));
    old.swap(slots_);
    for (const slot& s : old)
        if (s.key != empty) slots_[at(s.key)] = s;
}

void day_bookings::day_index::add(std::uint32_t name, sys_days d, std::uint32_t booking,
                                  std::vector<node_t>& nodes) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    const auto node = static_cast<std::uint32_t>(nodes.size());
    nodes.push_back({booking, none});
    const std::uint64_t key = key_of(name, d);
    slot& s = slots_[at(key)];
    if (s.key == empty) {
        s = {key, node, node};
        ++used_;
    } else {
        nodes[s.last].next = node;
        s.last = node;
    }
}

std::uint32_t day_bookings::day_index::first(std::uint32_t name, sys_days d) const {
    if (slots_.empty()) return none;
    const slot& s = slots_[at(key_of(name, d))];
    return s.key == empty ? none : s.first;
}

}  // namespace cycle
