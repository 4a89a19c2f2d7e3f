#include "publish.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "cycle/due.hpp"
#include "cycle/plan_output.hpp"
#include "cycle/text.hpp"
#include "cycle/texts.hpp"
#include "site_files.hpp"

namespace cycle::site {
namespace {

namespace fs = std::filesystem;
using date::sys_days;

constexpr std::size_t coming_rows = 20;  // rows of "coming" on a page
constexpr int due_days = 30;             // "due soon": the next 30 days

// Text and attribute values of the pages: the core's one escaper.
std::string html(std::string_view s) {
    return xml_escape(s);
}

std::string url_encode(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
            out += char(c);
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

// The style of every page: readable at phone width, A4 when printed, no
// external resources (fonts, scripts) at all.
constexpr const char* style = R"(:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font-family:"DejaVu Sans",system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff}
header,main,footer{max-width:62rem;margin:0 auto;padding:0 1rem}
header{border-bottom:1px solid #ccc;padding-top:.5rem;padding-bottom:.5rem}
h1{font-size:1.7rem;line-height:1.25}
h2{font-size:1.3rem;margin-top:2rem}
a{color:#0b4f96}
a:focus-visible{outline:3px solid #b00020;outline-offset:2px}
.skip{position:absolute;left:-999rem}
.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.3rem}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #d0d0d0}
th{background:#f1f1f1}
.week{white-space:nowrap;color:#444}
td{overflow-wrap:anywhere}
.wheel{margin:1rem 0}
.wheel svg{display:block;width:100%;height:auto;max-width:46rem;border:1px solid #d0d0d0}
.subscribe ul,.audiences ul{padding-left:1.2rem}
.subscribe li,.audiences li{margin:.45rem 0}
.url{overflow-wrap:anywhere;font-size:.9rem}
@media (max-width:40rem){body{font-size:.95rem}th,td{padding:.3rem .25rem}h1{font-size:1.4rem}
table{table-layout:fixed}th:nth-child(1){width:36%}th:nth-child(3){width:26%}}
@media print{@page{size:A4;margin:12mm}
header,nav,.subscribe,.skip{display:none}
body{font-size:10pt}
a{color:#000;text-decoration:none}
.wheel{break-before:page;break-inside:avoid}
.wheel svg{max-width:none;width:100%;max-height:270mm;border:0}}
)";

struct page_context {
    const calendar& cal;
    const texts& t;
    const publish_options& options;
    std::string root;  // "" or "../": from the page to the site's root
};

std::string when_text(const texts& t, const occurrence& o) {
    if (o.end_date == o.date) return long_date(t, o.date);
    return fmt::format("{} – {}", day_month(t, o.date), day_month_year(t, o.end_date));
}

std::string week_text(const texts& t, const occurrence& o) {
    auto first = date::format("%V", o.date), last = date::format("%V", o.end_date);
    (void)t;
    auto strip = [](std::string s) { return s.size() > 1 && s[0] == '0' ? s.substr(1) : s; };
    std::string text = fmt::format("{} {}", t.week, strip(first));
    if (o.end_date != o.date && first != last) text += "–" + strip(last);
    return text;
}

std::string what_text(const page_context& c, const occurrence& o) {
    std::string text = html(title_of(c.cal, o));
    if (o.deadline && *o.deadline != o.end_date)
        text += fmt::format(" ({})", html(fmt::format(fmt::runtime(std::string(c.t.no_later_than)),
                                                      day_month(c.t, *o.deadline))));
    if (o.status == occurrence_status::cancelled) text += fmt::format(" – {}", c.t.cancelled);
    if (o.status == occurrence_status::held) text += fmt::format(" – {}", c.t.held);
    return text;
}

std::string table(const page_context& c, const std::vector<occurrence>& rows,
                  std::string_view caption) {
    if (rows.empty()) return fmt::format("<p>{}</p>\n", c.t.nothing);
    std::string out = "<table>\n";
    if (!caption.empty()) out += fmt::format("<caption>{}</caption>\n", html(caption));
    out += fmt::format(
        "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th "
        "scope=\"col\">{}</th></tr></thead>\n"
        "<tbody>\n",
        c.t.date, c.t.what, c.t.who);
    for (const auto& o : rows) {
        std::string who;
        for (const auto& b : o.organisers()) who += (who.empty() ? "" : ", ") + c.cal.body_label(b);
        out += fmt::format(
            "<tr><td>{}<br><span class=\"week\">{}</span></td><td>{}</td><td>{}</td></tr>\n",
            html(when_text(c.t, o)), html(week_text(c.t, o)), what_text(c, o), html(who));
    }
    return out + "</tbody>\n</table>\n";
}

std::string subscribe(const page_context& c, const std::string& feed, const std::string& name) {
    std::string out = fmt::format(
        "<section class=\"subscribe\" aria-labelledby=\"subscribe\">\n"
        "<h2 id=\"subscribe\">{}</h2>\n<p>{}</p>\n<ul>\n",
        c.t.subscribe, c.t.subscribe_help);
    const std::string& base = c.options.base_url;
    if (base.empty()) {
        out += fmt::format("<li><a href=\"{}{}\">{}</a></li>\n</ul>\n<p>{}</p>\n", c.root,
                           html(feed), c.t.subscribe_https, c.t.no_base_url);
        return out + "</section>\n";
    }
    std::string https = base + feed;
    auto scheme = https.find("://");
    std::string webcal = "webcal" + https.substr(scheme == std::string::npos ? 0 : scheme);
    out += fmt::format("<li><a href=\"{}\">{}</a></li>\n", html(webcal), c.t.subscribe_webcal);
    out += fmt::format(
        "<li><a "
        "href=\"https://outlook.office.com/calendar/0/addfromweb?url={}&amp;name={}\">{}</a></"
        "li>\n",
        url_encode(https), url_encode(name), c.t.subscribe_outlook);
    out +=
        fmt::format("<li><a href=\"https://calendar.google.com/calendar/r?cid={}\">{}</a></li>\n",
                    url_encode(webcal), c.t.subscribe_google);
    out += fmt::format("<li><a href=\"{}\">{}</a>: <span class=\"url\">{}</span></li>\n",
                       html(https), c.t.subscribe_https, html(https));
    return out + "</ul>\n</section>\n";
}

std::string page(const page_context& c, const std::string& title, const std::string& feed,
                 const std::string& body) {
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n<title>{}</title>\n<link rel=\"icon\" href=\"data:,\">\n"
        "<link rel=\"alternate\" type=\"text/calendar\" "
        "href=\"{}{}\">\n<style>\n{}</style>\n</head>\n<body>\n"
        "<header><a href=\"{}index.html\">{}</a></header>\n<main "
        "id=\"main\">\n{}</main>\n</body>\n</html>\n",
        c.t.language, html(title), c.root, html(feed), style, c.root, html(c.cal.title), body);
}

// The wheel of one year, drawn by the svg exporter, inside the page.
result<std::string> inline_wheel(const exporter& svg, const calendar& cal, const plan& p, int year,
                                 const std::string& audience, const page_context& c) {
    plan one = p;
    one.first_year = one.last_year = year;
    one.occurrences.clear();
    for (const auto& o : p.occurrences)
        if (o.cycle_year == year) one.occurrences.push_back(o);
    export_options options;
    options.audience = audience;
    options.parameters = {"today=" + date::format("%F", c.options.today)};
    auto text = svg.write(cal, one, options);
    if (!text) return text.errors();
    std::string s = std::move(text).value();
    if (s.rfind("<?xml", 0) == 0) s.erase(0, s.find('\n') + 1);
    return "<figure class=\"wheel\">\n" + s + "</figure>\n";
}

std::vector<occurrence> coming(const std::vector<occurrence>& all, sys_days today) {
    std::vector<occurrence> out;
    for (const auto& o : all)
        if (o.end_date >= today && out.size() < coming_rows) out.push_back(o);
    return out;
}

std::vector<occurrence> due_soon(const plan& p, sys_days today, const calendar& cal,
                                 const std::string& audience) {
    plan selected = p;
    if (!audience.empty())
        selected.occurrences = select(cal, p, {.audience = audience, .from = {}, .to = {}});
    return find_due(selected, today, due_days).due;
}

std::string audience_list(const page_context& c) {
    std::string out = fmt::format(
        "<nav class=\"audiences\" aria-labelledby=\"audiences\">\n<h2 "
        "id=\"audiences\">{}</h2>\n<ul>\n",
        c.t.audiences);
    for (const auto& b : c.cal.bodies)
        out += fmt::format("<li><a href=\"{}audience/{}.html\">{}</a></li>\n", c.root, b.id,
                           html(b.name));
    return out + "</ul>\n</nav>\n";
}

}  // namespace

result<std::vector<site_file>> make_site(const calendar& cal, const plan& p,
                                         const registry& plugins, const publish_options& options) {
    const exporter* ics = plugins.find_exporter("ics");
    const exporter* svg = plugins.find_exporter("svg");
    if (!ics || !svg)
        return error{"cycle publish needs the ics and svg exporters (plugins ical and svg)", {}};
    publish_options o = options;
    if (!o.base_url.empty() && o.base_url.back() != '/') o.base_url += '/';
    const texts& t = texts_for(cal.language);
    std::vector<site_file> files;

    // Feeds, through the ics exporter, with the feed state kept in the site.
    export_options feeds;
    feeds.all_audiences = true;
    feeds.out = (o.out / "feeds").string();
    feeds.now = o.now;
    auto written = ics->write_all(cal, p, feeds);
    if (!written) return written.errors();
    for (auto& f : *written)
        files.push_back({"feeds/" + fs::path(f.path).filename().string(), std::move(f.text)});

    files.push_back({"plan.json", format_json(cal, p)});

    // The wheel of every cycle year.
    std::vector<int> years;
    for (const auto& occ : p.occurrences)
        if (std::find(years.begin(), years.end(), occ.cycle_year) == years.end())
            years.push_back(occ.cycle_year);
    std::sort(years.begin(), years.end());
    for (int y : years) {
        plan one = p;
        one.first_year = one.last_year = y;
        one.occurrences.clear();
        for (const auto& occ : p.occurrences)
            if (occ.cycle_year == y) one.occurrences.push_back(occ);
        auto text = svg->write(cal, one, {});
        if (!text) return text.errors();
        files.push_back({fmt::format("wheel-{}.svg", y), std::move(text).value()});
    }
    int year =
        std::clamp(current_cycle_year(cal, o.today), years.empty() ? cal.first_year : years.front(),
                   years.empty() ? cal.first_year : years.back());

    // index.html
    {
        page_context c{cal, t, o, ""};
        std::string body = fmt::format("<a class=\"skip\" href=\"#coming\">{}</a>\n<h1>{}</h1>\n",
                                       t.coming, html(cal.title));
        if (!cal.description.empty()) body += fmt::format("<p>{}</p>\n", html(cal.description));
        body += fmt::format(
            "<p>{}</p>\n",
            html(fmt::format(fmt::runtime(std::string(t.status_as_of)), long_date(t, o.today))));
        body += subscribe(c, "feeds/all.ics", cal.title);
        body += fmt::format(
            "<section aria-labelledby=\"coming\">\n<h2 id=\"coming\">{}</h2>\n{}</section>\n",
            t.coming, table(c, coming(p.occurrences, o.today), ""));
        body +=
            fmt::format("<section aria-labelledby=\"due\">\n<h2 id=\"due\">{}</h2>\n{}</section>\n",
                        t.due_soon, table(c, due_soon(p, o.today, cal, ""), ""));
        auto wheel = inline_wheel(*svg, cal, p, year, "", c);
        if (!wheel) return wheel.errors();
        body += *wheel;
        body += fmt::format(
            "<section aria-labelledby=\"wheels\">\n<h2 id=\"wheels\">{}</h2>\n<ul>\n", t.wheels);
        for (int y : years)
            body += fmt::format("<li><a href=\"wheel-{}.svg\">{}</a></li>\n", y,
                                html(fmt::format(fmt::runtime(std::string(t.wheel_title)), y)));
        body += fmt::format("<li><a href=\"plan.json\">{}</a></li>\n</ul>\n</section>\n",
                            t.download_plan);
        body += audience_list(c);
        files.push_back({"index.html", page(c, cal.title, "feeds/all.ics", body)});
    }

    // audience/ID.html
    for (const auto& b : cal.bodies) {
        page_context c{cal, t, o, "../"};
        auto mine = select(cal, p, {.audience = b.id, .from = {}, .to = {}});
        std::string body = fmt::format("<p><a href=\"../index.html\">{}</a></p>\n<h1>{}</h1>\n",
                                       t.back, html(b.name));
        if (!b.description.empty()) body += fmt::format("<p>{}</p>\n", html(b.description));
        body += subscribe(c, "feeds/" + b.id + ".ics", cal.title + " – " + b.name);
        body += fmt::format(
            "<section aria-labelledby=\"coming\">\n<h2 id=\"coming\">{}</h2>\n{}</section>\n",
            t.coming, table(c, coming(mine, o.today), ""));
        body +=
            fmt::format("<section aria-labelledby=\"due\">\n<h2 id=\"due\">{}</h2>\n{}</section>\n",
                        t.due_soon, table(c, due_soon(p, o.today, cal, b.id), ""));
        auto wheel = inline_wheel(*svg, cal, p, year, b.id, c);
        if (!wheel) return wheel.errors();
        body += *wheel;
        std::string years_text =
            years.empty() ? "" : fmt::format("{}–{}", years.front(), years.back());
        body += fmt::format("<section aria-labelledby=\"all\">\n<h2 id=\"all\">{}</h2>\n",
                            html(fmt::format(fmt::runtime(std::string(t.all_events)), years_text)));
        for (int y : years) {
            std::vector<occurrence> rows;
            for (const auto& occ : mine)
                if (occ.cycle_year == y) rows.push_back(occ);
            if (!rows.empty()) body += table(c, rows, std::to_string(y));
        }
        body += "</section>\n";
        files.push_back({"audience/" + b.id + ".html",
                         page(c, b.name + " – " + cal.title, "feeds/" + b.id + ".ics", body)});
    }
    return files;
}

result<publish_report> publish(const calendar& cal, const plan& p, const registry& plugins,
                               const publish_options& options) {
    // From reading the feed state in the site to the swap: one publisher.
    auto lock = site_lock::acquire(options.out, options.lock_wait, options.waiting);
    if (!lock) return lock.errors();
    auto files = make_site(cal, p, plugins, options);
    if (!files) return files.errors();
    auto changed = replace_site(options.out, *files);
    if (!changed) return changed.errors();
    return publish_report{files->size(), std::move(changed).value()};
}

}  // namespace cycle::site
