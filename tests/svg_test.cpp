// The wheel (plugins/svg): labels never overprint each other, the picture is
// accessible (title, desc listing every item), self-contained and A4.
// Label boxes are computed here from the SVG text itself, not taken from the
// layout code: position, anchor, font size and a generous glyph width.
#include <catch2/catch.hpp>
#include <regex>

#include "cycle/builtin_plugins.hpp"
#include "cycle/calendar.hpp"
#include "cycle/plan.hpp"
#include "cycle/plugin.hpp"
#include "support.hpp"

namespace {

struct label_box {
    double x0, y0, x1, y1;
    std::string text;
};

std::size_t utf8_length(const std::string& s) {
    return std::size_t(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Every line of every label as a box: text-anchor start/end at x, baseline y.
std::vector<label_box> label_boxes(const std::string& svg) {
    std::smatch m;
    REQUIRE(std::regex_search(svg, m,
                              std::regex(R"re(<g class="labels"[^>]*font-size="([0-9.]+)")re")));
    double size = std::stod(m[1]);
    std::vector<label_box> boxes;
    std::regex line(
        R"re(<text x="([0-9.]+)" y="([0-9.]+)" text-anchor="(start|end)">([^<]*)</text>)re");
    auto labels = svg.substr(svg.find("<g class=\"labels\""));
    labels = labels.substr(0, labels.find("</g>\n</g>"));
    for (auto it = std::sregex_iterator(labels.begin(), labels.end(), line);
         it != std::sregex_iterator(); ++it) {
        double x = std::stod((*it)[1]), y = std::stod((*it)[2]);
        double w =
            double(utf8_length((*it)[4])) * size * 0.6;  // DejaVu Sans averages about 0.55 em
        double x0 = (*it)[3] == "start" ? x : x - w;
        boxes.push_back({x0, y - size * 0.9, x0 + w, y + size * 0.25, (*it)[4]});
    }
    return boxes;
}

void require_no_overlap(const std::string& svg, bool may_be_empty = false) {
    auto boxes = label_boxes(svg);
    if (!may_be_empty) REQUIRE(!boxes.empty());
    for (std::size_t a = 0; a < boxes.size(); ++a) {
        INFO(boxes[a].text);
        // On the page, and beside the wheel (whose month band ends at 525 ± 268).
        CHECK(boxes[a].x0 >= 0);
        CHECK(boxes[a].x1 <= 1050);
        CHECK(boxes[a].y0 >= 100);
        CHECK(boxes[a].y1 <= 1200);
        CHECK((boxes[a].x1 <= 525 - 268 || boxes[a].x0 >= 525 + 268));
        for (std::size_t b = a + 1; b < boxes.size(); ++b) {
            bool overlap = boxes[a].x0 < boxes[b].x1 && boxes[b].x0 < boxes[a].x1 &&
                           boxes[a].y0 < boxes[b].y1 && boxes[b].y0 < boxes[a].y1;
            INFO(boxes[b].text);
            CHECK(!overlap);
        }
    }
}

std::string wheel(const cycle::registry& r, const cycle::calendar& cal, int year,
                  const std::string& audience = {}, std::vector<std::string> parameters = {}) {
    auto p = cycle::make_plan(cal, {.year = year, .fixed = nullptr});
    REQUIRE(p);
    cycle::export_options o;
    o.audience = audience;
    o.parameters = std::move(parameters);
    auto text = r.find_exporter("svg")->write(cal, *p, o);
    REQUIRE(text);
    return *text;
}

cycle::calendar wheel_2023() {
    auto cal = cycle::load_calendar_file(std::string(CYCLE_SOURCE_DIR) +
                                         "/calendars/nya-perspektiv-2023.toml");
    REQUIRE(cal);
    return *cal;
}

}  // namespace

TEST_CASE("svg: labels do not overlap on any year of either built-in wheel, nor for any audience") {
    cycle::registry r;
    cycle::add_builtin_plugins(r);
    const auto& cal = cycle::default_calendar();
    for (int y = cal.first_year; y <= cal.last_plannable_year(); ++y) {
        INFO("year " << y);
        require_no_overlap(wheel(r, cal, y));
        for (const auto& b : cal.bodies) {
            INFO("audience " << b.id);
            require_no_overlap(wheel(r, cal, y, b.id), true);
        }
    }
    auto old = wheel_2023();
    require_no_overlap(wheel(r, old, 2023));  // about forty items in one year
}

TEST_CASE("svg: the label-overlap check finds overprinted labels") {
    // The check itself must be able to fail: two labels at the same place.
    std::string svg =
        "<g class=\"labels\" aria-hidden=\"true\" font-size=\"12.00\" fill=\"#1a1a1a\">\n"
        "<g class=\"label\"><text x=\"800.00\" y=\"300.00\" text-anchor=\"start\">12 maj: "
        "Seminariet</text></g>\n"
        "<g class=\"label\"><text x=\"800.00\" y=\"305.00\" text-anchor=\"start\">13 maj: "
        "Möte</text></g>\n"
        "</g>\n</g>\n";
    auto boxes = label_boxes(svg);
    REQUIRE(boxes.size() == 2);
    CHECK((boxes[0].y0 < boxes[1].y1 && boxes[1].y0 < boxes[0].y1));
}

TEST_CASE("svg: accessible, self-contained, one A4 page") {
    cycle::registry r;
    cycle::add_builtin_plugins(r);
    const auto& cal = cycle::default_calendar();
    auto svg = wheel(r, cal, 2027, {}, {"today=2027-09-15"});
    CHECK(svg.find("width=\"210mm\" height=\"297mm\"") != std::string::npos);
    CHECK(svg.find("role=\"img\" aria-labelledby=\"wheel-title wheel-desc\"") != std::string::npos);
    CHECK(svg.find("<title id=\"wheel-title\">Nya perspektiv – årshjul 2025–2028 – Cykelår 3 av 4 "
                   "· 2027</title>") != std::string::npos);
    // No external references of any kind: links, images, fonts, scripts.
    for (const char* bad : {"href", "<script", "<image", "@import", "url(", "<foreignObject"}) {
        INFO(bad);
        CHECK(svg.find(bad) == std::string::npos);
    }
    std::string without_namespace =
        std::regex_replace(svg, std::regex("xmlns=\"http://www.w3.org/2000/svg\""), "");
    CHECK(without_namespace.find("http") == std::string::npos);
    // The desc lists every item; year 3 has the principals' inputs to the revision.
    auto desc = svg.substr(svg.find("<desc"), svg.find("</desc>") - svg.find("<desc"));
    auto p = cycle::make_plan(cal, {.year = 2027, .fixed = nullptr});
    for (const auto& o : p->occurrences) {
        INFO(o.event);
        CHECK(desc.find(cal.find_event(o.event)->title) != std::string::npos);
    }
    CHECK(desc.find("Medskick") != std::string::npos);
    // Month sectors in Swedish, a today marker, the legend.
    CHECK(svg.find(">september</text>") != std::string::npos);
    CHECK(svg.find("class=\"today\"") != std::string::npos);
    CHECK(svg.find("Teckenförklaring") != std::string::npos);
}

TEST_CASE("svg: the wheel starts at the calendar's first month") {
    cycle::registry r;
    cycle::add_builtin_plugins(r);
    auto old = wheel_2023();
    auto svg = wheel(r, old, 2023);
    // The first month name drawn is the first sector: August for the 2023 wheel.
    auto first = svg.find("font-size=\"14\" text-anchor=\"middle\"");
    REQUIRE(first != std::string::npos);
    CHECK(svg.substr(first, 200).find(">augusti<") != std::string::npos);
    auto svg2027 = wheel(r, cycle::default_calendar(), 2027);
    first = svg2027.find("font-size=\"14\" text-anchor=\"middle\"");
    CHECK(svg2027.substr(first, 200).find(">maj<") != std::string::npos);
}

TEST_CASE("svg: cycle export svg --cycle writes one wheel per year, bad parameters are errors") {
    cycle::test::temp_dir dir;
    auto r = cycle::test::run_cycle("export svg --cycle --out '" + (dir / "wheels").string() + "'");
    REQUIRE(r.exit_code == 0);
    for (int y : {2025, 2026, 2027, 2028, 2029})
        CHECK(std::filesystem::exists(dir / ("wheels/wheel-" + std::to_string(y) + ".svg")));
    r = cycle::test::run_cycle("export svg --cycle");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--out") != std::string::npos);
    r = cycle::test::run_cycle("export svg --year 2026 --param today=2026-13-01");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("today") != std::string::npos);
    r = cycle::test::run_cycle("export svg --year 2026 --audience eda");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Eda kommun") != std::string::npos);
}

TEST_CASE("svg: a crowded year still has no overprinted labels, and lists every item") {
    // 300 meetings in one year: more than two columns hold.
    cycle::registry r;
    cycle::add_builtin_plugins(r);
    const auto& cal = cycle::default_calendar();
    auto p = cycle::make_plan(cal, {.year = 2026, .fixed = nullptr});
    REQUIRE(p);
    auto one = p->occurrences.front();
    cycle::plan crowded = *p;
    crowded.occurrences.clear();
    for (int k = 0; k < 300; ++k) {
        auto o = one;
        o.member = "";
        o.event = "seminar";
        o.date = o.end_date = date::sys_days{date::year{2026} / date::May / 1} + date::days{k};
        crowded.occurrences.push_back(o);
    }
    auto svg = r.find_exporter("svg")->write(cal, crowded, {});
    REQUIRE(svg);
    require_no_overlap(*svg);
    auto desc = svg->substr(svg->find("<desc"), svg->find("</desc>") - svg->find("<desc"));
    std::size_t listed = 0;
    for (auto at = desc.find("Seminariet"); at != std::string::npos;
         at = desc.find("Seminariet", at + 1))
        ++listed;
    CHECK(listed == 300);
}
