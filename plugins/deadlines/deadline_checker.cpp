#include "deadline_checker.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>
#include <span>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "cycle/constraint.hpp"
#include "cycle/recurrence.hpp"
#include "cycle/working_days.hpp"

namespace cycle::deadlines {
namespace {

using date::sys_days;

sys_days end_of(const plan_entry& e) {
    return e.end_date.value_or(e.date);
}

bool counts(const plan_entry& e) {
    return e.status != occurrence_status::cancelled;
}

class deadline_checker {
public:
    deadline_checker(const calendar& cal, const plan_file& plan, const check_options& options,
                     const holiday_calendar& holidays)
        : cal_(cal), plan_(plan), options_(options), holidays_(holidays) {
        for (const auto& entry : plan.entries) {
            by_event_[key(cal_.event_index(entry.event), entry.cycle_year)].push_back(&entry);
            years_.try_emplace(entry.cycle_year, &entry);
            book(entry);
        }
    }

    // Violations only: the check host gives them their levels, applies the
    // plan's waivers and sorts.
    findings run() {
        for (const auto& [year, first] : years_) check_year(year, *first);
        return std::move(out_);
    }

private:
    // The entry's time as the planner reads it: its own start (an hour
    // without a duration), else the event's.
    static timed_span time_of(const event_template& e, const plan_entry& entry) {
        if (entry.start_time)
            return {entry.start_time, entry.duration.value_or(
                                          e.duration.count() ? e.duration : std::chrono::hours{1})};
        return {e.start_time, entry.duration.value_or(e.duration)};
    }

    // What the entry books, for the clash test (not a cancelled one).
    void book(const plan_entry& entry) {
        const event_template* e = cal_.find_event(entry.event);
        if (!e || !counts(entry)) return;
        auto booked = bodies_booked(*e, entry.member, entry.index);
        if (booked.empty()) return;
        const timed_span t = time_of(*e, entry);
        bookings_.add({entry.event,
                       entry.member,
                       entry.cycle_year,
                       {entry.date, end_of(entry)},
                       t.start,
                       t.duration,
                       std::move(booked),
                       attended_event(*e)});
    }

    // The key of an event (its position in the calendar) and a year.
    static std::uint64_t key(long event, int year) {
        return (static_cast<std::uint64_t>(event) << 32) | static_cast<std::uint32_t>(year);
    }
    const std::vector<const plan_entry*>& entries_of(long event, int year) const {
        auto it = by_event_.find(key(event, year));
        return it == by_event_.end() ? no_entries_ : it->second;
    }
    const std::vector<const plan_entry*>& entries_of(const event_template& e, int year) const {
        return entries_of(static_cast<long>(&e - cal_.events.data()), year);
    }

    std::string label(const event_template& e, const std::string& member,
                      unsigned index = 0) const {
        if (member.empty()) return title_for(e, index);
        const body* b = cal_.find_body(member);
        return fmt::format("{} – {}", e.title, b ? b->name : member);
    }

    void add(const std::string& rule, std::string message, source_region where,
             std::string occurrence) {
        finding f;
        f.level = severity::error;  // the host sets the level
        f.rule = rule;
        f.message = std::move(message);
        f.where = std::move(where);
        f.occurrence = std::move(occurrence);
        out_.push_back(std::move(f));
    }

    // A finding about one plan entry.
    void add_for(const plan_entry& entry, const std::string& rule, std::string message) {
        add(rule, std::move(message), entry.where, entry.to_string());
    }

    // `first`: the year's first entry in the plan.
    void check_year(int year, const plan_entry& first) {
        // Where a finding about the whole year points: the first file with
        // entries of that year.
        const source_region year_file{first.where.file, 0, 0};
        const year_dates dates(*this, year);
        for (const auto& e : cal_.events) {
            if (!occurs_in(cal_, e, year)) continue;
            const auto& entries = entries_of(e, year);
            if (e.repeat)
                check_recurring_presence(e, year, year_file, entries);
            else
                check_members(e, year, year_file, entries);
            for (const plan_entry* entry : entries)
                if (counts(*entry)) check_entry(e, *entry, dates);
            if (e.per_member) check_caps(e, year, dates);
        }
    }

