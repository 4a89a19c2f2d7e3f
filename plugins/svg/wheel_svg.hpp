// wheel_svg.hpp — draws a wheel layout as a standalone SVG document: one A4
// page, <title> and <desc> (the desc lists every item: the text alternative
// for screen readers), no external references, no scripts.
#pragma once

#include <optional>
#include <string>

#include "cycle/calendar.hpp"
#include "cycle/texts.hpp"
#include "wheel_layout.hpp"

namespace cycle::svg {

struct wheel_heading {
    std::string title;     // the calendar's title
    std::string subtitle;  // "Cykelår 3 av 4 · 2027 · Eda kommun"
    std::optional<date::sys_days> today;
};

std::string draw(const layout& l, const wheel_heading& h, const texts& t);

}  // namespace cycle::svg
