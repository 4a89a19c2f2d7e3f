// plan_scanner.hpp — a plan file read without a TOML tree, when it has the
// plain shape `cycle` writes (internal; plan_file.cpp).
//
// A plan file is a `calendar = "..."` line and `[[occurrence]]` tables of
// scalars, each with its `[[occurrence.waive]]` tables. Building toml++'s
// tree for it was two thirds of `cycle check` on a plan of 100,000
// occurrences (issue 12). The scanner reads that shape only: bare keys of
// the plan format, one to a line; basic strings with the escapes \" \\ \n
// \t \r; decimal integers; dates YYYY-MM-DD; comments and blank lines; LF
// or CRLF line ends. Anything else, including anything TOML would refuse,
// makes it give up (false), and the file is read through toml++ as
// before: the scanner never decides that a file is wrong, so every error
// and its place come from the one general path.
#pragma once

#include <date/date.h>

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cycle::detail {

struct scanned_value {
    enum class type { none, string, integer, date } kind = type::none;
    std::string_view
        text;  // a string, unescaped: in the file's text, or in a string the scan keeps
    std::int64_t integer = 0;
    date::year_month_day day{};
    int line = 0, column = 0;  // where the value starts, 1-based, as toml++ counts
};

// One [[occurrence]] or [[occurrence.waive]] table: its header's place and
// its values by key (the keys are the plan format's, in `keys` order).
struct scanned_table {
    int line = 0, column = 0;
    std::array<scanned_value, 10> values;  // a slot per key of the table's kind
};

struct scanned_occurrence {
    scanned_table table;
    std::vector<scanned_table> waivers;
};

// The keys an [[occurrence]] and an [[occurrence.waive]] may have, in slot order.
inline constexpr std::string_view occurrence_keys[] = {
    "event", "member", "year", "date", "end", "start", "duration", "status", "note", "index"};
inline constexpr std::string_view waiver_keys[] = {"rule", "reason"};

// What a plan's reader is given, one [[occurrence]] at a time: the file's
// `calendar` value (none when it has none before its first table) and the
// occurrence, with its waivers. The values point into the text, or into
// strings the scan keeps until it returns. It returns false to stop.
using occurrence_reader =
    std::function<bool(const scanned_value* calendar, const scanned_occurrence& occurrence)>;

// Scans the plan in `text`, handing each occurrence to `read` as soon as it
// is complete (a plan of 100,000 occurrences is not held scanned as a
// whole), and sets `calendar` to the file's calendar value; false when it
// is not of the plain shape (or not valid TOML), or `read` stopped: read it
// with toml++ then.
bool scan_plan(std::string_view text, const occurrence_reader& read,
               std::optional<scanned_value>& calendar);

}  // namespace cycle::detail
