// A well-formed plugin for the loader tests: an exporter, "hello", and a
// checker, "hello-fixed", with a note on every fixed date of a plan file.
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
        return fmt::format("hello from a plugin: {} has {} occurrences\n", cal.id,
                           p.occurrences.size());
    }
};

class hello_checker final : public cycle::checker {
public:
    std::string name() const override { return "hello-fixed"; }
    std::string description() const override { return "Notes every fixed date"; }
    cycle::findings check(const cycle::calendar&, const cycle::plan_file& plan,
                          const cycle::check_options&) const override {
        cycle::findings out;
        for (const auto& e : plan.entries)
            out.push_back({.level = cycle::severity::note,
                           .rule = "hello-fixed",
                           .message = fmt::format("{} is fixed", e.event),
                           .where = e.where,
                           .occurrence = {},
                           .waived = false,
                           .waiver_reason = {}});
        return out;
    }
};

void register_hello(cycle::registry& r) {
    r.add_exporter(std::make_unique<hello_exporter>());
    r.add_checker(std::make_unique<hello_checker>());
}

}  // namespace

const cycle_plugin_info hello_plugin{CYCLE_PLUGIN_API_VERSION, "hello", "0.3.1",
                                     "A plugin for the tests", &register_hello};
CYCLE_PLUGIN_ENTRY_POINT(hello_plugin)
