#include "cycle/plan_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "cycle/recurrence.hpp"
#include "enum_names.hpp"

namespace cycle {
namespace {

std::string title_of(const calendar& cal, const plan_entry& e) {
    const event_template* t = cal.find_event(e.event);
    std::string title = t ? title_for(*t, e.index) : e.event;
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
    return detail::name_of(detail::change_kind_names, k);
}

namespace {

// Entries by occurrence, in file order: an occurrence given twice is
// matched in order.
using entries_by_id = std::map<std::string, std::vector<const plan_entry*>>;

entries_by_id index_entries(const plan_file& pf) {
    entries_by_id out;
    for (const auto& e : pf.entries) out[e.to_string()].push_back(&e);
    return out;
}

class differ {
public:
    explicit differ(const calendar& cal) : cal_(cal) {}

    // Old entries: removed, or matched to a new one that moved or changed status.
    void compare_old(const entries_by_id& olds, const entries_by_id& news) {
        for (const auto& [key, old_entries] : olds) {
            auto it = news.find(key);
            const std::size_t matched =
                it == news.end() ? 0 : std::min(old_entries.size(), it->second.size());
            for (std::size_t i = 0; i < old_entries.size(); ++i) {
                if (i >= matched) {
                    add(change_kind::removed, old_entries[i], nullptr);
                    continue;
                }
                const plan_entry* n = it->second[i];
                if (!same_time(*old_entries[i], *n))
                    add(change_kind::moved, old_entries[i], n);
                else if (std::string_view(status_word(*old_entries[i])) != status_word(*n))
                    add(change_kind::status, old_entries[i], n);
            }
        }
    }

    // New entries beyond those matched: added.
    void add_new(const entries_by_id& olds, const entries_by_id& news) {
        for (const auto& [key, new_entries] : news) {
            auto it = olds.find(key);
            const std::size_t known = it == olds.end() ? 0 : it->second.size();
            for (std::size_t i = known; i < new_entries.size(); ++i)
                add(change_kind::added, nullptr, new_entries[i]);
        }
    }

    // By day (the new one, else the old one), then calendar order.
    std::vector<plan_change> sorted() && {
        std::stable_sort(out_.begin(), out_.end(), [&](const plan_change& a, const plan_change& b) {
            return order(a) < order(b);
        });
        return std::move(out_);
    }

private:
    void add(change_kind kind, const plan_entry* o, const plan_entry* n) {
        const plan_entry& any = n ? *n : *o;
        out_.push_back({kind, any.to_string(), title_of(cal_, any),
                        o ? std::optional<plan_entry>{*o} : std::nullopt,
                        n ? std::optional<plan_entry>{*n} : std::nullopt});
    }

    std::tuple<date::sys_days, long, long, int, int> order(const plan_change& c) const {
        const plan_entry& e = c.after ? *c.after : *c.before;
        const event_template* t = cal_.find_event(e.event);
        const long member =
            t && t->per_member ? cal_.member_index(t->per_member->body, e.member) : -1;
        return {e.date, cal_.event_index(e.event), member, e.cycle_year, static_cast<int>(c.kind)};
    }

    const calendar& cal_;
    std::vector<plan_change> out_;
};

}  // namespace

std::vector<plan_change> diff_plans(const calendar& cal, const plan_file& before,
                                    const plan_file& after) {
    const entries_by_id olds = index_entries(before), news = index_entries(after);
    differ d(cal);
    d.compare_old(olds, news);
    d.add_new(olds, news);
    return std::move(d).sorted();
}

}  // namespace cycle
