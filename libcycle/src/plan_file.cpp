// Reads and writes plan files (docs/plan-format.md).
#include "cycle/plan_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "cycle/assumptions.hpp"
#include "cycle/holidays.hpp"
#include "cycle/plan.hpp"
#include "cycle/read_file.hpp"
#include "cycle/terms.hpp"
#include "cycle/text.hpp"
#include "cycle/texts.hpp"
#include "cycle/timezone.hpp"
#include "enum_names.hpp"
#include "plan_scanner.hpp"
#include "suggest.hpp"
#include "toml_reader.hpp"
#include "value_parsing.hpp"

namespace cycle {
namespace {

using detail::table_reader;

// The part of table_reader's interface the plan loader uses, over a scanned
// table (plan_scanner.hpp). It never reports: anything table_reader would
// report sets `failed`, and the file is read again through toml++.
class scanned_reader {
public:
    template <std::size_t N>
    scanned_reader(const detail::scanned_table& t, const std::string_view (&keys)[N],
                   const std::string& file, bool& failed)
        : table_(t), keys_(keys), key_count_(N), file_(file), failed_(failed) {}

    const detail::scanned_value* get(std::string_view key) const {
        for (std::size_t i = 0; i < key_count_; ++i)
            if (keys_[i] == key)
                return table_.values[i].kind == detail::scanned_value::type::none
                           ? nullptr
                           : &table_.values[i];
        return nullptr;
    }
    bool has(std::string_view key) const { return get(key) != nullptr; }

    std::optional<std::string> string(std::string_view key, bool required = false) {
        const auto* v = typed(key, detail::scanned_value::type::string, required);
        return v ? std::optional<std::string>(std::string(v->text)) : std::nullopt;
    }
    std::optional<std::string> id(std::string_view key, bool required = false) {
        auto value = string(key, required);
        if (value && !detail::is_valid_id(*value)) failed_ = true;
        return failed_ ? std::nullopt : value;
    }
    std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max,
                                        bool required = false) {
        const auto* v = typed(key, detail::scanned_value::type::integer, required);
        if (v && (v->integer < min || v->integer > max)) failed_ = true;
        return v && !failed_ ? std::optional<std::int64_t>(v->integer) : std::nullopt;
    }
    std::optional<date::year_month_day> date(std::string_view key, bool required = false) {
        const auto* v = typed(key, detail::scanned_value::type::date, required);
        return v ? std::optional<date::year_month_day>(v->day) : std::nullopt;
    }

    void error_at_key(std::string_view, const std::string&) { failed_ = true; }
    void error(const std::string&) { failed_ = true; }
    void finish() {}

    source_region where() const { return {file_, table_.line, table_.column}; }
    source_region where(std::string_view key) const {
        const auto* v = get(key);
        return v ? source_region{file_, v->line, v->column} : where();
    }

private:
    // The value of `key` if it has the type; a wrong type, or a required
    // key missing, is an error table_reader reports.
    const detail::scanned_value* typed(std::string_view key, detail::scanned_value::type type,
                                       bool required) {
        const auto* v = get(key);
        if (!v) {
            if (required) failed_ = true;
            return nullptr;
        }
        if (v->kind != type) {
            failed_ = true;
            return nullptr;
        }
        return v;
    }

    const detail::scanned_table& table_;
    const std::string_view* keys_;
    std::size_t key_count_;
    const std::string& file_;
    bool& failed_;
};

class plan_loader {
public:
    plan_loader(const calendar& cal, std::string file) : cal_(cal), file_(std::move(file)) {}

