// read_file.hpp — the one way a file a user named is read: the calendar, plan
// files, an import, the feed state. What went wrong is an error naming the
// file, never an exception or an empty text:
//
//   read_file("plans/2026.toml", "plan")  -> the bytes, or
//   "plans/2026.toml: error: cannot read plan: No such file or directory"
//   "plans: error: cannot read plan: it is a directory"
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "cycle/error.hpp"

namespace cycle {

// The whole file, bytes as they are. `what` names it in messages
// ("calendar", "plan"; empty: "cannot read: ...").
result<std::string> read_file(const std::filesystem::path& path, std::string_view what);

}  // namespace cycle
