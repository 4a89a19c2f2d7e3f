#include "external_plugins.hpp"

#include <iostream>

#include "cycle/plugin_loader.hpp"

namespace cycle::cli {

void load_external_plugins(registry& plugins, const std::vector<std::string>& plugin_dirs,
                           const char* plugin_path) {
    std::vector<std::filesystem::path> directories(plugin_dirs.begin(), plugin_dirs.end());
    for (auto& d : split_plugin_path(plugin_path ? plugin_path : ""))
        directories.push_back(std::move(d));
    for (const auto& d : directories)
        for (const auto& e : load_plugin_directory(plugins, d))
            std::cerr << e.where.to_string() << ": warning: " << e.message << "; skipped\n";
}

}  // namespace cycle::cli
