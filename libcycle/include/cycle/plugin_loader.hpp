// plugin_loader.hpp — external plugins: shared libraries loaded at run time.
//
// A plugin library exports the C function `cycle_plugin_info` (plugin.hpp).
// The loader opens the library with dlopen, looks the symbol up and hands the
// description to registry::add_plugin, which checks the API version before it
// calls anything else. A library that cannot be used — not a shared library,
// no `cycle_plugin_info`, another API version, a registration that fails —
// is reported as an error naming the file and is skipped; nothing else is
// touched. The registry keeps every library it took open while it lives.
//
//   cycle::registry plugins;
//   for (const auto& e : cycle::load_plugin_directory(plugins, "/opt/cycle/plugins"))
//       std::cerr << e.to_string() << '\n';   // the others are loaded
//
// Only files named `*.so` directly inside a directory are tried, in name
// order; other files (READMEs, static archives) are left alone.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "cycle/error.hpp"
#include "cycle/plugin.hpp"

namespace cycle {

// The name of the symbol a plugin library exports.
inline constexpr const char* plugin_entry_point = "cycle_plugin_info";

// Loads one plugin library into `r`; its origin is `library` as given.
result<bool> load_plugin(registry& r, const std::filesystem::path& library);

// Loads every `*.so` directly inside `directory`. Returns what went wrong —
// the directory missing, each library refused — while the rest are loaded.
errors load_plugin_directory(registry& r, const std::filesystem::path& directory);

// The directories of a search path such as CYCLE_PLUGIN_PATH: separated by
// ':', empty entries ignored ("a::b:" -> a, b).
std::vector<std::filesystem::path> split_plugin_path(std::string_view path);

}  // namespace cycle
