#include "commands.hpp"

#include <date/iso_week.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <tuple>
#include <unordered_set>
#include <variant>

#include "calendar_choice.hpp"
#include "cycle/assumptions.hpp"
#include "cycle/calendar.hpp"
#include "cycle/holidays.hpp"
#include "cycle/plan.hpp"
#include "cycle/plan_edit.hpp"
#include "cycle/plan_file.hpp"
#include "cycle/plan_output.hpp"
#include "cycle/read_file.hpp"
#include "cycle/text.hpp"
#include "cycle/timezone.hpp"
#include "output_file.hpp"
#include "plan_files.hpp"

namespace cycle::cli {
namespace {

int report(const errors& errs, int status) {
    for (const auto& e : errs) std::cerr << e.to_string() << '\n';
    return status;
}

// "a, b, c": the names of a list, for "available: ..." messages.
template <class List, class Name>
std::string list_names(const List& list, Name name) {
    std::string text;
    for (const auto& x : list) text += (text.empty() ? "" : ", ") + name(x);
    return text;
}

// A calendar, its plan file and the plan they make, or the exit status of
// the failure (its messages already printed).
struct planned {
    calendar_choice calendar_in_use;
    plan p;
    const calendar& cal() const { return calendar_in_use.get(); }
};

std::variant<planned, int> make_requested_plan(const registry& plugins, const plan_inputs& in) {
    auto choice = calendar_choice::read(in.calendar_file);
    if (!choice) return report(choice.errors(), exit_bad_input);
    planned out{std::move(choice).value(), {}};
    const calendar& cal = out.cal();
    auto holidays = plugins.holidays_for(cal);
    if (!holidays) return report(holidays.errors(), exit_bad_input);
    std::optional<plan_file> fixed;
    if (!in.plan_files.empty()) {
        auto pf = read_plans(in.plan_files, cal);
        if (!pf) return report(pf.errors(), exit_bad_input);
        fixed = std::move(pf).value();
    }
    if (auto known = check_audience(cal, in.audience); !known)
        return report(known.errors(), exit_bad_input);
    // Proposed dates are re-planned around the confirmed and held ones.
    if (fixed) fixed = fixed_entries(*fixed);
    plan_request request;
    request.fixed = fixed ? &*fixed : nullptr;
    request.holidays = *holidays;
    if (!in.whole_cycle) request.year = in.year.value_or(current_cycle_year(cal, today_in(cal.time_zone)));
    if (request.year) {
        if (auto y = check_plan_year(cal, *request.year); !y) {
            auto errs = y.errors();
            errs.front().where = cal.where;
            return report(errs, exit_bad_input);
        }
    }
    auto made = make_plan(cal, request);
    if (!made) return report(made.errors(), exit_unsatisfiable);
    out.p = std::move(made).value();
    return out;
}

// When feeds are published: now, or SOURCE_DATE_EPOCH for reproducible output
// (https://reproducible-builds.org/specs/source-date-epoch/).
date::sys_seconds publishing_time() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long seconds = std::strtoll(epoch, &end, 10);
        if (end != epoch && *end == '\0' && seconds >= 0) return date::sys_seconds{std::chrono::seconds{seconds}};
    }
    return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

// The occurrences of `p` no plan file has, by the file they go into: the
// first file with an entry of their cycle year. Those of a cycle year no
// file has are counted in `left_out`.
std::vector<std::vector<const occurrence*>> missing_by_file(const plan& p,
                                                            const std::vector<plan_file>& files,
                                                            std::size_t& left_out) {
    std::unordered_set<occurrence_id> known;
    std::map<int, std::size_t> file_of_year;
    for (std::size_t i = 0; i < files.size(); ++i)
        for (const auto& e : files[i].entries) {
            known.insert(e.id());
            file_of_year.try_emplace(e.cycle_year, i);
        }
    std::vector<std::vector<const occurrence*>> out(files.size());
    left_out = 0;
    for (const auto& o : p.occurrences) {
        if (known.count(o.id())) continue;
        auto it = file_of_year.find(o.cycle_year);
        if (it == file_of_year.end())
            ++left_out;
        else
            out[it->second].push_back(&o);
    }
    return out;
}

// cycle plan --plan FILE... --update: each file's proposed dates become the
// plan's, and the occurrences no file has are added as proposed, by editing
// lines; the changes are listed on standard error.
int update_plan_files(const calendar& cal, const plan& p, const std::vector<std::string>& paths) {
    std::vector<std::string> texts;
    std::vector<plan_file> read;
    for (const auto& path : paths) {
        auto text = read_file(path, "plan");
        if (!text) return report(text.errors(), exit_bad_input);
        auto pf = load_plan_string(*text, path, cal);
        if (!pf) return report(pf.errors(), exit_bad_input);
        texts.push_back(std::move(text).value());
        read.push_back(std::move(pf).value());
    }
    std::size_t left_out = 0;
    const auto missing = missing_by_file(p, read, left_out);
    std::vector<output_file> files;
    std::vector<std::string> changes;
    std::size_t moved = 0, added = 0;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        auto edited = move_proposed(texts[i], read[i], p);
        if (!edited) return report(edited.errors(), exit_bad_input);
        moved += edited->changes.size();
        std::vector<std::string> file_changes = std::move(edited->changes);
        std::string text = std::move(edited->text);
        if (!missing[i].empty()) {
            // The moves may have added lines: the entries' places are read again.
            auto again = load_plan_string(text, paths[i], cal);
            if (!again) return report(again.errors(), exit_bad_input);
            auto with_new = add_proposed(text, *again, cal, p, missing[i]);
            if (!with_new) return report(with_new.errors(), exit_bad_input);
            added += with_new->changes.size();
            file_changes.insert(file_changes.end(), with_new->changes.begin(),
                                with_new->changes.end());
            text = std::move(with_new->text);
        }
        if (text == texts[i]) continue;
        files.push_back({paths[i], std::move(text)});
        changes.insert(changes.end(), file_changes.begin(), file_changes.end());
    }
    // Every file is edited, or none.
    if (auto written = write_outputs(files); !written)
        return report(written.errors(), exit_bad_input);
    for (const auto& c : changes) std::cerr << c << '\n';
    std::cerr << fmt::format(
        "cycle plan: {} proposed date{} moved{} in {} file{}\n", moved, moved == 1 ? "" : "s",
        added ? fmt::format(", {} occurrence{} added", added, added == 1 ? "" : "s") : "",
        files.size(), files.size() == 1 ? "" : "s");
    if (left_out)
        std::cerr << fmt::format(
            "cycle plan: {} occurrence{} of cycle years no plan file has entries for not added "
            "(write them with --format plan --out FILE)\n",
            left_out, left_out == 1 ? "" : "s");
    return exit_ok;
}

}  // namespace