    result<plan_file> load(std::string_view text) {
        auto parsed = detail::parse_toml(text, file_, detail::max_plan_bytes);
        if (!parsed) return parsed.errors();
        toml::table& root = *parsed;
        plan_file pf;
        pf.where = {file_, 0, 0};
        table_reader top(root, "plan", file_, errors_, {"calendar", "occurrence"});
        if (auto id = top.string("calendar", true)) {
            pf.calendar_id = *id;
            // One error, not one "unknown event" per entry: the entries are
            // not read against a calendar they are not for.
            // A plan of an included calendar (a municipality's plan checked
            // in the county view) names its events as that calendar does;
            // they are read under its prefix.
            if (*id != cal_.id) {
                for (const auto& inc : cal_.includes)
                    if (inc.calendar_id == *id) {
                        prefix_ = inc.prefix + ":";
                        break;
                    }
                if (prefix_.empty()) {
                    top.error_at_key("calendar", mismatch_message(*id));
                    return errors_;
                }
            }
        }
        detail::for_each_table(root, "occurrence", file_, errors_, [&](const toml::table& t) {
            if (auto entry = read_entry(t)) pf.entries.push_back(std::move(*entry));
        });
        top.finish();
        if (!errors_.empty()) return errors_;
        return pf;
    }

private:
    std::string mismatch_message(const std::string& plan_calendar) const {
        return fmt::format(
            "the plan is for calendar '{}', but the calendar in use is '{}' ({}): "
            "give the plan's calendar with --calendar FILE, or name it in "
            "cycle.toml (docs/project.md)",
            printable(plan_calendar), cal_.id, printable(cal_.where.file));
    }

    std::optional<plan_entry> read_entry(const toml::table& t) {
        table_reader r(t, "[[occurrence]]", file_, errors_,
                       {"event", "member", "year", "date", "end", "start", "duration", "status",
                        "note", "waive", "index"});
        const std::size_t errors_before = errors_.size();
        plan_entry entry = read_fields(r, [&](plan_entry& e) { read_waivers(t, e); });
        if (errors_.size() != errors_before) return std::nullopt;
        return entry;
    }

    // The fields of an entry through either reader: toml++'s table_reader, or
    // scanned_reader over a plan of the plain shape (plan_scanner.hpp).
    template <class Reader, class Waivers>
    plan_entry read_fields(Reader& r, Waivers&& read_entry_waivers) {
        plan_entry entry;
        const event_template* e = read_event_and_member(r, entry);
        const bool dated = read_dates(r, entry);
        read_year(r, e, dated, entry);
        read_index(r, e, dated, entry);
        read_clock(r, dated, entry);
        read_status(r, entry);
        entry.note = r.string("note").value_or("");
        read_entry_waivers(entry);
        r.finish();
        return entry;
    }

public:
    // A plan of the plain shape, read without a TOML tree as it is scanned;
    // none when the scan or any entry finds something to say: the caller
    // then reads the file with toml++, which says it with its place.
    std::optional<plan_file> load_scanned(std::string_view text) {
        bool failed = false;
        plan_file pf;
        pf.where = {file_, 0, 0};
        const auto is_ours = [&](const detail::scanned_value* calendar) {
            return calendar && calendar->kind == detail::scanned_value::type::string &&
                   calendar->text == cal_.id;
        };
        // Room for the entries of a plan `cycle` writes (about 200 bytes
        // each), never fewer: pages not written take no memory.
        pf.entries.reserve(text.size() / 100 + 1);
        std::optional<detail::scanned_value> calendar;
        const bool scanned = detail::scan_plan(
            text,
            [&](const detail::scanned_value* cal, const detail::scanned_occurrence& o) {
                if (!is_ours(cal)) return false;
                scanned_reader r(o.table, detail::occurrence_keys, file_, failed);
                pf.entries.push_back(read_fields(r, [&](plan_entry& entry) {
                    for (const auto& w : o.waivers) {
                        scanned_reader wr(w, detail::waiver_keys, file_, failed);
                        waiver wv;
                        wv.rule = wr.id("rule", true).value_or("");
                        wv.reason = wr.string("reason", true).value_or("");
                        if (wv.reason.find_first_not_of(" \t\n") == std::string::npos)
                            failed = true;
                        wv.where = wr.where();
                        entry.waivers.push_back(std::move(wv));
                    }
                }));
                return !failed;
            },
            calendar);
        if (!scanned || !is_ours(calendar ? &*calendar : nullptr)) return std::nullopt;
        pf.calendar_id = std::string(calendar->text);
        return pf;
    }

private:
    // The entry's event (null if unknown) and its member, checked against the event.
    const event_template* read_event_and_member(auto& r, plan_entry& entry) {
        auto event_id = r.string("event", true);
        if (event_id && !prefix_.empty()) event_id = cal_.resolve_alias(prefix_ + *event_id);
        const event_template* e = event_id ? cal_.find_event(*event_id) : nullptr;
        if (event_id && !e) {
            std::vector<std::string> ids;
            for (const auto& ev : cal_.events) ids.push_back(ev.id);
            r.error_at_key("event", fmt::format("unknown event '{}'{}", *event_id,
                                                detail::did_you_mean(*event_id, ids)));
        }
        if (e) entry.event = e->id;
        entry.member = r.string("member").value_or("");
        if (e) check_member(r, *e, entry.member);
        return e;
    }

