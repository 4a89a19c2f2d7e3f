// Edits plan files line by line (plan_edit.hpp).
#include "cycle/plan_edit.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "cycle/text.hpp"

namespace cycle {
namespace {

// The file as lines, each with its own line ending, so joining them gives
// the text back byte for byte.
class lines_of_file {
public:
    explicit lines_of_file(std::string_view text) {
        std::size_t start = 0;
        while (start < text.size()) {
            auto end = text.find('\n', start);
            end = end == std::string_view::npos ? text.size() : end + 1;
            lines_.emplace_back(text.substr(start, end - start));
            start = end;
        }
        newline_ = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    }

    std::size_t size() const { return lines_.size(); }
    // 1-based, as source_region lines are.
    std::string& at(int line) { return lines_.at(static_cast<std::size_t>(line - 1)); }
    // The line's text without its ending.
    std::string_view body(int line) const {
        std::string_view l = lines_.at(static_cast<std::size_t>(line - 1));
        while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.remove_suffix(1);
        return l;
    }
    // Inserts lines (bodies, without endings) before `line`; size() + 1
    // appends them.
    void insert_before(int line, const std::vector<std::string>& bodies) {
        if (line == static_cast<int>(size()) + 1 && !lines_.empty() && lines_.back().back() != '\n')
            lines_.back() += newline_;
        std::vector<std::string> with_endings;
        for (const auto& b : bodies) with_endings.push_back(b + newline_);
        lines_.insert(lines_.begin() + (line - 1), with_endings.begin(), with_endings.end());
    }
    void insert_after(int line, const std::string& body) {
        std::string& before = at(line);
        if (before.empty() || before.back() != '\n') before += newline_;
        lines_.insert(lines_.begin() + line, body + newline_);
    }
    std::string str() const {
        std::string out;
        for (const auto& l : lines_) out += l;
        return out;
    }

private:
    std::vector<std::string> lines_;
    std::string newline_;
};

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
}

// The lines of one [[occurrence]]: from its header to the line before the
// next table header (its own [[occurrence.waive]] tables excluded).
struct entry_lines {
    int header = 0;  // the [[occurrence]] line; 0 if not found
    int last = 0;
};

entry_lines find_entry(const lines_of_file& f, int date_line) {
    entry_lines e;
    for (int l = date_line; l >= 1; --l)
        if (trimmed(f.body(l)).rfind("[[", 0) == 0) {
            e.header = l;
            break;
        }
    e.last = static_cast<int>(f.size());
    for (int l = date_line + 1; l <= static_cast<int>(f.size()); ++l)
        if (trimmed(f.body(l)).rfind("[", 0) == 0) {
            e.last = l - 1;
            break;
        }
    return e;
}

// The line of `key = ...` between `from` and `to`, 0 if none.
int key_line(const lines_of_file& f, int from, int to, std::string_view key) {
    for (int l = from; l <= to; ++l) {
        auto t = trimmed(f.body(l));
        if (t.rfind(key, 0) != 0) continue;
        auto rest = trimmed(t.substr(key.size()));
        if (!rest.empty() && rest.front() == '=') return l;
    }
    return 0;
}

// Replaces the value of `key = VALUE  # comment` on `line`, keeping the
// indentation, the spacing and any comment after it.
bool replace_value(lines_of_file& f, int line, std::string_view value) {
    std::string& text = f.at(line);
    auto eq = text.find('=');
    if (eq == std::string::npos) return false;
    auto begin = text.find_first_not_of(" \t", eq + 1);
    if (begin == std::string::npos) return false;
    std::size_t end = begin;
    if (text[begin] == '"' || text[begin] == '\'') {
        end = text.find(text[begin], begin + 1);
        if (end == std::string::npos) return false;
        ++end;
    } else {
        end = text.find_first_of(" \t#\r\n", begin);
        if (end == std::string::npos) end = text.size();
    }
    text.replace(begin, end - begin, value);
    return true;
}

std::string day(date::sys_days d) {
    return date::format("%F", d);
}

// "# Title (v. 41)" as write_plan_file writes it: the week is updated.
void update_week_comment(lines_of_file& f, int header, date::sys_days d) {
    if (header <= 1) return;
    std::string& text = f.at(header - 1);
    const auto at = text.rfind(" (v. ");
    const auto close = text.find(')', at == std::string::npos ? 0 : at);
    if (text.rfind("# ", 0) != 0 || at == std::string::npos || close == std::string::npos) return;
    const auto tail = std::string_view(text).substr(close + 1);
    if (tail.find_first_not_of("\r\n") != std::string_view::npos) return;
    text.replace(at, close + 1 - at, " (" + week_label(d) + ")");
}

const plan_entry* entry_of(const plan_file& pf, const occurrence_id& id) {
    for (const auto& e : pf.entries)
        if (e.id() == id) return &e;
    return nullptr;
}

}  // namespace

