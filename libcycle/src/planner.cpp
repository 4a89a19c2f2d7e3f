// The planner: calendar (+ fixed dates) -> dated plan, by the default policy
// of docs/planning.md.
#include <date/iso_week.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "cycle/holidays.hpp"
#include "cycle/plan.hpp"
#include "cycle/timezone.hpp"
#include "cycle/working_days.hpp"

namespace cycle {
namespace {

using date::days;
using date::sys_days;

std::string day_text(sys_days d) { return date::format("%F", d); }

std::string window_text(const day_window& w) {
    return w.first == w.last ? day_text(w.first)
                             : fmt::format("{} – {}", day_text(w.first), day_text(w.last));
}

class planner {
public:
    planner(const calendar& cal, const holiday_calendar& holidays, const plan_file* fixed)
        : cal_(cal), holidays_(holidays) {
        // The first entry for an occurrence counts (cycle check reports the rest).
        if (fixed)
            for (const auto& entry : fixed->entries) fixed_by_id_.try_emplace(entry.id(), &entry);
    }

    // Plans one cycle year (a calendar year from first_year to
    // last_plannable_year) into `out`.
    void plan_year(int year, std::vector<occurrence>& out) {
        year_ = year;
        placed_.clear();
        for (const event_template* e : in_dependency_order()) {
            if (!e->years.selects(year - cal_.first_year + 1, cal_.cycle_length())) continue;
            plan_event(*e);
        }
        for (auto& [id, occs] : placed_)
            for (auto& o : occs) out.push_back(std::move(o));
    }

    errors take_errors() { return std::move(errors_); }

private:
    // Events ordered so that every event comes after the ones it depends on
    // (the loader has rejected cycles); ties keep calendar order.
    std::vector<const event_template*> in_dependency_order() const {
        std::vector<const event_template*> order;
        std::vector<bool> done(cal_.events.size(), false);
        // Depth-first, post-order, with an explicit stack: a chain of
        // thousands of events must not grow the call stack.
        std::vector<std::pair<const event_template*, std::size_t>> stack;
        auto enter = [&](const event_template& e) {
            const auto at = static_cast<std::size_t>(&e - cal_.events.data());
            if (done[at]) return;
            done[at] = true;
            stack.push_back({&e, 0});
        };
        for (const auto& root : cal_.events) {
            enter(root);
            while (!stack.empty()) {
                auto& [e, next] = stack.back();
                const std::size_t deps = e->after.size();
                const relative_rule* relative = e->timing.relative();
                if (next < deps + (relative ? 1 : 0)) {
                    const std::string& dep = next < deps ? e->after[next] : relative->anchor;
                    ++next;
                    enter(*cal_.find_event(dep));
                    continue;
                }
                order.push_back(e);
                stack.pop_back();
            }
        }
        return order;
    }

    // Why an occurrence starting on `d` cannot be held then, or "" if it can:
    // one of its days is not a working day, or its start time does not exist.
    std::string why_not(sys_days d, const occurrence& o, const event_template& e) const {
        auto conflicts = day_conflicts(cal_, holidays_, bodies_concerned(e, o.member), d,
                                       d + days{e.days - 1});
        if (!conflicts.empty()) return conflicts.front().what;
        if (o.start_time) {
            auto local = date::local_seconds{d.time_since_epoch()} + *o.start_time;
            if (auto utc = to_utc(cal_.time_zone, local); !utc) return "no such local time (DST)";
        }
        return {};
    }

    occurrence skeleton(const event_template& e, const std::string& member) const {
        occurrence o;
        o.event = e.id;
        o.member = member;
        o.cycle_year = year_;
        o.start_time = e.start_time;
        o.duration = e.duration;
        o.organiser = e.organiser;
        if (e.per_member) {
            o.audiences.push_back(member);
            for (const auto& a : e.audiences)
                if (a != e.per_member->body) o.audiences.push_back(a);
        } else {
            o.audiences = e.audiences;
        }
        o.where = e.where;
        return o;
    }

    const plan_entry* fixed_entry(const event_template& e, const std::string& member) const {
        auto it = fixed_by_id_.find(occurrence_id{e.id, member, year_});
        return it == fixed_by_id_.end() ? nullptr : it->second;
    }

