// The C API (cycle.h) over the C++ core: handles own C++ values, every entry
// point catches everything, and errors leave as status codes and strings.
#include <date/date.h>
#include <fmt/format.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "cycle/builtin_plugins.hpp"
#include "cycle/calendar.hpp"
#include "cycle/check_host.hpp"
#include "cycle/cycle.h"
#include "cycle/plan.hpp"
#include "cycle/plan_file.hpp"
#include "cycle/plan_output.hpp"
#include "cycle/plugin.hpp"
#include "cycle/plugin_loader.hpp"
#include "cycle/state_store.hpp"
#include "cycle/text.hpp"

struct cycle_calendar {
    std::shared_ptr<const cycle::calendar> cal;
};

struct cycle_plan {
    std::shared_ptr<const cycle::calendar> cal;  // what the plan was made from
    cycle::plan plan;
    cycle::plan_file fixed;  // as given to cycle_plan_make, else empty
};

struct cycle_plugins {
    cycle::registry registry;
};

struct cycle_state {
    cycle::memory_state_store store;
};

namespace {

// `s` as valid UTF-8, as cycle.h promises: each byte that is not part of a
// well-formed sequence (from a file or an argument that was not UTF-8) is
// written as the four characters "\xNN".
std::string utf8_escaped(std::string_view s) {
    if (cycle::is_valid_utf8(s)) return std::string(s);
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t length = 0;
        for (std::size_t n = 1; n <= 4 && i + n <= s.size(); ++n)
            if (cycle::is_valid_utf8(s.substr(i, n))) {
                length = n;
                break;
            }
        if (length == 0) {
            out += fmt::format("\\x{:02X}", static_cast<unsigned char>(s[i]));
            ++i;
        } else {
            out.append(s.substr(i, length));
            i += length;
        }
    }
    return out;
}

// A malloc'd copy, so that cycle_string_free is free(); NULL if out of memory.
char* copy_string(std::string_view text) noexcept {
    std::string s;
    try {
        s = utf8_escaped(text);
    } catch (...) {
        return nullptr;
    }
    auto* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (!p) return nullptr;
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

cycle_status fail(char** error, cycle_status status, std::string_view message) noexcept {
    if (error) *error = copy_string(message);
    return status;
}

cycle_status fail(char** error, cycle_status status, const cycle::errors& errs) {
    std::string text;
    for (const auto& e : errs) text += (text.empty() ? "" : "\n") + e.to_string();
    return fail(error, status, text);
}

// Runs `body` with *error cleared; no exception leaves.
template <class Body>
cycle_status guarded(char** error, Body&& body) noexcept {
    if (error) *error = nullptr;
    try {
        return body();
    } catch (const cycle::plugin_error& e) {
        return fail(error, CYCLE_ERROR_PLUGIN, e.located().to_string());
    } catch (const std::exception& e) {
        return fail(error, CYCLE_ERROR_INTERNAL,
                    fmt::format("error: internal error: {}", e.what()));
    } catch (...) {
        return fail(error, CYCLE_ERROR_INTERNAL, "error: internal error");
    }
}

cycle_status give(char** out, std::string_view text) {
    *out = copy_string(text);
    if (!*out) throw std::bad_alloc();
    return CYCLE_OK;
}

bool empty(const char* s) {
    return !s || !*s;
}

// "YYYY-MM-DD", NULL meaning none; a malformed date is an error.
cycle::result<std::optional<date::sys_days>> parse_day(const char* text, const char* what) {
    if (!text) return std::optional<date::sys_days>{};
    if (auto day = cycle::parse_day(text)) return std::optional<date::sys_days>{*day};
    return cycle::error{fmt::format("{} '{}' is not a date of the form YYYY-MM-DD", what, text), {}};
}

// Empty audience: everything. Otherwise it must be a body of the calendar.
cycle::result<bool> check_audience(const cycle::calendar& cal, const char* audience) {
    return cycle::check_audience(cal, empty(audience) ? "" : audience);
}

cycle_status take_calendar(cycle::result<cycle::calendar> loaded, cycle_calendar** out,
                           char** error) {
    if (!loaded) return fail(error, CYCLE_ERROR_INPUT, loaded.errors());
    *out = new cycle_calendar{std::make_shared<const cycle::calendar>(std::move(loaded).value())};
    return CYCLE_OK;
}

// The exporter for `format`, for a known audience; null, with the error
// given and *status set, otherwise.
const cycle::exporter* exporter_for(const cycle_plugins* plugins, const cycle_plan* plan,
                                    const char* format, const char* audience, char** error,
                                    cycle_status& status) {
    const auto* e = plugins->registry.find_exporter(format);
    if (!e) {
        std::string names;
        for (const auto& x : plugins->registry.exporters())
            names += (names.empty() ? "" : ", ") + x->name();
        status = fail(error, CYCLE_ERROR_NOT_FOUND,
                      fmt::format("error: no exporter for format '{}'; available: {}", format,
                                  names));
        return nullptr;
    }
    if (auto known = check_audience(*plan->cal, audience); !known) {
        status = fail(error, CYCLE_ERROR_NOT_FOUND, known.errors());
        return nullptr;
    }
    return e;
}

}  // namespace

