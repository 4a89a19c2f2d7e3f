// plan_files.hpp — read the plan files a command is given: paths, or "-"
// for standard input (so `git show REV:plan.toml | cycle diff - plan.toml`
// works), joined into one plan.
#pragma once

#include <string>
#include <vector>

#include "calendar_choice.hpp"
#include "cycle/plan_file.hpp"

namespace cycle::cli {

// One plan file; "-" reads standard input, named "<stdin>" in messages.
result<plan_file> read_plan(const std::string& path, const calendar& cal);

// Several plan files as one plan: the entries of each, in order, each keeping
// its own file, line and column. Every file's errors are reported.
// A plan of a calendar `cal` includes (a municipality's plan checked in the
// county view, docs/check.md) is read under that calendar's prefix; its
// calendar id goes to `calendar_ids` (one per path) when given.
result<plan_file> read_plans(const std::vector<std::string>& paths, const calendar& cal,
                             std::vector<std::string>* calendar_ids = nullptr);

// The plan files a command reads: those given, else every *.toml in the
// plans folder of the project file (cycle.toml) when there is one; else
// none, or, when `required`, an error saying what to give.
result<std::vector<std::string>> plans_to_read(const std::vector<std::string>& given,
                                               const calendar_choice& choice, bool required);

}  // namespace cycle::cli
