#include "cycle/plugin.hpp"

#include <filesystem>

#include <fmt/format.h>

namespace cycle {

result<std::vector<export_output>> exporter::write_all(const calendar& cal, const plan& p,
                                                      const export_options& options) const {
    std::vector<export_output> out;
    auto add = [&](std::string path, const std::string& audience) -> result<bool> {
        export_options one = options;
        one.audience = audience;
        auto text = write(cal, p, one);
        if (!text) return text.errors();
        out.push_back({std::move(path), std::move(text).value()});
        return true;
    };
    if (!options.all_audiences) {
        if (auto r = add(options.out, options.audience); !r) return r.errors();
        return out;
    }
    auto in_dir = [&](const std::string& file) {
        return (std::filesystem::path(options.out) / file).string();
    };
    if (auto r = add(in_dir("all." + name()), ""); !r) return r.errors();
    for (const auto& b : cal.bodies)
        if (auto r = add(in_dir(b.id + "." + name()), b.id); !r) return r.errors();
    return out;
}

const char* to_string(plugin_kind k) {
    switch (k) {
        case plugin_kind::exporter: return "exporter";
        case plugin_kind::checker: return "checker";
        case plugin_kind::importer: return "importer";
    }
    return "?";
}

result<bool> registry::add_plugin(const cycle_plugin_info& info, std::string origin) {
    if (info.api_version != CYCLE_PLUGIN_API_VERSION)
        return error{fmt::format("plugin '{}' was built for plugin API version {}, but this cycle "
                                 "has version {}; rebuild it against this cycle's headers",
                                 info.name ? info.name : "?", info.api_version,
                                 CYCLE_PLUGIN_API_VERSION),
                     {origin}};
    if (!info.name || !info.register_plugin)
        return error{"plugin description has no name or no registration function", {origin}};
    for (const auto& p : plugins_)
        if (p.name == info.name)
            return error{fmt::format("a plugin named '{}' is already loaded (from {})", info.name,
                                     p.origin),
                         {origin}};
    plugins_.push_back({info.name, info.version ? info.version : "", 
                        info.description ? info.description : "", std::move(origin)});
    registering_ = info.name;
    info.register_plugin(*this);
    registering_.clear();
    return true;
}

void registry::add_exporter(std::unique_ptr<exporter> e) {
    components_.push_back({plugin_kind::exporter, e->name(), registering_});
    exporters_.push_back(std::move(e));
}

void registry::add_checker(std::unique_ptr<checker> c) {
    components_.push_back({plugin_kind::checker, c->name(), registering_});
    checkers_.push_back(std::move(c));
}

void registry::add_importer(std::unique_ptr<importer> i) {
    components_.push_back({plugin_kind::importer, i->name(), registering_});
    importers_.push_back(std::move(i));
}

const exporter* registry::find_exporter(std::string_view name) const {
    for (const auto& e : exporters_)
        if (e->name() == name) return e.get();
    return nullptr;
}

const importer* registry::find_importer(std::string_view name) const {
    for (const auto& i : importers_)
        if (i->name() == name) return i.get();
    return nullptr;
}

}  // namespace cycle
