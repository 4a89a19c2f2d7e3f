#include "toml_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "suggest.hpp"

namespace cycle::detail {
namespace {

const char* type_name(toml::node_type t) {
    switch (t) {
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        case toml::node_type::array: return "an array";
        case toml::node_type::table: return "a table";
        default: return "nothing";
    }
}

}  // namespace

source_region region_of(const toml::source_region& r, const std::string& file) {
    return {file, static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}

error parse_error_of(const toml::parse_error& e, const std::string& file) {
    return {fmt::format("TOML syntax: {}", e.description()), region_of(e.source(), file)};
}

namespace {

// The first place where `text` goes past max_toml_depth, if any. A small
// lexer that knows strings and comments, so that dots and brackets inside
// them do not count: `dots` counts the parts of one dotted key (a float has
// one dot, a key or header up to max_toml_depth - 1), `depth` the open
// arrays and inline tables.
std::optional<error> too_deep(std::string_view text, const std::string& file) {
    enum class in { code, comment, basic, literal, ml_basic, ml_literal };
    in state = in::code;
    int line = 1, column = 0, dots = 0, depth = 0;
    const auto is_key_char = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-' || c == ' ' || c == '\t';
    };
    const auto deep = [&](std::string_view what) {
        return error{fmt::format("TOML nested deeper than {} levels ({}); cycle reads at most {} "
                                 "(docs/limits.md)",
                                 max_toml_depth, what, max_toml_depth),
                     {file, line, column}};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        ++column;
        if (c == '\n') {
            ++line;
            column = 0;
            dots = 0;
            if (state == in::comment || state == in::basic || state == in::literal)
                state = in::code;
            continue;
        }
        const auto starts = [&](std::string_view s) { return text.substr(i, s.size()) == s; };
        switch (state) {
            case in::comment:
                break;
            case in::basic:
                if (c == '\\') ++i, ++column;
                else if (c == '"') state = in::code;
                break;
            case in::literal:
                if (c == '\'') state = in::code;
                break;
            case in::ml_basic:
                if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') ++i, ++column;
                else if (starts("\"\"\"")) state = in::code, i += 2, column += 2;
                break;
            case in::ml_literal:
                if (starts("'''")) state = in::code, i += 2, column += 2;
                break;
            case in::code:
                if (c == '#') {
                    state = in::comment;
                } else if (starts("\"\"\"")) {
                    state = in::ml_basic, i += 2, column += 2;
                } else if (starts("'''")) {
                    state = in::ml_literal, i += 2, column += 2;
                } else if (c == '"') {
                    state = in::basic;  // a quoted key part keeps the dotted key going
                } else if (c == '\'') {
                    state = in::literal;
                } else if (c == '.') {
                    if (++dots >= max_toml_depth) return deep("a dotted key or table header");
                } else if (c == '[' || c == '{') {
                    dots = 0;
                    if (++depth > max_toml_depth + 2) return deep("arrays or inline tables");
                } else if (c == ']' || c == '}') {
                    dots = 0;
                    if (depth > 0) --depth;
                } else if (!is_key_char(c)) {
                    dots = 0;
                }
                break;
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> date_written_as(std::string_view text) {
    // YYYY, then month and day of one or two digits, separated by '-', '/' or '.'.
    std::size_t i = 0;
    const auto number = [&](std::size_t min, std::size_t max) -> std::optional<int> {
        std::size_t start = i;
        int v = 0;
        while (i < text.size() && i - start < max && text[i] >= '0' && text[i] <= '9')
            v = v * 10 + (text[i++] - '0');
        if (i - start < min) return std::nullopt;
        return v;
    };
    const auto separator = [&]() {
        if (i < text.size() && (text[i] == '-' || text[i] == '/' || text[i] == '.')) {
            ++i;
            return true;
        }
        return false;
    };
    auto y = number(4, 4);
    if (!y || !separator()) return std::nullopt;
    auto m = number(1, 2);
    if (!m || !separator()) return std::nullopt;
    auto d = number(1, 2);
    if (!d || i != text.size() || *m < 1 || *m > 12 || *d < 1 || *d > 31) return std::nullopt;
    return fmt::format("{:04}-{:02}-{:02}", *y, *m, *d);
}

namespace {

// A TOML syntax error on a line like `date = 2026-2-15` or `date = 2026/02/15`:
// the date as TOML writes it, if the value is a date written otherwise.
std::optional<std::string> miswritten_date(std::string_view text, std::size_t line) {
    std::size_t start = 0;
    for (std::size_t l = 1; l < line && start != std::string_view::npos; ++l) {
        start = text.find('\n', start);
        if (start != std::string_view::npos) ++start;
    }
    if (start == std::string_view::npos) return std::nullopt;
    auto end = text.find('\n', start);
    std::string_view l = text.substr(start, end == std::string_view::npos ? end : end - start);
    auto eq = l.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    l.remove_prefix(eq + 1);
    while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
    auto stop = l.find_first_of(" \t#\r,}]");
    l = l.substr(0, stop);
    auto written = date_written_as(l);
    if (!written || *written == l) return std::nullopt;
    return written;
}

}  // namespace

result<toml::table> parse_toml(std::string_view text, const std::string& file,
                               std::size_t max_bytes) {
    if (text.size() > max_bytes)
        return error{fmt::format("the file is {} bytes; cycle reads TOML files of at most {} MiB "
                                 "(docs/limits.md)",
                                 text.size(), max_bytes / (1024 * 1024)),
                     {file, 0, 0}};
    if (auto e = too_deep(text, file)) return *e;
    try {
        return toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        error err = parse_error_of(e, file);
        if (auto written = miswritten_date(text, e.source().begin.line))
            err.message = fmt::format("a date is written YYYY-MM-DD, unquoted: write {} ({})",
                                      *written, err.message);
        return err;
    }
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.front() < 'a' || id.front() > 'z') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool is_valid_reference(std::string_view text) {
    // "event/member": one member's occurrence of a per-member event.
    if (const auto slash = text.find('/'); slash != std::string_view::npos) {
        if (!is_valid_id(text.substr(slash + 1))) return false;
        text = text.substr(0, slash);
    }
    while (true) {
        const auto colon = text.find(':');
        if (!is_valid_id(text.substr(0, colon))) return false;
        if (colon == std::string_view::npos) return true;
        text.remove_prefix(colon + 1);
    }
}

table_reader::table_reader(const toml::table& table, std::string what, std::string file,
                           errors& out, std::initializer_list<std::string_view> allowed_keys)
    : table_(table), what_(std::move(what)), file_(std::move(file)), out_(out),
      allowed_(allowed_keys) {}

bool table_reader::has(std::string_view key) const { return table_.contains(key); }

const toml::node* table_reader::node(std::string_view key) const { return table_.get(key); }

void table_reader::error_at(const toml::node& n, std::string message) {
    out_.push_back({std::move(message), region_of(n.source(), file_)});
}

void table_reader::error_at_key(std::string_view key, std::string message) {
    out_.push_back({std::move(message), where(key)});
}

void table_reader::error(std::string message) { out_.push_back({std::move(message), where()}); }

source_region table_reader::where() const { return region_of(table_.source(), file_); }

source_region table_reader::where(std::string_view key) const {
    const toml::node* n = table_.get(key);
    return n ? region_of(n->source(), file_) : where();
}

namespace {
// The node as toml++'s type for T (toml::value<T> or a container), or
// nullptr after reporting a wrong type.
template <class T>
auto typed(table_reader& r, const toml::node* n, std::string_view key, const char* expected)
    -> decltype(n->as<T>()) {
    if (!n) return nullptr;
    if (auto* v = n->as<T>()) return v;
    r.error_at(*n, fmt::format("{}: '{}' must be {}, not {}", r.what(), key, expected,
                               type_name(n->type())));
    return nullptr;
}
}  // namespace

std::optional<std::string> table_reader::string(std::string_view key, bool required) {
    const toml::node* n = node(key);
    if (!n) {
        if (required) error(fmt::format("{}: missing required key '{}'", what_, key));
        return std::nullopt;
    }
    if (auto* v = typed<std::string>(*this, n, key, "a string")) return v->get();
    return std::nullopt;
}

std::string folded_id(std::string_view text) {
    // Swedish and other Latin letters an id is often written with, folded
    // to the ASCII letter they are written as in a web address.
    static constexpr std::pair<std::string_view, char> letters[] = {
        {"å", 'a'}, {"ä", 'a'}, {"ö", 'o'}, {"Å", 'a'}, {"Ä", 'a'}, {"Ö", 'o'}, {"é", 'e'},
        {"É", 'e'}, {"è", 'e'}, {"ü", 'u'}, {"Ü", 'u'}, {"æ", 'a'}, {"ø", 'o'}, {"á", 'a'}};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
            out += c;
            ++i;
            continue;
        }
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
            ++i;
            continue;
        }
        if (c == ' ' || c == '_' || c == '.') {
            if (!out.empty() && out.back() != '-') out += '-';
            ++i;
            continue;
        }
        bool known = false;
        for (const auto& [letter, ascii] : letters)
            if (text.substr(i, letter.size()) == letter) {
                out += ascii;
                i += letter.size();
                known = true;
                break;
            }
        if (!known) return {};  // a character with no obvious fold: no suggestion
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return is_valid_id(out) ? out : std::string{};
}

std::optional<std::string> table_reader::id(std::string_view key, bool required) {
    auto value = string(key, required);
    if (value && !is_valid_id(*value)) {
        const std::string folded = folded_id(*value);
        error_at(*node(key),
                 fmt::format("{}: '{}' is not a valid id: use a–z, digits and '-', "
                             "starting with a letter{}",
                             what_, *value,
                             folded.empty() ? "" : fmt::format(" (did you mean '{}'?)", folded)));
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> table_reader::reference(std::string_view key, bool required) {
    auto value = string(key, required);
    if (value && !is_valid_reference(*value)) {
        const std::string folded = folded_id(*value);
        error_at(*node(key),
                 fmt::format("{}: '{}' is not a valid id: use a–z, digits and '-', starting with "
                             "a letter, and ':' after the namespace of an included calendar{}",
                             what_, *value,
                             folded.empty() ? "" : fmt::format(" (did you mean '{}'?)", folded)));
        return std::nullopt;
    }
    return value;
}

std::optional<std::int64_t> table_reader::integer(std::string_view key, std::int64_t min,
                                                  std::int64_t max, bool required) {
    const toml::node* n = node(key);
    if (!n) {
        if (required) error(fmt::format("{}: missing required key '{}'", what_, key));
        return std::nullopt;
    }
    auto* v = typed<std::int64_t>(*this, n, key, "an integer");
    if (!v) return std::nullopt;
    if (v->get() < min || v->get() > max) {
        error_at(*n, fmt::format("{}: '{}' is {}, must be from {} to {}", what_, key, v->get(),
                                 min, max));
        return std::nullopt;
    }
    return v->get();
}

std::optional<bool> table_reader::boolean(std::string_view key) {
    if (auto* v = typed<bool>(*this, node(key), key, "true or false")) return v->get();
    return std::nullopt;
}

std::optional<date::year_month_day> table_reader::date(std::string_view key, bool required) {
    const toml::node* n = node(key);
    if (!n) {
        if (required) error(fmt::format("{}: missing required key '{}'", what_, key));
        return std::nullopt;
    }
    if (const auto* text = n->as_string()) {
        if (auto written = date_written_as(text->get())) {
            error_at(*n, fmt::format("{}: '{}' must be a date, unquoted: write {}", what_, key,
                                     *written));
            return std::nullopt;
        }
    }
    auto* v = typed<toml::date>(*this, n, key, "a date (YYYY-MM-DD, unquoted)");
    if (!v) return std::nullopt;
    const toml::date& d = v->get();
    date::year_month_day ymd{date::year{d.year}, date::month{d.month}, date::day{d.day}};
    if (!ymd.ok()) {
        error_at(*n, fmt::format("{}: {:04}-{:02}-{:02} is not a date", what_, d.year, d.month,
                                 d.day));
        return std::nullopt;
    }
    return ymd;
}

std::optional<std::vector<table_reader::located_string>> table_reader::strings(
    std::string_view key) {
    auto* arr = typed<toml::array>(*this, node(key), key, "an array of strings");
    if (!arr) return std::nullopt;
    std::vector<located_string> out;
    bool good = true;
    for (const toml::node& element : *arr) {
        if (auto* s = element.as_string()) {
            out.push_back({s->get(), region_of(element.source(), file_)});
        } else {
            error_at(element, fmt::format("{}: every element of '{}' must be a string, not {}",
                                          what_, key, type_name(element.type())));
            good = false;
        }
    }
    if (!good) return std::nullopt;
    return out;
}

const toml::table* table_reader::table(std::string_view key) {
    return typed<toml::table>(*this, node(key), key, "a table ({ ... })");
}

const toml::array* table_reader::array(std::string_view key) {
    return typed<toml::array>(*this, node(key), key, "an array");
}

void table_reader::finish() {
    for (auto&& [key, value] : table_) {
        std::string_view k = key.str();
        if (std::find(allowed_.begin(), allowed_.end(), k) != allowed_.end()) continue;
        source_region at = key.source().begin.line ? region_of(key.source(), file_)
                                                   : region_of(value.source(), file_);
        const std::vector<std::string> allowed(allowed_.begin(), allowed_.end());
        out_.push_back({fmt::format("{}: unknown key '{}'{}", what_, k, did_you_mean(k, allowed)),
                        at});
    }
}

}  // namespace cycle::detail
