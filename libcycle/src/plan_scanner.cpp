// Reads a plan file of the plain shape without a TOML tree (plan_scanner.hpp).
// Every doubt gives up: toml++ then reads the file, errors and all.
#include "plan_scanner.hpp"

#include <algorithm>

#include "cycle/text.hpp"

namespace cycle::detail {
namespace {

class scanner {
public:
    scanner(std::string_view text, const occurrence_reader& read,
            std::optional<scanned_value>& calendar)
        : text_(text), read_(read), calendar_(calendar) {}

    bool scan() {
        // A byte-order mark, or a file that does not end its last line, is
        // left to toml++ (rare; no need to get its details right here).
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") return false;
        while (at_ < text_.size())
            if (!line()) return false;
        return hand_over();
    }

private:
    enum class in { top, occurrence, waiver };

    bool line() {
        ++line_;
        line_start_ = at_;
        skip_blanks();
        if (end_of_line()) return true;
        const char c = text_[at_];
        if (c == '#') return comment_to_end_of_line();
        if (c == '[') return header();
        return key_value();
    }

    int column() const { return static_cast<int>(at_ - line_start_) + 1; }

    void skip_blanks() {
        while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t')) ++at_;
    }

    // Consumes a line end (LF or CRLF) or the end of the text.
    bool end_of_line() {
        if (at_ == text_.size()) return true;
        if (text_[at_] == '\n') {
            ++at_;
            return true;
        }
        if (text_[at_] == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') {
            at_ += 2;
            return true;
        }
        return false;
    }

    // After a value or header: blanks, then a comment or the line's end.
    // A comment must follow a blank (`date = 2026-01-01#x` is left to toml++).
    bool rest_of_line() {
        const std::size_t before = at_;
        skip_blanks();
        if (end_of_line()) return true;
        if (text_[at_] == '#' && at_ > before) return comment_to_end_of_line();
        return false;
    }

    bool comment_to_end_of_line() {
        const std::size_t start = at_;
        bool ascii = true;
        for (; at_ < text_.size(); ++at_) {
            const auto c = static_cast<unsigned char>(text_[at_]);
            if (c == '\n' || c == '\r') break;
            if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
            if (c >= 0x80) ascii = false;
        }
        if (!ascii && !is_valid_utf8(text_.substr(start, at_ - start))) return false;
        return end_of_line();
    }

    bool header() {
        const int col = column();
        static constexpr std::string_view occurrence = "[[occurrence]]";
        static constexpr std::string_view waiver = "[[occurrence.waive]]";
        if (text_.substr(at_, occurrence.size()) == occurrence) {
            at_ += occurrence.size();
            if (!hand_over()) return false;
            for (auto& v : current_.table.values) v.kind = scanned_value::type::none;  // unset
            current_.waivers.clear();
            current_.table.line = line_;
            current_.table.column = col;
            table_ = &current_.table;
            state_ = in::occurrence;
            has_current_ = true;
        } else if (text_.substr(at_, waiver.size()) == waiver && has_current_) {
            at_ += waiver.size();
            auto& w = current_.waivers.emplace_back();
            w.line = line_;
            w.column = col;
            table_ = &w;
            state_ = in::waiver;
        } else {
            return false;
        }
        return rest_of_line();
    }

    // The occurrence read so far, if any, to the reader.
    bool hand_over() {
        if (!has_current_) return true;
        has_current_ = false;
        return read_(calendar_ ? &*calendar_ : nullptr, current_);
    }

    static bool is_bare_key_char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    }

    bool key_value() {
        const std::size_t start = at_;
        while (at_ < text_.size() && is_bare_key_char(text_[at_])) ++at_;
        const std::string_view key = text_.substr(start, at_ - start);
        if (key.empty()) return false;
        skip_blanks();
        if (at_ == text_.size() || text_[at_] != '=') return false;
        ++at_;
        skip_blanks();
        scanned_value* slot = slot_for(key);
        if (!slot || slot->kind != scanned_value::type::none) return false;  // unknown or repeated
        slot->line = line_;
        slot->column = column();
        if (!value(*slot)) return false;
        return rest_of_line();
    }

    scanned_value* slot_for(std::string_view key) {
        if (state_ == in::top)  // once: a second `calendar` is toml++'s error to report
            return key == "calendar" && !calendar_ ? &calendar_.emplace() : nullptr;
        const std::string_view* keys =
            state_ == in::occurrence ? std::begin(occurrence_keys) : std::begin(waiver_keys);
        const std::string_view* end =
            state_ == in::occurrence ? std::end(occurrence_keys) : std::end(waiver_keys);
        const auto* k = std::find(keys, end, key);
        return k == end ? nullptr : &table_->values[static_cast<std::size_t>(k - keys)];
    }

