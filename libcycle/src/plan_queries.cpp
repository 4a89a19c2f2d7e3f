// Questions about a plan and its years: which year may be planned, which
// occurrences concern an audience, their titles (plan.hpp).
#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "cycle/plan.hpp"
#include "cycle/recurrence.hpp"

namespace cycle {

result<int> check_plan_year(const calendar& cal, int year) {
    // The year after the cycle is asked about last: it looks at every event,
    // and a plan file asks this for each of its entries (issue 12).
    if (year >= cal.first_year && (year <= cal.last_year || year <= cal.last_plannable_year()))
        return year;
    return error{fmt::format("year {} is outside the cycle {}–{}{}", year, cal.first_year,
                             cal.last_year,
                             cal.has_after_cycle_events()
                                 ? fmt::format(" (and the year after it, {})", cal.last_year + 1)
                                 : ""),
                 {}};
}

int current_cycle_year(const calendar& cal, date::sys_days today) {
    int y = int(date::year_month_day{today}.year());
    return std::clamp(y, cal.first_year, cal.last_year);
}

bool concerns(const calendar& cal, const occurrence& o, std::string_view audience) {
    if (o.member == audience || (!o.organiser.empty() && cal.is_member_of(audience, o.organiser)))
        return true;
    for (const auto& co : o.co_organisers)
        if (cal.is_member_of(audience, co)) return true;
    if (!o.member.empty() && cal.is_member_of(o.member, audience)) return true;
    return std::any_of(o.audiences.begin(), o.audiences.end(), [&](const std::string& a) {
        return cal.is_member_of(audience, a) || cal.is_member_of(a, audience);
    });
}

std::vector<occurrence> select(const calendar& cal, const plan& p, const occurrence_query& q) {
    std::vector<occurrence> out;
    for (const auto& o : p.occurrences) {
        if (q.audience && !concerns(cal, o, *q.audience)) continue;
        if (q.from && o.end_date < *q.from) continue;
        if (q.to && o.date > *q.to) continue;
        out.push_back(o);
    }
    return out;
}

std::string title_of(const calendar& cal, const occurrence& o) {
    const event_template* e = cal.find_event(o.event);
    std::string title = e ? title_for(*e, o.index) : o.event;
    if (!o.member.empty()) {
        const body* b = cal.find_body(o.member);
        title += " – " + (b ? b->name : o.member);
    }
    return title;
}

plan plan_of(const calendar& cal, const plan_file& pf) {
    plan p;
    p.first_year = p.last_year = pf.entries.empty() ? cal.first_year : 0;
    p.calendar_id = pf.calendar_id;
    p.occurrences.reserve(pf.entries.size());  // a copy per growth step cost 9% of an import
    for (const auto& e : pf.entries) {
        p.occurrences.push_back(occurrence_of(e));
        // A proposal (an imported preliminary date) is written back as one.
        p.occurrences.back().fixed = !e.proposed;
        p.first_year = p.first_year ? std::min(p.first_year, e.cycle_year) : e.cycle_year;
        p.last_year = std::max(p.last_year, e.cycle_year);
    }
    std::stable_sort(p.occurrences.begin(), p.occurrences.end(), [](const occurrence& a, const occurrence& b) {
        return std::tie(a.date, a.start_time, a.event, a.member) < std::tie(b.date, b.start_time, b.event, b.member);
    });
    return p;
}

}  // namespace cycle
