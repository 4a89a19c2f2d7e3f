#include "cycle/builtin_plugins.hpp"

#include <stdexcept>

extern "C" const cycle_plugin_info* cycle_json_plugin_info();
extern "C" const cycle_plugin_info* cycle_ical_plugin_info();
extern "C" const cycle_plugin_info* cycle_deadlines_plugin_info();
extern "C" const cycle_plugin_info* cycle_svg_plugin_info();

namespace cycle {

void add_builtin_plugins(registry& r) {
    for (auto info : {cycle_json_plugin_info, cycle_ical_plugin_info, cycle_deadlines_plugin_info,
                      cycle_svg_plugin_info}) {
        if (auto added = r.add_plugin(*info(), "built-in"); !added)
            throw std::logic_error(added.errors().front().message);  // a build defect
    }
}

}  // namespace cycle
