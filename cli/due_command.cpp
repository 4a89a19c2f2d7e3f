// cycle due: what takes place or falls due in the next days, and, when plan
// files say what was held, what is overdue (docs/check.md).
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "calendar_choice.hpp"
#include "commands.hpp"
#include "cycle/due.hpp"
#include "cycle/text.hpp"
#include "cycle/texts.hpp"
#include "day_option.hpp"
#include "plan_files.hpp"

namespace cycle::cli {
namespace {

int report(const errors& errs, int status = exit_bad_input) {
    for (const auto& e : errs) std::cerr << e.to_string() << '\n';
    return status;
}

std::string day(date::sys_days d) {
    return date::format("%F", d);
}

// One row: the fixed words in the calendar's language (texts.hpp).
std::string row(const calendar& cal, const texts& t, const occurrence& o) {
    std::string when = day(o.date);
    if (o.end_date != o.date) when += " – " + day(o.end_date);
    return fmt::format("{:<23}  {:<6} {}  {}  {}{}\n", when, week_text(t, o.date),
                       t.weekdays_short[date::weekday{o.date}.c_encoding()],
                       fmt::format(fmt::runtime(t.due_by), day(due_day(o))),
                       printable(title_of(cal, o)),
                       o.proposed ? " " + std::string(t.proposed_mark) : std::string{});
}

std::string format_text(const calendar& cal, const due_report& r) {
    const texts& t = texts_for(cal.language);
    std::string out =
        fmt::format(fmt::runtime(t.due_heading), day(r.from), day(r.to), printable(cal.title)) +
        "\n";
    for (const auto& o : r.due) out += row(cal, t, o);
    if (r.due.empty()) out += std::string(t.nothing_due) + "\n";
    // With their ids, to mark them: cycle mark held ID --plan FILE.
    const auto with_id = [&](const occurrence& o) {
        std::string line = row(cal, t, o);
        line.insert(line.size() - 1, "  [" + o.to_string() + "]");
        return line;
    };
    if (!r.missed.empty()) {
        out += std::string(t.missed_heading) + "\n";
        for (const auto& o : r.missed) out += with_id(o);
    }
    if (!r.unmarked.empty()) {
        out += std::string(t.unmarked_heading) + "\n";
        for (const auto& o : r.unmarked) out += with_id(o);
    }
    return out;
}

nlohmann::ordered_json items(const calendar& cal, const std::vector<occurrence>& list) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& o : list)
        out.push_back({{"occurrence", o.to_string()},
                       {"event", o.event},
                       {"member", o.member.empty() ? nlohmann::ordered_json()
                                                   : nlohmann::ordered_json(o.member)},
                       {"year", o.cycle_year},
                       {"title", title_of(cal, o)},
                       {"date", day(o.date)},
                       {"end", day(o.end_date)},
                       {"due", day(due_day(o))},
                       {"fixed", o.fixed && !o.proposed},
                       {"proposed", o.proposed}});
    return out;
}

}  // namespace

int run_due(const registry& plugins, const due_command& command) {
    auto choice = calendar_choice::read(command.calendar_file);
    if (!choice) return report(choice.errors());
    const calendar& cal = choice->get();
    auto holidays = plugins.holidays_for(cal);
    if (!holidays) return report(holidays.errors());
    auto within = parse_span(command.within, "--within");
    if (!within) return report(within.errors());
    date::sys_days today = today_in(cal.time_zone);
    if (command.today) {
        auto parsed = parse_day(*command.today, "--today");
        if (!parsed) return report(parsed.errors());
        today = *parsed;
    }
    std::optional<plan_file> fixed;
    auto paths = plans_to_read(command.plans, *choice, false);
    if (!paths) return report(paths.errors());
    if (!paths->empty()) {
        auto read = read_plans(*paths, cal);
        if (!read) return report(read.errors());
        fixed = std::move(read).value();
    }
    if (auto known = check_audience(cal, command.audience); !known) return report(known.errors());
    auto found = find_due(cal, {.today = today,
                                .within_days = *within,
                                .fixed = fixed ? &*fixed : nullptr,
                                .audience = command.audience,
                                .holidays = *holidays});
    if (!found) return report(found.errors(), exit_unsatisfiable);
    const due_report& r = *found;
    if (command.format == "json") {
        nlohmann::ordered_json doc{
            {"schema", "cycle-due/1"},        {"calendar", cal.id},
            {"today", day(r.from)},           {"to", day(r.to)},
            {"due", items(cal, r.due)},       {"overdue", items(cal, r.overdue)},
            {"missed", items(cal, r.missed)}, {"unmarked", items(cal, r.unmarked)}};
        std::cout << doc.dump(2) << '\n';
    } else {
        std::cout << format_text(cal, r);
    }
    return exit_ok;
}

}  // namespace cycle::cli