int run_plan(const registry& plugins, const plan_command& command) {
    if (command.update) {
        if (command.inputs.plan_files.empty())
            return report(
                {{"--update rewrites the plan files given with --plan: give one", {"--update"}}},
                exit_bad_input);
        if (std::find(command.inputs.plan_files.begin(), command.inputs.plan_files.end(), "-") !=
            command.inputs.plan_files.end())
            return report({{"--update cannot rewrite standard input", {"--plan"}}}, exit_bad_input);
        auto made = make_requested_plan(plugins, command.inputs);
        if (auto* status = std::get_if<int>(&made)) return *status;
        const planned& result = std::get<planned>(made);
        return update_plan_files(result.cal(), result.p, command.inputs.plan_files);
    }
    if (command.assumptions && command.format != "table")
        return report({{"--assumptions prints a list, not a plan: leave out --format", {"--assumptions"}}},
                      exit_bad_input);
    // A plan file holds dates someone fixed by hand: never replace one unasked.
    if (command.format == "plan")
        if (auto may = check_may_replace(command.out, command.force); !may)
            return report(may.errors(), exit_bad_input);
    auto made = make_requested_plan(plugins, command.inputs);
    if (auto* status = std::get_if<int>(&made)) return *status;
    planned& result = std::get<planned>(made);
    plan& p = result.p;
    const calendar& cal = result.cal();
    const std::string& audience = command.inputs.audience;
    if (!audience.empty()) p.occurrences = select(cal, p, {.audience = audience, .from = {}, .to = {}});

    // A JSON plan goes to its file in pieces (110 MB for 100,000
    // occurrences), put in place only when whole.
    if (command.format == "json" && !command.assumptions && command.out != "-") {
        staged_outputs staged;
        std::optional<errors> failed;
        auto opened = staged.open(command.out);
        if (!opened) return report(opened.errors(), exit_bad_input);
        const bool whole = write_json(cal, p, audience, [&](std::string_view piece) {
            auto ok = staged.append(piece);
            if (!ok) failed = ok.errors();
            return static_cast<bool>(ok);
        });
        if (failed) return report(*failed, exit_bad_input);
        if (whole) {
            if (auto done = staged.commit(); !done) return report(done.errors(), exit_bad_input);
            return exit_ok;
        }
        // Text that is not UTF-8: as format_json has it.
    }
    std::string text;
    if (command.assumptions) text = format_assumptions(cal, assumptions_of(cal, p));
    else if (command.format == "json") text = format_json(cal, p, audience);
    else if (command.format == "plan") text = write_plan_file(cal, p);
    else text = format_table(cal, p, {.explain = command.explain, .audience = audience});
    if (auto written = write_output(command.out, text); !written)
        return report(written.errors(), exit_bad_input);
    return exit_ok;
}

