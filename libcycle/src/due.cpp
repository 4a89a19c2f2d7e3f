#include "cycle/due.hpp"

#include <algorithm>

namespace cycle {

date::sys_days due_day(const occurrence& o) {
    return o.deadline.value_or(o.end_date);
}

due_report find_due(const plan& p, date::sys_days today, int within_days) {
    due_report r{today, today + date::days{within_days}, {}, {}, {}, {}};
    auto inside = [&](date::sys_days d) { return r.from <= d && d <= r.to; };
    for (const auto& o : p.occurrences) {
        if (o.status != occurrence_status::planned) continue;
        // Only a decided date misses its deadline: a proposal after it is a
        // plan to fix (cycle check reports it), not a deadline missed.
        const bool missed =
            o.fixed && !o.proposed && o.deadline && *o.deadline < today && o.date > *o.deadline;
        if (missed) {
            r.missed.push_back(o);
            r.overdue.push_back(o);
        } else if (inside(o.date) || inside(due_day(o))) {
            r.due.push_back(o);
        } else if (o.fixed && due_day(o) < today) {
            r.unmarked.push_back(o);
            r.overdue.push_back(o);
        }
    }
    auto by_due = [](const occurrence& a, const occurrence& b) { return due_day(a) < due_day(b); };
    for (auto* list : {&r.due, &r.missed, &r.unmarked, &r.overdue})
        std::stable_sort(list->begin(), list->end(), by_due);
    return r;
}

result<due_report> find_due(const calendar& cal, const due_request& request) {
    if (auto known = check_audience(cal, request.audience); !known) return known.errors();
    const date::sys_days last_day = request.today + date::days{request.within_days};
    plan all;
    const int first = std::max(cal.first_year, int(date::year_month_day{request.today}.year()) - 1);
    const int last =
        std::min(cal.last_plannable_year(), int(date::year_month_day{last_day}.year()));
    for (int y = first; y <= last; ++y) {
        auto p = make_plan(cal, {.year = y, .fixed = request.fixed, .holidays = request.holidays});
        if (!p) return p.errors();
        for (auto& o : p->occurrences)
            if (request.audience.empty() || concerns(cal, o, request.audience))
                all.occurrences.push_back(std::move(o));
    }
    return find_due(all, request.today, request.within_days);
}

}  // namespace cycle