    // Each member's occurrence of an event in a year (the one occurrence of
    // an event that is not per member), present once.
    void check_members(const event_template& e, int year, const source_region& year_file,
                       const std::vector<const plan_entry*>& entries) {
        static const std::vector<std::string> no_member{std::string{}};
        const body* b = e.per_member ? cal_.find_body(e.per_member->body) : nullptr;
        const auto& members = b ? b->members : no_member;
        // The plan `cycle` writes: one entry per member, in the calendar's
        // order of members (each named once). Each is its member's only entry.
        const bool one_each =
            entries.size() == members.size() && (!b || distinct_members(*b)) &&
            std::equal(entries.begin(), entries.end(), members.begin(),
                       [](const plan_entry* p, const std::string& m) { return p->member == m; });
        if (one_each) {
            for (std::size_t i = 0; i < members.size(); ++i)
                check_presence(e, members[i], year, year_file, {&entries[i], 1});
            return;
        }
        // The entries of each member, in plan order, found once: a scan
        // of every entry per member made checking quadratic in members.
        std::unordered_map<std::string_view, std::vector<const plan_entry*>> by_member;
        for (const plan_entry* entry : entries) by_member[entry->member].push_back(entry);
        for (const auto& member : members) {
            auto it = by_member.find(member);
            check_presence(e, member, year, year_file,
                           it == by_member.end() ? no_entries_ : it->second);
        }
    }

    bool distinct_members(const body& b) {
        auto [it, added] = distinct_.try_emplace(&b, true);
        if (added) {
            std::unordered_set<std::string_view> seen;
            for (const auto& m : b.members)
                if (!seen.insert(m).second) it->second = false;
        }
        return it->second;
    }

    // A recurring event (recurrence.hpp): each of its occurrences of the
    // year once, as a single event's.
    void check_recurring_presence(const event_template& e, int year, const source_region& year_file,
                                  const std::vector<const plan_entry*>& all) {
        std::map<unsigned, std::vector<const plan_entry*>> by_index;
        for (const plan_entry* entry : all)
            if (entry->member.empty()) by_index[entry->index].push_back(entry);
        const unsigned count = occurrence_count(e, year);
        for (unsigned i = 1; i <= count; ++i) {
            auto it = by_index.find(i);
            check_presence(e, {}, year, year_file, it == by_index.end() ? no_entries_ : it->second,
                           i);
        }
    }

    void check_presence(const event_template& e, const std::string& member, int year,
                        const source_region& year_file, std::span<const plan_entry* const> mine,
                        unsigned index = 0) {
        // The label only when there is something to say: made for every
        // occurrence, it was a tenth of checking a large plan (issue 12).
        if (mine.size() == 1 && counts(*mine.front())) return;
        const std::string who = index ? fmt::format("{} ({} of {})", title_for(e, index), index,
                                                    occurrence_count(e, year))
                                      : label(e, member);
        if (mine.empty()) {
            if (options_.partial) return;  // the planner proposes what the plan leaves out
            add("missing",
                fmt::format("no {} in {}: the calendar requires it ({})", who, year,
                            e.where.to_string()),
                year_file, occurrence_id{e.id, member, year, index}.to_string());
            return;
        }
        for (std::size_t i = 1; i < mine.size(); ++i)
            add_for(*mine[i], "duplicate",
                    fmt::format("{} in {} is already in the plan at {}", who, year,
                                mine.front()->where.to_string()));
        if (std::none_of(mine.begin(), mine.end(), [](const plan_entry* p) { return counts(*p); }))
            add_for(*mine.front(), "missing",
                    fmt::format("{} in {} is cancelled, but the calendar requires it", who, year));
    }

    // The plan file's dates of the year's occurrences (not the cancelled
    // ones), for the constraints that depend on other occurrences.
    class year_dates final : public dated_occurrences {
    public:
        year_dates(const deadline_checker& c, int year) : checker_(c), year_(year) {}
        std::span<const day_span> of(std::string_view event) const override {
            return cache(event).spans;
        }
        const day_bookings* bookings() const override { return &checker_.bookings_; }
        const holiday_calendar* holidays() const override { return &checker_.holidays_; }
        const plan_entry& entry(std::string_view event, std::size_t i) const {
            return *cache(event).entries[i];
        }

    private:
        struct dated {
            std::vector<day_span> spans;
            std::vector<const plan_entry*> entries;
        };
        const dated& cache(std::string_view event) const {
            auto it = cache_.find(event);
            if (it != cache_.end()) return it->second;
            dated d;
            // "event/member": that member's occurrence only (calendar.hpp).
            const auto [id, member] = split_reference(event);
            for (const plan_entry* p : checker_.entries_of(checker_.cal_.event_index(id), year_))
                if (counts(*p) && (member.empty() || p->member == member)) {
                    d.spans.push_back({p->date, end_of(*p)});
                    d.entries.push_back(p);
                }
            return cache_.emplace(std::string(event), std::move(d)).first->second;
        }
        const deadline_checker& checker_;
        int year_;
        mutable std::map<std::string, dated, std::less<>> cache_;
    };

