// The "json" exporter: the plan as JSON (docs/json-format.md).
#include <memory>

#include "cycle/plan_output.hpp"
#include "cycle/plugin.hpp"

namespace {

class json_exporter final : public cycle::exporter {
public:
    std::string name() const override { return "json"; }
    std::string description() const override { return "The plan as JSON (docs/json-format.md)"; }
    cycle::result<std::string> write(const cycle::calendar& cal, const cycle::plan& p,
                                     const cycle::export_options& options) const override {
        cycle::plan selected = p;
        if (!options.audience.empty())
            selected.occurrences = cycle::select(cal, p, {.audience = options.audience, .from = {}, .to = {}});
        return cycle::format_json(cal, selected, options.audience);
    }
};

void register_json(cycle::registry& r) { r.add_exporter(std::make_unique<json_exporter>()); }

}  // namespace

extern "C" const cycle_plugin_info* cycle_json_plugin_info() {
    static const cycle_plugin_info info{CYCLE_PLUGIN_API_VERSION, "json", "1.0.0",
                                        "Exports plans as JSON", &register_json};
    return &info;
}
