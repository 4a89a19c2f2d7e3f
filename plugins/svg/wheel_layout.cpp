#include "wheel_layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <tuple>

#include "cycle/plan.hpp"

namespace cycle::svg {
namespace {

using date::sys_days;

constexpr double column_top = 130;
constexpr double column_bottom = 1185;
constexpr double column_gap = 30;     // between the month band and a column
constexpr double margin = 20;         // page edge
constexpr double label_gap = 5;       // between two labels of a column
constexpr double char_width = 0.62;   // of the font size: generous for DejaVu Sans
constexpr double marker_degrees = 5;  // how much of the circle a day marker needs

std::string range_text(const texts& t, sys_days first, sys_days last) {
    if (first == last) return day_month(t, first);
    date::year_month_day a{first}, b{last};
    if (a.month() == b.month())
        return fmt::format("{}–{} {}", unsigned(a.day()), unsigned(b.day()),
                           t.months_short[unsigned(a.month()) - 1]);
    return fmt::format("{} {}–{} {}", unsigned(a.day()), t.months_short[unsigned(a.month()) - 1],
                       unsigned(b.day()), t.months_short[unsigned(b.month()) - 1]);
}

// Which ring an occurrence goes in: conferences together, per-member events
// in the ring of the body whose members they are, the rest by organiser.
std::string ring_key(const calendar& cal, const occurrence& o) {
    const event_template* e = cal.find_event(o.event);
    if (e && e->kind == event_kind::conference) return "~conferences";
    if (e && e->per_member) return e->per_member->body;
    if (!o.organiser.empty()) return o.organiser;
    return "~other";
}

// Words of `text` in lines of at most `width` characters (a word longer than
// a line gets a line of its own).
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t line_chars = 0;
    std::size_t start = 0;
    auto utf8_length = [](std::string_view s) {
        return std::size_t(
            std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
    };
    while (start < text.size()) {
        auto space = text.find(' ', start);
        std::string word =
            text.substr(start, space == std::string::npos ? std::string::npos : space - start);
        start = space == std::string::npos ? text.size() : space + 1;
        if (word.empty()) continue;
        std::size_t n = utf8_length(word);
        if (line_chars > 0 && line_chars + 1 + n > width) {
            lines.push_back(line);
            line.clear();
            line_chars = 0;
        }
        line += (line_chars ? " " : "") + word;
        line_chars += (line_chars ? 1 : 0) + n;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

std::vector<item> items_of(const calendar& cal, const std::vector<occurrence>& occurrences,
                           const texts& t, std::vector<std::string>& ring_keys) {
    // Per-member occurrences of one event become one item.
    std::map<std::string, std::size_t> grouped;  // event id -> index in items
    std::vector<item> items;
    std::vector<std::size_t> members;
    for (const auto& o : occurrences) {
        if (o.status == occurrence_status::cancelled) continue;
        const event_template* e = cal.find_event(o.event);
        std::string key = ring_key(cal, o);
        std::size_t r = std::find(ring_keys.begin(), ring_keys.end(), key) - ring_keys.begin();
        if (r == ring_keys.size()) ring_keys.push_back(key);
        if (!o.member.empty()) {
            auto [it, added] = grouped.try_emplace(o.event, items.size());
            if (!added) {
                item& g = items[it->second];
                g.first = std::min(g.first, o.date);
                g.last = std::max(g.last, o.end_date);
                if (o.deadline)
                    g.deadline = std::max(g.deadline.value_or(*o.deadline), *o.deadline);
                ++members[it->second];
                continue;
            }
        }
        item i;
        i.title = o.member.empty() || !e ? title_of(cal, o) : e->title;
        i.first = o.date;
        i.last = o.end_date;
        i.deadline = o.deadline;
        i.kind = e ? e->kind : event_kind::meeting;
        i.ring = r;
        items.push_back(std::move(i));
        members.push_back(o.member.empty() ? 0 : 1);
    }
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (members[k] > 1) items[k].title += fmt::format(" ({})", members[k]);
        items[k].when = range_text(t, items[k].first, items[k].last);
        items[k].arc = items[k].last > items[k].first;
        // A deadline that is the item's own day needs no second mark.
        if (items[k].deadline && *items[k].deadline == items[k].last && !items[k].arc)
            items[k].deadline.reset();
    }
    return items;
}

// Lanes: an item goes in the first lane of its ring where it overlaps
// nothing (in degrees, a day marker counting as marker_degrees wide).
void assign_lanes(std::vector<item>& items, std::vector<ring>& rings) {
    std::vector<std::size_t> order(items.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(items[a].angle_first, items[a].angle_last) <
               std::tie(items[b].angle_first, items[b].angle_last);
    });
    std::vector<std::vector<double>> lane_ends(rings.size());  // per ring, per lane: last end angle
    for (std::size_t k : order) {
        item& i = items[k];
        double begin = i.arc ? i.angle_first : i.angle_first - marker_degrees / 2;
        double end =
            i.arc ? std::max(i.angle_last, i.angle_first + 1) : i.angle_first + marker_degrees / 2;
        auto& ends = lane_ends[i.ring];
        std::size_t lane = 0;
        while (lane < ends.size() && ends[lane] > begin - 0.5) ++lane;
        if (lane == ends.size())
            ends.push_back(end);
        else
            ends[lane] = end;
        i.lane = lane;
    }
    for (std::size_t r = 0; r < rings.size(); ++r)
        rings[r].lanes = std::max<std::size_t>(1, lane_ends[r].size());
}

// Places one column's labels: each as near its item's height as it can,
// never overlapping, inside the column. False if they do not fit.
bool place_column(std::vector<item*>& column, double line_height) {
    std::sort(column.begin(), column.end(),
              [](const item* a, const item* b) { return a->label.y < b->label.y; });
    double y = column_top;
    for (item* i : column) {
        i->label.y = std::max(i->label.y, y);
        y = i->label.y + i->label.h + label_gap;
    }
    double bottom = column_bottom;
    for (auto it = column.rbegin(); it != column.rend(); ++it) {
        item* i = *it;
        i->label.y = std::min(i->label.y, bottom - i->label.h);
        bottom = i->label.y - label_gap;
    }
    (void)line_height;
    return column.empty() || column.front()->label.y >= column_top - 0.01;
}

// For a column too full at the smallest font: every label one line (cut
// with "…"), and at most as many labels as the column holds.
void thin_column(std::vector<item*>& column, double line_height, std::size_t chars) {
    for (item* i : column) {
        if (i->lines.size() > 1) {
            std::string first = i->lines.front();
            while (!first.empty() && first.size() + 1 > chars) first.pop_back();
            while (!first.empty() && (first.back() & 0xC0) == 0x80)
                first.pop_back();  // whole characters
            if (!first.empty() && (first.back() & 0xC0) == 0xC0) first.pop_back();
            i->lines = {first + "…"};
        }
        i->label.h = line_height;
    }
    auto capacity =
        std::size_t((column_bottom - column_top + label_gap) / (line_height + label_gap));
    std::vector<item*> kept;
    for (std::size_t k = 0; k < column.size(); ++k) {
        bool keep = column.size() <= capacity ||
                    (k * capacity / column.size()) != ((k + 1) * capacity / column.size());
        if (keep && kept.size() < capacity)
            kept.push_back(column[k]);
        else
            column[k]->lines.clear();
    }
    column = kept;
    place_column(column, line_height);
}

}  // namespace

double layout::angle_of(sys_days d) const {
    double span = double((end - start).count());
    double a = 360.0 * double((d - start).count()) / span;
    return std::clamp(a, 0.0, 359.5);
}

double layout::ring_radius(const item& i, double fraction) const {
    const ring& r = rings[i.ring];
    double lane_width = (r.outer - r.inner) / double(r.lanes);
    // Lane 0 is the outer lane.
    double outer = r.outer - lane_width * double(i.lane);
    return outer - lane_width * (1 - fraction);
}

date::year_month first_month(const calendar& cal, int cycle_year) {
    // The earliest first day of the recurring events' windows (relative
    // rules have no window of their own and are skipped).
    std::optional<date::year_month> first;
    for (const auto& e : cal.events) {
        if (!e.years.every) continue;  // the recurring wheel decides its shape
        auto w = window_in(e.timing, date::year{cycle_year});
        if (!w) continue;
        date::year_month_day d{w->first};
        if (!first || d.year() / d.month() < *first) first = d.year() / d.month();
    }
    return first.value_or(date::year{cycle_year} / date::January);
}

layout make_layout(const calendar& cal, const std::vector<occurrence>& occurrences, int cycle_year,
                   std::optional<sys_days> today, const texts& t) {
    layout l;
    // The calendar's first month, or earlier when this year has something
    // before it (year 4's consultation starts in February).
    auto first = first_month(cal, cycle_year);
    for (const auto& o : occurrences) {
        date::year_month_day d{o.date};
        if (d.year() / d.month() < first) first = d.year() / d.month();
    }
    l.start = sys_days{first / 1};
    l.end = sys_days{(first + date::months{12}) / 1};
    for (int m = 0; m < 12; ++m)
        l.month_names.emplace_back(t.months[unsigned((first + date::months{m}).month()) - 1]);
    if (today && *today >= l.start && *today < l.end) l.today_angle = l.angle_of(*today);

    std::vector<std::string> keys;
    l.items = items_of(cal, occurrences, t, keys);
    // Rings: bodies in the calendar's order, then conferences, then the rest.
    auto rank = [&](const std::string& key) {
        for (std::size_t b = 0; b < cal.bodies.size(); ++b)
            if (cal.bodies[b].id == key) return b;
        return cal.bodies.size() + (key == "~conferences" ? 0 : 1);
    };
    std::vector<std::size_t> order(keys.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return rank(keys[a]) < rank(keys[b]); });
    std::vector<std::size_t> position(keys.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        position[order[k]] = k;
        const std::string& key = keys[order[k]];
        ring r;
        r.name = key == "~conferences" ? std::string(t.conferences)
                 : key == "~other"     ? std::string(t.other)
                                       : cal.body_label(key);
        l.rings.push_back(r);
    }
    for (auto& i : l.items) {
        i.ring = position[i.ring];
        i.angle_first = l.angle_of(i.first);
        i.angle_last = l.angle_of(i.last + date::days{1});
        if (!i.arc) i.angle_first = i.angle_last = l.angle_of(i.first) + 180.0 / 365.0;
    }
    assign_lanes(l.items, l.rings);
    // Ring widths in proportion to their lanes, outermost ring first.
    std::size_t lanes = 0;
    for (const auto& r : l.rings) lanes += r.lanes;
    double outer = l.rings_outer;
    double lane_width = (l.rings_outer - l.hub) / double(std::max<std::size_t>(lanes, 1));
    for (auto& r : l.rings) {
        r.outer = outer;
        r.inner = outer - lane_width * double(r.lanes);
        outer = r.inner;
    }

