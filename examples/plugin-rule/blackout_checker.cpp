// The "blackout-weeks" checker: a principal's own rule, kept out of the
// shared wheel. No meeting, conference or dialogue that concerns the
// principal may fall in one of its blackout ISO weeks (set when the plugin
// is built: BLACKOUT_PRINCIPAL, BLACKOUT_WEEKS).
//
//   plans/2026.toml:12:1: error: Lokal dialog – Eda kommun on 2026-10-05 is in
//   v. 41, a blackout week of Eda kommun [blackout-week]
//
// It checks the plan the planner makes with the plan file's fixed dates, so
// proposals are checked too. It declares its rule; the host (cycle check,
// the C API) gives findings their level from the calendar's [checks]
// (`blackout-week = "warning"`) and applies a fixed occurrence's waiver:
//   [[occurrence.waive]]  rule = "blackout-week"  reason = "..."
#include <algorithm>
#include <array>
#include <cycle/plan.hpp>
#include <cycle/plugin.hpp>
#include <memory>
#include <string>

namespace {

constexpr const char* principal = BLACKOUT_PRINCIPAL;
constexpr std::array blackout_weeks{BLACKOUT_WEEKS};
constexpr const char* rule_id = "blackout-week";

bool is_blackout(unsigned week) {
    return std::find(blackout_weeks.begin(), blackout_weeks.end(), int(week)) !=
           blackout_weeks.end();
}

// Windows, deadlines and milestones mark days; they are not held.
bool is_held(const cycle::calendar& cal, const cycle::occurrence& o) {
    const auto* e = cal.find_event(o.event);
    if (!e) return false;
    using k = cycle::event_kind;
    return e->kind == k::meeting || e->kind == k::conference || e->kind == k::dialogue;
}

class blackout_checker final : public cycle::checker {
public:
    std::string name() const override { return "blackout-weeks"; }
    std::string description() const override {
        return std::string("No meeting for ") + principal + " in its blackout weeks";
    }

    std::vector<cycle::rule_info> rules() const override {
        return {{rule_id, cycle::severity::error,
                 std::string("a meeting concerning ") + principal + " in one of its blackout weeks"}};
    }

    cycle::findings check(const cycle::calendar& cal, const cycle::plan_file& fixed,
                          const cycle::check_options&) const override {
        if (!cal.find_body(principal)) return {};  // another wheel: not ours to judge
        auto plan = cycle::make_plan(cal, {.year = std::nullopt, .fixed = &fixed});
        if (!plan) return {};  // an unplannable file is reported by the planner's own checks
        cycle::findings out;
        for (const auto& o :
             cycle::select(cal, *plan, {.audience = principal, .from = {}, .to = {}})) {
            if (!is_held(cal, o) || o.status == cycle::occurrence_status::cancelled) continue;
            if (!is_blackout(o.iso_week())) continue;
            cycle::finding f{.level = cycle::severity::error,
                             .rule = rule_id,
                             .message = cycle::title_of(cal, o) + " on " +
                                        date::format("%F", o.date) + " is in " +
                                        cycle::week_label(o.date) + ", a blackout week of " +
                                        cal.body_label(principal),
                             .where = o.where,
                             .occurrence = o.to_string(),
                             .waived = false,
                             .waiver_reason = {}};
            out.push_back(std::move(f));
        }
        return out;
    }
};

void register_blackout(cycle::registry& r) {
    r.add_checker(std::make_unique<blackout_checker>());
}

const cycle_plugin_info blackout_plugin{CYCLE_PLUGIN_API_VERSION, "blackout", PLUGIN_VERSION,
                                        "A principal's own blackout weeks", &register_blackout};

}  // namespace

CYCLE_PLUGIN_ENTRY_POINT(blackout_plugin)