    // The entry over the event's skeleton: what the entry leaves out (start
    // time, duration) the event gives; a start without a duration lasts the
    // event's duration, else one hour.
    void apply_fixed(occurrence& o, const plan_entry& entry) const {
        occurrence f = occurrence_of(entry);
        f.organiser = std::move(o.organiser);
        f.audiences = std::move(o.audiences);
        if (entry.start_time)
            f.duration = entry.duration.value_or(o.duration.count() ? o.duration : std::chrono::hours{1});
        else
            f.start_time = o.start_time, f.duration = entry.duration.value_or(o.duration);
        f.explanation = fmt::format("fixed by the plan ({})", entry.where.to_string());
        o = std::move(f);
    }

    void fail(const event_template& e, std::string message) {
        errors_.push_back({fmt::format("cannot plan '{}' ({}) in {}: {}", e.title, e.id, year_,
                                       message),
                           e.where});
    }

    // The earliest day allowed by precedence, with its reason.
    std::optional<std::pair<sys_days, std::string>> precedence_bound(const event_template& e) const {
        std::optional<std::pair<sys_days, std::string>> bound;
        for (const auto& dep : e.after) {
            auto it = placed_.find(dep);
            if (it == placed_.end() || it->second.empty()) continue;
            sys_days last = it->second.front().end_date;
            for (const auto& o : it->second) last = std::max(last, o.end_date);
            sys_days first = last + days{1 + e.gap_days};
            if (!bound || first > bound->first)
                bound = std::pair{first, fmt::format("after {} (last {}{})", dep, day_text(last),
                                                     e.gap_days ? fmt::format(", gap {} days", e.gap_days) : "")};
        }
        return bound;
    }

    void plan_event(const event_template& e) {
        std::vector<std::string> members{std::string{}};
        if (e.per_member) members = cal_.find_body(e.per_member->body)->members;

        std::vector<occurrence>& out = placed_[e.id];
        std::vector<std::string> open;  // members still to place
        for (const auto& m : members) {
            if (const plan_entry* entry = fixed_entry(e, m)) {
                occurrence o = skeleton(e, m);
                apply_fixed(o, *entry);
                out.push_back(std::move(o));
            } else {
                open.push_back(m);
            }
        }
        if (e.timing.relative()) {
            if (!open.empty()) plan_relative(e, open, out);
            return;
        }

        auto window = window_in(e.timing, date::year{year_});
        if (!window) return fail(e, window.errors().front().message);
        day_window allowed = *window;
        std::vector<std::string> reasons{fmt::format("window {} ({})", window_text(*window), describe(e.timing))};
        std::optional<sys_days> deadline;
        if (e.deadline) {
            auto d = date_in(*e.deadline, date::year{year_});
            if (!d) return fail(e, d.errors().front().message);
            deadline = *d;
            if (*d < allowed.last) {
                allowed.last = *d;
                reasons.push_back(fmt::format("deadline {}", day_text(*d)));
            }
        }
        // Fixed occurrences know their window and deadline too (feeds show
        // the deadline, cycle due counts from it), also when all are fixed.
        for (auto& o : out) {
            o.window = *window;
            o.deadline = deadline;
        }
        if (open.empty()) return;

        if (e.kind == event_kind::window || e.kind == event_kind::deadline) {
            for (const auto& m : open) {
                occurrence o = skeleton(e, m);
                o.window = *window;
                o.deadline = deadline;
                if (e.kind == event_kind::window) {
                    o.date = window->first;
                    o.end_date = window->last;
                    o.explanation = fmt::format("spans its window {}", window_text(*window));
                } else {
                    o.date = o.end_date = deadline.value_or(window->last);
                    o.explanation = fmt::format("deadline on {}", day_text(o.date));
                }
                out.push_back(std::move(o));
            }
            return;
        }

        if (auto bound = precedence_bound(e); bound && bound->first > allowed.first) {
            allowed.first = bound->first;
            reasons.push_back(bound->second);
        }
        if (allowed.first > allowed.last)
            return fail(e, fmt::format("its window ends {} but it must come {}",
                                       day_text(allowed.last), reasons.back()));

        if (e.per_member) {
            spread(e, open, allowed, reasons, out);
            for (auto& o : out) o.deadline = deadline;
            return;
        }

        occurrence o = skeleton(e, open.front());
        o.window = *window;
        o.deadline = deadline;
        auto chosen = choose_day(e, o, allowed);
        if (!chosen)
            return fail(e, fmt::format("no working day in {} ({})", window_text(allowed),
                                       fmt::join(reasons, "; ")));
        place(e, o, *chosen);
        o.explanation = fmt::format("{}; {}", fmt::join(reasons, "; "), pick_reason(e, o, allowed));
        out.push_back(std::move(o));
    }

