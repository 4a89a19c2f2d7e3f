#include "cycle/due.hpp"

#include <algorithm>

namespace cycle {

date::sys_days due_day(const occurrence& o) {
    return o.deadline.value_or(o.end_date);
}

due_report find_due(const plan& p, date::sys_days today, int within_days) {
    due_report r{today, today + date::days{within_days}, {}, {}};
    auto inside = [&](date::sys_days d) { return r.from <= d && d <= r.to; };
    for (const auto& o : p.occurrences) {
        if (o.status != occurrence_status::planned) continue;
        if (inside(o.date) || inside(due_day(o)))
            r.due.push_back(o);
        else if (o.fixed && due_day(o) < today)
            r.overdue.push_back(o);
    }
    auto by_due = [](const occurrence& a, const occurrence& b) { return due_day(a) < due_day(b); };
    std::stable_sort(r.due.begin(), r.due.end(), by_due);
    std::stable_sort(r.overdue.begin(), r.overdue.end(), by_due);
    return r;
}

}  // namespace cycle