    // The calendar's constraints of the entry's occurrence (constraint.hpp),
    // evaluated on the entry's dates; each broken one is a finding.
    void check_entry(const event_template& e, const plan_entry& entry, const year_dates& dates) {
        auto cs = constraints_of(cal_, holidays_, e, entry.member, entry.cycle_year, entry.index);
        if (!cs) return;  // the loader has checked every window and deadline
        const auto broken = violations_of(*cs, {entry.date, end_of(entry)}, dates, cal_, holidays_,
                                          time_of(e, entry));
        const std::string who = broken.empty()
                                    ? std::string{}
                                    : fmt::format("{} on {}", label(e, entry.member, entry.index),
                                                  iso_date(entry.date));
        for (const auto& v : broken) add_for(entry, v.rule, message(e, entry, who, v, dates));
        if (options_.today) check_overdue(e, entry, *cs);
    }

    // The caps of a per-member event, over its occurrences of the year that
    // are not cancelled: each one beyond a cap is a finding.
    void check_caps(const event_template& e, int year, const year_dates& dates) {
        auto cs = constraints_of(cal_, holidays_, e, {}, year);
        if (!cs) return;  // the loader has checked every window and deadline
        for (const auto& c : *cs) {
            const auto* caps = c.as<caps_constraint>();
            if (!caps) continue;
            for (const cap_excess& x : caps_violations(*caps, dates.of(e.id))) {
                const plan_entry& entry = dates.entry(e.id, x.index);
                add_for(entry, std::string(c.rule),
                        fmt::format("{} on {} makes {} {} {}, more than {} = {} allows ({})",
                                    label(e, entry.member), iso_date(entry.date), x.count,
                                    x.count == 1 ? "occurrence" : "occurrences",
                                    x.per_week ? fmt::format("in week {}", x.week) : "that day",
                                    x.per_week ? "max_per_week" : "max_per_day", x.cap,
                                    c.where->to_string()));
            }
        }
    }

    std::string message(const event_template& e, const plan_entry& entry, const std::string& who,
                        const violation& v, const year_dates& dates) const {
        const constraint& c = *v.broken;
        if (const auto* deadline = c.as<deadline_constraint>())
            return fmt::format("{} {}after its deadline {} (no later than, {})", who,
                               end_of(entry) != entry.date
                                   ? fmt::format("ends {} ", iso_date(end_of(entry)))
                                   : "is ",
                               iso_date(deadline->day), c.where->to_string());
        if (const auto* window = c.as<window_constraint>())
            return fmt::format("{} is outside its window {} – {} ({})", who,
                               iso_date(window->days.first), iso_date(window->days.last),
                               e.repeat
                                   ? fmt::format("{}, {}", describe(e.timing), describe(*e.repeat))
                                   : describe(e.timing));
        if (const auto* offset = c.as<offset_constraint>()) return offset_message(*offset, who, v);
        if (const auto* weekdays = c.as<weekday_constraint>()) {
            std::vector<std::string> names;
            for (auto wd : weekdays->weekdays) names.push_back(weekday_name(wd));
            return fmt::format("{} is on a {}, not one of its weekdays ({}; {})", who,
                               weekday_name(*v.weekday), fmt::join(names, ", "),
                               e.where.to_string());
        }
        if (const auto* after = c.as<after_constraint>()) {
            const plan_entry& last = dates.entry(after->event, v.bound.other);
            return fmt::format(
                "{} must come after {} (on {}, {}){}", who,
                label(*cal_.find_event(split_reference(after->event).event), last.member),
                iso_date(v.bound.other_day), last.where.to_string(),
                after->gap_days || after->gap_working_days
                    ? fmt::format(" with a gap of {}, so not before {}", gap_text(*after),
                                  iso_date(*v.bound.first_from))
                    : "");
        }
        return working_day_message(entry, who, *v.conflict);
    }

    static std::string gap_text(const after_constraint& after) {
        std::vector<std::string> parts;
        if (after.gap_days) parts.push_back(fmt::format("{} days", after.gap_days));
        if (after.gap_working_days)
            parts.push_back(fmt::format("{} working days", after.gap_working_days));
        return fmt::format("{}", fmt::join(parts, " and "));
    }

    static std::string weekday_name(date::weekday wd) {
        static constexpr const char* names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                "Thursday", "Friday", "Saturday"};
        return names[wd.c_encoding()];
    }

