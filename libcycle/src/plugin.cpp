#include "cycle/plugin.hpp"

#include <array>
#include <exception>
#include <filesystem>
#include <optional>

#include <fmt/format.h>

namespace cycle {

// Out of line, so that each interface's vtable and type_info are emitted once,
// in libcycle, and shared by every plugin (whatever its visibility).
exporter::~exporter() = default;
checker::~checker() = default;
importer::~importer() = default;
output_sink::~output_sink() = default;

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
    // all.FORMAT is the combined output: a body's own may not take its name.
    for (const auto& b : cal.bodies)
        if (b.id == "all")
            return error{"body id 'all' is the name of the combined output (all." + name() +
                             ") that --all-audiences writes; rename the body",
                         b.where};
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
        case plugin_kind::holidays: return "holidays";
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
    const auto sizes = std::array{exporters_.size(), checkers_.size(), importers_.size(),
                                  holiday_providers_.size(), components_.size()};
    registering_ = info.name;
    std::optional<std::string> failure;
    try {
        info.register_plugin(*this);
    } catch (const std::exception& e) {
        failure = e.what();
    } catch (...) {
        failure = "an exception that is not a std::exception";
    }
    registering_.clear();
    for (auto added = sizes[4]; !failure && added < components_.size(); ++added) {
        const auto& c = components_[added];
        for (std::size_t old = 0; old < sizes[4]; ++old)
            if (components_[old].kind == c.kind && components_[old].name == c.name)
                failure = fmt::format("its {} '{}' clashes with the one of plugin '{}'",
                                      to_string(c.kind), c.name, components_[old].plugin);
        if (c.kind == plugin_kind::holidays && builtin_holiday_provider(c.name))
            failure = fmt::format("its holidays '{}' clash with the provider built into libcycle",
                                  c.name);
    }
    if (failure) {  // registration only adds: take back what it added
        exporters_.resize(sizes[0]);
        checkers_.resize(sizes[1]);
        importers_.resize(sizes[2]);
        holiday_providers_.resize(sizes[3]);
        components_.resize(sizes[4]);
        return error{fmt::format("plugin '{}' failed to register: {}", info.name, *failure), {origin}};
    }
    plugins_.push_back({info.name, info.version ? info.version : "",
                        info.description ? info.description : "", std::move(origin)});
    return true;
}

void registry::keep_loaded(std::shared_ptr<void> library) { libraries_.push_back(std::move(library)); }

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

void registry::add_holiday_provider(std::unique_ptr<holiday_provider> h) {
    components_.push_back({plugin_kind::holidays, h->name(), registering_});
    holiday_providers_.push_back(std::move(h));
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

const holiday_provider* registry::find_holiday_provider(std::string_view name) const {
    for (const auto& h : holiday_providers_)
        if (h->name() == name) return h.get();
    return nullptr;
}

result<const holiday_provider*> registry::holidays_for(const calendar& cal) const {
    if (const holiday_provider* h = find_holiday_provider(cal.holidays)) return h;
    return cycle::holidays_for(cal, nullptr);
}

}  // namespace cycle