result<plan_edit> move_proposed(std::string_view text, const plan_file& pf, const plan& p) {
    std::unordered_map<occurrence_id, const occurrence*> planned;
    for (const auto& o : p.occurrences) planned.emplace(o.id(), &o);
    lines_of_file f(text);
    plan_edit out;
    // Last entry first: a line added below one entry does not move the ones above.
    std::vector<const plan_entry*> proposed;
    for (const auto& e : pf.entries)
        if (e.proposed) proposed.push_back(&e);
    std::sort(proposed.begin(), proposed.end(), [](const plan_entry* a, const plan_entry* b) {
        return a->where.line > b->where.line;
    });
    for (const plan_entry* e : proposed) {
        auto found = planned.find(e->id());
        if (found == planned.end()) continue;
        const occurrence& o = *found->second;
        const date::sys_days old_end = e->end_date.value_or(e->date);
        if (o.date == e->date && o.end_date == old_end) continue;
        const int date_line = e->where.line;
        if (date_line < 1 || date_line > static_cast<int>(f.size()) ||
            key_line(f, date_line, date_line, "date") != date_line)
            return error{"cannot find the entry's date line to edit", e->where};
        const entry_lines lines = find_entry(f, date_line);
        const int end_line = key_line(f, lines.header + 1, lines.last, "end");
        std::string change = fmt::format("{}:{}: {}: date {}", e->where.file, date_line,
                                         e->to_string(), day(e->date));
        if (old_end != e->date) change += " – " + day(old_end);
        change += " -> " + day(o.date);
        if (o.end_date != o.date) change += " – " + day(o.end_date);
        if (end_line && (o.end_date != old_end || o.end_date == o.date))
            replace_value(f, end_line, day(o.end_date));
        else if (!end_line && o.end_date != o.date)
            f.insert_after(date_line, "end = " + day(o.end_date));
        replace_value(f, date_line, day(o.date));
        update_week_comment(f, lines.header, o.date);
        out.changes.push_back(printable(change) + " (proposed)");
    }
    std::reverse(out.changes.begin(), out.changes.end());
    out.text = f.str();
    return out;
}

namespace {

// The first line of an entry with its comment: the comment lines right
// above its [[occurrence]] line (as write_plan_file puts its title there).
int first_line_of(const lines_of_file& f, const plan_entry& e) {
    int first = find_entry(f, e.where.line).header;
    if (first < 1) return e.where.line;
    while (first > 1 && trimmed(f.body(first - 1)).rfind("#", 0) == 0) --first;
    return first;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

result<plan_edit> add_proposed(std::string_view text, const plan_file& pf, const calendar& cal,
                               const plan& p, const std::vector<const occurrence*>& missing) {
    std::unordered_map<occurrence_id, std::size_t> rank;  // the plan's order
    for (std::size_t i = 0; i < p.occurrences.size(); ++i) rank.emplace(p.occurrences[i].id(), i);
    lines_of_file f(text);
    for (const auto& e : pf.entries)
        if (e.where.line < 1 || e.where.line > static_cast<int>(f.size()))
            return error{"cannot find the entry's date line", e.where};
    // Where each goes: before the file's entry next in the plan's order.
    struct insertion {
        int line;
        std::size_t rank;
        const occurrence* o;
    };
    std::vector<insertion> at;
    for (const occurrence* o : missing) {
        const std::size_t mine = rank.at(o->id());
        const plan_entry* next = nullptr;
        std::size_t next_rank = 0;
        for (const auto& e : pf.entries) {
            auto r = rank.find(e.id());
            if (r == rank.end() || r->second <= mine || (next && r->second >= next_rank)) continue;
            next = &e;
            next_rank = r->second;
        }
        at.push_back({next ? first_line_of(f, *next) : static_cast<int>(f.size()) + 1, mine, o});
    }
    // Bottom up, and later ones first on one line: each insertion leaves the
    // lines above it, and the ones inserted before it, where they were.
    std::sort(at.begin(), at.end(), [](const insertion& a, const insertion& b) {
        return std::tie(a.line, a.rank) > std::tie(b.line, b.rank);
    });
    plan_edit out;
    const int end = static_cast<int>(f.size()) + 1;
    // A blank line between entries; the file's own last line may be one.
    const bool ends_blank = f.size() > 0 && trimmed(f.body(end - 1)).empty();
    const insertion* first_at_end = nullptr;  // the one right after the last line
    for (const auto& i : at)
        if (i.line == end) first_at_end = &i;
    for (const auto& i : at) {
        std::vector<std::string> block = lines_of(plan_file_entry(cal, *i.o));
        if (i.line != end)
            block.push_back(std::string{});
        else if (!(ends_blank && &i == first_at_end))
            block.insert(block.begin(), std::string{});
        f.insert_before(i.line, block);
        out.changes.push_back(printable(fmt::format("{}: {}: added {} (proposed)", pf.where.file,
                                                    i.o->to_string(), day(i.o->date))));
    }
    std::reverse(out.changes.begin(), out.changes.end());
    out.text = f.str();
    return out;
}

result<plan_edit> set_status(std::string_view text, const plan_file& pf, const occurrence_id& id,
                             std::string_view status) {
    static constexpr std::string_view statuses[] = {"proposed", "confirmed", "held", "cancelled"};
    if (std::find(std::begin(statuses), std::end(statuses), status) == std::end(statuses))
        return error{fmt::format("status is proposed, confirmed, held or cancelled, not '{}'",
                                 printable(status)),
                     {}};
    const plan_entry* e = entry_of(pf, id);
    if (!e)
        return error{fmt::format("no occurrence {} in the plan file", id.to_string()), pf.where};
    lines_of_file f(text);
    const int date_line = e->where.line;
    if (date_line < 1 || date_line > static_cast<int>(f.size()))
        return error{"cannot find the entry's date line to edit", e->where};
    const entry_lines lines = find_entry(f, date_line);
    const std::string value = fmt::format("\"{}\"", status);
    plan_edit out;
    if (const int line = key_line(f, lines.header + 1, lines.last, "status")) {
        if (!replace_value(f, line, value))
            return error{"cannot edit this status line", {e->where.file, line, 1}};
        out.changes.push_back(fmt::format("{}:{}: {}: status = {}", printable(e->where.file), line,
                                          id.to_string(), value));
    } else {
        f.insert_after(date_line, "status = " + value);
        out.changes.push_back(fmt::format("{}:{}: {}: status = {}", printable(e->where.file),
                                          date_line + 1, id.to_string(), value));
    }
    out.text = f.str();
    return out;
}

}  // namespace cycle
