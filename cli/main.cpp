// cycle — plans, feeds and checks for a multi-year meeting wheel (årshjul).
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cycle/builtin_plugins.hpp"
#include "commands.hpp"
#include "complete_command.hpp"
#include "external_plugins.hpp"
#include "schema_command.hpp"

namespace {

// --calendar FILE: every command that reads a calendar.
void add_calendar_option(CLI::App& cmd, std::string& file) {
    cmd.add_option("--calendar", file,
                   "Calendar TOML file (default: the one cycle.toml names, found in this "
                   "directory or a parent; else the built-in wheel)")
        ->check(CLI::ExistingFile);
}

// --calendar, --plan, --year | --cycle, --audience: shared by plan and export.
void add_plan_inputs(CLI::App& cmd, cycle::cli::plan_inputs& in) {
    add_calendar_option(cmd, in.calendar_file);
    cmd.add_option("--plan", in.plan_files,
                   "Plan TOML file with fixed dates (docs/plan-format.md); repeatable, e.g. one "
                   "file per year")
        ->check(CLI::ExistingFile);
    auto* year = cmd.add_option("--year", in.year, "Cycle year, e.g. 2026 (default: the current one)");
    cmd.add_flag("--cycle", in.whole_cycle, "Every year of the cycle")->excludes(year);
    cmd.add_option("--audience", in.audience, "Only what concerns this body, e.g. eda or vror");
}

// --calendar, --plan..., --base-url, --today: shared by publish and serve.
void add_publish_inputs(CLI::App& cmd, cycle::cli::publish_inputs& in) {
    add_calendar_option(cmd, in.calendar_file);
    cmd.add_option("--plan", in.plan_files, "Plan TOML files with fixed dates; repeatable")
        ->check(CLI::ExistingFile);
    cmd.add_option("--base-url", in.base_url,
                   "Where the site will be hosted, e.g. https://example.se/arshjul/ (for subscribe links)");
    cmd.add_option("--today", in.today, "The day the site shows as today, YYYY-MM-DD (default: today)");
}

}  // namespace

