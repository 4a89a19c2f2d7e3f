// county_view.hpp — `cycle check` over the plans of calendars the checked
// calendar includes (docs/check.md, "The county view"): one table of which
// plan keeps and which breaks which of the county's events.
//
//   cycle check --partial --calendar county.toml plans/*/2026.toml
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/finding.hpp"
#include "cycle/plan.hpp"

namespace cycle::cli {

struct county_cell {
    std::string status;              // "keeps", "warns", "breaks", or "-" (not in the plan)
    std::vector<std::string> rules;  // the rules of the findings, sorted, once each
};

struct county_row {
    std::string plan;                // the plan file, as given
    std::string calendar_id;         // the included calendar the plan is for
    std::vector<county_cell> cells;  // one per event of the view
};

struct county_view {
    std::vector<std::string> events;  // the county's events the plans date, calendar order
    std::vector<county_row> rows;     // the plans of included calendars, as given
};

// The view, when some plan is for a calendar `cal` includes; none otherwise.
// `calendar_ids` is one per path of `plans`. A cell breaks on an error not
// waived (or a warning with `strict`), warns on a warning.
std::optional<county_view> make_county_view(const calendar& cal, const plan_file& plan,
                                            const std::vector<std::string>& plans,
                                            const std::vector<std::string>& calendar_ids,
                                            const findings& found, bool strict);

// The table, aligned in columns, after a blank line.
std::string format_county_text(const county_view& v);
// One JUnit test suite "county view": a case per plan × event.
std::string format_county_junit_suite(const county_view& v, std::size_t& tests,
                                      std::size_t& failures);

}  // namespace cycle::cli
