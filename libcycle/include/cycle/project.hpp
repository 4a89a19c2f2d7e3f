// project.hpp — the project file of a plan repository (docs/project.md).
//
// A `cycle.toml` at the top of a repository that holds plan files names the
// calendar they are for and the folder they are in, so that commands run
// anywhere inside it need no --calendar:
//
//   # cycle.toml
//   calendar = "calendars/kommun-2025-2028.toml"   # relative to this file
//   plans = "plans"                                # the plan files' folder
//
// It is found as .clang-format is: in the current directory, else in its
// parent, and so on up to the root. The first one found is the only one read.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "cycle/error.hpp"

namespace cycle {

inline constexpr std::string_view project_file_name = "cycle.toml";

struct project {
    std::filesystem::path file;                     // the cycle.toml read
    std::optional<std::filesystem::path> calendar;  // none: the built-in wheel
    std::optional<std::filesystem::path> plans;     // the plan files' folder
    source_region calendar_where;                   // the `calendar` value
    source_region plans_where;                      // the `plans` value
};

// Reads one project file. Paths in it are relative to its directory; the
// paths returned are that directory joined with them (relative to the
// current directory when the file's path is). Errors: TOML, an unknown key,
// a value that is not a non-empty string.
result<project> load_project_file(const std::filesystem::path& path);

// The first cycle.toml in `start` or one of its parents, read; none when
// there is none. A cycle.toml that cannot be read is an error, never skipped.
result<std::optional<project>> find_project(const std::filesystem::path& start);

// The plan files in the project's plans folder: every regular `*.toml` file
// directly in it, sorted by name. Errors: no plans folder named, or it is not
// a directory.
result<std::vector<std::filesystem::path>> project_plan_files(const project& p);

}  // namespace cycle