    // Labels: "when: title" wrapped to the column, as near their item as the
    // column allows; the font shrinks until every label fits.
    double column_width = l.cx - l.months_outer - column_gap - margin;
    constexpr double smallest = 7.0;
    for (double size : {12.0, 11.0, 10.0, 9.0, 8.0, smallest}) {
        l.font_size = size;
        l.line_height = size * 1.22;
        std::size_t chars = std::size_t(column_width / (size * char_width));
        std::vector<item*> left, right;
        for (auto& i : l.items) {
            double mid = (i.angle_first + i.angle_last) / 2;
            double rad = mid * std::numbers::pi / 180;
            i.right = mid < 180;
            i.lines = wrap(i.when + ": " + i.title, chars);
            double w = 0;
            for (const auto& line : i.lines) {
                auto n = double(std::count_if(line.begin(), line.end(),
                                              [](char c) { return (c & 0xC0) != 0x80; }));
                w = std::max(w, n * size * char_width);
            }
            i.label.w = w;
            i.label.h = double(i.lines.size()) * l.line_height;
            i.label.x = i.right ? l.cx + l.months_outer + column_gap
                                : l.cx - l.months_outer - column_gap - w;
            i.label.y = l.cy - std::cos(rad) * l.months_outer - i.label.h / 2;
            i.anchor_x = l.cx + std::sin(rad) * l.months_outer;
            i.anchor_y = l.cy - std::cos(rad) * l.months_outer;
            (i.right ? right : left).push_back(&i);
        }
        bool fits = place_column(left, l.line_height);
        fits = place_column(right, l.line_height) && fits;
        if (fits) break;
        if (size == smallest) {
            // Still too many: one line each, and, if even that is too much, a
            // label for as many items as fit, evenly spread; the others stay
            // in the text alternative and their own <title>.
            thin_column(left, l.line_height, chars);
            thin_column(right, l.line_height, chars);
        }
    }
    return l;
}

}  // namespace cycle::svg
