// cycle — plans, feeds and checks for a multi-year meeting wheel (årshjul).
#include <CLI/CLI.hpp>

#include <iostream>

#include "commands.hpp"

int main(int argc, char** argv) {
    using namespace cycle::cli;
    CLI::App app{"cycle: a multi-year meeting wheel (årshjul) as dated plans.\n"
                 "With no --calendar, the built-in Nya perspektiv 2025–2028 wheel is used.",
                 "cycle"};
    app.set_version_flag("--version", std::string("cycle ") + CYCLE_VERSION);
    app.require_subcommand(1);

    plan_command plan;
    auto* plan_cmd = app.add_subcommand("plan", "Print the dated plan of a cycle year or the whole cycle");
    plan_cmd->add_option("--calendar", plan.calendar_file, "Calendar TOML file (default: the built-in wheel)")
        ->check(CLI::ExistingFile);
    plan_cmd->add_option("--plan", plan.plan_file, "Plan TOML file with fixed dates (docs/plan-format.md)")
        ->check(CLI::ExistingFile);
    auto* year_opt = plan_cmd->add_option("--year", plan.year, "Cycle year to plan, e.g. 2026 (default: the current one)");
    plan_cmd->add_flag("--cycle", plan.whole_cycle, "Plan every year of the cycle")->excludes(year_opt);
    plan_cmd->add_option("--audience", plan.audience, "Only what concerns this body, e.g. eda or vror");
    plan_cmd->add_option("--format", plan.format, "Output format")
        ->check(CLI::IsMember({"table", "json", "plan"}))
        ->capture_default_str();
    plan_cmd->add_flag("--explain", plan.explain, "Say why each occurrence is on its day (table format)");
    plan_cmd->add_option("--out", plan.out, "Write to this file instead of standard output")
        ->capture_default_str();

    holidays_command holidays;
    auto* holidays_cmd = app.add_subcommand("holidays", "List Swedish public holidays and days off of a year");
    holidays_cmd->add_option("--year", holidays.year, "Year, 2005–2200")->required();
    holidays_cmd->add_option("--format", holidays.format, "Output format")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int status = app.exit(e);
        return status == 0 ? exit_ok : exit_bad_input;
    }
    if (*plan_cmd) return run_plan(plan);
    if (*holidays_cmd) return run_holidays(holidays);
    return exit_bad_input;
}
