// A plugin that registers fine and then throws from every entry point: its
// exporter "boom", importer "boom" and checker "boom". The host must turn
// each into an error naming the plugin's library, exit 2, nothing written.
#include <memory>
#include <stdexcept>

#include "cycle/plugin.hpp"

namespace {

class boom_exporter final : public cycle::exporter {
public:
    std::string name() const override { return "boom"; }
    std::string description() const override { return "Throws when it writes"; }
    cycle::result<std::string> write(const cycle::calendar&, const cycle::plan&,
                                     const cycle::export_options&) const override {
        throw std::runtime_error("exporter exploded");
    }
};

class boom_importer final : public cycle::importer {
public:
    std::string name() const override { return "boom"; }
    std::string description() const override { return "Throws when it reads"; }
    cycle::result<cycle::imported> read(const cycle::calendar&, std::string_view,
                                        std::string_view) const override {
        throw std::logic_error("importer exploded");
    }
};

class boom_checker final : public cycle::checker {
public:
    std::string name() const override { return "boom"; }
    std::string description() const override { return "Throws when it checks"; }
    cycle::findings check(const cycle::calendar&, const cycle::plan_file&,
                          const cycle::check_options&) const override {
        throw 42;  // not even a std::exception
    }
};

void register_boom(cycle::registry& r) {
    r.add_exporter(std::make_unique<boom_exporter>());
    r.add_importer(std::make_unique<boom_importer>());
    r.add_checker(std::make_unique<boom_checker>());
}

}  // namespace

const cycle_plugin_info throwing_entry_plugin{CYCLE_PLUGIN_API_VERSION, "boom", "1.0",
                                              "Throws from every entry point", &register_boom};
CYCLE_PLUGIN_ENTRY_POINT(throwing_entry_plugin)
