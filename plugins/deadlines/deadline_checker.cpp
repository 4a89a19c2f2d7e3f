#include "deadline_checker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "cycle/working_days.hpp"

namespace cycle::deadlines {
namespace {

using date::sys_days;

std::string day_text(sys_days d) {
    return date::format("%F", d);
}

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
            by_event_[{entry.event, entry.cycle_year}].push_back(&entry);
            years_.insert(entry.cycle_year);
        }
    }

    // Violations only: the check host gives them their levels, applies the
    // plan's waivers and sorts.
    findings run() {
        for (int year : years_) check_year(year);
        return std::move(out_);
    }

private:
    bool occurs(const event_template& e, int year) const {
        if (!e.years.selects(year - cal_.first_year + 1, cal_.cycle_length())) return false;
        if (const relative_rule* rel = e.timing.relative())
            return occurs(*cal_.find_event(rel->anchor), year);
        return true;
    }

    const std::vector<const plan_entry*>& entries_of(const std::string& event, int year) const {
        static const std::vector<const plan_entry*> none;
        auto it = by_event_.find({event, year});
        return it == by_event_.end() ? none : it->second;
    }

    std::string label(const event_template& e, const std::string& member) const {
        if (member.empty()) return e.title;
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

    void check_year(int year) {
        // Where a finding about the whole year points: the first file with
        // entries of that year.
        source_region year_file;
        for (const auto& entry : plan_.entries)
            if (entry.cycle_year == year) {
                year_file = {entry.where.file, 0, 0};
                break;
            }
        for (const auto& e : cal_.events) {
            if (!occurs(e, year)) continue;
            std::vector<std::string> members{std::string{}};
            if (e.per_member) members = cal_.find_body(e.per_member->body)->members;
            // The entries of each member, in plan order, found once: a scan
            // of every entry per member made checking quadratic in members.
            std::unordered_map<std::string_view, std::vector<const plan_entry*>> by_member;
            for (const plan_entry* entry : entries_of(e.id, year))
                by_member[entry->member].push_back(entry);
            for (const auto& member : members) {
                auto it = by_member.find(member);
                check_presence(e, member, year, year_file,
                               it == by_member.end() ? no_entries_ : it->second);
            }
            for (const plan_entry* entry : entries_of(e.id, year))
                if (counts(*entry)) check_entry(e, *entry);
        }
    }

    void check_presence(const event_template& e, const std::string& member, int year,
                        const source_region& year_file,
                        const std::vector<const plan_entry*>& mine) {
        const std::string who = label(e, member);
        if (mine.empty()) {
            if (options_.partial) return;  // the planner proposes what the plan leaves out
            add("missing",
                fmt::format("no {} in {}: the calendar requires it ({})", who, year,
                            e.where.to_string()),
                year_file,
                occurrence_id{e.id, member, year}.to_string());
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

    void check_entry(const event_template& e, const plan_entry& entry) {
        const std::string who =
            fmt::format("{} on {}", label(e, entry.member), day_text(entry.date));
        if (e.timing.relative())
            check_offset(e, entry, who);
        else
            check_window(e, entry, who);
        check_precedence(e, entry, who);
        if (e.working_days_only) check_working_days(e, entry, who);
        if (options_.today) check_overdue(e, entry);
    }

    std::optional<sys_days> deadline_of(const event_template& e, int year) const {
        if (!e.deadline) return std::nullopt;
        auto d = date_in(*e.deadline, date::year{year});
        return d ? std::optional<sys_days>{*d} : std::nullopt;
    }

    void check_window(const event_template& e, const plan_entry& entry, const std::string& who) {
        auto deadline = deadline_of(e, entry.cycle_year);
        if (deadline && end_of(entry) > *deadline) {
            add_for(entry, "deadline-missed",
                    fmt::format("{} {}after its deadline {} (no later than, {})", who,
                                end_of(entry) != entry.date
                                    ? fmt::format("ends {} ", day_text(end_of(entry)))
                                    : "is ",
                                day_text(*deadline), e.deadline->where.to_string()));
            return;  // a missed deadline says more than "outside the window"
        }
        auto window = window_in(e.timing, date::year{entry.cycle_year});
        if (!window) return;  // the loader has checked every window
        if (entry.date < window->first || end_of(entry) > window->last)
            add_for(
                entry, "outside-window",
                fmt::format("{} is outside its window {} – {} ({})", who, day_text(window->first),
                            day_text(window->last), describe(e.timing)));
    }

    void check_offset(const event_template& e, const plan_entry& entry, const std::string& who) {
        std::vector<const plan_entry*> anchors;
        const relative_rule& rel = *e.timing.relative();
        for (const plan_entry* a : entries_of(rel.anchor, entry.cycle_year))
            if (counts(*a)) anchors.push_back(a);
        if (anchors.empty()) return;  // reported as missing
        const event_template& anchor_event = *cal_.find_event(rel.anchor);
        const bool before = rel.offset_days < 0;
        sys_days anchor = before ? anchors.front()->date : end_of(*anchors.front());
        for (const plan_entry* a : anchors)
            anchor = before ? std::min(anchor, a->date) : std::max(anchor, end_of(*a));
        const sys_days limit = anchor + date::days{rel.offset_days};
        if (before ? entry.date <= limit : entry.date >= limit) return;
        const int n = std::abs(rel.offset_days);
        const std::string span = n % 7 == 0 ? fmt::format("{} week{}", n / 7, n == 7 ? "" : "s")
                                            : fmt::format("{} day{}", n, n == 1 ? "" : "s");
        add_for(
            entry, "offset",
            fmt::format("{} does not keep its lead time: it must be on or {} {}, {} {} the {} {} "
                        "({})",
                        who, before ? "before" : "after", day_text(limit), span,
                        before ? "before" : "after", before ? "first" : "last", anchor_event.title,
                        day_text(anchor)));
    }

    void check_precedence(const event_template& e, const plan_entry& entry,
                          const std::string& who) {
        for (const auto& dep_id : e.after) {
            const event_template& dep = *cal_.find_event(dep_id);
            const plan_entry* last = nullptr;
            for (const plan_entry* p : entries_of(dep_id, entry.cycle_year))
                if (counts(*p) && (!last || end_of(*p) > end_of(*last))) last = p;
            if (!last) continue;
            const sys_days earliest = end_of(*last) + date::days{1 + e.gap_days};
            if (entry.date >= earliest) continue;
            add_for(
                entry, "precedence",
                fmt::format("{} must come after {} (on {}, {}){}", who, label(dep, last->member),
                            day_text(end_of(*last)), last->where.to_string(),
                            e.gap_days ? fmt::format(" with a gap of {} days, so not before {}",
                                                     e.gap_days, day_text(earliest))
                                       : ""));
        }
    }

    void check_working_days(const event_template& e, const plan_entry& entry,
                            const std::string& who) {
        for (const auto& c : day_conflicts(cal_, holidays_, bodies_concerned(e, entry.member),
                                           entry.date, end_of(entry))) {
            std::string day = c.day == entry.date ? "" : fmt::format(" ({})", day_text(c.day));
            if (c.rule == "holiday")
                add_for(entry, c.rule,
                        fmt::format("{} is on a public holiday{}: {}", who, day, c.what));
            else if (c.rule == "day-off")
                add_for(entry, c.rule,
                        fmt::format("{} is on a de facto day off{}: {}", who, day, c.what));
            else if (c.rule == "weekend")
                add_for(entry, c.rule, fmt::format("{} is on a {}{}", who, c.what, day));
            else
                add_for(entry, c.rule,
                        fmt::format("{} is during a closure{}: {}", who, day, c.what));
        }
    }

    void check_overdue(const event_template& e, const plan_entry& entry) {
        if (entry.status != occurrence_status::planned) return;
        const sys_days due = deadline_of(e, entry.cycle_year).value_or(end_of(entry));
        if (due >= *options_.today) return;
        add_for(entry, "overdue",
                fmt::format("{} was due {} and is not marked held (status = \"held\"); today is {}",
                            label(e, entry.member), day_text(due), day_text(*options_.today)));
    }

    const calendar& cal_;
    const plan_file& plan_;
    const check_options& options_;
    const holiday_calendar& holidays_;
    std::map<std::pair<std::string, int>, std::vector<const plan_entry*>> by_event_;
    std::set<int> years_;
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