    // 'date' and 'end'; whether the entry has a date.
    bool read_dates(auto& r, plan_entry& entry) {
        auto day = r.date("date", true);
        // Findings about the occurrence point at the line a reviewer changes
        // (the table's header without a date).
        entry.where = day ? r.where("date") : r.where();
        if (day) entry.date = *day;
        if (auto end = r.date("end")) {
            entry.end_date = date::sys_days{*end};
            if (day && *entry.end_date < entry.date)
                r.error_at_key("end", "[[occurrence]]: 'end' is before 'date'");
        }
        return day.has_value();
    }

    // 'year', else the cycle year of the date; the dates and the year checked.
    void read_year(auto& r, const event_template* e, bool dated, plan_entry& entry) {
        if (auto year = r.integer("year", 1900, 2200)) {
            entry.cycle_year = static_cast<int>(*year);
        } else if (e && dated) {
            entry.cycle_year = cal_.cycle_year_of(*e, entry.date);
        }
        if (dated && entry.cycle_year) {
            if (auto why = plan_dates_problem(entry))
                r.error_at_key(why->rfind("end", 0) == 0 ? "end" : "date",
                               "[[occurrence]]: " + *why);
        }
        if (entry.cycle_year && e) check_year(r, *e, entry.cycle_year);
    }

    // 'index': which occurrence of a recurring event (recurrence.hpp), else
    // the one whose window holds the date; none for another event.
    void read_index(auto& r, const event_template* e, bool dated, plan_entry& entry) {
        auto index = r.integer("index", 1, 366);
        if (!e) return;
        if (!e->repeat) {
            if (r.has("index"))
                r.error_at_key("index", fmt::format("[[occurrence]]: event '{}' occurs once a "
                                                    "year; remove 'index'",
                                                    e->id));
            return;
        }
        if (!entry.cycle_year) return;
        const unsigned count = occurrence_count(*e, entry.cycle_year);
        if (index)
            entry.index = static_cast<unsigned>(*index);
        else if (dated)
            entry.index = occurrence_at(*e, entry.cycle_year, entry.date);
        if (!entry.index && !r.has("index"))
            r.error(
                fmt::format("[[occurrence]]: event '{}' recurs ({} a year): say which "
                            "occurrence with 'index' (1–{})",
                            e->id, count, count));
        else if (entry.index > count)
            r.error_at_key("index", fmt::format("[[occurrence]]: event '{}' has {} occurrences in "
                                                "{}, not {}",
                                                e->id, count, entry.cycle_year, entry.index));
    }

