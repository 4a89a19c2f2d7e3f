// A plugin that brings a second "json" exporter: refused, the built-in stays.
#include <memory>

#include "cycle/plugin.hpp"

namespace {

class other_json final : public cycle::exporter {
public:
    std::string name() const override { return "json"; }
    std::string description() const override { return "Another json"; }
    cycle::result<std::string> write(const cycle::calendar&, const cycle::plan&,
                                     const cycle::export_options&) const override {
        return std::string("{}\n");
    }
};

void register_clashing(cycle::registry& r) {
    r.add_exporter(std::make_unique<other_json>());
}

}  // namespace

const cycle_plugin_info clashing_plugin{CYCLE_PLUGIN_API_VERSION, "clashing", "1.0",
                                        "A second json exporter", &register_clashing};
CYCLE_PLUGIN_ENTRY_POINT(clashing_plugin)
