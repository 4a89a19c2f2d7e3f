#include "wheel_svg.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "cycle/text.hpp"

namespace cycle::svg {
namespace {

// Ring backgrounds and the items on them (dark on light: at least 3:1).
constexpr const char* ring_fill[] = {"#dbe9f7", "#fbe3c8", "#dcefd6", "#ece0f3",
                                     "#f8dde2", "#ece8d2", "#d8eeee"};
constexpr const char* item_fill[] = {"#1f5f9e", "#a84a12", "#2a6f48", "#5b3aa6",
                                     "#9c2762", "#6e6220", "#23696a"};
constexpr std::size_t palette = std::size(ring_fill);

struct point {
    double x, y;
};

point at(const layout& l, double degrees, double radius) {
    double rad = degrees * std::numbers::pi / 180;
    return {l.cx + std::sin(rad) * radius, l.cy - std::cos(rad) * radius};
}

std::string num(double v) {
    return fmt::format("{:.2f}", v);
}

// An annular sector from a0 to a1 degrees between radii r0 < r1.
std::string sector(const layout& l, double a0, double a1, double r0, double r1) {
    if (a1 - a0 >= 359.9) a1 = a0 + 359.9;
    point p0 = at(l, a0, r1), p1 = at(l, a1, r1), p2 = at(l, a1, r0), p3 = at(l, a0, r0);
    int large = a1 - a0 > 180 ? 1 : 0;
    return fmt::format("M{} {}A{} {} 0 {} 1 {} {}L{} {}A{} {} 0 {} 0 {} {}Z", num(p0.x), num(p0.y),
                       num(r1), num(r1), large, num(p1.x), num(p1.y), num(p2.x), num(p2.y), num(r0),
                       num(r0), large, num(p3.x), num(p3.y));
}

std::string triangle(point c, double size) {
    return fmt::format("M{} {}L{} {}L{} {}Z", num(c.x), num(c.y - size), num(c.x + size * 0.9),
                       num(c.y + size * 0.7), num(c.x - size * 0.9), num(c.y + size * 0.7));
}

void months(std::string& out, const layout& l) {
    out += "<g class=\"months\" aria-hidden=\"true\">\n";
    out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#f1f1f1\"/>\n", num(l.cx),
                       num(l.cy), num(l.months_outer));
    date::year_month_day s{l.start};
    const date::year_month first = s.year() / s.month();
    for (int m = 0; m < 12; ++m) {
        double a0 = l.angle_of(date::sys_days{(first + date::months{m}) / 1});
        point inner = at(l, a0, l.hub), outer = at(l, a0, l.months_outer);
        out += fmt::format(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#9a9a9a\" "
            "stroke-width=\"1\"/>\n",
            num(inner.x), num(inner.y), num(outer.x), num(outer.y));
        double next =
            m == 11 ? 360.0 : l.angle_of(date::sys_days{(first + date::months{m + 1}) / 1});
        double mid = (a0 + next) / 2;
        point p = at(l, mid, (l.rings_outer + l.months_outer) / 2);
        double rotate = (mid > 90 && mid < 270) ? mid + 180 : mid;
        out += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"14\" text-anchor=\"middle\" "
            "dominant-baseline=\"central\" "
            "fill=\"#222\" transform=\"rotate({} {} {})\">{}</text>\n",
            num(p.x), num(p.y), num(rotate), num(p.x), num(p.y),
            xml_escape(l.month_names[std::size_t(m)]));
    }
    out += "</g>\n";
}

void rings(std::string& out, const layout& l) {
    out += "<g class=\"rings\" aria-hidden=\"true\">\n";
    for (std::size_t r = 0; r < l.rings.size(); ++r)
        out += fmt::format(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"{}\" "
            "stroke-width=\"{}\"/>\n",
            num(l.cx), num(l.cy), num((l.rings[r].inner + l.rings[r].outer) / 2),
            ring_fill[r % palette], num(l.rings[r].outer - l.rings[r].inner - 2));
    out += "</g>\n";
}

