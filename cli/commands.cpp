#include "commands.hpp"

#include <date/iso_week.h>
#include <date/tz.h>

#include <filesystem>
#include <iostream>
#include <variant>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cycle/calendar.hpp"
#include "cycle/holidays.hpp"
#include "cycle/plan.hpp"
#include "cycle/plan_file.hpp"
#include "cycle/plan_output.hpp"
#include "output_file.hpp"

namespace cycle::cli {
namespace {

int report(const errors& errs, int status) {
    for (const auto& e : errs) std::cerr << e.to_string() << '\n';
    return status;
}

// Today in the calendar's time zone.
date::sys_days today_in(const std::string& zone) {
    auto local = date::locate_zone(zone)->to_local(std::chrono::system_clock::now());
    return date::sys_days{date::floor<date::days>(local).time_since_epoch()};
}

// A calendar, its plan file and the plan they make, or the exit status of
// the failure (its messages already printed).
struct planned {
    std::optional<calendar> loaded;  // from --calendar; else the built-in one
    plan p;
    const calendar& cal() const { return loaded ? *loaded : default_calendar(); }
};

std::variant<planned, int> make_requested_plan(const plan_inputs& in) {
    planned out;
    if (!in.calendar_file.empty()) {
        auto c = load_calendar_file(in.calendar_file);
        if (!c) return report(c.errors(), exit_bad_input);
        out.loaded = std::move(c).value();
    }
    const calendar& cal = out.cal();
    std::optional<plan_file> fixed;
    if (!in.plan_file.empty()) {
        auto pf = load_plan_file(in.plan_file, cal);
        if (!pf) return report(pf.errors(), exit_bad_input);
        fixed = std::move(pf).value();
    }
    if (!in.audience.empty() && !cal.find_body(in.audience)) {
        std::string ids;
        for (const auto& b : cal.bodies) ids += (ids.empty() ? "" : ", ") + b.id;
        return report({{fmt::format("unknown audience '{}'; the calendar's bodies are: {}",
                                    in.audience, ids),
                        cal.where}},
                      exit_bad_input);
    }
    plan_request request;
    request.fixed = fixed ? &*fixed : nullptr;
    if (!in.whole_cycle) request.year = in.year.value_or(current_cycle_year(cal, today_in(cal.time_zone)));
    if (request.year) {
        if (auto y = check_plan_year(cal, *request.year); !y) {
            auto errs = y.errors();
            errs.front().where = cal.where;
            return report(errs, exit_bad_input);
        }
    }
    auto made = make_plan(cal, request);
    if (!made) return report(made.errors(), exit_unsatisfiable);
    out.p = std::move(made).value();
    return out;
}

}  // namespace

int run_plan(const plan_command& command) {
    // A plan file holds dates someone fixed by hand: never replace one unasked.
    if (command.format == "plan" && command.out != "-" && !command.force &&
        std::filesystem::exists(command.out))
        return report({{"the file exists and may hold dates fixed by hand; use --force to replace it",
                        {command.out}}},
                      exit_bad_input);
    auto made = make_requested_plan(command.inputs);
    if (auto* status = std::get_if<int>(&made)) return *status;
    planned& result = std::get<planned>(made);
    plan& p = result.p;
    const calendar& cal = result.cal();
    const std::string& audience = command.inputs.audience;
    if (!audience.empty()) p.occurrences = select(cal, p, {.audience = audience, .from = {}, .to = {}});

    std::string text;
    if (command.format == "json") text = format_json(cal, p, audience);
    else if (command.format == "plan") text = write_plan_file(cal, p);
    else text = format_table(cal, p, {.explain = command.explain, .audience = audience});
    if (auto written = write_output(command.out, text); !written)
        return report(written.errors(), exit_bad_input);
    return exit_ok;
}

int run_export(const registry& plugins, const export_command& command) {
    const exporter* e = plugins.find_exporter(command.format);
    if (!e) {
        std::string names;
        for (const auto& x : plugins.exporters()) names += (names.empty() ? "" : ", ") + x->name();
        return report({{fmt::format("no exporter for format '{}'; available: {}", command.format, names), {}}},
                      exit_bad_input);
    }
    auto made = make_requested_plan(command.inputs);
    if (auto* status = std::get_if<int>(&made)) return *status;
    const planned& result = std::get<planned>(made);
    auto text = e->write(result.cal(), result.p, {.audience = command.inputs.audience, .parameters = command.parameters});
    if (!text) return report(text.errors(), exit_bad_input);
    if (auto written = write_output(command.out, *text); !written)
        return report(written.errors(), exit_bad_input);
    return exit_ok;
}

int run_plugins(const registry& plugins) {
    // Origin last: it may be a long path.
    const auto row = [](std::string_view name, std::string_view kind, std::string_view version,
                        std::string_view provides, std::string_view origin) {
        std::cout << fmt::format("{:<12} {:<10} {:<10} {:<16} {}\n", name, kind, version, provides, origin);
    };
    row("Plugin", "Kind", "Version", "Provides", "Origin");
    for (const auto& p : plugins.plugins()) {
        bool any = false;
        for (const auto& c : plugins.components()) {
            if (c.plugin != p.name) continue;
            row(p.name, to_string(c.kind), p.version, c.name, p.origin);
            any = true;
        }
        if (!any) row(p.name, "-", p.version, "-", p.origin);
    }
    return exit_ok;
}

int run_holidays(const holidays_command& command) {
    auto days = swedish_holidays(date::year{command.year});
    if (!days) return report(days.errors(), exit_bad_input);
    if (command.format == "json") {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& h : *days)
            list.push_back({{"date", date::format("%F", h.date)},
                            {"week", unsigned(iso_week::year_weeknum_weekday{date::sys_days{h.date}}.weeknum())},
                            {"name", h.name},
                            {"kind", h.kind == holiday_kind::public_holiday ? "public_holiday" : "day_off"}});
        std::cout << nlohmann::json{{"year", command.year}, {"holidays", list}}.dump(2) << '\n';
        return exit_ok;
    }
    static constexpr const char* weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    std::cout << fmt::format("Swedish public holidays and days off, {}\n", command.year);
    for (const auto& h : *days) {
        date::sys_days d{h.date};
        std::cout << fmt::format("{}  {:<6} {}  {:<15} {}\n", date::format("%F", d), week_label(d),
                                 weekdays[date::weekday{d}.c_encoding()], to_string(h.kind), h.name);
    }
    return exit_ok;
}

}  // namespace cycle::cli
