// A plugin built for a newer plugin API than this cycle's: must be refused
// before its registration function is ever called.
#include <cstdlib>

#include "cycle/plugin.hpp"

namespace {
void register_future(cycle::registry&) {
    std::abort();
}  // never called
}  // namespace

const cycle_plugin_info future_plugin{CYCLE_PLUGIN_API_VERSION + 1, "future", "9.0",
                                      "Built for another API version", &register_future};
CYCLE_PLUGIN_ENTRY_POINT(future_plugin)
