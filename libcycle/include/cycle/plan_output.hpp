// plan_output.hpp — a plan for people (a table) and for programs (JSON,
// docs/json-format.md). Plan files are written by plan_file.hpp.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "cycle/calendar.hpp"
#include "cycle/plan.hpp"

namespace cycle {

struct table_options {
    bool explain = false;  // a line under each row saying why that day
    std::string audience;  // shown in the heading when set
};

// One row per occurrence: date, ISO week ("v. 44"), weekday, time, title,
// organiser; sorted as the plan is.
std::string format_table(const calendar& cal, const plan& p, const table_options& options = {});

// The plan as JSON (docs/json-format.md), ending in a newline.
std::string format_json(const calendar& cal, const plan& p, const std::string& audience = {});
// The same JSON handed to `append` in pieces of about a megabyte, so that a
// plan of 100,000 occurrences (110 MB of JSON) is never in memory whole.
// False when `append` returned false or some text was not UTF-8: what was
// appended is then to be thrown away (format_json says what such text gives).
bool write_json(const calendar& cal, const plan& p, const std::string& audience,
                const std::function<bool(std::string_view)>& append);

namespace detail {
// The same JSON built as a nlohmann::json tree and dumped: what format_json
// writes directly, kept as its reference (tests) and for text that is not
// UTF-8 (nlohmann refuses it, as format_json always did).
std::string format_json_tree(const calendar& cal, const plan& p, const std::string& audience = {});
}  // namespace detail

}  // namespace cycle