void items(std::string& out, const layout& l) {
    out += "<g class=\"items\">\n";
    for (const auto& i : l.items) {
        const char* fill = item_fill[i.ring % palette];
        out += fmt::format("<g class=\"item\"><title>{}: {}</title>", xml_escape(i.when),
                           xml_escape(i.title));
        const ring& r = l.rings[i.ring];
        double lane = (r.outer - r.inner) / double(r.lanes);
        if (i.arc) {
            out += fmt::format("<path d=\"{}\" fill=\"{}\" fill-opacity=\"0.85\"/>",
                               sector(l, i.angle_first, std::max(i.angle_last, i.angle_first + 1),
                                      l.ring_radius(i, 0.18), l.ring_radius(i, 0.82)),
                               fill);
        } else if (i.kind == event_kind::deadline) {
            out += fmt::format(
                "<path d=\"{}\" fill=\"{}\"/>",
                triangle(at(l, i.angle_first, l.ring_radius(i, 0.5)), std::min(9.0, lane * 0.42)),
                fill);
        } else {
            point c = at(l, i.angle_first, l.ring_radius(i, 0.5));
            out += fmt::format(
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"#ffffff\" "
                "stroke-width=\"1\"/>",
                num(c.x), num(c.y), num(std::min(7.0, lane * 0.36)), fill);
        }
        if (i.deadline) {
            out += fmt::format(
                "<path d=\"{}\" fill=\"#b00020\"/>",
                triangle(at(l, l.angle_of(*i.deadline + date::days{1}), l.ring_radius(i, 0.5)),
                         std::min(8.0, lane * 0.4)));
        }
        out += "</g>\n";
    }
    out += "</g>\n";
}

void labels(std::string& out, const layout& l) {
    out +=
        "<g class=\"leaders\" aria-hidden=\"true\" fill=\"none\" stroke=\"#8a8a8a\" "
        "stroke-width=\"0.8\">\n";
    for (const auto& i : l.items) {
        if (i.lines.empty()) continue;
        double mid = (i.angle_first + i.angle_last) / 2;
        point from = at(l, mid, l.ring_radius(i, 0.5));
        double tx = i.right ? i.label.x - 3 : i.label.x + i.label.w + 3;
        double ty = i.label.y + l.line_height * 0.6;
        out += fmt::format("<polyline points=\"{},{} {},{} {},{}\"/>\n", num(from.x), num(from.y),
                           num(i.anchor_x), num(i.anchor_y), num(tx), num(ty));
    }
    out += "</g>\n";
    out +=
        fmt::format("<g class=\"labels\" aria-hidden=\"true\" font-size=\"{}\" fill=\"#1a1a1a\">\n",
                    num(l.font_size));
    for (const auto& i : l.items) {
        if (i.lines.empty()) continue;
        out += "<g class=\"label\">";
        double x = i.right ? i.label.x : i.label.x + i.label.w;
        const char* anchor = i.right ? "start" : "end";
        for (std::size_t k = 0; k < i.lines.size(); ++k)
            out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>", num(x),
                               num(i.label.y + l.line_height * (double(k) + 0.8)), anchor,
                               xml_escape(i.lines[k]));
        out += "</g>\n";
    }
    out += "</g>\n";
}

void hub(std::string& out, const layout& l, const wheel_heading& h) {
    out +=
        fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#ffffff\" stroke=\"#9a9a9a\"/>\n",
                    num(l.cx), num(l.cy), num(l.hub));
    date::year_month_day s{l.start};
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"26\" font-weight=\"bold\" text-anchor=\"middle\" "
        "dominant-baseline=\"central\" fill=\"#1a1a1a\" aria-hidden=\"true\">{}</text>\n",
        num(l.cx), num(l.cy), int(s.year()));
    if (l.today_angle) {
        point a = at(l, *l.today_angle, l.hub), b = at(l, *l.today_angle, l.months_outer + 6);
        out += fmt::format(
            "<g class=\"today\"><title>{}</title><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" "
            "stroke=\"#b00020\" "
            "stroke-width=\"2.5\" stroke-dasharray=\"6 3\"/></g>\n",
            h.today ? xml_escape(fmt::format("{}", date::format("%F", *h.today))) : "", num(a.x),
            num(a.y), num(b.x), num(b.y));
    }
}