    // The cycle year is one the plan can hold and one the event occurs in.
    void check_year(auto& r, const event_template& e, int cycle_year) {
        if (auto y = check_plan_year(cal_, cycle_year); !y)
            r.error_at_key(r.has("year") ? "year" : "date", y.errors().front().message);
        else if (!e.years.selects(cycle_year - cal_.first_year + 1, cal_.cycle_length()))
            r.error_at_key(r.has("year") ? "year" : "date",
                           fmt::format("event '{}' does not occur in cycle year {} ({})", e.id,
                                       cycle_year - cal_.first_year + 1, cycle_year));
    }

    // 'start' (a time that exists on the date) and 'duration'.
    void read_clock(auto& r, bool dated, plan_entry& entry) {
        if (auto start = r.string("start")) {
            entry.start_time = detail::parse_clock(*start);
            if (!entry.start_time)
                r.error_at_key("start", fmt::format("[[occurrence]]: start '{}' is not a time of "
                                                    "day \"HH:MM\"",
                                                    *start));
            else if (dated)
                check_local_time(r, entry);
        }
        if (auto duration = r.string("duration")) {
            entry.duration = detail::parse_duration(*duration);
            if (entry.duration &&
                (*entry.duration < min_plan_duration || *entry.duration > max_plan_duration))
                entry.duration.reset();
            if (!entry.duration)
                r.error_at_key("duration", fmt::format("[[occurrence]]: duration '{}' is not like "
                                                       "\"3h\", \"90m\" or \"1h30m\" (1m to 336h)",
                                                       *duration));
        }
    }

    void read_status(auto& r, plan_entry& entry) {
        auto status = r.string("status");
        if (!status) return;
        if (*status == "proposed")
            entry.proposed = true;
        else if (*status == "confirmed")
            entry.status = occurrence_status::planned;
        else if (auto s = detail::parse_name(detail::occurrence_status_names, *status))
            entry.status = *s;
        else
            r.error_at_key("status", fmt::format("[[occurrence]]: status is \"proposed\", "
                                                 "\"confirmed\", \"held\" or \"cancelled\", "
                                                 "not '{}'",
                                                 *status));
    }

    void read_waivers(const toml::table& t, plan_entry& entry) {
        detail::for_each_table(t, "waive", file_, errors_, [&](const toml::table& w) {
            table_reader wr(w, "[[occurrence.waive]]", file_, errors_, {"rule", "reason"});
            waiver wv;
            wv.rule = wr.id("rule", true).value_or("");
            wv.reason = wr.string("reason", true).value_or("");
            if (wr.has("reason") && wv.reason.find_first_not_of(" \t\n") == std::string::npos)
                wr.error_at_key("reason", "a waiver needs a written reason");
            wv.where = wr.where();
            wr.finish();
            entry.waivers.push_back(std::move(wv));
        });
    }

    void check_member(auto& r, const event_template& e, const std::string& member) {
        if (!e.per_member) {
            if (!member.empty())
                r.error_at_key("member", fmt::format("event '{}' is not per member; remove "
                                                     "'member'",
                                                     e.id));
            return;
        }
        const auto& members = cal_.find_body(e.per_member->body)->members;
        if (member.empty())
            r.error(
                fmt::format("[[occurrence]]: event '{}' has one occurrence per member of '{}': "
                            "say which with 'member'",
                            e.id, e.per_member->body));
        else if (!members_of(e.per_member->body).count(member))
            r.error_at_key("member",
                           fmt::format("'{}' is not a member of '{}'{}", member, e.per_member->body,
                                       detail::did_you_mean(member, members)));
    }

    void check_local_time(auto& r, const plan_entry& entry) {
        auto local = date::local_seconds{entry.date.time_since_epoch()} + *entry.start_time;
        if (auto utc = to_utc(cal_.time_zone, local); !utc)
            r.error_at_key("start",
                           fmt::format("[[occurrence]]: {}", utc.errors().front().message));
    }

