// plan_file.hpp — a plan file: the real dates an organisation fixes for its
// occurrences (docs/plan-format.md).
//
//   calendar = "nya-perspektiv-2025-2028"
//
//   [[occurrence]]
//   event = "local-dialogue"
//   member = "eda"
//   year = 2026            # the cycle year it belongs to
//   date = 2026-10-12
//   start = "13:00"
//   duration = "3h"
//
// Reading checks every entry against the calendar (event, member, year,
// dates, times) and reports each problem with file, line and column.
// write_plan_file writes any plan in this form, so that reading it back gives
// the same plan.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/error.hpp"
#include "cycle/occurrence.hpp"

namespace cycle {

// What a plan file says about one occurrence: its identity, and the fields
// the file gives (end, start and duration may be left out).
struct plan_entry : occurrence_id {
    date::sys_days date;
    std::optional<date::sys_days> end_date;
    std::optional<std::chrono::minutes> start_time;
    std::optional<std::chrono::minutes> duration;
    occurrence_status status = occurrence_status::planned;
    // status = "proposed": a date the planner may move (`cycle plan --plan`
    // re-plans it around the confirmed and held ones). "confirmed" (and the
    // older word "planned", and no status) is a fixed date not yet held.
    bool proposed = false;
    std::string note;
    std::vector<waiver> waivers;
    source_region where;
};

// The entry's status in the plan file's words: "proposed", "confirmed"
// (also for no status and the older "planned"), "held" or "cancelled".
const char* status_word(const plan_entry& e);

struct plan_file {
    std::string calendar_id;
    std::vector<plan_entry> entries;
    source_region where;
};

// What a plan file can hold (docs/limits.md). A timed occurrence lasts from
// one minute to 14 days. Its dates lie in 2005–2200 and at most
// max_years_from_cycle_year years from its cycle year (a year_offset of
// up to 10, and a little more for relative rules); a multi-day occurrence
// spans at most max_span_days days.
inline constexpr std::chrono::minutes min_plan_duration{1};
inline constexpr std::chrono::minutes max_plan_duration{14 * 24 * 60};
inline constexpr int max_years_from_cycle_year = 11;
inline constexpr int max_span_days = 366;

// Why an entry's date or end cannot be in a plan file, if it cannot; the
// message starts with the key it is about ("date ..." or "end ...").
std::optional<std::string> plan_dates_problem(const plan_entry& entry);

result<plan_file> load_plan_file(const std::filesystem::path& path, const calendar& cal);
result<plan_file> load_plan_string(std::string_view toml, std::string_view name,
                                   const calendar& cal);
namespace detail {
// The same through toml++ always: load_plan_string reads a plan of the plain
// shape `cycle` writes without a TOML tree, and every other plan (and any
// plan with an error) through this. Tests hold the two equal.
result<plan_file> load_plan_string_toml(std::string_view toml, std::string_view name,
                                        const calendar& cal);
}  // namespace detail

// The occurrence a plan entry fixes: its identity and the fields the file
// gives, `fixed` set; an end left out is the start day, a duration left out
// is zero (the planner puts in the event's own, see planning.md).
occurrence occurrence_of(const plan_entry& entry);

// The plan file with only its fixed dates: the confirmed, held and
// cancelled entries, not the proposed ones (what `cycle plan --plan` gives
// the planner).
plan_file fixed_entries(const plan_file& pf);

struct plan;
// The plan as a plan file. Occurrences the planner proposed (not `fixed`)
// are written with status = "proposed"; the others as they are.
std::string write_plan_file(const calendar& cal, const plan& p);
// One occurrence as write_plan_file writes it: a "# Title (v. 41)" comment
// line, then its [[occurrence]] table.
std::string plan_file_entry(const calendar& cal, const occurrence& o);

}  // namespace cycle
