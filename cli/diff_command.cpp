// cycle diff: what changed between two versions of a plan (docs/check.md).
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "calendar_choice.hpp"
#include "commands.hpp"
#include "cycle/text.hpp"
#include "cycle/plan_diff.hpp"
#include "plan_files.hpp"

namespace cycle::cli {
namespace {

std::string clock(std::chrono::minutes m) {
    return fmt::format("{:02}:{:02}", m.count() / 60, m.count() % 60);
}

// "2026-10-12", "2026-10-12 13:00 (3h)", "2026-09-01 – 2026-10-31"
std::string when(const plan_entry& e) {
    std::string text = date::format("%F", e.date);
    if (e.end_date && *e.end_date != e.date) text += " – " + date::format("%F", *e.end_date);
    if (e.start_time) text += " " + clock(*e.start_time);
    if (e.duration) {
        const auto h = e.duration->count() / 60, m = e.duration->count() % 60;
        text += h && m ? fmt::format(" ({}h{}m)", h, m)
                : h    ? fmt::format(" ({}h)", h)
                       : fmt::format(" ({}m)", m);
    }
    return text;
}

std::string format_text(const std::vector<plan_change>& changes) {
    std::string out;
    std::map<change_kind, std::size_t> counts;
    for (const auto& c : changes) {
        ++counts[c.kind];
        const plan_entry& at = c.after ? *c.after : *c.before;
        std::string what;
        switch (c.kind) {
            case change_kind::added:
                what = when(*c.after);
                break;
            case change_kind::removed:
                what = when(*c.before);
                break;
            case change_kind::moved:
                what = fmt::format("{} -> {}", when(*c.before), when(*c.after));
                if (std::string_view(status_word(*c.before)) != status_word(*c.after))
                    what +=
                        fmt::format(" ({} -> {})", status_word(*c.before), status_word(*c.after));
                break;
            case change_kind::status:
                what = fmt::format("{}: {} -> {}", when(*c.after), status_word(*c.before),
                                   status_word(*c.after));
                break;
        }
        out += fmt::format("{:<8} {} ({}): {}  [{}]\n", to_string(c.kind), printable(c.title), at.cycle_year,
                           what, at.where.to_string());
    }
    if (changes.empty()) return out + "cycle diff: no changes\n";
    std::vector<std::string> parts;
    for (auto k :
         {change_kind::added, change_kind::removed, change_kind::moved, change_kind::status})
        if (counts[k]) parts.push_back(fmt::format("{} {}", counts[k], to_string(k)));
    return out + fmt::format("cycle diff: {} change{}: {}\n", changes.size(),
                             changes.size() == 1 ? "" : "s", fmt::join(parts, ", "));
}

nlohmann::ordered_json entry_json(const std::optional<plan_entry>& e) {
    if (!e) return nullptr;
    return {{"date", date::format("%F", e->date)},
            {"end", date::format("%F", e->end_date.value_or(e->date))},
            {"start", e->start_time ? nlohmann::ordered_json(clock(*e->start_time))
                                    : nlohmann::ordered_json()},
            {"duration_minutes",
             e->duration ? nlohmann::ordered_json(e->duration->count()) : nlohmann::ordered_json()},
            {"status", status_word(*e)},
            {"file", e->where.file},
            {"line", e->where.line},
            {"column", e->where.column}};
}

std::string format_json(const calendar& cal, const diff_command& command,
                        const std::vector<plan_change>& changes) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    std::map<std::string, std::size_t> counts{
        {"added", 0}, {"removed", 0}, {"moved", 0}, {"status", 0}};
    for (const auto& c : changes) {
        ++counts[to_string(c.kind)];
        const plan_entry& any = c.after ? *c.after : *c.before;
        list.push_back({{"change", to_string(c.kind)},
                        {"occurrence", c.key},
                        {"event", any.event},
                        {"member", any.member.empty() ? nlohmann::ordered_json()
                                                      : nlohmann::ordered_json(any.member)},
                        {"year", any.cycle_year},
                        {"title", c.title},
                        {"old", entry_json(c.before)},
                        {"new", entry_json(c.after)}});
    }
    nlohmann::ordered_json doc{{"schema", "cycle-diff/1"},
                               {"calendar", cal.id},
                               {"old", command.old_plan},
                               {"new", command.new_plan},
                               {"changes", list},
                               {"summary",
                                {{"added", counts["added"]},
                                 {"removed", counts["removed"]},
                                 {"moved", counts["moved"]},
                                 {"status", counts["status"]}}}};
    return doc.dump(2) + '\n';
}

int report(const errors& errs) {
    for (const auto& e : errs) std::cerr << e.to_string() << '\n';
    return exit_bad_input;
}

}  // namespace

int run_diff(const diff_command& command) {
    if (command.old_plan == "-" && command.new_plan == "-")
        return report({{"only one of OLD and NEW can be standard input (-)", {}}});
    auto choice = calendar_choice::read(command.calendar_file);
    if (!choice) return report(choice.errors());
    const calendar& cal = choice->get();
    auto before = read_plan(command.old_plan, cal);
    auto after = read_plan(command.new_plan, cal);
    errors errs;
    if (!before) errs.insert(errs.end(), before.errors().begin(), before.errors().end());
    if (!after) errs.insert(errs.end(), after.errors().begin(), after.errors().end());
    if (!errs.empty()) return report(errs);
    auto changes = diff_plans(cal, *before, *after);
    std::cout << (command.format == "json" ? format_json(cal, command, changes)
                                           : format_text(changes))
              << std::flush;
    return exit_ok;
}

}  // namespace cycle::cli