int main(int argc, char** argv) {
    using namespace cycle::cli;
    CLI::App app{
        "cycle: a multi-year meeting wheel (årshjul) as dated plans.\n"
        "With no --calendar, the calendar a project file (cycle.toml, in this directory or a\n"
        "parent; docs/project.md) names is used, else the built-in Nya perspektiv 2025–2028 wheel.",
        "cycle"};
    app.set_version_flag("--version", std::string("cycle ") + CYCLE_VERSION);
    app.require_subcommand(1);
    // Global options (--plugin-dir) may also come after the subcommand:
    // subcommands made after this pass what they do not know to the app.
    app.fallthrough();

    std::vector<std::string> plugin_dirs;
    app.add_option("--plugin-dir", plugin_dirs,
                   "Load the plugin libraries (*.so) in this directory; repeatable. "
                   "CYCLE_PLUGIN_PATH (dir:dir:...) is searched after them")
        ->check(CLI::ExistingDirectory);

    plan_command plan;
    auto* plan_cmd = app.add_subcommand("plan", "Print the dated plan of a cycle year or the whole cycle");
    add_plan_inputs(*plan_cmd, plan.inputs);
    plan_cmd->add_option("--format", plan.format, "Output format")
        ->check(CLI::IsMember({"table", "json", "plan"}))
        ->capture_default_str();
    plan_cmd->add_flag("--explain", plan.explain,
                       "Say why each occurrence is on its day, and in which term of office each "
                       "body with terms sits (table format)");
    plan_cmd->add_option("--out", plan.out, "Write to this file instead of standard output")
        ->capture_default_str();
    plan_cmd->add_flag("--force", plan.force, "With --format plan: replace an existing plan file");
    plan_cmd->add_flag("--update", plan.update,
                       "Rewrite the --plan files in place: each proposed date becomes the plan's, "
                       "and occurrences no file has are added as proposed, by editing lines only "
                       "(comments and order kept; docs/plan-format.md)");
    plan_cmd->add_flag("--assumptions", plan.assumptions,
                       "List the calendar's guesses (assumed = \"why\": of events, closures and "
                       "terms of office) to confirm: why, the source each was inferred from, and "
                       "the plan's preliminary dates")
        ->excludes("--explain")
        ->excludes("--update");

    export_command exp;
    auto* export_cmd = app.add_subcommand("export", "Write the plan through an exporter plugin (see 'cycle plugins')");
    export_cmd->add_option("format", exp.format, "Exporter name, e.g. ics or json")->required();
    add_plan_inputs(*export_cmd, exp.inputs);
    export_cmd->add_option("--out", exp.out, "Write to this file (or, with --all-audiences, directory) "
                                             "instead of standard output")
        ->capture_default_str();
    export_cmd->add_flag("--all-audiences", exp.all_audiences,
                         "One output for everything (all.FORMAT) and one per body (e.g. eda.FORMAT) "
                         "in the --out directory")
        ->excludes("--audience");
    export_cmd->add_option("--param", exp.parameters,
                           "key=value passed to the exporter; ics: refresh=12h, alarm=deadline:14d "
                           "(repeatable; alarm=none for no reminders)");
    export_cmd->footer(
        "Feeds: cycle export ics --cycle --all-audiences --out out/feeds\n"
        "  writes out/feeds/all.ics, one feed per body (eda.ics, vror.ics, ...) and\n"
        "  out/feeds/feed-state.tsv, which keeps SEQUENCE and LAST-MODIFIED between\n"
        "  publishes (docs/feeds.md). SOURCE_DATE_EPOCH fixes DTSTAMP.");

    import_command imp;
    auto* import_cmd = app.add_subcommand("import", "Read a calendar file (e.g. an .ics export) into a plan file");
    import_cmd->add_option("format", imp.format, "Importer name, e.g. ics")->required();
    import_cmd->add_option("file", imp.file, "The file to read, e.g. export.ics")->required()->check(CLI::ExistingFile);
    add_calendar_option(*import_cmd, imp.calendar_file);
    import_cmd->add_option("--out", imp.out, "Write the plan file here instead of standard output")
        ->capture_default_str();
    import_cmd->add_flag("--force", imp.force, "Replace an existing file at --out (it may hold dates fixed by hand)");
    import_cmd->footer(
        "Events are matched to the calendar by X-CYCLE-OCCURRENCE, then UID, then title\n"
        "(docs/feeds.md). Events that match nothing are listed on standard error and at\n"
        "the end of the plan file, never dropped silently.");

    auto* plugins_cmd = app.add_subcommand("plugins", "List the loaded plugins: kind, version and origin");

    holidays_command holidays;
    auto* holidays_cmd = app.add_subcommand(
        "holidays",
        "List the public holidays and days off of a year: those the calendar names "
        "(holidays = \"se\", Swedish, by default)");
    holidays_cmd->add_option("--year", holidays.year, "Year (Swedish holidays: 2005–2200)")
        ->required();
    add_calendar_option(*holidays_cmd, holidays.calendar_file);
    holidays_cmd->add_option("--format", holidays.format, "Output format")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();

    mark_command mark;
    auto* mark_cmd = app.add_subcommand(
        "mark",
        "Set the status of occurrences in a plan file (e.g. held), editing only their "
        "status lines: cycle mark held seminar/2026 --plan plans/2026.toml");
    mark_cmd->add_option("status", mark.status, "proposed, confirmed, held or cancelled")
        ->check(CLI::IsMember({"proposed", "confirmed", "held", "cancelled"}))
        ->required();
    mark_cmd->add_option("ids", mark.ids, "Occurrence ids: seminar/2026, local-dialogue/eda/2026")
        ->required();
    mark_cmd->add_option("--plan", mark.plan_file, "The plan file to edit (written atomically)")
        ->check(CLI::ExistingFile)
        ->required();
    add_calendar_option(*mark_cmd, mark.calendar_file);

    check_command check;
    auto* check_cmd = app.add_subcommand(
        "check", "Check plan files against the calendar's rules (docs/check.md).\n"
                 "Exit status: 0 clean or warnings only, 1 errors (or warnings with --strict), "
                 "2 unreadable input");
    check_cmd->add_option("plans", check.plans,
                          "Plan TOML files; - reads standard input (default: the plans folder of "
                          "cycle.toml)");
    add_calendar_option(*check_cmd, check.calendar_file);
    check_cmd->add_option("--year", check.year, "Check only this cycle year's occurrences, e.g. 2026");
    check_cmd->add_option("--today", check.today,
                          "Also report deadlines passed before this day (YYYY-MM-DD) and not marked held");
    check_cmd->add_option("--format", check.format, "Output: text, json, github (workflow annotations), junit")
        ->check(CLI::IsMember({"text", "json", "github", "junit"}))
        ->capture_default_str();
    check_cmd->add_flag("--strict", check.strict, "Fail (exit 1) on warnings too");
    check_cmd->add_flag("--partial", check.partial,
                        "The plans fix only some dates (e.g. one municipality's): do not report "
                        "required occurrences absent from them");

    diff_command diff;
    auto* diff_cmd = app.add_subcommand(
        "diff", "List occurrences added, removed, moved or with a new status between two plans.\n"
                "Either may be - (standard input): git show HEAD~1:plan.toml | cycle diff - plan.toml");
    diff_cmd->add_option("old", diff.old_plan, "The old plan file, or -")->required();
    diff_cmd->add_option("new", diff.new_plan, "The new plan file, or -")->required();
    add_calendar_option(*diff_cmd, diff.calendar_file);
    diff_cmd->add_option("--format", diff.format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();

    due_command due;
    auto* due_cmd = app.add_subcommand(
        "due",
        "List what takes place or falls due in the next days; with plan files, also what is "
        "overdue: deadlines missed, and what is past but not marked held (cycle mark held)");
    due_cmd->add_option("plans", due.plans,
                        "Plan TOML files with fixed dates and statuses; - reads standard input "
                        "(default: the plans folder of cycle.toml)");
    add_calendar_option(*due_cmd, due.calendar_file);
    due_cmd->add_option("--within", due.within, "How far ahead: 30d, 6w")->capture_default_str();
    due_cmd->add_option("--today", due.today, "The day to count from, YYYY-MM-DD (default: today)");
    due_cmd->add_option("--audience", due.audience, "Only what concerns this body, e.g. eda");
    due_cmd->add_option("--format", due.format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();

    publish_command publish;
    auto* publish_cmd = app.add_subcommand(
        "publish", "Write the static site of the whole cycle: pages, feeds, plan.json, wheels (docs/publish.md)");
    add_publish_inputs(*publish_cmd, publish.inputs);
    publish_cmd->add_option("--out", publish.out, "The site directory (replaced whole, atomically)")->required();

    serve_command serve;
    auto* serve_cmd = app.add_subcommand(
        "serve", "Serve a published site for preview; with --calendar or --plan, publish it first and again "
                 "whenever those files change. Stops cleanly on SIGTERM or Ctrl-C");
    serve_cmd->add_option("dir", serve.dir, "The site directory")->required();
    add_publish_inputs(*serve_cmd, serve.inputs);
    serve_cmd->add_option("--port", serve.port, "TCP port; 0 picks a free one")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    serve_cmd->add_option("--bind", serve.bind, "Address to listen on")->capture_default_str();
    serve_cmd->add_option("--threads", serve.threads, "Requests served at once")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();

    schema_command schema;
    auto* schema_cmd = app.add_subcommand(
        "schema",
        "Print the JSON Schema of the calendar, plan or project file (cycle.toml) "
        "format, for editors (docs/install.md)");
    schema_cmd->add_option("format", schema.format, "Which format")
        ->check(CLI::IsMember({"calendar", "plan", "project"}))
        ->required();

    // Hidden: what the bash completion offers (complete_command.hpp).
    complete_command complete;
    auto* complete_cmd = app.add_subcommand("complete", "Completion candidates for the shell");
    complete_cmd->group("");
    complete_cmd->add_option("--current", complete.current, "The word being completed");
    complete_cmd->add_option("words", complete.words, "The words before it");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int status = app.exit(e);
        return status == 0 ? exit_ok : exit_bad_input;
    }

    cycle::registry plugins;
    cycle::add_builtin_plugins(plugins);
    load_external_plugins(plugins, plugin_dirs, std::getenv("CYCLE_PLUGIN_PATH"));

    const auto run_command = [&]() -> int {
        if (*plan_cmd) return run_plan(plugins, plan);
        if (*export_cmd) return run_export(plugins, exp);
        if (*import_cmd) return run_import(plugins, imp);
        if (*plugins_cmd) return run_plugins(plugins);
        if (*holidays_cmd) return run_holidays(plugins, holidays);
        if (*mark_cmd) return run_mark(mark);
        if (*check_cmd) return run_check(plugins, check);
        if (*diff_cmd) return run_diff(diff);
        if (*due_cmd) return run_due(plugins, due);
        if (*publish_cmd) return run_publish(plugins, publish);
        if (*serve_cmd) return run_serve(plugins, serve);
        if (*schema_cmd) return run_schema(schema);
        if (*complete_cmd) return run_complete(app, plugins, complete);
        return exit_bad_input;
    };
    // Plugin code that throws (plugin.hpp: call_plugin) is bad input from
    // that plugin: its message at its library, exit 2, and nothing written,
    // since every command writes only after its plugins returned.
    try {
        return run_command();
    } catch (const cycle::plugin_error& e) {
        std::cerr << e.located().to_string() << '\n';
        return exit_bad_input;
    } catch (const std::exception& e) {
        std::cerr << "error: internal error: " << e.what() << " (please report it)\n";
        return exit_bad_input;
    }
}
