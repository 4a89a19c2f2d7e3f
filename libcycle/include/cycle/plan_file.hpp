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
    std::string note;
    std::vector<waiver> waivers;
    source_region where;
};

struct plan_file {
    std::string calendar_id;
    std::vector<plan_entry> entries;
    source_region where;
};

result<plan_file> load_plan_file(const std::filesystem::path& path, const calendar& cal);
result<plan_file> load_plan_string(std::string_view toml, std::string_view name,
                                   const calendar& cal);

// The occurrence a plan entry fixes: its identity and the fields the file
// gives, `fixed` set; an end left out is the start day, a duration left out
// is zero (the planner puts in the event's own, see planning.md).
occurrence occurrence_of(const plan_entry& entry);

struct plan;
// The plan as a plan file: every occurrence fixed.
std::string write_plan_file(const calendar& cal, const plan& p);

}  // namespace cycle
