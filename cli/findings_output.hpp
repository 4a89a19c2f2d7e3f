// findings_output.hpp — what `cycle check` prints (docs/check.md): text for
// terminals, GitHub workflow commands, JUnit XML and JSON. Each takes the
// findings in the order given (already sorted) and the summary. JSON is the
// library's own (cycle/check_host.hpp, format_check_json), shared with the C API.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "county_view.hpp"
#include "cycle/finding.hpp"

namespace cycle::cli {

struct check_summary {
    std::string calendar_id;
    std::vector<std::string> plans;  // the plan files, as given
    std::optional<std::string> today;
    bool strict = false;
    std::size_t occurrences = 0;  // plan entries checked
    std::size_t errors = 0, warnings = 0, notes = 0, waived = 0;
    int exit_code = 0;
};

// Counts the findings and decides the exit status: 1 for an error, or for a
// warning with --strict; waived findings and notes never fail.
check_summary summarize(const findings& found, check_summary base);

// The county view (county_view.hpp), when there is one, is the table before
// the summary line, in text and in GitHub's log, and a test suite of its own
// in JUnit.
// "plans/2026.toml:41:1: error: message [rule]" lines, then the summary.
std::string format_text(const findings& found, const check_summary& s,
                        const county_view* county = nullptr);
// "::error file=…,line=…,col=…,title=…::message" annotations, then the summary.
std::string format_github(const findings& found, const check_summary& s,
                          const county_view* county = nullptr);
std::string format_junit(const findings& found, const check_summary& s,
                         const county_view* county = nullptr);

}  // namespace cycle::cli
