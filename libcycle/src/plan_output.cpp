// The plan as a table for people (format_table, plan_output.hpp); the JSON
// plan is written by plan_json.cpp.
#include "cycle/plan_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "calendar_names.hpp"
#include "cycle/assumptions.hpp"
#include "cycle/terms.hpp"
#include "cycle/text.hpp"
#include "cycle/texts.hpp"
#include "cycle/timezone.hpp"
#include "end_clock.hpp"
#include "value_parsing.hpp"

namespace cycle {
namespace {

// Characters on screen: UTF-8 continuation bytes take no column.
std::size_t display_width(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad(std::string s, std::size_t width) {
    auto w = display_width(s);
    if (w < width) s.append(width - w, ' ');
    return s;
}

std::string time_text(const calendar& cal, const texts& t, const occurrence& o) {
    if (!o.start_time)
        return o.end_date == o.date ? std::string(t.all_day)
                                    : fmt::format(fmt::runtime(t.until), iso_date(o.end_date));
    return fmt::format("{}–{}", detail::format_clock(*o.start_time), detail::end_clock(cal, o));
}

std::string years_text(const calendar& cal, const texts& t, const plan& p) {
    auto number = [&](int y) { return y - cal.first_year + 1; };
    auto one = [&](int y) {
        return y > cal.last_year ? fmt::format(fmt::runtime(t.after_cycle), y)
                                 : fmt::format(fmt::runtime(t.cycle_year_of), number(y), y);
    };
    if (p.first_year == p.last_year) return one(p.first_year);
    return fmt::format("{} – {}", one(p.first_year), one(p.last_year));
}

// "Politisk styrgrupp, Beredningsgruppen": every organiser, by short name.
std::string organisers_text(const calendar& cal, const occurrence& o) {
    std::string out;
    for (const auto& b : o.organisers()) out += (out.empty() ? "" : ", ") + cal.body_label(b);
    return out;
}

}  // namespace

namespace detail {

// The local clock time a timed occurrence ends: the instant `duration` after
// its start, read on the calendar's clock, so that 02:30 + 3h on the day
// summer time ends is 04:30, as in the feeds (feed_writer.cpp add_times).
// (`utc`: its start as an instant, when the caller has it; none when the
// start does not exist.)
std::string end_clock(const calendar& cal, const occurrence& o,
                      const std::optional<date::sys_seconds>& utc) {
    if (!utc) return detail::format_clock((*o.start_time + o.duration) % std::chrono::hours{24});
    const auto end = to_local(cal.time_zone, *utc + o.duration);
    return detail::format_clock(
        date::floor<std::chrono::minutes>(end - date::floor<date::days>(end)));
}
std::string end_clock(const calendar& cal, const occurrence& o) {
    const auto local = date::local_seconds{o.date.time_since_epoch()} + *o.start_time;
    auto utc = to_utc(cal.time_zone, local);
    return end_clock(cal, o, utc ? std::optional<date::sys_seconds>{*utc} : std::nullopt);
}

}  // namespace detail

std::string format_table(const calendar& cal, const plan& p, const table_options& options) {
    // The calendar's language: headings, weekdays and fixed words (texts.hpp).
    const texts& t = texts_for(cal.language);
    std::string out = fmt::format("{}: {}{}\n", printable(cal.title), years_text(cal, t, p),
                                  options.audience.empty()
                                      ? ""
                                      : fmt::format(fmt::runtime(t.for_audience),
                                                    printable(cal.body_label(options.audience))));
    if (p.occurrences.empty()) return out + std::string(t.no_occurrences) + "\n";

    struct row {
        std::string date, week, day, time, title, organiser;
    };
    std::vector<row> rows;
    for (const auto& o : p.occurrences)
        // Text from the calendar is shown, never obeyed: no raw control characters.
        rows.push_back({iso_date(o.date), week_text(t, o.date),
                        std::string(t.weekdays_short[date::weekday{o.date}.c_encoding()]),
                        time_text(cal, t, o), printable(title_of(cal, o)),
                        printable(organisers_text(cal, o))});
    row heading{std::string(t.date),         std::string(t.week_column),
                std::string(t.day_column),   std::string(t.time_column),
                std::string(t.event_column), std::string(t.organiser_column)};
    std::size_t w_date = 0, w_week = 0, w_day = 0, w_time = 0, w_title = 0;
    auto widen = [&](const row& r) {
        w_date = std::max(w_date, display_width(r.date));
        w_day = std::max(w_day, display_width(r.day));
        w_week = std::max(w_week, display_width(r.week));
        w_time = std::max(w_time, display_width(r.time));
        w_title = std::max(w_title, display_width(r.title));
    };
    widen(heading);
    for (const auto& r : rows) widen(r);
    auto line = [&](const row& r) {
        std::string text =
            fmt::format("{}  {}  {}  {}  {}  {}", pad(r.date, w_date), pad(r.week, w_week),
                        pad(r.day, w_day), pad(r.time, w_time), pad(r.title, w_title), r.organiser);
        text.erase(text.find_last_not_of(' ') + 1);
        return text + "\n";
    };
    out += line(heading);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out += line(rows[i]);
        if (!options.explain) continue;
        const occurrence& o = p.occurrences[i];
        out += fmt::format("            {} {}\n", t.why, printable(explain(cal, o)));
        if (auto source = cal.describe_source(cal.find_event(o.event)->source); !source.empty())
            out += fmt::format("            {} {}\n", t.rule, printable(source));
        if (auto why = assumption_of(cal, o); !why.empty())
            out += fmt::format("            {}: {}\n", t.preliminary, printable(why));
        // Who sits: the term of office of each body with terms.
        for (const auto& s : terms_of(cal, o))
            out += fmt::format("            {}: {}\n", t.term, printable(term_text(cal, s)));
    }
    return out;
}

}  // namespace cycle
