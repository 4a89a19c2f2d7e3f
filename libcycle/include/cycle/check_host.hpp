// check_host.hpp — runs every checker of a registry on a plan file and
// applies the check policy once, for all of them (docs/check.md):
//
//   - each checker declares its rules (id, default level, description) and
//     returns violations; the host gives each its level: the calendar's
//     [checks] entry, else the rule's default; "off" drops it;
//   - a plan entry's waiver ([[occurrence.waive]], with its reason) marks the
//     findings of that rule for that occurrence as waived;
//   - rule ids in [checks] and in waivers that no checker declares are
//     `unknown-rule` (a warning: every loaded checker's catalogue is known),
//     waivers no finding used are `unused-waiver`;
//   - findings are sorted by place, then rule and message; the exit status is
//     1 for an error, or with `strict` for a warning too.
//
//   auto report = cycle::run_checks(plugins, cal, plan_file, {.today = {}, .partial = false});
//   std::cout << cycle::format_check_json(report, {.calendar_id = cal.id});
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/finding.hpp"
#include "cycle/plan_file.hpp"
#include "cycle/plugin.hpp"

namespace cycle {

// The host's own rules: unknown-rule and unused-waiver.
const std::vector<rule_info>& host_rules();

struct check_report {
    findings found;  // levels applied, waivers marked, sorted
    std::size_t errors = 0, warnings = 0, notes = 0, waived = 0;
    int exit_code = 0;  // 1: an error (or with strict a warning) not waived
};

// Every checker of `plugins` on `plan`, under the calendar's [checks].
check_report run_checks(const registry& plugins, const calendar& cal, const plan_file& plan,
                        const check_options& options, bool strict = false);

// The policy alone, on findings already made (run_checks uses it): levels,
// waivers, unknown rule ids, unused waivers, order and counts. `rules` is
// every checker's catalogue.
check_report apply_check_policy(findings found, const std::vector<rule_info>& rules,
                                const calendar& cal, const plan_file& plan, bool strict);

// What a JSON report says besides the findings (docs/check.md, "JSON").
struct check_context {
    std::string calendar_id;
    std::vector<std::string> plans;  // the plan files, as given
    std::optional<std::string> today;
    bool strict = false;
    std::size_t occurrences = 0;  // plan entries checked
};

// The one JSON shape of a check (schema "cycle-check/1"), for the CLI and
// the C API alike, ending in a newline.
std::string format_check_json(const check_report& report, const check_context& context);

}  // namespace cycle
