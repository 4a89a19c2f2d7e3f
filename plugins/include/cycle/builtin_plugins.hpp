// builtin_plugins.hpp — the plugins compiled into `cycle`.
#pragma once

#include "cycle/plugin.hpp"

namespace cycle {

// Adds every built-in plugin to `r` through registry::add_plugin.
void add_builtin_plugins(registry& r);

}  // namespace cycle