void legend(std::string& out, const layout& l, const wheel_heading& h, const texts& t) {
    double y = 1222;
    out += "<g class=\"legend\" font-size=\"14\" fill=\"#1a1a1a\">\n";
    out += fmt::format("<text x=\"40\" y=\"{}\" font-weight=\"bold\" font-size=\"16\">{}</text>\n",
                       num(y), xml_escape(t.legend));
    y += 16;
    for (std::size_t r = 0; r < l.rings.size(); ++r) {
        double x = 40 + double(r % 3) * 330;
        double row = y + double(r / 3) * 26;
        out += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"28\" height=\"16\" fill=\"{}\" stroke=\"{}\"/>"
            "<text x=\"{}\" y=\"{}\">{}</text>\n",
            num(x), num(row), ring_fill[r % palette], item_fill[r % palette], num(x + 36),
            num(row + 13), xml_escape(l.rings[r].name));
    }
    y += double((l.rings.size() + 2) / 3) * 26 + 12;
    out += fmt::format(
        "<path d=\"M40 {} h28 v12 h-28 Z\" fill=\"#555\"/><text x=\"76\" y=\"{}\">{}</text>\n"
        "<circle cx=\"380\" cy=\"{}\" r=\"6\" fill=\"#555\"/><text x=\"396\" y=\"{}\">{}</text>\n"
        "<path d=\"{}\" fill=\"#b00020\"/><text x=\"716\" y=\"{}\">{}</text>\n",
        num(y + 2), num(y + 13), xml_escape(t.legend_window), num(y + 8), num(y + 13),
        xml_escape(t.legend_day), triangle({700, y + 9}, 8), num(y + 13),
        xml_escape(t.legend_deadline));
    if (l.today_angle && h.today) {
        y += 26;
        out += fmt::format(
            "<line x1=\"40\" y1=\"{}\" x2=\"68\" y2=\"{}\" stroke=\"#b00020\" stroke-width=\"2.5\" "
            "stroke-dasharray=\"6 3\"/><text x=\"76\" y=\"{}\">{} ({})</text>\n",
            num(y + 8), num(y + 8), num(y + 13), xml_escape(t.today),
            xml_escape(day_month_year(t, *h.today)));
    }
    out += "</g>\n";
}

}  // namespace

std::string draw(const layout& l, const wheel_heading& h, const texts& t) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wheel\" width=\"210mm\" "
        "height=\"297mm\" "
        "viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"wheel-title wheel-desc\" lang=\"{}\" "
        "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">\n",
        num(page_width), num(page_height), t.language);
    std::string title = h.subtitle.empty() ? h.title : h.title + " – " + h.subtitle;
    out += fmt::format("<title id=\"wheel-title\">{}</title>\n", xml_escape(title));
    std::string desc = fmt::format(fmt::runtime(std::string(t.wheel_desc)), l.items.size());
    desc += fmt::format(" {}:", t.items);
    for (const auto& i : l.items) desc += fmt::format("\n{}: {};", i.when, i.title);
    out += fmt::format("<desc id=\"wheel-desc\">{}</desc>\n", xml_escape(desc));
    out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", num(page_width),
                       num(page_height));
    out += fmt::format(
        "<text x=\"{}\" y=\"58\" font-size=\"30\" font-weight=\"bold\" text-anchor=\"middle\" "
        "fill=\"#1a1a1a\">{}</text>\n",
        num(page_width / 2), xml_escape(h.title));
    out += fmt::format(
        "<text x=\"{}\" y=\"96\" font-size=\"19\" text-anchor=\"middle\" "
        "fill=\"#1a1a1a\">{}</text>\n",
        num(page_width / 2), xml_escape(h.subtitle));
    months(out, l);
    rings(out, l);
    items(out, l);
    hub(out, l, h);
    labels(out, l);
    legend(out, l, h, t);
    out += "</svg>\n";
    return out;
}

}  // namespace cycle::svg
