#include "commands.hpp"

#include <date/iso_week.h>
#include <date/tz.h>

#include <iostream>

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

}  // namespace

int run_plan(const plan_command& command) {
    std::optional<calendar> loaded;
    if (!command.calendar_file.empty()) {
        auto c = load_calendar_file(command.calendar_file);
        if (!c) return report(c.errors(), exit_bad_input);
        loaded = std::move(c).value();
    }
    const calendar& cal = loaded ? *loaded : default_calendar();

    std::optional<plan_file> fixed;
    if (!command.plan_file.empty()) {
        auto pf = load_plan_file(command.plan_file, cal);
        if (!pf) return report(pf.errors(), exit_bad_input);
        fixed = std::move(pf).value();
    }
    if (!command.audience.empty() && !cal.find_body(command.audience)) {
        std::vector<std::string> ids;
        for (const auto& b : cal.bodies) ids.push_back(b.id);
        std::string hint;
        for (const auto& id : ids) hint += (hint.empty() ? "" : ", ") + id;
        return report({{fmt::format("unknown audience '{}'; the calendar's bodies are: {}",
                                    command.audience, hint),
                        cal.where}},
                      exit_bad_input);
    }

    plan_request request;
    request.fixed = fixed ? &*fixed : nullptr;
    if (!command.whole_cycle)
        request.year = command.year.value_or(current_cycle_year(cal, today_in(cal.time_zone)));
    if (request.year) {
        if (auto y = check_plan_year(cal, *request.year); !y) {
            auto errs = y.errors();
            errs.front().where = cal.where;
            return report(errs, exit_bad_input);
        }
    }
    auto made = make_plan(cal, request);
    if (!made) return report(made.errors(), exit_unsatisfiable);
    plan p = std::move(made).value();
    if (!command.audience.empty()) p.occurrences = select(cal, p, {.audience = command.audience, .from = {}, .to = {}});

    std::string text;
    if (command.format == "json") text = format_json(cal, p, command.audience);
    else if (command.format == "plan") text = write_plan_file(cal, p);
    else text = format_table(cal, p, {.explain = command.explain, .audience = command.audience});
    if (auto written = write_output(command.out, text); !written)
        return report(written.errors(), exit_bad_input);
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