extern "C" {

const char* cycle_version(void) {
    return CYCLE_VERSION;
}

int cycle_plugin_api_version(void) {
    return CYCLE_PLUGIN_API_VERSION;
}

void cycle_string_free(char* s) {
    std::free(s);
}

cycle_status cycle_calendar_load_file(const char* path, cycle_calendar** out, char** error) {
    return guarded(error, [&] {
        if (!path || !out)
            return fail(error, CYCLE_ERROR_ARGUMENT, "error: path and out are required");
        return take_calendar(cycle::load_calendar_file(path), out, error);
    });
}

cycle_status cycle_calendar_load_string(const char* toml, const char* name, cycle_calendar** out,
                                        char** error) {
    return guarded(error, [&] {
        if (!toml || !out)
            return fail(error, CYCLE_ERROR_ARGUMENT, "error: toml and out are required");
        return take_calendar(cycle::load_calendar_string(toml, empty(name) ? "<string>" : name),
                             out, error);
    });
}

cycle_status cycle_calendar_default(cycle_calendar** out, char** error) {
    return guarded(error, [&] {
        if (!out) return fail(error, CYCLE_ERROR_ARGUMENT, "error: out is required");
        // The built-in calendar lives as long as the library: share it, own nothing.
        *out = new cycle_calendar{std::shared_ptr<const cycle::calendar>(
            std::shared_ptr<void>{}, &cycle::default_calendar())};
        return CYCLE_OK;
    });
}

void cycle_calendar_free(cycle_calendar* calendar) {
    delete calendar;
}

cycle_status cycle_plan_make(const cycle_plugins* plugins, const cycle_calendar* calendar,
                             int year, const char* plan_toml, const char* plan_name,
                             cycle_plan** out, char** error) {
    return guarded(error, [&] {
        if (!calendar || !out)
            return fail(error, CYCLE_ERROR_ARGUMENT, "error: calendar and out are required");
        const cycle::calendar& cal = *calendar->cal;
        // The calendar's holiday provider comes from the registry (a plugin
        // may add one), as for cycle_check_json and cycle_export; NULL: the
        // built-in plugins.
        cycle::registry builtin;
        if (!plugins) cycle::add_builtin_plugins(builtin);
        auto holidays = (plugins ? plugins->registry : builtin).holidays_for(cal);
        if (!holidays) return fail(error, CYCLE_ERROR_INPUT, holidays.errors());
        auto made = std::make_unique<cycle_plan>();
        made->cal = calendar->cal;
        made->fixed.calendar_id = cal.id;
        if (plan_toml) {
            auto fixed =
                cycle::load_plan_string(plan_toml, empty(plan_name) ? "<plan>" : plan_name, cal);
            if (!fixed) return fail(error, CYCLE_ERROR_INPUT, fixed.errors());
            made->fixed = std::move(fixed).value();
        }
        // Proposed entries are planned again, as `cycle plan --plan` does.
        const cycle::plan_file fixed_dates = cycle::fixed_entries(made->fixed);
        cycle::plan_request request{.year = std::nullopt,
                                    .fixed = plan_toml ? &fixed_dates : nullptr,
                                    .holidays = *holidays};
        if (year != 0) {
            if (auto y = cycle::check_plan_year(cal, year); !y) {
                auto errs = y.errors();
                errs.front().where = cal.where;
                return fail(error, CYCLE_ERROR_INPUT, errs);
            }
            request.year = year;
        }
        auto p = cycle::make_plan(cal, request);
        if (!p) return fail(error, CYCLE_ERROR_PLAN, p.errors());
        made->plan = std::move(p).value();
        *out = made.release();
        return CYCLE_OK;
    });
}

void cycle_plan_free(cycle_plan* plan) {
    delete plan;
}

cycle_status cycle_plan_query_json(const cycle_plan* plan, const char* audience, const char* from,
                                   const char* to, char** json, char** error) {
    return guarded(error, [&] {
        if (!plan || !json)
            return fail(error, CYCLE_ERROR_ARGUMENT, "error: plan and json are required");
        const cycle::calendar& cal = *plan->cal;
        if (auto known = check_audience(cal, audience); !known)
            return fail(error, CYCLE_ERROR_NOT_FOUND, known.errors());
        auto first = parse_day(from, "from");
        if (!first) return fail(error, CYCLE_ERROR_ARGUMENT, first.errors());
        auto last = parse_day(to, "to");
        if (!last) return fail(error, CYCLE_ERROR_ARGUMENT, last.errors());
        cycle::occurrence_query query{.audience = std::nullopt, .from = *first, .to = *last};
        if (!empty(audience)) query.audience = audience;
        cycle::plan selected = plan->plan;
        selected.occurrences = cycle::select(cal, plan->plan, query);
        return give(json, cycle::format_json(cal, selected, empty(audience) ? "" : audience));
    });
}

cycle_status cycle_plugins_new(cycle_plugins** out, char** error) {
    return guarded(error, [&] {
        if (!out) return fail(error, CYCLE_ERROR_ARGUMENT, "error: out is required");
        auto made = std::make_unique<cycle_plugins>();
        cycle::add_builtin_plugins(made->registry);
        *out = made.release();
        return CYCLE_OK;
    });
}

cycle_status cycle_plugins_load(cycle_plugins* plugins, const char* path, char** error) {
    return guarded(error, [&] {
        if (!plugins || !path)
            return fail(error, CYCLE_ERROR_ARGUMENT, "error: plugins and path are required");
        std::error_code ec;
        cycle::errors refused;
        if (std::filesystem::is_directory(path, ec)) {
            refused = cycle::load_plugin_directory(plugins->registry, path);
        } else if (auto loaded = cycle::load_plugin(plugins->registry, path); !loaded) {
            refused = loaded.errors();
        }
        if (!refused.empty()) return fail(error, CYCLE_ERROR_PLUGIN, refused);
        return CYCLE_OK;
    });
}

cycle_status cycle_plugins_list_json(const cycle_plugins* plugins, char** json, char** error) {
    return guarded(error, [&] {
        if (!plugins || !json)
            return fail(error, CYCLE_ERROR_ARGUMENT, "error: plugins and json are required");
        nlohmann::json list = nlohmann::json::array();
        const auto& r = plugins->registry;
        for (const auto& p : r.plugins())
            for (const auto& c : r.components())
                if (c.plugin == p.name)
                    list.push_back({{"name", p.name},
                                    {"kind", cycle::to_string(c.kind)},
                                    {"version", p.version},
                                    {"provides", c.name},
                                    {"origin", p.origin}});
        return give(json, list.dump(2) + "\n");
    });
}

void cycle_plugins_free(cycle_plugins* plugins) {
    delete plugins;
}

cycle_status cycle_check_json(const cycle_plugins* plugins, const cycle_plan* plan,
                              const char* today, char** json, char** error) {
    return cycle_check_json_with(plugins, plan, today, 1, json, error);
}

cycle_status cycle_check_json_with(const cycle_plugins* plugins, const cycle_plan* plan,
                                   const char* today, int partial, char** json, char** error) {
    return guarded(error, [&] {
        if (!plugins || !plan || !json)
            return fail(error, CYCLE_ERROR_ARGUMENT, "error: plugins, plan and json are required");
        auto day = parse_day(today, "today");
        if (!day) return fail(error, CYCLE_ERROR_ARGUMENT, day.errors());
        // The check host applies [checks], waivers and order, and writes the
        // same JSON as `cycle check --format json`.
        const auto report = cycle::run_checks(plugins->registry, *plan->cal, plan->fixed,
                                              {.today = *day, .partial = partial != 0});
        cycle::check_context context;
        context.calendar_id = plan->cal->id;
        if (today) context.today = today;
        context.occurrences = plan->fixed.entries.size();
        return give(json, cycle::format_check_json(report, context));
    });
}

cycle_status cycle_export(const cycle_plugins* plugins, const cycle_plan* plan, const char* format,
                          const char* audience, char** output, char** error) {
    return guarded(error, [&] {
        if (!plugins || !plan || !format || !output)
            return fail(error, CYCLE_ERROR_ARGUMENT,
                        "error: plugins, plan, format and output are required");
        cycle_status status = CYCLE_OK;
        const auto* e = exporter_for(plugins, plan, format, audience, error, status);
        if (!e) return status;
        cycle::export_options options;
        options.audience = empty(audience) ? "" : audience;
        auto text = cycle::call_plugin(plugins->registry, cycle::plugin_kind::exporter, e->name(),
                                       [&] { return e->write(*plan->cal, plan->plan, options); });
        if (!text) return fail(error, CYCLE_ERROR_PLUGIN, text.errors());
        return give(output, *text);
    });
}

cycle_status cycle_state_new(cycle_state** out, char** error) {
    return guarded(error, [&] {
        if (!out) return fail(error, CYCLE_ERROR_ARGUMENT, "error: out is required");
        *out = new cycle_state{};
        return CYCLE_OK;
    });
}

cycle_status cycle_state_get(const cycle_state* state, const char* name, char** text,
                             char** error) {
    return guarded(error, [&] {
        if (!state || !name || !text)
            return fail(error, CYCLE_ERROR_ARGUMENT, "error: state, name and text are required");
        auto saved = state->store.get(name);
        if (!saved) {
            *text = nullptr;
            return CYCLE_OK;
        }
        return give(text, *saved);
    });
}

cycle_status cycle_state_set(cycle_state* state, const char* name, const char* text, char** error) {
    return guarded(error, [&] {
        if (!state || !name || !text)
            return fail(error, CYCLE_ERROR_ARGUMENT, "error: state, name and text are required");
        state->store.put(name, text);
        return CYCLE_OK;
    });
}

void cycle_state_free(cycle_state* state) {
    delete state;
}

cycle_status cycle_export_at(const cycle_plugins* plugins, const cycle_plan* plan,
                             const char* format, const char* audience,
                             const char* const* parameters, size_t parameter_count,
                             cycle_state* state, long long now, char** output, char** error) {
    return guarded(error, [&] {
        if (!plugins || !plan || !format || !output || (parameter_count && !parameters))
            return fail(error, CYCLE_ERROR_ARGUMENT,
                        "error: plugins, plan, format, output (and parameters when "
                        "parameter_count is not 0) are required");
        cycle_status status = CYCLE_OK;
        const auto* e = exporter_for(plugins, plan, format, audience, error, status);
        if (!e) return status;
        // 0001-01-01 to 9999-12-31: what a DTSTAMP can say.
        if (now != CYCLE_NOW && (now < -62135596800LL || now > 253402300799LL))
            return fail(
                error, CYCLE_ERROR_ARGUMENT,
                fmt::format("error: now {} is not a time of years 1–9999 (seconds since 1970)",
                            now));
        cycle::export_options options;
        options.audience = empty(audience) ? "" : audience;
        for (size_t i = 0; i < parameter_count; ++i) {
            if (!parameters[i])
                return fail(error, CYCLE_ERROR_ARGUMENT, "error: a parameter is NULL");
            options.parameters.emplace_back(parameters[i]);
        }
        options.state = state ? &state->store : nullptr;
        if (now != CYCLE_NOW) options.now = date::sys_seconds{std::chrono::seconds{now}};
        // One output to "-": the exporter reads and updates the state, and
        // writes no file. A plugin that throws is an error, not a crash.
        auto outputs =
            cycle::call_plugin(plugins->registry, cycle::plugin_kind::exporter, e->name(),
                               [&] { return e->write_all(*plan->cal, plan->plan, options); });
        if (!outputs) return fail(error, CYCLE_ERROR_PLUGIN, outputs.errors());
        std::string text;
        for (const auto& o : *outputs)
            if (o.path == "-") text += o.text;
        return give(output, text);
    });
}

cycle_status cycle_export_with(const cycle_plugins* plugins, const cycle_plan* plan,
                               const char* format, const char* audience,
                               const char* const* parameters, size_t parameter_count,
                               cycle_state* state, char** output, char** error) {
    return cycle_export_at(plugins, plan, format, audience, parameters, parameter_count, state,
                           CYCLE_NOW, output, error);
}

}  // extern "C"
