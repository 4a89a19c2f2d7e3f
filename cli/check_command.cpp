// cycle check: every checker plugin on a plan (docs/check.md).
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "calendar_choice.hpp"
#include "cycle/check_host.hpp"
#include "commands.hpp"
#include "day_option.hpp"
#include "findings_output.hpp"
#include "plan_files.hpp"

namespace cycle::cli {
namespace {

int report(const errors& errs) {
    for (const auto& e : errs) std::cerr << e.to_string() << '\n';
    return exit_bad_input;
}

// The JSON report with "county_view" added after its other members.
std::string county_json(std::string text, const county_view* view) {
    if (!view) return text;
    using json = nlohmann::ordered_json;
    json doc = json::parse(text);
    json rows = json::array();
    for (const auto& row : view->rows) {
        json cells = json::object();
        for (std::size_t i = 0; i < view->events.size(); ++i)
            cells[view->events[i]] = {{"status", row.cells[i].status},
                                      {"rules", row.cells[i].rules}};
        rows.push_back({{"plan", row.plan}, {"calendar", row.calendar_id}, {"events", cells}});
    }
    doc["county_view"] = {{"events", view->events}, {"plans", rows}};
    return doc.dump(2) + '\n';
}

}  // namespace

int run_check(const registry& plugins, const check_command& command) {
    auto choice = calendar_choice::read(command.calendar_file);
    if (!choice) return report(choice.errors());
    const calendar& cal = choice->get();
    auto holidays = plugins.holidays_for(cal);
    if (!holidays) return report(holidays.errors());
    check_options options;
    options.partial = command.partial;
    options.holidays = *holidays;
    if (command.today) {
        auto today = parse_day(*command.today, "--today");
        if (!today) return report(today.errors());
        options.today = *today;
    }
    if (command.year) {
        if (auto y = check_plan_year(cal, *command.year); !y) {
            auto errs = y.errors();
            errs.front().where = cal.where;
            return report(errs);
        }
    }
    auto paths = plans_to_read(command.plans, *choice, true);
    if (!paths) return report(paths.errors());
    std::vector<std::string> plan_calendars;
    auto plan = read_plans(*paths, cal, &plan_calendars);
    if (!plan) return report(plan.errors());
    // The county view (plans of included calendars): a municipal plan holds
    // the municipality's dates, not the county's own events, so the check is
    // partial (docs/check.md).
    if (std::any_of(plan_calendars.begin(), plan_calendars.end(),
                    [&](const std::string& id) { return id != cal.id; }))
        options.partial = true;
    if (command.year) {
        std::erase_if(plan->entries,
                      [&](const plan_entry& e) { return e.cycle_year != *command.year; });
        if (plan->entries.empty())
            return report(
                {{fmt::format("no occurrence of cycle year {} in the plan", *command.year),
                  plan->where}});
    }

    // The library runs every checker and applies the policy (check_host.hpp).
    const check_report report = run_checks(plugins, cal, *plan, options, command.strict);
    const findings& found = report.found;
    check_summary base;
    base.calendar_id = cal.id;
    base.plans = *paths;
    base.today = command.today;
    base.strict = command.strict;
    base.occurrences = plan->entries.size();
    const check_summary s = summarize(found, base);
    const check_context context{cal.id, *paths, command.today, command.strict,
                                plan->entries.size()};
    // Plans of included calendars: the county view (docs/check.md).
    const auto county =
        make_county_view(cal, *plan, *paths, plan_calendars, found, command.strict);
    const county_view* view = county ? &*county : nullptr;
    std::string text = command.format == "json"     ? county_json(format_check_json(report, context), view)
                       : command.format == "github" ? format_github(found, s, view)
                       : command.format == "junit"  ? format_junit(found, s, view)
                                                    : format_text(found, s, view);
    std::cout << text << std::flush;
    return s.exit_code;
}

}  // namespace cycle::cli