    std::string offset_message(const offset_constraint& offset, const std::string& who,
                               const violation& v) const {
        const bool before = offset.before();
        const int n = std::abs(offset.offset_days);
        const std::string span = n % 7 == 0 ? fmt::format("{} week{}", n / 7, n == 7 ? "" : "s")
                                            : fmt::format("{} day{}", n, n == 1 ? "" : "s");
        return fmt::format(
            "{} does not keep its lead time: it must be on or {} {}, {} {} the {} {} ({})", who,
            before ? "before" : "after",
            iso_date(before ? *v.bound.first_until : *v.bound.first_from), span,
            before ? "before" : "after", before ? "first" : "last",
            cal_.find_event(split_reference(offset.anchor).event)->title,
            iso_date(v.bound.other_day));
    }

    static std::string working_day_message(const plan_entry& entry, const std::string& who,
                                           const day_conflict& c) {
        std::string day = c.day == entry.date ? "" : fmt::format(" ({})", iso_date(c.day));
        if (c.rule == "holiday")
            return fmt::format("{} is on a public holiday{}: {}", who, day, c.what);
        if (c.rule == "day-off")
            return fmt::format("{} is on a de facto day off{}: {}", who, day, c.what);
        if (c.rule == "weekend") return fmt::format("{} is on a {}{}", who, c.what, day);
        if (c.rule == "short-day")
            return fmt::format("{} is a full-day event on a short working day{}: {}", who, day,
                               c.what);
        if (c.rule == "election-day") return fmt::format("{} is{} {}", who, day, c.what);
        if (c.rule == "out-of-term") return fmt::format("{} is{} {}", who, day, c.what);
        if (c.rule == "body-clash")
            return fmt::format("{} shares a day{} with {}", who, day, c.what);
        if (c.rule == "time-overlap")
            return fmt::format("{} overlaps in time{} with {}", who, day, c.what);
        return fmt::format("{} is during a closure{}: {}", who, day, c.what);
    }

    void check_overdue(const event_template& e, const plan_entry& entry,
                       const std::vector<constraint>& cs) {
        if (entry.status != occurrence_status::planned) return;
        // A relative rule's deadline is no constraint of its days (it has an
        // offset instead) but still says when it is due.
        std::optional<sys_days> deadline;
        if (const auto* d = find_constraint<deadline_constraint>(cs)) deadline = d->day;
        if (!deadline && e.deadline)
            if (auto d = date_in(*e.deadline, date::year{entry.cycle_year})) deadline = *d;
        const sys_days due = deadline.value_or(end_of(entry));
        if (due >= *options_.today) return;
        add_for(entry, "overdue",
                fmt::format("{} was due {} and is not marked held (status = \"held\"); today is {}",
                            label(e, entry.member), iso_date(due), iso_date(*options_.today)));
    }

    const calendar& cal_;
    const plan_file& plan_;
    const check_options& options_;
    const holiday_calendar& holidays_;
    // The entries of each event and year, in plan order (key()).
    std::unordered_map<std::uint64_t, std::vector<const plan_entry*>> by_event_;
    std::unordered_map<const body*, bool> distinct_;  // whether a body names each member once
    // Each year of the entries, with its first entry (found once: a scan
    // per year made checking a plan of many years quadratic, issue 12).
    std::map<int, const plan_entry*> years_;
    day_bookings bookings_{cal_};
    findings out_;
    const std::vector<const plan_entry*> no_entries_;
};

}  // namespace

findings check_deadlines(const calendar& cal, const plan_file& plan, const check_options& options) {
    // Holidays of every calendar year an entry or rule can reach.
    int first = cal.first_year, last = cal.last_plannable_year();
    for (const auto& entry : plan.entries) {
        first = std::min(first, int(date::year_month_day{entry.date}.year()));
        last = std::max(last, int(date::year_month_day{end_of(entry)}.year()));
    }
    auto provider = holidays_for(cal, options.holidays);
    auto holidays = provider ? holiday_calendar::for_years(
                                   **provider, date::year{std::max(first - 1, first_holiday_year)},
                                   date::year{std::min(last + 2, last_holiday_year)})
                             : provider.errors();
    if (!holidays) {  // no such provider, or a year it does not cover
        const error& e = holidays.errors().front();
        return {{severity::error, "holidays", e.message, e.where, {}, false, {}}};
    }
    return deadline_checker(cal, plan, options, *holidays).run();
}

}  // namespace cycle::deadlines
