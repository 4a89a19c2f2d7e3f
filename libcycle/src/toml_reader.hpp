// toml_reader.hpp — reads one TOML table strictly (internal; toml++ stays
// inside the loaders).
//
// Each table is read against the list of keys it may have: a key not on the
// list is an error with a "did you mean", a value of the wrong type is an
// error at the value, and every error carries file, line and column.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "cycle/error.hpp"

namespace cycle::detail {

source_region region_of(const toml::source_region& r, const std::string& file);

// Turns a toml++ parse exception into an error with its place.
error parse_error_of(const toml::parse_error& e, const std::string& file);

// What a calendar or plan file may be (docs/limits.md). toml++ parses
// recursively, and a table header or dotted key of 40,000 parts overflows
// the stack: the text is checked against these before it is parsed.
inline constexpr std::size_t max_toml_bytes = 16 * 1024 * 1024;
// A plan file holds about 190 bytes an occurrence: the plan `cycle plan
// --format plan` writes for 100,000 events (18 MB) must be readable too.
inline constexpr std::size_t max_plan_bytes = 64 * 1024 * 1024;
inline constexpr int max_toml_depth = 64;  // parts of a key, nested arrays and inline tables

// Checks the limits above, then parses; every error has its place.
result<toml::table> parse_toml(std::string_view text, const std::string& file,
                               std::size_t max_bytes = max_toml_bytes);

// Lower case ASCII letters, digits and '-', starting with a letter.
bool is_valid_id(std::string_view id);
// An id, or ids joined by ':' (an included calendar's item: "np:seminar").
bool is_valid_reference(std::string_view text);
// The id `text` was probably meant as, folded to a valid one ("nämnder" ->
// "namnder", "Region Värmland" -> "region-varmland"); empty if there is none.
std::string folded_id(std::string_view text);
// "2026-02-15" for a date written "2026-2-15", "2026/02/15" or "2026.02.15";
// none for text that is not a date of that shape.
std::optional<std::string> date_written_as(std::string_view text);

class table_reader {
public:
    table_reader(const toml::table& table, std::string what, std::string file, errors& out,
                 std::initializer_list<std::string_view> allowed_keys);

    bool has(std::string_view key) const;
    const toml::node* node(std::string_view key) const;

    std::optional<std::string> string(std::string_view key, bool required = false);
    std::optional<std::string> id(std::string_view key, bool required = false);
    // An id, or an id of an included calendar: "np:local-dialogue".
    std::optional<std::string> reference(std::string_view key, bool required = false);
    std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max,
                                        bool required = false);
    std::optional<bool> boolean(std::string_view key);
    std::optional<date::year_month_day> date(std::string_view key, bool required = false);
    // An array whose every element is a string; elements are returned with
    // their places.
    struct located_string {
        std::string value;
        source_region where;
    };
    std::optional<std::vector<located_string>> strings(std::string_view key);
    const toml::table* table(std::string_view key);
    const toml::array* array(std::string_view key);

    void error_at(const toml::node& n, std::string message);
    void error_at_key(std::string_view key, std::string message);
    void error(std::string message);  // at the table itself

    source_region where() const;                      // the table
    source_region where(std::string_view key) const;  // a key's value, else the table
    const std::string& file() const { return file_; }
    const std::string& what() const { return what_; }
    // Where errors go: for the readers of tables within this one.
    errors& errors_out() const { return out_; }

    // Reports every key that is not allowed. Call once, after reading.
    void finish();

private:
    const toml::table& table_;
    std::string what_;
    std::string file_;
    errors& out_;
    // The keys, as given: string literals. One allocation a table, not one a
    // key (a calendar of 20,000 events spent its time in malloc: issue 12).
    std::vector<std::string_view> allowed_;
};

// Reads an array of tables (`[[event]]`); a value that is not one is an error.
template <class F>
void for_each_table(const toml::table& root, std::string_view key, const std::string& file,
                    errors& out, F&& read) {
    const toml::node* n = root.get(key);
    if (!n) return;
    const toml::array* arr = n->as_array();
    if (!arr || !arr->is_array_of_tables()) {
        out.push_back({std::string("'") + std::string(key) + "' must be an array of tables ([[" +
                           std::string(key) + "]])",
                       region_of(n->source(), file)});
        return;
    }
    for (const toml::node& element : *arr) read(*element.as_table());
}

}  // namespace cycle::detail
