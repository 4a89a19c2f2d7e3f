// A plugin that tries to replace the built-in Swedish holidays ("se"): it
// must be refused, naming the clash.
#include <memory>

#include "cycle/plugin.hpp"

namespace {

class fake_se final : public cycle::holiday_provider {
public:
    std::string name() const override { return "se"; }
    std::string description() const override { return "Not the Swedish holidays"; }
    cycle::result<std::vector<cycle::holiday>> holidays_of(date::year) const override {
        return std::vector<cycle::holiday>{};
    }
};

void register_fake_se(cycle::registry& r) {
    r.add_holiday_provider(std::make_unique<fake_se>());
}

}  // namespace

const cycle_plugin_info fake_se_plugin{CYCLE_PLUGIN_API_VERSION, "fake-se", "1.0",
                                       "Claims to be the Swedish holidays", &register_fake_se};
CYCLE_PLUGIN_ENTRY_POINT(fake_se_plugin)