    // The members of a body as a set, made once: a linear search per entry
    // made checking a plan of 5,000 members quadratic (issue 12).
    const std::unordered_set<std::string_view>& members_of(const std::string& body_id) {
        auto [it, added] = members_.try_emplace(body_id);
        if (added)
            for (const auto& m : cal_.find_body(body_id)->members) it->second.insert(m);
        return it->second;
    }

    const calendar& cal_;
    std::string file_;
    std::string prefix_;  // "eda:" for a plan of the included calendar "eda"

    errors errors_;
    std::unordered_map<std::string, std::unordered_set<std::string_view>> members_;
};

// A TOML basic string, appended.
void append_toml_string(std::string& out, std::string_view text) {
    std::string repaired;  // invalid UTF-8 made valid (text.hpp)
    if (!is_valid_utf8(text)) text = repaired = valid_utf8(text);
    out += '"';
    for (unsigned char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7f)
                    fmt::format_to(std::back_inserter(out), "\\u{:04X}", c);
                else
                    out += static_cast<char>(c);
        }
    }
    out += '"';
}

// A TOML basic string.
std::string toml_string(std::string_view text) {
    std::string out;
    append_toml_string(out, text);
    return out;
}

}  // namespace

result<plan_file> load_plan_string(std::string_view toml, std::string_view name,
                                   const calendar& cal) {
    // The plain shape `cycle` writes is read without a TOML tree (issue 12:
    // toml++ was two thirds of checking a large plan); any other file, and
    // any file with something wrong, is read through toml++ as before.
    if (toml.size() <= detail::max_plan_bytes)
        if (auto pf = plan_loader(cal, std::string(name)).load_scanned(toml)) return std::move(*pf);
    return detail::load_plan_string_toml(toml, name, cal);
}

result<plan_file> detail::load_plan_string_toml(std::string_view toml, std::string_view name,
                                                const calendar& cal) {
    return plan_loader(cal, std::string(name)).load(toml);
}

std::optional<std::string> plan_dates_problem(const plan_entry& entry) {
    const auto year_of = [](date::sys_days d) { return int(date::year_month_day{d}.year()); };
    const auto check = [&](std::string_view key, date::sys_days d) -> std::optional<std::string> {
        const int y = year_of(d);
        if (y < first_holiday_year || y > last_holiday_year ||
            std::abs(y - entry.cycle_year) > max_years_from_cycle_year)
            return fmt::format(
                "{} {} is too far from cycle year {}: a plan's dates lie in {}–{} "
                "and within {} years of their cycle year (docs/limits.md)",
                key, date::format("%F", d), entry.cycle_year, first_holiday_year, last_holiday_year,
                max_years_from_cycle_year);
        return std::nullopt;
    };
    if (auto why = check("date", entry.date)) return why;
    if (entry.end_date) {
        if (auto why = check("end", *entry.end_date)) return why;
        if ((*entry.end_date - entry.date).count() >= max_span_days)
            return fmt::format("end {} is more than {} days after the date (docs/limits.md)",
                               date::format("%F", *entry.end_date), max_span_days - 1);
    }
    return std::nullopt;
}

result<plan_file> load_plan_file(const std::filesystem::path& path, const calendar& cal) {
    auto text = read_file(path, "plan", detail::max_plan_bytes);
    if (!text) return text.errors();
    return load_plan_string(*text, path.string(), cal);
}

occurrence occurrence_of(const plan_entry& entry) {
    occurrence o;
    static_cast<occurrence_id&>(o) = entry.id();
    o.fixed = true;
    o.proposed = entry.proposed;
    o.date = entry.date;
    o.end_date = entry.end_date.value_or(entry.date);
    o.start_time = entry.start_time;
    o.duration = entry.duration.value_or(std::chrono::minutes{0});
    o.status = entry.status;
    o.note = entry.note;
    o.waivers = entry.waivers;
    o.where = entry.where;
    return o;
}

const char* status_word(const plan_entry& e) {
    if (e.proposed) return "proposed";
    if (e.status == occurrence_status::planned) return "confirmed";
    return to_string(e.status);
}

