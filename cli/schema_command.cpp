#include "schema_command.hpp"

#include <cstdio>

#include "commands.hpp"

namespace cycle::cli {

int run_schema(const schema_command& command) {
    std::string_view text = command.format == "plan"      ? plan_schema_json()
                            : command.format == "project" ? project_schema_json()
                                                          : calendar_schema_json();
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? exit_ok : exit_bad_input;
}

}  // namespace cycle::cli
