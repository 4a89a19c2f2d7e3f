#include "cycle/working_days.hpp"

#include <fmt/format.h>

#include "calendar_names.hpp"

#include <algorithm>

namespace cycle {

std::vector<std::string> bodies_concerned(const event_template& e, const std::string& member) {
    std::vector<std::string> out;
    if (!member.empty()) out.push_back(member);
    if (!e.organiser.empty()) out.push_back(e.organiser);
    out.insert(out.end(), e.co_organisers.begin(), e.co_organisers.end());
    for (const auto& a : e.audiences)
        if (!e.per_member || a != e.per_member->body) out.push_back(a);
    return out;
}

std::vector<day_conflict> day_conflicts(const calendar& cal, const holiday_calendar& holidays,
                                        const std::vector<std::string>& bodies,
                                        date::sys_days first, date::sys_days last) {
    std::vector<day_conflict> out;
    auto add = [&](std::string rule, date::sys_days d, std::string what) {
        bool seen = std::any_of(out.begin(), out.end(),
                                [&](const day_conflict& c) { return c.rule == rule; });
        if (!seen) out.push_back({std::move(rule), d, std::move(what)});
    };
    for (date::sys_days d = first; d <= last; d += date::days{1}) {
        date::weekday wd{d};
        if (const holiday* h = holidays.on(date::year_month_day{d}))
            add(h->kind == holiday_kind::public_holiday ? "holiday" : "day-off", d, h->name);
        else if (wd == date::Saturday || wd == date::Sunday)
            add("weekend", d, std::string(detail::weekday_name(wd)));
        for (const auto& c : cal.closures) {
            if (d < c.first || d > c.last) continue;
            for (const auto& closed : c.bodies) {
                bool hits = std::any_of(bodies.begin(), bodies.end(), [&](const std::string& b) {
                    return cal.is_member_of(b, closed);
                });
                if (hits) add("closure", d, fmt::format("{} ({})", c.name, cal.body_label(closed)));
            }
        }
    }
    return out;
}

}  // namespace cycle
