// Reads the project file of a plan repository (docs/project.md).
#include "cycle/project.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

#include "cycle/read_file.hpp"
#include "cycle/text.hpp"
#include "toml_reader.hpp"

namespace cycle {
namespace {

// "calendars/x.toml" next to "dir/cycle.toml" is "dir/calendars/x.toml";
// "./" is left out when the project file is in the current directory.
std::filesystem::path beside(const std::filesystem::path& file, const std::string& value) {
    std::filesystem::path v(value);
    if (v.is_absolute()) return v.lexically_normal();
    return (file.parent_path() / v).lexically_normal();
}

}  // namespace

result<project> load_project_file(const std::filesystem::path& path) {
    const std::string name = path.string();
    auto text = read_file(path, "project file", detail::max_toml_bytes);
    if (!text) return text.errors();
    auto parsed = detail::parse_toml(*text, name);
    if (!parsed) return parsed.errors();
    errors errs;
    detail::table_reader top(*parsed, "cycle.toml", name, errs, {"calendar", "plans"});
    project p;
    p.file = path;
    const auto path_value = [&](std::string_view key,
                                source_region& where) -> std::optional<std::filesystem::path> {
        auto value = top.string(key);
        if (!value) return std::nullopt;
        where = top.where(key);
        if (value->empty() || value->find('\0') != std::string::npos) {
            top.error_at_key(
                key, fmt::format("cycle.toml: '{}' is a path relative to this file, "
                                 "e.g. {}",
                                 key, key == "plans" ? "\"plans\"" : "\"calendars/wheel.toml\""));
            return std::nullopt;
        }
        return beside(path, *value);
    };
    p.calendar = path_value("calendar", p.calendar_where);
    p.plans = path_value("plans", p.plans_where);
    top.finish();
    if (!errs.empty()) return errs;
    return p;
}

result<std::optional<project>> find_project(const std::filesystem::path& start) {
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::absolute(start, ec);
    if (ec) return std::optional<project>{};
    const std::filesystem::path cwd = std::filesystem::current_path(ec);
    for (int depth = 0; depth < 256; ++depth) {
        const auto candidate = dir / project_file_name;
        if (std::filesystem::exists(candidate, ec)) {
            // Named relative to the current directory when inside it, as a
            // user would type it.
            std::filesystem::path shown = candidate;
            if (!cwd.empty()) {
                auto rel = candidate.lexically_relative(cwd);
                if (!rel.empty()) shown = rel;
            }
            auto p = load_project_file(shown);
            if (!p) return p.errors();
            return std::optional<project>{std::move(p).value()};
        }
        if (!dir.has_parent_path() || dir.parent_path() == dir) break;
        dir = dir.parent_path();
    }
    return std::optional<project>{};
}

result<std::vector<std::filesystem::path>> project_plan_files(const project& p) {
    if (!p.plans)
        return error{
            "no plan files given, and cycle.toml names no plans folder "
            "(plans = \"plans\")",
            {p.file.string()}};
    std::error_code ec;
    if (!std::filesystem::is_directory(*p.plans, ec))
        return error{
            fmt::format("the plans folder '{}' is not a directory", printable(p.plans->string())),
            p.plans_where};
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(*p.plans, ec)) {
        if (entry.path().extension() == ".toml" && entry.is_regular_file(ec))
            files.push_back(entry.path());
    }
    if (ec)
        return error{fmt::format("cannot list the plans folder: {}", ec.message()), p.plans_where};
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace cycle