    void place(const event_template& e, occurrence& o, sys_days d) const {
        o.date = d;
        o.end_date = d + days{e.days - 1};
    }

    // Candidate days of a window in the order of the event's preference.
    std::vector<sys_days> candidates(const event_template& e, const day_window& w) const {
        std::vector<sys_days> days_in;
        for (sys_days d = w.first; d <= w.last - days{e.days - 1}; d += days{1}) days_in.push_back(d);
        if (e.prefer == placement::end) std::reverse(days_in.begin(), days_in.end());
        if (e.prefer == placement::middle) {
            sys_days middle = w.first + days{(w.last - w.first).count() / 2};
            std::stable_sort(days_in.begin(), days_in.end(), [&](sys_days a, sys_days b) {
                return std::abs((a - middle).count()) < std::abs((b - middle).count());
            });
        }
        return days_in;
    }

    std::optional<sys_days> choose_day(const event_template& e, const occurrence& o,
                                       const day_window& w) const {
        auto days_in = candidates(e, w);
        auto preferred = [&](sys_days d) {
            return e.preferred_weekdays.empty() ||
                   std::find(e.preferred_weekdays.begin(), e.preferred_weekdays.end(),
                             date::weekday{d}) != e.preferred_weekdays.end();
        };
        // Single-day rules (a fixed day, the nth weekday) name their day.
        if (w.first == w.last && !std::holds_alternative<whole_month>(e.timing.form))
            return w.first;
        for (int pass = 0; pass < 2; ++pass)
            for (sys_days d : days_in)
                if ((pass == 1 || preferred(d)) && (!e.working_days_only || why_not(d, o, e).empty()))
                    return d;
        return std::nullopt;
    }

    std::string pick_reason(const event_template& e, const occurrence& o, const day_window& w) const {
        if (w.first == w.last) {
            auto why = why_not(o.date, o, e);
            return why.empty() ? "the rule names the day"
                               : fmt::format("the rule names the day, although it is {}", why);
        }
        std::vector<std::string> skipped;
        for (sys_days d : candidates(e, w)) {
            if (d == o.date) break;
            if (auto why = why_not(d, o, e); !why.empty() && e.working_days_only)
                skipped.push_back(fmt::format("{} {}", day_text(d), why));
        }
        std::string text = fmt::format("first {}working day from the {} of the window",
                                       e.preferred_weekdays.empty() ? "" : "preferred-weekday ",
                                       to_string(e.prefer));
        if (!skipped.empty() && skipped.size() <= 4)
            text += fmt::format(" (skipped {})", fmt::join(skipped, ", "));
        else if (!skipped.empty())
            text += fmt::format(" (skipped {} days, e.g. {})", skipped.size(), skipped.front());
        return text;
    }