plan_file fixed_entries(const plan_file& pf) {
    plan_file out;
    out.calendar_id = pf.calendar_id;
    out.where = pf.where;
    for (const auto& e : pf.entries)
        if (!e.proposed) out.entries.push_back(e);
    return out;
}

namespace {

// One entry, appended to `out`: a plan of 100,000 occurrences is written
// into one buffer, without a string per line (issue 12).
void append_plan_entry(std::string& out, const calendar& cal, const occurrence& o) {
    const auto to = std::back_inserter(out);
    // Comments hold one line of printable text: a newline in a title must
    // not end the comment and start a key.
    fmt::format_to(to, "# {} ({})\n[[occurrence]]\n", printable(title_of(cal, o)),
                   week_label(o.date));
    // A guessed date says so, and why, in the calendar's language (under the
    // header: the title comment above it is the one --update edits).
    if (auto why = assumption_of(cal, o); !why.empty())
        fmt::format_to(to, "# {}: {}\n", texts_for(cal.language).preliminary, printable(why));
    // Who sits: the term of office of each body with terms (terms.hpp).
    for (const auto& s : terms_of(cal, o))
        fmt::format_to(to, "# {}: {}\n", texts_for(cal.language).term,
                       printable(term_text(cal, s)));
    out += "event = ";
    append_toml_string(out, o.event);
    out += '\n';
    if (!o.member.empty()) {
        out += "member = ";
        append_toml_string(out, o.member);
        out += '\n';
    }
    fmt::format_to(to, "year = {}\n", o.cycle_year);
    if (o.index) fmt::format_to(to, "index = {}\n", o.index);  // a recurring event's
    fmt::format_to(to, "date = {}\n", iso_date(o.date));
    if (o.end_date != o.date) fmt::format_to(to, "end = {}\n", iso_date(o.end_date));
    if (o.start_time) {
        fmt::format_to(to, "start = \"{}\"\n", detail::format_clock(*o.start_time));
        // A duration a plan file cannot hold (none, from an import) is left
        // out: the event's own is then used (docs/limits.md).
        if (o.duration >= min_plan_duration && o.duration <= max_plan_duration)
            fmt::format_to(to, "duration = \"{}\"\n", detail::format_duration(o.duration));
    }
    if (o.status != occurrence_status::planned)
        fmt::format_to(to, "status = \"{}\"\n", to_string(o.status));
    else if (!o.fixed)
        out += "status = \"proposed\"\n";
    if (!o.note.empty()) {
        out += "note = ";
        append_toml_string(out, o.note);
        out += '\n';
    }
    for (const auto& w : o.waivers) {
        out += "[[occurrence.waive]]\nrule = ";
        append_toml_string(out, w.rule);
        out += "\nreason = ";
        append_toml_string(out, w.reason);
        out += '\n';
    }
}

}  // namespace

std::string write_plan_file(const calendar& cal, const plan& p) {
    std::string out = fmt::format(
        "# Plan for {} ({}), {}.\n"
        "# Edit the dates. An [[occurrence]] with status = \"proposed\" is the planner's "
        "proposal:\n"
        "# `cycle plan --plan FILE --update` may move it; make it \"confirmed\" once decided.\n"
        "# Format: docs/plan-format.md\n\n"
        "calendar = {}\n",
        printable(cal.title), printable(cal.id),
        p.first_year == p.last_year ? fmt::format("cycle year {}", p.first_year)
                                    : fmt::format("cycle years {}–{}", p.first_year, p.last_year),
        toml_string(cal.id));
    out.reserve(out.size() + p.occurrences.size() * 224);
    for (const auto& o : p.occurrences) {
        out += '\n';
        append_plan_entry(out, cal, o);
    }
    return out;
}

std::string plan_file_entry(const calendar& cal, const occurrence& o) {
    std::string out;
    append_plan_entry(out, cal, o);
    return out;
}

}  // namespace cycle
