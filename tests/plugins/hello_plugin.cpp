// A well-formed plugin for the loader tests: one exporter, "hello".
#include <fmt/format.h>

#include <memory>

#include "cycle/plugin.hpp"

namespace {

class hello_exporter final : public cycle::exporter {
public:
    std::string name() const override { return "hello"; }
    std::string description() const override { return "Says hello and counts occurrences"; }
    cycle::result<std::string> write(const cycle::calendar& cal, const cycle::plan& p,
                                     const cycle::export_options&) const override {
        return fmt::format("hello from a plugin: {} has {} occurrences\n", cal.id, p.occurrences.size());
    }
};

void register_hello(cycle::registry& r) { r.add_exporter(std::make_unique<hello_exporter>()); }

}  // namespace

const cycle_plugin_info hello_plugin{CYCLE_PLUGIN_API_VERSION, "hello", "0.3.1",
                                     "A plugin for the tests", &register_hello};
CYCLE_PLUGIN_ENTRY_POINT(hello_plugin)
