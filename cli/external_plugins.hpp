// external_plugins.hpp — the plugin libraries `cycle` loads at start:
// every --plugin-dir in the order given, then every directory of
// CYCLE_PLUGIN_PATH. The first plugin of a name wins; later ones are refused.
#pragma once

#include <string>
#include <vector>

#include "cycle/plugin.hpp"

namespace cycle::cli {

// Loads them into `plugins`; a library refused is reported on standard
// error as a warning naming the file, and skipped. `plugin_path` is the
// value of CYCLE_PLUGIN_PATH (may be null).
void load_external_plugins(registry& plugins, const std::vector<std::string>& plugin_dirs,
                           const char* plugin_path);

}  // namespace cycle::cli
