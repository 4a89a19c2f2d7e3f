#include "plan_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <iterator>
#include <optional>

namespace cycle::cli {

result<plan_file> read_plan(const std::string& path, const calendar& cal) {
    if (path != "-") return load_plan_file(path, cal);
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    return load_plan_string(text, "<stdin>", cal);
}

result<plan_file> read_plans(const std::vector<std::string>& paths, const calendar& cal,
                             std::vector<std::string>* calendar_ids) {
    plan_file joined;
    errors errs;
    // Plan files for another calendar: said once, with how many more files
    // it concerns, not once a file.
    std::size_t repeated = 0;
    std::optional<std::size_t> mismatch;
    for (const auto& path : paths) {
        auto one = read_plan(path, cal);
        if (!one) {
            for (const auto& e : one.errors()) {
                const bool is_mismatch = e.message.find("--calendar FILE") != std::string::npos;
                if (is_mismatch && mismatch && errs[*mismatch].message == e.message) {
                    ++repeated;
                    continue;
                }
                if (is_mismatch && !mismatch) mismatch = errs.size();
                errs.push_back(e);
            }
            continue;
        }
        if (calendar_ids) calendar_ids->push_back(one->calendar_id);
        if (joined.where.file.empty()) {
            joined.calendar_id = cal.id;  // the plan's own, or one `cal` includes
            joined.where = one->where;
        }
        if (joined.entries.empty())
            joined.entries = std::move(one->entries);  // one file: no copy (issue 12)
        else
            for (auto& entry : one->entries) joined.entries.push_back(std::move(entry));
    }
    if (repeated > 0)
        errs[*mismatch].message +=
            fmt::format(" (and {} more plan file{} like it)", repeated, repeated == 1 ? "" : "s");
    if (!errs.empty()) return errs;
    return joined;
}

result<std::vector<std::string>> plans_to_read(const std::vector<std::string>& given,
                                               const calendar_choice& choice, bool required) {
    if (!given.empty()) return given;
    const auto& project = choice.project();
    if (!project || !project->plans) {
        if (!required) return given;
        return error{
            "no plan files: give them (cycle check plans/*.toml), or name their folder "
            "in cycle.toml (plans = \"plans\"; docs/project.md)",
            {}};
    }
    auto files = project_plan_files(*project);
    if (!files) return files.errors();
    if (files->empty())
        return error{
            fmt::format("no *.toml plan files in the plans folder '{}'", project->plans->string()),
            project->plans_where};
    std::vector<std::string> out;
    for (const auto& f : *files) out.push_back(f.string());
    return out;
}

}  // namespace cycle::cli
