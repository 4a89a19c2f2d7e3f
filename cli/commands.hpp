// commands.hpp — the subcommands of `cycle`. Each returns the exit status:
// 0 success, 1 the plan cannot be made as asked (check: rules broken),
// 2 bad input or usage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cycle/plugin.hpp"

namespace cycle::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_unsatisfiable = 1;
inline constexpr int exit_bad_input = 2;

// What every planning command reads: a calendar, plan files (e.g. one per
// year), and which years.
struct plan_inputs {
    std::string calendar_file;  // empty: the built-in default
    std::vector<std::string> plan_files;  // fixed dates, joined; none: nothing fixed
    std::optional<int> year;    // none: the current cycle year
    bool whole_cycle = false;
    std::string audience;       // empty: everything
};

struct plan_command {
    plan_inputs inputs;
    std::string format = "table";
    bool explain = false;
    bool assumptions = false;  // list the calendar's guesses instead of the plan
    std::string out = "-";
    bool force = false;  // replace an existing plan file
    bool update = false;  // rewrite the --plan files' proposed dates in place
};
int run_plan(const registry& plugins, const plan_command& command);

// cycle mark STATUS ID... --plan FILE: edits the status line of occurrences
// in a plan file, nothing else (plan_edit.hpp).
struct mark_command {
    std::string status;            // proposed | confirmed | held | cancelled
    std::vector<std::string> ids;  // "seminar/2026", "local-dialogue/eda/2026"
    std::string plan_file;
    std::string calendar_file;
};
int run_mark(const mark_command& command);

struct export_command {
    plan_inputs inputs;
    std::string format;
    std::string out = "-";
    bool all_audiences = false;  // --out is a directory: one output for all, one per body
    std::vector<std::string> parameters;
};
int run_export(const registry& plugins, const export_command& command);

struct import_command {
    std::string format;
    std::string file;
    std::string calendar_file;  // empty: the built-in default
    std::string out = "-";
    bool force = false;  // replace an existing plan file
};
int run_import(const registry& plugins, const import_command& command);

int run_plugins(const registry& plugins);

// The public holidays and days off the calendar's provider gives for a year
// (`holidays = "se"`: the Swedish ones).
struct holidays_command {
    int year = 0;
    std::string calendar_file;  // empty: the built-in default
    std::string format = "table";
};
int run_holidays(const registry& plugins, const holidays_command& command);

// cycle check: exit 0 clean or warnings only, 1 errors (or warnings with
// --strict), 2 a plan or the calendar could not be read (docs/check.md).
struct check_command {
    std::vector<std::string> plans;  // paths, or "-" for standard input
    std::string calendar_file;       // empty: the built-in default
    std::optional<int> year;         // only this cycle year's entries
    std::optional<std::string> today;
    std::string format = "text";     // text | json | github | junit
    bool strict = false;
    bool partial = false;            // the plans fix only some dates
};
int run_check(const registry& plugins, const check_command& command);

// cycle diff OLD NEW: occurrences added, removed, moved; exit 0, or 2 when a
// plan cannot be read.
struct diff_command {
    std::string old_plan;  // path, or "-" for standard input
    std::string new_plan;
    std::string calendar_file;
    std::string format = "text";  // text | json
};
int run_diff(const diff_command& command);

// cycle due: what takes place or falls due from today to today + within.
struct due_command {
    std::vector<std::string> plans;  // optional: fixed dates and what was held
    std::string calendar_file;
    std::string within = "30d";
    std::optional<std::string> today;  // none: today in the calendar's zone
    std::string audience;
    std::string format = "text";  // text | json
};
int run_due(const registry& plugins, const due_command& command);

// What cycle publish and cycle serve read: a calendar, plan files (joined),
// the base URL for subscribe links and the day the site shows as today.
struct publish_inputs {
    std::string calendar_file;            // empty: the built-in default
    std::vector<std::string> plan_files;  // fixed dates; may be empty
    std::string base_url;                 // empty: relative links only
    std::optional<std::string> today;     // YYYY-MM-DD; none: today in the calendar's zone
};

// cycle publish --out DIR: the static site of the whole cycle (docs/publish.md).
struct publish_command {
    publish_inputs inputs;
    std::string out;
};
int run_publish(const registry& plugins, const publish_command& command);
// Publishes once; the exit status. `quiet`: no summary line.
int publish_site(const registry& plugins, const publish_inputs& in, const std::string& out, bool quiet);

// cycle serve DIR: the preview server; publishes and republishes DIR when
// given a calendar or plan files.
struct serve_command {
    publish_inputs inputs;
    std::string dir;
    std::string bind = "127.0.0.1";
    int port = 8000;
    std::size_t threads = 4;
};
int run_serve(const registry& plugins, const serve_command& command);

}  // namespace cycle::cli
