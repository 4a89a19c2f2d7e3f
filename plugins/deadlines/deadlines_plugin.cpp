// The "deadlines" checker plugin: the calendar's own rules applied to a plan
// (docs/check.md).
#include <memory>

#include "cycle/plugin.hpp"
#include "deadline_checker.hpp"
#include "rule_catalogue.hpp"

namespace {

class deadlines_checker final : public cycle::checker {
public:
    std::string name() const override { return "deadlines"; }
    std::string description() const override {
        return "Windows, deadlines, precedence, offsets, required occurrences, working days, "
               "overdue (docs/check.md)";
    }
    std::vector<cycle::rule_info> rules() const override {
        return cycle::deadlines::rule_catalogue();
    }
    cycle::findings check(const cycle::calendar& cal, const cycle::plan_file& plan,
                          const cycle::check_options& options) const override {
        return cycle::deadlines::check_deadlines(cal, plan, options);
    }
};

void register_deadlines(cycle::registry& r) {
    r.add_checker(std::make_unique<deadlines_checker>());
}

}  // namespace

extern "C" const cycle_plugin_info* cycle_deadlines_plugin_info() {
    static const cycle_plugin_info info{CYCLE_PLUGIN_API_VERSION, "deadlines", "1.0.0",
                                        "Checks plans against the calendar's rules",
                                        &register_deadlines};
    return &info;
}