int run_export(const registry& plugins, const export_command& command) {
    const exporter* e = plugins.find_exporter(command.format);
    if (!e) {
        auto names = list_names(plugins.exporters(), [](const auto& x) { return x->name(); });
        return report({{fmt::format("no exporter for format '{}'; available: {}", command.format, names), {}}},
                      exit_bad_input);
    }
    if (command.all_audiences && command.out == "-")
        return report({{"--all-audiences writes several files: give a directory with --out", {"--out"}}},
                      exit_bad_input);
    auto made = make_requested_plan(plugins, command.inputs);
    if (auto* status = std::get_if<int>(&made)) return *status;
    const planned& result = std::get<planned>(made);
    export_options options;
    options.audience = command.inputs.audience;
    options.parameters = command.parameters;
    options.all_audiences = command.all_audiences;
    options.out = command.out;
    options.now = publishing_time();
    std::vector<std::string> notices;
    options.notices = &notices;
    // Files are streamed to temporary files as the exporter makes them, and
    // put in place together (feeds and their state) or not at all.
    std::optional<staged_outputs> staged;
    if (command.all_audiences)
        staged.emplace(command.out);
    else if (command.out != "-")
        staged.emplace();
    if (staged) options.sink = &*staged;
    // A plugin that throws leaves nothing: the staged files are removed.
    auto outputs = call_plugin(plugins, plugin_kind::exporter, e->name(),
                               [&] { return e->write_all(result.cal(), result.p, options); });
    if (!outputs) return report(outputs.errors(), exit_bad_input);
    // Said once the files are written: what the exporter wants the user to know.
    const auto tell = [&] {
        for (const auto& n : notices) std::cerr << "cycle export: " << printable(n) << '\n';
    };
    if (!staged) {
        for (const auto& o : *outputs)
            if (auto written = write_output(o.path, o.text); !written)
                return report(written.errors(), exit_bad_input);
        tell();
        return exit_ok;
    }
    for (const auto& o : *outputs)
        if (!o.streamed)
            if (auto added = staged->add(o.path, o.text); !added)
                return report(added.errors(), exit_bad_input);
    if (auto written = staged->commit(); !written) return report(written.errors(), exit_bad_input);
    tell();
    return exit_ok;
}

int run_import(const registry& plugins, const import_command& command) {
    const importer* im = plugins.find_importer(command.format);
    if (!im) {
        auto names = list_names(plugins.importers(), [](const auto& x) { return x->name(); });
        return report({{fmt::format("no importer for format '{}'; available: {}", command.format, names), {}}},
                      exit_bad_input);
    }
    // A plan file holds dates fixed by hand: never replace one unasked.
    if (auto may = check_may_replace(command.out, command.force); !may)
        return report(may.errors(), exit_bad_input);
    auto choice = calendar_choice::read(command.calendar_file);
    if (!choice) return report(choice.errors(), exit_bad_input);
    const calendar& cal = choice->get();
    auto bytes = read_file(command.file, "");
    if (!bytes) return report(bytes.errors(), exit_bad_input);
    auto read = call_plugin(plugins, plugin_kind::importer, im->name(),
                            [&] { return im->read(cal, *bytes, command.file); });
    std::string().swap(*bytes);  // not needed again: the plan is made without it
    if (!read) return report(read.errors(), exit_bad_input);
    for (const auto& f : read->unmatched) std::cerr << printable(f.to_string()) << '\n';
    std::string text = write_plan_file(cal, plan_of(cal, read->plan));
    if (!read->unmatched.empty()) {
        text += fmt::format("\n# Not imported from {}, or imported with a change ({}):\n",
                            printable(command.file), read->unmatched.size());
        for (const auto& f : read->unmatched) text += "#   " + printable(f.to_string()) + "\n";
    }
    if (auto written = write_output(command.out, text); !written)
        return report(written.errors(), exit_bad_input);
    return exit_ok;
}

