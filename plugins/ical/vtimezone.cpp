#include "vtimezone.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <optional>
#include <vector>

#include "content_line.hpp"
#include "cycle/zone.hpp"

namespace cycle::ical {
namespace {

using namespace std::chrono;

// One switch of the clocks, as a yearly rule.
struct transition {
    bool daylight = false;      // to summer time
    seconds from{}, to{};       // UTC offsets before and after
    std::string name;           // abbreviation after, e.g. "CEST"
    date::local_seconds local;  // wall clock time of the switch, in the old offset
    std::string byday;          // e.g. "-1SU" or "2SU"
    unsigned month = 0;

    bool same_rule(const transition& o) const {
        return daylight == o.daylight && from == o.from && to == o.to && name == o.name &&
               byday == o.byday && month == o.month &&
               (local - date::floor<date::days>(local)) ==
                   (o.local - date::floor<date::days>(o.local));
    }
};

std::string offset(seconds s) {
    const char sign = s < seconds{0} ? '-' : '+';
    auto a = abs(s);
    auto h = duration_cast<hours>(a);
    auto m = duration_cast<minutes>(a - h);
    return fmt::format("{}{:02}{:02}", sign, h.count(), m.count());
}

std::string byday_of(date::year_month_day d) {
    static constexpr const char* names[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
    date::weekday wd{date::sys_days{d}};
    unsigned day = unsigned(d.day());
    unsigned last = unsigned((d.year() / d.month() / date::last).day());
    if (day + 7 > last) return fmt::format("-1{}", names[wd.c_encoding()]);
    return fmt::format("{}{}", (day - 1) / 7 + 1, names[wd.c_encoding()]);
}

std::string local_stamp(date::local_seconds t) {
    return date::format("%Y%m%dT%H%M%S", t);
}

}  // namespace

result<std::string> vtimezone(std::string_view zone, int first_year, int last_year) {
    auto located = locate_zone(zone);
    if (!located) return located.errors();
    const cycle::zone* tz = *located;
    // From the year before, so the first days of first_year already have an onset.
    const auto begin = date::sys_days{date::year{first_year - 1} / 1 / 1};
    const auto end = date::sys_days{date::year{last_year + 1} / 1 / 1};

    std::vector<transition> switches;
    auto info = tz->get_info(begin);
    const auto initial = info;
    while (info.end < end) {
        auto next = tz->get_info(info.end);
        transition t;
        t.daylight = next.save != minutes{0};
        t.from = info.offset;
        t.to = next.offset;
        t.name = next.abbrev;
        t.local = date::local_seconds{next.begin.time_since_epoch() + info.offset};
        auto day = date::year_month_day{date::floor<date::days>(t.local)};
        t.month = unsigned(day.month());
        t.byday = byday_of(day);
        switches.push_back(t);
        info = next;
    }

    content_lines out;
    out.add("BEGIN", "VTIMEZONE");
    out.add("TZID", escape_text(zone));
    out.add("X-LIC-LOCATION", escape_text(zone));
    if (switches.empty()) {
        // No clock changes in these years: one standard observance.
        out.add("BEGIN", "STANDARD");
        out.add("TZOFFSETFROM", offset(initial.offset));
        out.add("TZOFFSETTO", offset(initial.offset));
        out.add("TZNAME", escape_text(initial.abbrev));
        out.add("DTSTART", "19700101T000000");
        out.add("END", "STANDARD");
    } else {
        std::optional<transition> to_daylight, to_standard;
        for (const auto& t : switches) {
            auto& kept = t.daylight ? to_daylight : to_standard;
            if (!kept)
                kept = t;
            else if (!kept->same_rule(t))
                return error{fmt::format("time zone '{}' changes its daylight saving rules between "
                                         "{} and {}; a feed cannot describe it with yearly rules",
                                         zone, first_year, last_year),
                             {}};
        }
        for (const auto* t : {&to_daylight, &to_standard}) {
            if (!*t) continue;
            const char* kind = (*t)->daylight ? "DAYLIGHT" : "STANDARD";
            out.add("BEGIN", kind);
            out.add("TZOFFSETFROM", offset((*t)->from));
            out.add("TZOFFSETTO", offset((*t)->to));
            out.add("TZNAME", escape_text((*t)->name));
            out.add("DTSTART", local_stamp((*t)->local));
            out.add("RRULE",
                    fmt::format("FREQ=YEARLY;BYMONTH={};BYDAY={}", (*t)->month, (*t)->byday));
            out.add("END", kind);
        }
    }
    out.add("END", "VTIMEZONE");
    return out.str();
}

}  // namespace cycle::ical
