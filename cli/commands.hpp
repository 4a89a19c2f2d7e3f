// commands.hpp — the subcommands of `cycle`. Each returns the exit status:
// 0 success, 1 the plan cannot be made as asked, 2 bad input or usage.
#pragma once

#include <optional>
#include <string>

namespace cycle::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_unsatisfiable = 1;
inline constexpr int exit_bad_input = 2;

struct plan_command {
    std::string calendar_file;  // empty: the built-in default
    std::string plan_file;      // empty: none
    std::optional<int> year;    // none: the current cycle year
    bool whole_cycle = false;
    std::string audience;
    std::string format = "table";
    bool explain = false;
    std::string out = "-";
};
int run_plan(const plan_command& command);

struct holidays_command {
    int year = 0;
    std::string format = "table";
};
int run_holidays(const holidays_command& command);

}  // namespace cycle::cli
