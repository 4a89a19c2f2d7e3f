// A plugin whose registration adds an exporter and then throws: the loader
// must report it and leave no half-registered exporter behind.
#include <memory>
#include <stdexcept>

#include "cycle/plugin.hpp"

namespace {

class half_exporter final : public cycle::exporter {
public:
    std::string name() const override { return "half"; }
    std::string description() const override { return "Never usable"; }
    cycle::result<std::string> write(const cycle::calendar&, const cycle::plan&,
                                     const cycle::export_options&) const override {
        return std::string("half\n");
    }
};

void register_throwing(cycle::registry& r) {
    r.add_exporter(std::make_unique<half_exporter>());
    throw std::runtime_error("configuration missing");
}

}  // namespace

const cycle_plugin_info throwing_plugin{CYCLE_PLUGIN_API_VERSION, "throwing", "1.0",
                                        "Fails to register", &register_throwing};
CYCLE_PLUGIN_ENTRY_POINT(throwing_plugin)