int run_mark(const mark_command& command) {
    auto choice = calendar_choice::read(command.calendar_file);
    if (!choice) return report(choice.errors(), exit_bad_input);
    const calendar& cal = choice->get();
    auto text = read_file(command.plan_file, "plan");
    if (!text) return report(text.errors(), exit_bad_input);
    std::string edited = *text;
    std::vector<std::string> changes;
    for (const auto& id_text : command.ids) {
        auto id = occurrence_id::parse(id_text);
        if (!id)
            return report(
                {{fmt::format("'{}' is not an occurrence id like seminar/2026 or "
                              "local-dialogue/eda/2026 (cycle plan --format json shows them)",
                              printable(id_text)),
                  {}}},
                exit_bad_input);
        // Read again after each edit: a line added moves the ones below.
        auto pf = load_plan_string(edited, command.plan_file, cal);
        if (!pf) return report(pf.errors(), exit_bad_input);
        auto one = set_status(edited, *pf, *id, command.status);
        if (!one) return report(one.errors(), exit_bad_input);
        edited = std::move(one->text);
        changes.insert(changes.end(), one->changes.begin(), one->changes.end());
    }
    // The edited file must still read as a plan file before it replaces the old one.
    if (auto check = load_plan_string(edited, command.plan_file, cal); !check)
        return report(check.errors(), exit_bad_input);
    if (auto written = write_output(command.plan_file, edited); !written)
        return report(written.errors(), exit_bad_input);
    for (const auto& c : changes) std::cout << c << '\n';
    return exit_ok;
}

int run_plugins(const registry& plugins) {
    // Origin last: it may be a long path.
    const auto row = [](std::string_view name, std::string_view kind, std::string_view version,
                        std::string_view provides, std::string_view origin) {
        std::cout << fmt::format("{:<12} {:<10} {:<10} {:<16} {}\n", name, kind, version, provides, origin);
    };
    row("Plugin", "Kind", "Version", "Provides", "Origin");
    for (const auto& p : plugins.plugins()) {
        bool any = false;
        for (const auto& c : plugins.components()) {
            if (c.plugin != p.name) continue;
            row(p.name, to_string(c.kind), p.version, c.name, p.origin);
            any = true;
        }
        if (!any) row(p.name, "-", p.version, "-", p.origin);
    }
    return exit_ok;
}

int run_holidays(const registry& plugins, const holidays_command& command) {
    // date::year holds 16 bits: 67561 would wrap to 2025. The range is checked first.
    if (command.year < first_holiday_year || command.year > last_holiday_year)
        return report({{fmt::format("year {} is not supported: holidays are known for "
                                    "{}–{} (docs/limits.md)",
                                    command.year, first_holiday_year, last_holiday_year),
                        {"--year"}}},
                      exit_bad_input);
    auto choice = calendar_choice::read(command.calendar_file);
    if (!choice) return report(choice.errors(), exit_bad_input);
    auto provider = plugins.holidays_for(choice->get());
    if (!provider) return report(provider.errors(), exit_bad_input);
    auto days = (*provider)->holidays_of(date::year{command.year});
    if (!days) return report(days.errors(), exit_bad_input);
    if (command.format == "json") {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& h : *days)
            list.push_back({{"date", date::format("%F", h.date)},
                            {"week", unsigned(iso_week::year_weeknum_weekday{date::sys_days{h.date}}.weeknum())},
                            {"name", h.name},
                            {"kind", h.kind == holiday_kind::public_holiday ? "public_holiday" : "day_off"}});
        std::cout << nlohmann::json{{"year", command.year}, {"holidays", list}}.dump(2) << '\n';
        return exit_ok;
    }
    static constexpr const char* weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    std::cout << fmt::format("{}, {}\n", (*provider)->description(), command.year);
    for (const auto& h : *days) {
        date::sys_days d{h.date};
        std::cout << fmt::format("{}  {:<6} {}  {:<15} {}\n", date::format("%F", d), week_label(d),
                                 weekdays[date::weekday{d}.c_encoding()], to_string(h.kind), h.name);
    }
    return exit_ok;
}

}  // namespace cycle::cli