    bool value(scanned_value& v) {
        if (at_ == text_.size()) return false;
        const char c = text_[at_];
        if (c == '"') return basic_string(v);
        if (c >= '0' && c <= '9') return date_or_integer(v);
        return false;
    }

    bool basic_string(scanned_value& v) {
        if (text_.substr(at_, 3) == "\"\"\"") return false;  // multi-line: toml++
        const std::size_t start = ++at_;
        bool ascii = true, escaped = false;
        std::string unescaped;
        std::size_t plain = start;
        for (;; ++at_) {
            if (at_ == text_.size()) return false;
            const auto c = static_cast<unsigned char>(text_[at_]);
            if (c == '"') break;
            if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
            if (c >= 0x80) ascii = false;
            if (c != '\\') continue;
            if (at_ + 1 == text_.size()) return false;
            const char e = text_[at_ + 1];
            const char* replacement = e == '"'    ? "\""
                                      : e == '\\' ? "\\"
                                      : e == 'n'  ? "\n"
                                      : e == 't'  ? "\t"
                                      : e == 'r'  ? "\r"
                                                  : nullptr;
            if (!replacement) return false;  // \u, \b, \f, ...: toml++
            escaped = true;
            unescaped.append(text_.substr(plain, at_ - plain));
            unescaped += replacement;
            ++at_;
            plain = at_ + 1;
        }
        const std::string_view raw = text_.substr(start, at_ - start);
        ++at_;  // the closing quote
        if (!ascii && !is_valid_utf8(raw)) return false;
        v.kind = scanned_value::type::string;
        if (escaped) {
            unescaped.append(text_.substr(plain, at_ - 1 - plain));
            v.text = unescaped_.emplace_back(std::move(unescaped));
        } else {
            v.text = raw;
        }
        return true;
    }

    static bool ends_value(std::string_view rest) {
        return rest.empty() || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' ||
               rest[0] == '\r';
    }

    bool date_or_integer(scanned_value& v) {
        const std::string_view rest = text_.substr(at_);
        const auto digit = [&](std::size_t i) {
            return i < rest.size() && rest[i] >= '0' && rest[i] <= '9';
        };
        const auto number = [&](std::size_t from, std::size_t n) {
            int x = 0;
            for (std::size_t i = from; i < from + n; ++i) x = x * 10 + (rest[i] - '0');
            return x;
        };
        if (digit(0) && digit(1) && digit(2) && digit(3) && rest.size() > 4 && rest[4] == '-') {
            if (!(digit(5) && digit(6) && rest.size() > 7 && rest[7] == '-' && digit(8) &&
                  digit(9) && ends_value(rest.substr(10))))
                return false;  // a date-time, or not a date: toml++
            const date::year_month_day day{date::year{number(0, 4)},
                                           date::month{static_cast<unsigned>(number(5, 2))},
                                           date::day{static_cast<unsigned>(number(8, 2))}};
            if (!day.ok()) return false;
            v.kind = scanned_value::type::date;
            v.day = day;
            at_ += 10;
            return true;
        }
        std::size_t n = 0;
        while (digit(n)) ++n;
        // No leading zeros, underscores, signs or bases; at most 18 digits.
        if (n > 18 || (n > 1 && rest[0] == '0') || !ends_value(rest.substr(n))) return false;
        v.kind = scanned_value::type::integer;
        v.integer = 0;
        for (std::size_t i = 0; i < n; ++i) v.integer = v.integer * 10 + (rest[i] - '0');
        at_ += n;
        return true;
    }

    std::string_view text_;
    std::size_t at_ = 0, line_start_ = 0;
    int line_ = 0;
    in state_ = in::top;
    scanned_table* table_ = nullptr;
    const occurrence_reader& read_;
    std::optional<scanned_value>& calendar_;
    scanned_occurrence current_;  // the occurrence being read
    bool has_current_ = false;
    std::deque<std::string> unescaped_;  // strings that had escapes (stable addresses)
};

}  // namespace

bool scan_plan(std::string_view text, const occurrence_reader& read,
               std::optional<scanned_value>& calendar) {
    return scanner(text, read, calendar).scan();
}

}  // namespace cycle::detail
