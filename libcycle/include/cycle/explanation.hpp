// explanation.hpp — why the planner put an occurrence on its day, kept as
// facts (the constraints that narrowed its days, how the day was picked,
// the days passed over) and put into words only when someone asks:
// explain(cal, o) for `cycle plan --explain` and the JSON "explanation".
//
//   explain(cal, o)  // "window 2026-05-01 – 2026-05-31 (May); first working
//                    //  day from the start of the window"
#pragma once

#include <date/date.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cycle/rule.hpp"

namespace cycle {

struct calendar;
struct occurrence;

// How the planner picked the day.
enum class placed_by : unsigned char {
    none,               // not planned (an occurrence made by hand)
    plan_file,          // fixed by a plan file (occurrence::where)
    spans_window,       // a window event spans its window
    deadline_day,       // a deadline event marks its day
    named_day,          // the rule names one day
    first_working_day,  // the first free day from the preferred end
    spread,             // per-member: spread over the window under caps
    offset,             // relative: the anchor's day plus the offset
};

// One constraint that narrowed the days: its rule id ("outside-window" for
// the window, "deadline-missed", "precedence") and its days.
struct narrowing {
    std::string_view rule;
    day_window days;       // the window; the deadline {day, day}; precedence {first allowed day, predecessor's last day}
    std::string event;     // precedence: the predecessor
    unsigned gap_days = 0; // precedence
};

// A day passed over, and why (a holiday's name, "Saturday", a closure).
struct passed_day {
    date::sys_days day;
    std::string why;
};

struct placement_facts {
    placed_by how = placed_by::none;
    std::vector<narrowing> narrowed;   // in the order they were applied
    std::vector<passed_day> passed;    // first_working_day: the first four; offset: all
    std::size_t passed_count = 0;      // first_working_day: how many in all
    std::string named_day_note;        // named_day: why the day is not free, or ""
    // named_day, deadline_day: the day the rule names when on_day_off moved
    // the occurrence off it, and why that day is off ("Alla helgons dag").
    std::optional<date::sys_days> moved_from;
    std::string moved_why;
    // spread
    day_window spread_over{};
    date::sys_days target{};
    long slot = 0;  // 1-based
    long slots = 0;
    bool used_buffer = false;
    // offset
    date::sys_days anchor{};
    date::sys_days raw{};

    bool empty() const { return how == placed_by::none; }
};

// The facts in words, as `cycle plan --explain` prints them.
std::string explain(const calendar& cal, const occurrence& o);
// One narrowing in words: "window 2026-05-01 – 2026-05-31 (May)",
// "deadline 2026-10-31", "after seminar (last 2026-05-20, gap 14 days)".
std::string describe(const calendar& cal, const std::string& event, const narrowing& n);

}  // namespace cycle
