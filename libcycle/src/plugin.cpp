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

namespace {

// Where a plugin's component is reported: its library's path, or
// "<built-in plugin NAME>", or "<built-in>" for one added by the host.
std::string place_of(const std::string& plugin, const std::string& origin) {
    if (plugin.empty()) return "<built-in>";
    return origin == "built-in" ? "<built-in plugin " + plugin + ">" : origin;
}

error failure_at(std::string place, plugin_kind kind, std::string_view name, std::string_view what);

// A holiday provider from a plugin, as the registry hands it out: planning,
// checks and `cycle holidays` call it deep inside the core, so an exception
// it throws becomes a plugin_error at its library here (as call_plugin does
// for the other kinds).
class guarded_holiday_provider final : public holiday_provider {
public:
    guarded_holiday_provider(std::unique_ptr<holiday_provider> inner, std::string place)
        : inner_(std::move(inner)), name_(inner_->name()), place_(std::move(place)) {}
    std::string name() const override { return name_; }
    std::string description() const override {
        return guard([&] { return inner_->description(); });
    }
    result<std::vector<holiday>> holidays_of(date::year y) const override {
        return guard([&] { return inner_->holidays_of(y); });
    }

private:
    template <class F>
    auto guard(F&& call) const -> decltype(call()) {
        try {
            return call();
        } catch (const plugin_error&) {
            throw;
        } catch (const std::exception& e) {
            throw plugin_error(failure_at(place_, plugin_kind::holidays, name_, e.what()));
        } catch (...) {
            throw plugin_error(failure_at(place_, plugin_kind::holidays, name_,
                                          "an exception that is not a std::exception"));
        }
    }
    std::unique_ptr<holiday_provider> inner_;
    std::string name_;
    std::string place_;
};

}  // namespace

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
    registering_origin_ = origin;
    std::optional<std::string> failure;
    try {
        info.register_plugin(*this);
    } catch (const std::exception& e) {
        failure = e.what();
    } catch (...) {
        failure = "an exception that is not a std::exception";
    }
    registering_.clear();
    registering_origin_.clear();
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
    holiday_providers_.push_back(std::make_unique<guarded_holiday_provider>(
        std::move(h), place_of(registering_, registering_origin_)));
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

error plugin_failure(const registry& r, plugin_kind kind, std::string_view name,
                     std::string_view what) {
    std::string plugin;
    for (const auto& c : r.components())
        if (c.kind == kind && c.name == name) plugin = c.plugin;
    std::string place = "<built-in>";
    for (const auto& p : r.plugins())
        if (p.name == plugin) place = place_of(p.name, p.origin);
    return failure_at(std::move(place), kind, name, what);
}

namespace {
error failure_at(std::string place, plugin_kind kind, std::string_view name,
                 std::string_view what) {
    return {fmt::format("{} '{}' failed: {}", to_string(kind), name, what),
            {std::move(place), 0, 0}};
}
}  // namespace

}  // namespace cycle
