// complete_command.hpp — the hidden `cycle complete`, which the bash
// completion (completions/cycle.bash) calls on every TAB. The candidates
// come from the command-line definition itself (subcommands, options, the
// values an option accepts) and from the calendar in use (audience and
// event ids), so a new subcommand or option completes without editing the
// script.
//
//   cycle complete --current WORD -- WORDS...
//
// WORDS are the words typed after `cycle` before the one being completed,
// WORD is that one (may be empty). Prints one candidate per line; the
// special lines "@files" and "@dirs" ask the shell for file or directory
// names. Filtering by the typed prefix is left to the shell.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cycle/plugin.hpp"

namespace cycle::cli {

struct complete_command {
    std::string current;
    std::vector<std::string> words;
};
int run_complete(const CLI::App& app, const registry& plugins, const complete_command& command);

}  // namespace cycle::cli
