#include "cycle/plugin_loader.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <string>

namespace cycle {
namespace {

// dlerror() text without the file name it often starts with (the error
// carries the file already).
std::string last_dl_error(const std::string& file) {
    const char* text = ::dlerror();
    std::string message = text ? text : "unknown dlopen error";
    if (message.starts_with(file + ": ")) message.erase(0, file.size() + 2);
    return message;
}

}  // namespace

result<bool> load_plugin(registry& r, const std::filesystem::path& library) {
    const std::string file = library.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(library, ec))
        return error{"cannot load plugin: not a regular file", {file}};

    // dlopen searches the library path for a name without a slash.
    const std::string to_open = library.has_parent_path() ? file : "./" + file;
    void* handle = ::dlopen(to_open.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return error{fmt::format("cannot load plugin: not a usable shared library ({})",
                                 last_dl_error(to_open)),
                     {file}};
    std::shared_ptr<void> opened(handle, [](void* h) { ::dlclose(h); });

    ::dlerror();
    void* symbol = ::dlsym(handle, plugin_entry_point);
    if (!symbol)
        return error{
            fmt::format("not a cycle plugin: the library has no '{}' function", plugin_entry_point),
            {file}};
    auto entry = reinterpret_cast<cycle_plugin_info_function>(symbol);
    const cycle_plugin_info* info = entry();
    if (!info)
        return error{fmt::format("not a cycle plugin: its '{}' function returned nothing",
                                 plugin_entry_point),
                     {file}};
    auto added = r.add_plugin(*info, file);
    if (!added) return added;
    r.keep_loaded(std::move(opened));
    return true;
}

errors load_plugin_directory(registry& r, const std::filesystem::path& directory) {
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec))
        return {
            error{"plugin directory does not exist or is not a directory", {directory.string()}}};
    std::vector<std::filesystem::path> libraries;
    for (const auto& entry : std::filesystem::directory_iterator(directory, ec))
        if (entry.path().extension() == ".so" && !entry.is_directory())
            libraries.push_back(entry.path());
    if (ec)
        return {error{fmt::format("cannot read plugin directory: {}", ec.message()),
                      {directory.string()}}};
    std::sort(libraries.begin(), libraries.end());

    errors refused;
    for (const auto& library : libraries)
        if (auto loaded = load_plugin(r, library); !loaded)
            refused.insert(refused.end(), loaded.errors().begin(), loaded.errors().end());
    return refused;
}

std::vector<std::filesystem::path> split_plugin_path(std::string_view path) {
    std::vector<std::filesystem::path> directories;
    while (!path.empty()) {
        auto colon = path.find(':');
        auto part = path.substr(0, colon);
        if (!part.empty()) directories.emplace_back(part);
        if (colon == std::string_view::npos) break;
        path.remove_prefix(colon + 1);
    }
    return directories;
}

}  // namespace cycle
