// The planner's facts in words (explanation.hpp): made only when printed.
#include "cycle/explanation.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cycle/calendar.hpp"
#include "cycle/occurrence.hpp"
#include "cycle/recurrence.hpp"
#include "explanation_words.hpp"

namespace cycle {
namespace {

std::string joined(const calendar& cal, const event_template& e, const placement_facts& f) {
    std::string out;
    for (const auto& n : f.narrowed) {
        if (!out.empty()) out += "; ";
        out += describe(cal, e.id, n);
    }
    return out;
}

std::string passed_text(const passed_day& p) {
    return fmt::format("{} {}", iso_date(p.day), p.why);
}

// "last working day before it"
std::string move_text(const placement_facts& f, date::sys_days to) {
    return to < *f.moved_from ? "last working day before it" : "first working day after it";
}

std::string named_day(const placement_facts& f, date::sys_days to) {
    if (f.moved_from)
        return fmt::format("the rule names {}, which is {}; {}", iso_date(*f.moved_from),
                           f.moved_why, move_text(f, to));
    return f.named_day_note.empty()
               ? "the rule names the day"
               : fmt::format("the rule names the day, although it is {}", f.named_day_note);
}

std::string first_working_day(const event_template& e, const placement_facts& f) {
    std::string text =
        fmt::format("first {}working day from the {} of the window",
                    e.preferred_weekdays.empty() ? "" : "preferred-weekday ", to_string(e.prefer));
    if (f.passed_count == 0) return text;
    if (f.passed_count <= 4) {
        std::vector<std::string> days;
        for (const auto& p : f.passed) days.push_back(passed_text(p));
        return text + fmt::format(" (skipped {})", fmt::join(days, ", "));
    }
    return text + fmt::format(" (skipped {} days, e.g. {})", f.passed_count,
                              passed_text(f.passed.front()));
}

// "1/day, 3/week", "3/week", or "no cap" (0 is no cap).
std::string caps_text(const per_member_rule& caps) {
    std::vector<std::string> parts;
    if (caps.max_per_day) parts.push_back(fmt::format("{}/day", caps.max_per_day));
    if (caps.max_per_week) parts.push_back(fmt::format("{}/week", caps.max_per_week));
    return parts.empty() ? "no cap" : fmt::format("{}", fmt::join(parts, ", "));
}

std::string spread(const event_template& e, const placement_facts& f) {
    const per_member_rule& caps = *e.per_member;
    return fmt::format(
        "slot {} of {} spread over {}, target {}; {}", f.slot, f.slots, window_text(f.spread_over),
        iso_date(f.target),
        f.used_buffer
            ? "placed in the buffer before the deadline: no earlier day was free"
            : fmt::format("nearest free working day under the caps ({})", caps_text(caps)));
}

std::string offset(const calendar& cal, const event_template& e, const placement_facts& f) {
    const bool before = e.timing.relative() && e.timing.relative()->offset_days < 0;
    std::string text =
        fmt::format("{} ({} {}) = {}", describe(e.timing), before ? "earliest" : "latest",
                    iso_date(f.anchor), iso_date(f.raw));
    // A predecessor that moved the start later than the offset's day.
    for (const auto& n : f.narrowed)
        text += fmt::format("; not before {}: {}", iso_date(n.days.first), describe(cal, e.id, n));
    if (f.passed.empty()) return text;
    std::vector<std::string> days;
    for (const auto& p : f.passed) days.push_back(passed_text(p));
    return text + fmt::format("; moved {} to a working day (skipped {})",
                              before ? "earlier" : "later", fmt::join(days, ", "));
}

}  // namespace

std::string describe(const calendar& cal, const std::string& event, const narrowing& n) {
    const event_template* e = cal.find_event(event);
    if (n.rule == "outside-window")
        return fmt::format("window {} ({}{})", window_text(n.days), e ? describe(e->timing) : "",
                           e && e->repeat ? ", " + describe(*e->repeat) : "");
    if (n.rule == "deadline-missed") return fmt::format("deadline {}", iso_date(n.days.first));
    return fmt::format("after {} (last {}{})", n.event, iso_date(n.days.last),
                       n.gap_days ? fmt::format(", gap {} days", n.gap_days) : "");
}

namespace {

// The facts in words; `words(e, f)` gives the narrowings' words.
template <class Joined>
std::string explain_with(const calendar& cal, const occurrence& o, Joined&& words) {
    const placement_facts& f = o.explanation;
    const event_template* e = cal.find_event(o.event);
    if (!e || f.empty()) return {};
    switch (f.how) {
        case placed_by::none:
            return {};
        case placed_by::plan_file:
            return fmt::format("fixed by the plan ({})", o.where.to_string());
        case placed_by::spans_window:
            return fmt::format("spans its window {}", o.window ? window_text(*o.window) : "");
        case placed_by::deadline_day:
            if (f.moved_from)
                return fmt::format("deadline on {}: {} is {}; {}", iso_date(o.date),
                                   iso_date(*f.moved_from), f.moved_why, move_text(f, o.date));
            return fmt::format("deadline on {}", iso_date(o.date));
        case placed_by::named_day:
            return fmt::format("{}{}; {}", e->held ? "held (history in the calendar); " : "",
                               words(*e, f), named_day(f, o.date));
        case placed_by::first_working_day:
            return fmt::format("{}; {}", words(*e, f), first_working_day(*e, f));
        case placed_by::spread:
            return fmt::format("{}; {}", words(*e, f), spread(*e, f));
        case placed_by::offset:
            return offset(cal, *e, f);
    }
    return {};
}

bool same(const std::vector<narrowing>& a, const std::vector<narrowing>& b) {
    return std::equal(
        a.begin(), a.end(), b.begin(), b.end(), [](const narrowing& x, const narrowing& y) {
            return x.rule == y.rule && x.days.first == y.days.first && x.days.last == y.days.last &&
                   x.event == y.event && x.gap_days == y.gap_days;
        });
}

}  // namespace

std::string explain(const calendar& cal, const occurrence& o) {
    return explain_with(cal, o, [&](const event_template& e, const placement_facts& f) {
        return joined(cal, e, f);
    });
}

namespace detail {

std::string explanation_words::explain(const occurrence& o) {
    return explain_with(cal_, o, [&](const event_template& e, const placement_facts& f) {
        if (kept_.empty()) kept_.resize(cal_.events.size());
        auto& k = kept_[static_cast<std::size_t>(&e - cal_.events.data())];
        if (!k.made || !same(k.narrowed, f.narrowed)) {
            k.narrowed = f.narrowed;
            k.text = joined(cal_, e, f);
            k.made = true;
        }
        return k.text;
    });
}

}  // namespace detail

}  // namespace cycle
