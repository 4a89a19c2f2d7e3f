// schema_command.hpp — `cycle schema calendar|plan`: the JSON Schemas of the
// two file formats, for editors that validate TOML (taplo, Even Better TOML).
// The text is schemas/*.schema.json of the source tree, embedded at build
// time; the same files are installed to share/cycle/schemas.
#pragma once

#include <string>
#include <string_view>

namespace cycle::cli {

std::string_view calendar_schema_json();
std::string_view plan_schema_json();
std::string_view project_schema_json();

struct schema_command {
    std::string format;  // "calendar", "plan" or "project"
};
int run_schema(const schema_command& command);

}  // namespace cycle::cli