    // One occurrence per open member, spread evenly over the window under
    // the caps, keeping the buffer before its end free when possible.
    void spread(const event_template& e, const std::vector<std::string>& open,
                const day_window& allowed, const std::vector<std::string>& reasons,
                std::vector<occurrence>& out) {
        const per_member_rule& rule = *e.per_member;
        std::map<sys_days, unsigned> per_day;
        std::map<std::pair<int, unsigned>, unsigned> per_week;
        auto week_of = [](sys_days d) {
            iso_week::year_weeknum_weekday w{d};
            return std::pair{int(w.year()), unsigned(w.weeknum())};
        };
        auto count = [&](sys_days d) {
            ++per_day[d];
            ++per_week[week_of(d)];
        };
        for (const auto& o : out) count(o.date);  // fixed dates count towards the caps
        auto fits_caps = [&](sys_days d) {
            return (!rule.max_per_day || per_day[d] < rule.max_per_day) &&
                   (!rule.max_per_week || per_week[week_of(d)] < rule.max_per_week);
        };
        day_window main = allowed;
        if (rule.buffer_days && allowed.last - days{rule.buffer_days} >= allowed.first)
            main.last = allowed.last - days{rule.buffer_days};
        const long span = (main.last - main.first).count() + 1;
        const long n = static_cast<long>(open.size());
        for (long i = 0; i < n; ++i) {
            occurrence o = skeleton(e, open[static_cast<std::size_t>(i)]);
            o.window = out.empty() ? std::optional<day_window>{} : out.front().window;
            sys_days target = main.first + days{(2 * i + 1) * span / (2 * n)};
            std::optional<sys_days> chosen;
            auto ok = [&](sys_days d) {
                return fits_caps(d) && (!e.working_days_only || why_not(d, o, e).empty());
            };
            for (long step = 0; step < span && !chosen; ++step) {
                for (sys_days d : {target + days{step}, target - days{step}})
                    if (!chosen && main.contains(d) && ok(d)) chosen = d;
            }
            bool used_buffer = false;
            for (sys_days d = main.last + days{1}; !chosen && d <= allowed.last; d += days{1})
                if (ok(d)) chosen = d, used_buffer = true;
            if (!chosen)
                return fail(e, fmt::format("no day left for {} in {} with at most {} a day and {} a "
                                           "week ({} occurrences to place)",
                                           cal_.body_label(o.member), window_text(allowed),
                                           rule.max_per_day ? std::to_string(rule.max_per_day) : "any",
                                           rule.max_per_week ? std::to_string(rule.max_per_week) : "any",
                                           open.size()));
            place(e, o, *chosen);
            count(*chosen);
            o.explanation = fmt::format(
                "{}; slot {} of {} spread over {}, target {}; {}", fmt::join(reasons, "; "), i + 1,
                n, window_text(main), day_text(target),
                used_buffer ? "placed in the buffer before the deadline: no earlier day was free"
                            : fmt::format("nearest free working day under the caps ({}/day, {}/week)",
                                          rule.max_per_day, rule.max_per_week));
            out.push_back(std::move(o));
        }
        // Per-member occurrences share their window and deadline.
        for (auto& o : out) {
            if (!o.window) o.window = day_window{allowed.first, allowed.last};
        }
    }

    void plan_relative(const event_template& e, const std::vector<std::string>& open,
                       std::vector<occurrence>& out) {
        const relative_rule& rel = *e.timing.relative();
        auto it = placed_.find(rel.anchor);
        if (it == placed_.end() || it->second.empty()) return;  // the anchor does not occur
        const auto& anchors = it->second;
        const bool before = rel.offset_days < 0;
        sys_days anchor = before ? anchors.front().date : anchors.front().end_date;
        for (const auto& a : anchors)
            anchor = before ? std::min(anchor, a.date) : std::max(anchor, a.end_date);
        const sys_days raw = anchor + days{rel.offset_days};
        for (const auto& m : open) {
            occurrence o = skeleton(e, m);
            sys_days d = raw;
            std::vector<std::string> moved;
            // Move away from the anchor, so the lead time is kept.
            for (int i = 0; i < 60 && e.working_days_only; ++i) {
                auto why = why_not(d, o, e);
                if (why.empty()) break;
                moved.push_back(fmt::format("{} {}", day_text(d), why));
                d += days{before ? -1 : 1};
            }
            if (e.working_days_only && !why_not(d, o, e).empty())
                return fail(e, fmt::format("no working day within 60 days of {}", day_text(raw)));
            place(e, o, d);
            o.window = day_window{std::min(raw, d), std::max(raw, d)};
            o.explanation = fmt::format("{} ({} {}) = {}", describe(e.timing), before ? "earliest" : "latest",
                                        day_text(anchor), day_text(raw));
            if (!moved.empty())
                o.explanation += fmt::format("; moved {} to a working day (skipped {})",
                                             before ? "earlier" : "later", fmt::join(moved, ", "));
            out.push_back(std::move(o));
        }
    }

