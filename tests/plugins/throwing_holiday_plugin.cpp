// A holiday provider ("throw-land") that registers fine and throws when
// asked for a year's holidays: the host must report it at the plugin's
// library, exit 2, nothing written (holiday_provider_test.cpp).
#include <memory>
#include <stdexcept>

#include "cycle/plugin.hpp"

namespace {

class throw_land final : public cycle::holiday_provider {
public:
    std::string name() const override { return "throw-land"; }
    std::string description() const override { return "Throws when asked"; }
    cycle::result<std::vector<cycle::holiday>> holidays_of(date::year) const override {
        throw std::runtime_error("holiday table missing");
    }
};

void register_throw_land(cycle::registry& r) {
    r.add_holiday_provider(std::make_unique<throw_land>());
}

}  // namespace

const cycle_plugin_info throw_land_plugin{CYCLE_PLUGIN_API_VERSION, "throw-land", "1.0",
                                          "Throws when asked for holidays", &register_throw_land};
CYCLE_PLUGIN_ENTRY_POINT(throw_land_plugin)
