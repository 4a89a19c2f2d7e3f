// wheel_layout.hpp — where everything of one cycle year's wheel goes: month
// sectors starting at the calendar's first month, a ring per body or layer,
// lanes for items that overlap in time, and labels in two columns beside
// the wheel that never overprint each other (docs/publish.md, "The wheel").
//
// Pure geometry: no SVG here (wheel_svg.cpp draws a layout). Units are the
// SVG's user units on an A4 page of 1050 × 1485 (5 per millimetre).
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/occurrence.hpp"
#include "cycle/texts.hpp"

namespace cycle::svg {

inline constexpr double page_width = 1050;
inline constexpr double page_height = 1485;

struct box {
    double x = 0, y = 0, w = 0, h = 0;
    bool intersects(const box& o) const {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }
};

// One drawn item: an occurrence, or the per-member occurrences of one event
// (17 local dialogues are one arc from the first to the last).
struct item {
    std::string title;  // for the label and the text alternative
    std::string when;   // "12 maj", "1 sep–31 okt"
    date::sys_days first, last;
    std::optional<date::sys_days> deadline;
    event_kind kind = event_kind::meeting;
    std::size_t ring = 0;
    std::size_t lane = 0;
    double angle_first = 0, angle_last = 0;  // degrees clockwise from 12 o'clock
    bool arc = false;                        // a window (arc) or a day (marker)
    // The label: its lines (none when a crowded year has no room for it: the
    // item is then only in the text alternative), its box, the leader's ends.
    std::vector<std::string> lines;
    box label;
    bool right = true;                  // which column
    double anchor_x = 0, anchor_y = 0;  // where the leader leaves the wheel
};

struct ring {
    std::string name;
    std::size_t lanes = 1;
    double inner = 0, outer = 0;  // radii
};

struct layout {
    double cx = page_width / 2, cy = 655;
    double hub = 70;           // radius of the centre with the year
    double rings_outer = 236;  // outer radius of the outermost ring
    double months_outer = 268;
    date::sys_days start;                  // first day of the first month sector
    date::sys_days end;                    // first day after the twelfth
    std::vector<std::string> month_names;  // 12, from the first month
    std::vector<ring> rings;
    std::vector<item> items;
    double font_size = 12;
    double line_height = 14.5;
    std::optional<double> today_angle;

    double angle_of(date::sys_days d) const;
    double ring_radius(const item& i, double fraction) const;  // 0 inner edge .. 1 outer
};

// The first month of a calendar's wheel: the earliest month any dated rule
// names, counting year_offset (August for the 2023 wheel).
date::year_month first_month(const calendar& cal, int cycle_year);

layout make_layout(const calendar& cal, const std::vector<occurrence>& occurrences, int cycle_year,
                   std::optional<date::sys_days> today, const texts& t);

}  // namespace cycle::svg