    const calendar& cal_;
    const holiday_calendar& holidays_;
    std::unordered_map<occurrence_id, const plan_entry*> fixed_by_id_;
    int year_ = 0;
    std::map<std::string, std::vector<occurrence>> placed_;
    errors errors_;
};

// Plan order: date, time, then calendar order of event and member. The
// positions come from the calendar's index: a sort of 20,000 occurrences
// must not search the events per comparison.
struct occurrence_rank {
    sys_days date;
    long minutes;
    long event;
    long member;
    int cycle_year;
    auto operator<=>(const occurrence_rank&) const = default;
};

occurrence_rank rank_of(const calendar& cal, const occurrence& o) {
    const event_template* e = cal.find_event(o.event);
    return {o.date, o.start_time ? o.start_time->count() : -1, e - cal.events.data(),
            e->per_member ? cal.member_index(e->per_member->body, o.member) : -1, o.cycle_year};
}

}  // namespace

result<int> check_plan_year(const calendar& cal, int year) {
    if (year >= cal.first_year && year <= cal.last_plannable_year()) return year;
    return error{fmt::format("year {} is outside the cycle {}–{}{}", year, cal.first_year,
                             cal.last_year,
                             cal.has_after_cycle_events()
                                 ? fmt::format(" (and the year after it, {})", cal.last_year + 1)
                                 : ""),
                 {}};
}

int current_cycle_year(const calendar& cal, sys_days today) {
    int y = int(date::year_month_day{today}.year());
    return std::clamp(y, cal.first_year, cal.last_year);
}

result<plan> make_plan(const calendar& cal, const plan_request& request) {
    int first = cal.first_year, last = cal.last_plannable_year();
    if (request.year) {
        auto y = check_plan_year(cal, *request.year);
        if (!y) return y.errors();
        first = last = *y;
    }
    if (request.fixed && request.fixed->calendar_id != cal.id)
        return error{fmt::format("the plan is for calendar '{}', not '{}'",
                                 request.fixed->calendar_id, cal.id),
                     request.fixed->where};
    // Holidays of every calendar year a rule can reach (year_offset, offsets).
    auto provider = holidays_for(cal, request.holidays);
    if (!provider) return provider.errors();
    auto holidays =
        holiday_calendar::for_years(**provider, date::year{std::max(first - 1, first_holiday_year)},
                                    date::year{std::min(last + 2, last_holiday_year)});
    if (!holidays) return holidays.errors();

    plan p;
    p.calendar_id = cal.id;
    p.first_year = first;
    p.last_year = last;
    planner pl(cal, *holidays, request.fixed);
    for (int y = first; y <= last; ++y) pl.plan_year(y, p.occurrences);
    if (auto errs = pl.take_errors(); !errs.empty()) return errs;

    // Entries of the plan file for years outside this plan are not lost:
    // they belong to other years' plans.
    std::vector<std::pair<occurrence_rank, std::size_t>> ranks;
    ranks.reserve(p.occurrences.size());
    for (std::size_t i = 0; i < p.occurrences.size(); ++i)
        ranks.push_back({rank_of(cal, p.occurrences[i]), i});
    std::stable_sort(ranks.begin(), ranks.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<occurrence> sorted;
    sorted.reserve(ranks.size());
    for (const auto& r : ranks) sorted.push_back(std::move(p.occurrences[r.second]));
    p.occurrences = std::move(sorted);
    return p;
}

bool concerns(const calendar& cal, const occurrence& o, std::string_view audience) {
    if (o.member == audience || (!o.organiser.empty() && cal.is_member_of(audience, o.organiser)))
        return true;
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
    std::string title = e ? e->title : o.event;
    if (!o.member.empty()) {
        const body* b = cal.find_body(o.member);
        title += " – " + (b ? b->name : o.member);
    }
    return title;
}

}  // namespace cycle
