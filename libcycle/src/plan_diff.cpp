#include "cycle/plan_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace cycle {
namespace {

std::string title_of(const calendar& cal, const plan_entry& e) {
    const event_template* t = cal.find_event(e.event);
    std::string title = t ? t->title : e.event;
    if (!e.member.empty()) {
        const body* b = cal.find_body(e.member);
        title += " – " + (b ? b->name : e.member);
    }
    return title;
}

bool same_time(const plan_entry& a, const plan_entry& b) {
    return a.date == b.date && a.end_date.value_or(a.date) == b.end_date.value_or(b.date) &&
           a.start_time == b.start_time && a.duration == b.duration;
}

}  // namespace

const char* to_string(change_kind k) {
    switch (k) {
        case change_kind::added:
            return "added";
        case change_kind::removed:
            return "removed";
        case change_kind::moved:
            return "moved";
        case change_kind::status:
            return "status";
    }
    return "?";
}

std::vector<plan_change> diff_plans(const calendar& cal, const plan_file& before,
                                    const plan_file& after) {
    // Entries by key, in file order: a key given twice is matched in order.
    std::map<std::string, std::vector<const plan_entry*>> old_entries, new_entries;
    for (const auto& e : before.entries) old_entries[e.to_string()].push_back(&e);
    for (const auto& e : after.entries) new_entries[e.to_string()].push_back(&e);

    std::vector<plan_change> out;
    auto add = [&](change_kind kind, const plan_entry* o, const plan_entry* n) {
        const plan_entry& any = n ? *n : *o;
        out.push_back({kind, any.to_string(), title_of(cal, any),
                       o ? std::optional<plan_entry>{*o} : std::nullopt,
                       n ? std::optional<plan_entry>{*n} : std::nullopt});
    };
    for (const auto& [key, olds] : old_entries) {
        auto it = new_entries.find(key);
        const std::size_t matched =
            it == new_entries.end() ? 0 : std::min(olds.size(), it->second.size());
        for (std::size_t i = 0; i < olds.size(); ++i) {
            if (i >= matched) {
                add(change_kind::removed, olds[i], nullptr);
                continue;
            }
            const plan_entry* n = it->second[i];
            if (!same_time(*olds[i], *n))
                add(change_kind::moved, olds[i], n);
            else if (olds[i]->status != n->status)
                add(change_kind::status, olds[i], n);
        }
    }
    for (const auto& [key, news] : new_entries) {
        auto it = old_entries.find(key);
        const std::size_t known = it == old_entries.end() ? 0 : it->second.size();
        for (std::size_t i = known; i < news.size(); ++i) add(change_kind::added, nullptr, news[i]);
    }

    auto order = [&](const plan_change& c) {
        const plan_entry& e = c.after ? *c.after : *c.before;
        const event_template* t = cal.find_event(e.event);
        long event_index = t ? t - cal.events.data() : -1;
        long member_index = -1;
        if (t && t->per_member) {
            const auto& members = cal.find_body(t->per_member->body)->members;
            member_index = std::find(members.begin(), members.end(), e.member) - members.begin();
        }
        return std::tuple{e.date, event_index, member_index, e.cycle_year,
                          static_cast<int>(c.kind)};
    };
    std::stable_sort(out.begin(), out.end(), [&](const plan_change& a, const plan_change& b) {
        return order(a) < order(b);
    });
    return out;
}

}  // namespace cycle
