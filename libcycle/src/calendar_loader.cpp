// Reads a calendar from TOML (docs/calendar-format.md) and checks it whole:
// every key, type, date and reference, and precedence without cycles.
#include <date/iso_week.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

#include "calendar_include.hpp"
#include "calendar_references.hpp"
#include "cycle/calendar.hpp"
#include "cycle/zone.hpp"
#include "cycle/holidays.hpp"
#include "cycle/read_file.hpp"
#include "enum_names.hpp"
#include "idle_keys.hpp"
#include "recurrence_reader.hpp"
#include "suggest.hpp"
#include "term_reader.hpp"
#include "timing_reader.hpp"
#include "toml_reader.hpp"
#include "value_parsing.hpp"
#include "window_check.hpp"

namespace cycle {
namespace {

using detail::calendar_reference;
using detail::table_reader;

constexpr std::int64_t min_year = 1900, max_year = 2200;
constexpr std::int64_t first_cycle_year = first_holiday_year, last_cycle_year = last_holiday_year - 11;

class calendar_loader {
public:
    calendar_loader(std::string file, const detail::include_chain& chain)
        : file_(std::move(file)), chain_(chain) {
        cal_.where = {file_, 0, 0};
    }

    result<calendar> load(std::string_view text) {
        auto parsed = detail::parse_toml(text, file_);
        if (!parsed) return parsed.errors();
        toml::table& root = *parsed;
        // Room for every event at once, not a move of each one read per growth step.
        if (const auto* events = root.get_as<toml::array>("event"))
            cal_.events.reserve(events->size());
        table_reader top(root, "calendar", file_, errors_,
                         {"cycle", "include", "source", "body", "event", "closure", "checks"});
        if (const toml::table* c = top.table("cycle")) read_cycle(*c);
        else if (!top.has("cycle")) errors_.push_back({"missing the [cycle] table", {file_, 1, 1}});
        auto includes = detail::read_includes(root, file_, chain_, errors_);
        detail::for_each_table(root, "source", file_, errors_,
                               [&](const toml::table& t) { read_source(t); });
        detail::for_each_table(root, "body", file_, errors_,
                               [&](const toml::table& t) { read_body(t); });
        detail::for_each_table(root, "event", file_, errors_,
                               [&](const toml::table& t) { read_event(t); });
        detail::for_each_table(root, "closure", file_, errors_,
                               [&](const toml::table& t) { read_closure(t); });
        if (const toml::table* c = top.table("checks")) read_checks(*c);
        top.finish();
        detail::compose(cal_, std::move(includes), errors_);
        if (cal_.events.empty() && errors_.empty())
            errors_.push_back({"the calendar has no [[event]]", {file_, 0, 0}});
        cal_.build_index();
        if (errors_.empty()) detail::check_references(cal_, references_, errors_);
        if (errors_.empty()) detail::check_recurrences(cal_, errors_);
        if (errors_.empty()) detail::check_same_member(cal_, errors_);
        if (errors_.empty()) detail::check_terms(cal_, errors_);  // term_reader.cpp
        if (errors_.empty()) detail::check_membership_cycles(cal_, errors_);
        if (errors_.empty()) detail::check_precedence_cycles(cal_, errors_);
        if (errors_.empty()) detail::check_windows(cal_, errors_);
        if (!errors_.empty()) return errors_;
        return std::move(cal_);
    }

private:
    void read_cycle(const toml::table& t) {
        table_reader r(t, "[cycle]", file_, errors_,
                       {"id", "title", "description", "url", "first_year", "last_year", "time_zone",
                        "language", "holidays", "on_day_off"});
        cal_.id = r.id("id", true).value_or("");
        cal_.title = r.string("title", true).value_or("");
        cal_.description = r.string("description").value_or("");
        cal_.url = r.string("url").value_or("");
        // Swedish holidays are known for 2005–2200 (holidays.hpp), and a cycle
        // year's dates reach up to ten years on (year_offset): docs/limits.md.
        auto first = r.integer("first_year", first_cycle_year, last_cycle_year, true);
        auto last = r.integer("last_year", first_cycle_year, last_cycle_year, true);
        if (first && last && *last < *first)
            r.error_at_key("last_year", fmt::format("[cycle]: last_year {} is before first_year {}",
                                                    *last, *first));
        cal_.first_year = static_cast<int>(first.value_or(0));
        cal_.last_year = static_cast<int>(last.value_or(0));
        if (auto tz = r.string("time_zone")) {
            if (locate_zone(*tz)) {
                cal_.time_zone = *tz;
            } else {
                r.error_at_key("time_zone",
                               fmt::format("[cycle]: unknown time zone '{}' (the system's tz "
                                           "database has no such zone)", *tz));
            }
        }
        cal_.language = r.string("language").value_or("sv");
        // Which provider is checked where it is used: plugins add providers.
        if (auto holidays = r.id("holidays")) {
            cal_.holidays = *holidays;
            cal_.holidays_where = r.where("holidays");
        }
        if (auto policy = read_day_off(r, "[cycle]")) {
            cal_.on_day_off = policy;
            cal_.on_day_off_where = r.where("on_day_off");
        }
        r.finish();
    }

    // on_day_off = "previous" | "next" | "keep" | "error".
    std::optional<day_off_policy> read_day_off(table_reader& r, std::string_view where) {
        auto text = r.string("on_day_off");
        if (!text) return std::nullopt;
        if (auto p = detail::parse_name(detail::day_off_policy_names, *text)) return p;
        r.error_at_key("on_day_off",
                       fmt::format("{}: on_day_off is \"previous\", \"next\", \"keep\" or "
                                   "\"error\", not '{}'{}",
                                   where, *text,
                                   detail::did_you_mean(
                                       *text, detail::names_of(detail::day_off_policy_names))));
        return std::nullopt;
    }

    // [checks]: rule id -> "error" | "warning" | "off". Rule ids belong to
    // the checkers, which report ids they do not know.
    void read_checks(const toml::table& t) {
        for (auto&& [key, value] : t) {
            check_setting c;
            c.rule = std::string(key.str());
            c.where = key.source().begin.line ? detail::region_of(key.source(), file_)
                                              : detail::region_of(value.source(), file_);
            const std::string* level = value.is_string() ? &value.as_string()->get() : nullptr;
            if (!detail::is_valid_id(c.rule)) {
                errors_.push_back({fmt::format("[checks]: '{}' is not a rule id (lower case "
                                               "letters, digits and '-')", c.rule),
                                   c.where});
                continue;
            }
            if (auto parsed = level ? detail::parse_name(detail::check_level_names, *level)
                                    : std::nullopt)
                c.level = *parsed;
            else {
                errors_.push_back({fmt::format("[checks]: '{}' must be \"error\", \"warning\" "
                                               "or \"off\"", c.rule),
                                   detail::region_of(value.source(), file_)});
                continue;
            }
            cal_.checks.push_back(std::move(c));
        }
    }

    void read_source(const toml::table& t) {
        table_reader r(t, "[[source]]", file_, errors_, {"id", "title", "reference", "url"});
        source_document s;
        s.id = r.id("id", true).value_or("");
        s.title = r.string("title", true).value_or("");
        s.reference = r.string("reference").value_or("");
        s.url = r.string("url").value_or("");
        s.where = r.where();
        r.finish();
        if (!s.id.empty() && !source_ids_.insert(s.id).second)
            r.error_at_key("id", fmt::format("[[source]]: duplicate id '{}'", s.id));
        cal_.sources.push_back(std::move(s));
    }

    void read_body(const toml::table& t) {
        table_reader r(t, "[[body]]", file_, errors_,
                       {"id", "name", "short_name", "description", "members", "term"});
        body b;
        b.id = r.id("id", true).value_or("");
        b.name = r.string("name", true).value_or("");
        b.short_name = r.string("short_name").value_or("");
        b.description = r.string("description").value_or("");
        b.where = r.where();
        if (auto members = r.strings("members")) {
            for (auto& m : *members) {
                references_.push_back({calendar_reference::body, m.value, m.where, "member"});
                b.members.push_back(std::move(m.value));
            }
        }
        detail::read_terms(r, b, references_);  // term_reader.cpp
        r.finish();
        if (!b.id.empty() && !body_ids_.insert(b.id).second)
            r.error_at_key("id", fmt::format("[[body]]: duplicate id '{}'", b.id));
        cal_.bodies.push_back(std::move(b));
    }

    void read_years(table_reader& r, event_template& e) {
        const toml::node* n = r.node("years");
        if (!n) return;
        if (auto* s = n->as_string()) {
            if (s->get() == "every") return;
            if (s->get() == "after") {
                e.years.every = false;
                e.years.after_cycle = true;
                return;
            }
        }
        const toml::array* arr = n->as_array();
        if (!arr || arr->empty()) {
            r.error_at(*n, "[[event]]: 'years' must be \"every\" or an array of cycle years "
                           "such as [3] or [4, \"after\"]");
            return;
        }
        e.years.every = false;
        for (const toml::node& element : *arr) {
            if (auto* i = element.as_integer()) {
                int year = static_cast<int>(i->get());
                if (year < 1 || year > std::max(1, cal_.cycle_length())) {
                    r.error_at(element, fmt::format("[[event]]: cycle year {} is outside the cycle "
                                                    "(1–{}); use \"after\" for the year after it",
                                                    year, cal_.cycle_length()));
                    continue;
                }
                e.years.cycle_years.push_back(year);
            } else if (auto* s = element.as_string(); s && s->get() == "after") {
                e.years.after_cycle = true;
            } else {
                r.error_at(element, "[[event]]: each of 'years' must be a cycle year number "
                                    "or \"after\"");
            }
        }
    }

    void read_per_member(table_reader& r, event_template& e) {
        const toml::table* t = r.table("per_member");
        if (!t) return;
        table_reader pm(*t, fmt::format("[[event]] '{}' per_member", e.id), file_, errors_,
                        {"body", "max_per_day", "max_per_week", "buffer_days"});
        per_member_rule rule;
        rule.body = pm.id("body", true).value_or("");
        references_.push_back(
            {calendar_reference::body, rule.body, pm.where("body"), "per_member.body"});
        rule.max_per_day = static_cast<unsigned>(pm.integer("max_per_day", 0, 1000).value_or(0));
        rule.max_per_week = static_cast<unsigned>(pm.integer("max_per_week", 0, 1000).value_or(0));
        rule.buffer_days = static_cast<unsigned>(pm.integer("buffer_days", 0, 366).value_or(0));
        pm.finish();
        e.per_member = rule;
    }

    void read_event(const toml::table& t) {
        table_reader r(t, "[[event]]", file_, errors_,
                       {"id",          "title",      "description",      "kind",
                        "organiser",   "organisers", "audiences",        "url",
                        "years",       "source",     "month",            "months",
                        "day",         "weekday",    "nth",              "week",
                        "relative_to", "offset",     "year_offset",      "deadline",
                        "after",       "gap_days",   "gap_working_days", "prefer",
                        "weekdays",    "working_days_only", "election_margin_days",
                        "on_day_off",  "start",      "duration",         "days",
                        "per_member",  "assumed",    "held",
                        "repeat",      "variant",    "same_member"});
        event_template e;
        e.where = r.where();
        read_identity(r, e);
        read_people(r, e);
        read_years(r, e);
        read_source(r, e);
        read_timing_and_deadline(r, e);
        read_precedence(r, e);
        read_preferences(r, e);
        read_times(r, e);
        read_per_member(r, e);
        detail::read_recurrence(r, e);  // recurrence_reader.cpp
        detail::read_same_member(r, e);
        detail::check_idle_keys(r, e);
        if (e.on_day_off && !e.names_one_day())
            r.error_at_key(
                "on_day_off",
                fmt::format("[[event]] '{}': on_day_off has no effect here: it moves the "
                            "one day a rule names (a fixed day, the nth or last "
                            "weekday, a weekday of a week, a deadline's day), and only "
                            "for an event held on working days",
                            e.id));
        read_assumed(r, e.assumed, e.assumed_where, "[[event]]");
        read_held(r, e);
        r.finish();
        if (!e.id.empty() && !event_ids_.insert(e.id).second)
            r.error_at_key("id", fmt::format("[[event]]: duplicate id '{}'", e.id));
        cal_.events.push_back(std::move(e));
    }

    // id, title, description, url and kind (which sets the working-day default).
    void read_identity(table_reader& r, event_template& e) {
        e.id = r.id("id", true).value_or("");
        e.title = r.string("title", true).value_or("");
        e.description = r.string("description").value_or("");
        e.url = r.string("url").value_or("");
        if (auto kind = r.string("kind", true)) {
            if (auto k = detail::parse_name(detail::event_kind_names, *kind)) e.kind = *k;
            else
                r.error_at_key("kind", fmt::format("[[event]] '{}': unknown kind '{}'{}; use "
                                                   "meeting, conference, dialogue, deadline, "
                                                   "window or milestone",
                                                   e.id, *kind,
                                                   detail::did_you_mean(*kind, detail::names_of(detail::event_kind_names))));
        }
        e.working_days_only = e.kind != event_kind::deadline && e.kind != event_kind::window;
    }

    // assumed = "why": the documents do not state the dates; why they are
    // what they are. An empty reason says nothing and is an error.
    void read_assumed(table_reader& r, std::string& assumed, source_region& where,
                      std::string_view table) {
        auto why = r.string("assumed");
        if (!why) return;
        if (why->find_first_not_of(" \t\n") == std::string::npos)
            r.error_at_key("assumed", fmt::format("{}: 'assumed' says why the dates are a guess; "
                                                  "it cannot be empty",
                                                  table));
        assumed = std::move(*why);
        where = r.where("assumed");
    }

    // held = true: a date that already happened. It names one day of one
    // cycle year, is not a guess, and is nobody's per-member occurrence.
    void read_held(table_reader& r, event_template& e) {
        auto held = r.boolean("held");
        if (!held || !*held) return;
        e.held = true;
        const bool one_year =
            !e.years.every && e.years.cycle_years.size() + e.years.after_cycle == 1;
        if (!std::holds_alternative<fixed_day>(e.timing.form) || !one_year)
            r.error_at_key("held", fmt::format("[[event]] '{}': held = true marks a date that "
                                               "happened: give one day (month and day) and one "
                                               "cycle year (years = [1])",
                                               e.id));
        else if (!e.assumed.empty())
            r.error_at_key("held", fmt::format("[[event]] '{}': a held date happened; it is not "
                                               "assumed", e.id));
        else if (e.per_member)
            r.error_at_key("held", fmt::format("[[event]] '{}': held = true is one occurrence; "
                                               "a per-member event's are held in a plan file",
                                               e.id));
    }

    // Organiser and audiences: body ids, checked once every body is read.
    void read_people(table_reader& r, event_template& e) {
        if (auto organiser = r.id("organiser")) {
            e.organiser = *organiser;
            references_.push_back(
                {calendar_reference::body, e.organiser, r.where("organiser"), "organiser"});
        }
        read_organisers(r, e);
        if (auto audiences = r.strings("audiences")) {
            for (auto& a : *audiences) {
                references_.push_back({calendar_reference::body, a.value, a.where, "audience"});
                e.audiences.push_back(std::move(a.value));
            }
        }
    }

    // organisers = [...]: several bodies organise it together; the first is
    // the organiser (the one a feed names as ORGANIZER).
    void read_organisers(table_reader& r, event_template& e) {
        if (!r.has("organisers")) return;
        if (r.has("organiser")) {
            r.error_at_key("organisers", fmt::format("[[event]] '{}': give either 'organiser' or "
                                                     "'organisers', not both", e.id));
            return;
        }
        auto organisers = r.strings("organisers");
        if (!organisers) return;
        if (organisers->empty()) {
            r.error_at_key("organisers", fmt::format("[[event]] '{}': 'organisers' needs at least "
                                                     "one body", e.id));
            return;
        }
        for (auto& o : *organisers) {
            const auto& co = e.co_organisers;
            if (o.value == e.organiser || std::find(co.begin(), co.end(), o.value) != co.end()) {
                errors_.push_back(
                    {fmt::format("[[event]] '{}': organiser '{}' is listed twice", e.id, o.value),
                     o.where});
                continue;
            }
            references_.push_back({calendar_reference::body, o.value, o.where, "organisers"});
            if (e.organiser.empty()) e.organiser = std::move(o.value);
            else e.co_organisers.push_back(std::move(o.value));
        }
    }

    // Where the rule comes from: a document of [[source]], a section, lines.
    void read_source(table_reader& r, event_template& e) {
        if (const toml::table* s = r.table("source")) {
            table_reader sr(*s, fmt::format("[[event]] '{}' source", e.id), file_, errors_,
                            {"document", "section", "lines"});
            e.source.document = sr.reference("document", true).value_or("");
            references_.push_back({calendar_reference::source, e.source.document,
                                   sr.where("document"), "source.document"});
            e.source.section = sr.string("section").value_or("");
            e.source.lines = sr.string("lines").value_or("");
            sr.finish();
        }
    }

    // The timing rule (timing_reader.cpp) and the "no later than" day.
    void read_timing_and_deadline(table_reader& r, event_template& e) {
        e.timing = detail::read_timing(r, e.id);
        if (const relative_rule* rel = e.timing.relative())
            references_.push_back(
                {calendar_reference::event, rel->anchor, r.where("relative_to"), "relative_to"});
        if (const toml::table* d = r.table("deadline")) {
            table_reader dr(*d, fmt::format("[[event]] '{}' deadline", e.id), file_, errors_,
                            {"month", "day", "year_offset"});
            month_day_rule rule;
            rule.month = static_cast<unsigned>(dr.integer("month", 1, 12, true).value_or(1));
            auto day = dr.integer("day", 1, 31, true);
            if (day && *day > detail::max_day_of_month(rule.month))
                dr.error_at_key("day", fmt::format("[[event]] '{}' deadline: day {} of month {} "
                                                   "does not exist", e.id, *day, rule.month));
            rule.day = static_cast<unsigned>(day.value_or(1));
            rule.year_offset = static_cast<int>(dr.integer("year_offset", 0, 10).value_or(0));
            rule.where = dr.where();
            dr.finish();
            e.deadline = rule;
        }
    }

    // after = [...] and gap_days.
    void read_precedence(table_reader& r, event_template& e) {
        if (auto after = r.strings("after")) {
            for (auto& a : *after) {
                references_.push_back({calendar_reference::event, a.value, a.where, "after"});
                e.after.push_back(std::move(a.value));
            }
        }
        e.gap_days = static_cast<unsigned>(r.integer("gap_days", 0, 366).value_or(0));
        e.gap_working_days =
            static_cast<unsigned>(r.integer("gap_working_days", 0, 250).value_or(0));
    }

    // prefer, weekdays, working_days_only.
    void read_preferences(table_reader& r, event_template& e) {
        if (auto prefer = r.string("prefer")) {
            if (auto p = detail::parse_name(detail::placement_names, *prefer)) e.prefer = *p;
            else
                r.error_at_key("prefer", fmt::format("[[event]] '{}': 'prefer' is \"start\", "
                                                     "\"middle\" or \"end\", not '{}'",
                                                     e.id, *prefer));
        }
        if (auto weekdays = r.strings("weekdays")) {
            for (auto& w : *weekdays) {
                if (auto wd = detail::parse_weekday(w.value)) e.preferred_weekdays.push_back(*wd);
                else errors_.push_back({fmt::format("[[event]] '{}': '{}' is not a weekday",
                                                    e.id, w.value), w.where});
            }
        }
        if (auto working = r.boolean("working_days_only")) e.working_days_only = *working;
        if (auto policy = read_day_off(r, fmt::format("[[event]] '{}'", e.id))) {
            e.on_day_off = policy;
            e.on_day_off_where = r.where("on_day_off");
        }
        e.election_margin_days =
            static_cast<unsigned>(r.integer("election_margin_days", 1, 366).value_or(0));
    }

    // start, duration and days.
    void read_times(table_reader& r, event_template& e) {
        if (auto start = r.string("start")) {
            e.start_time = detail::parse_clock(*start);
            if (!e.start_time)
                r.error_at_key("start", fmt::format("[[event]] '{}': start '{}' is not a time "
                                                    "of day \"HH:MM\"", e.id, *start));
            if (auto duration = r.string("duration", true)) {
                auto d = detail::parse_duration(*duration);
                if (!d)
                    r.error_at_key("duration", fmt::format("[[event]] '{}': duration '{}' is not "
                                                           "like \"3h\", \"90m\" or \"1h30m\"",
                                                           e.id, *duration));
                e.duration = d.value_or(std::chrono::minutes{0});
            }
        } else if (r.has("duration")) {
            r.error_at_key("duration", fmt::format("[[event]] '{}': 'duration' needs a 'start' "
                                                   "time; an all-day event uses 'days'", e.id));
        }
        e.days = static_cast<unsigned>(r.integer("days", 1, 31).value_or(1));
        if (e.start_time && e.days != 1)
            r.error_at_key("days", fmt::format("[[event]] '{}': a timed event lasts one day; "
                                               "use an all-day event for {} days", e.id, e.days));
    }

    void read_closure(const toml::table& t) {
        table_reader r(t, "[[closure]]", file_, errors_,
                       {"name", "bodies", "years", "weeks", "from", "to", "assumed"});
        closure c;
        c.name = r.string("name", true).value_or("");
        c.where = r.where();
        source_region assumed_where;
        read_assumed(r, c.assumed, assumed_where, "[[closure]]");
        if (auto bodies = r.strings("bodies")) {
            for (auto& b : *bodies) {
                references_.push_back({calendar_reference::body, b.value, b.where, "closure body"});
                c.bodies.push_back(std::move(b.value));
            }
        } else if (!r.has("bodies")) {
            r.error("[[closure]]: missing required key 'bodies'");
        }
        const bool by_week = r.has("years") || r.has("weeks");
        const bool by_date = r.has("from") || r.has("to");
        if (by_week == by_date) {
            r.error("[[closure]]: give either 'years' and 'weeks' or 'from' and 'to'");
        } else if (by_date) {
            auto from = r.date("from", true);
            auto to = r.date("to", true);
            if (from && to) {
                if (date::sys_days{*to} < date::sys_days{*from})
                    r.error_at_key("to", "[[closure]]: 'to' is before 'from'");
                c.first = *from;
                c.last = *to;
                cal_.closures.push_back(c);
            }
        } else {
            read_week_closures(r, c);
        }
        r.finish();
    }

    void read_week_closures(table_reader& r, const closure& c) {
        auto integers = [&](std::string_view key, std::int64_t lo, std::int64_t hi) {
            std::vector<std::pair<int, const toml::node*>> out;
            const toml::array* arr = r.array(key);
            if (!arr) {
                if (!r.has(key)) r.error(fmt::format("[[closure]]: missing required key '{}'", key));
                return out;
            }
            for (const toml::node& element : *arr) {
                auto v = element.value<std::int64_t>();
                if (!element.is_integer() || !v || *v < lo || *v > hi)
                    r.error_at(element, fmt::format("[[closure]]: each of '{}' must be an integer "
                                                    "from {} to {}", key, lo, hi));
                else out.emplace_back(static_cast<int>(*v), &element);
            }
            return out;
        };
        auto years = integers("years", min_year, max_year);
        auto weeks = integers("weeks", 1, 53);
        for (auto [year, year_node] : years) {
            for (auto [week, week_node] : weeks) {
                iso_week::year_weeknum_weekday monday{
                    iso_week::year{year}, iso_week::weeknum{static_cast<unsigned>(week)},
                    iso_week::mon};
                if (!monday.ok()) {
                    r.error_at(*week_node, fmt::format("[[closure]]: {} has no ISO week {}", year,
                                                       week));
                    continue;
                }
                closure w = c;
                w.first = date::sys_days{monday};
                w.last = w.first + date::days{6};
                cal_.closures.push_back(std::move(w));
            }
        }
    }

    std::string file_;
    const detail::include_chain& chain_;
    calendar cal_;
    errors errors_;
    std::vector<calendar_reference> references_;
    std::unordered_set<std::string> source_ids_, body_ids_, event_ids_;  // duplicates
};

}  // namespace

result<calendar> load_calendar_string(std::string_view toml, std::string_view name) {
    const auto chain = detail::chain_of(std::string(name));
    return calendar_loader(std::string(name), chain).load(toml);
}

result<calendar> detail::load_included_calendar(std::string_view text, const std::string& file,
                                                const include_chain& chain) {
    return calendar_loader(file, chain).load(text);
}

result<calendar> load_calendar_file(const std::filesystem::path& path) {
    auto text = read_file(path, "calendar", detail::max_toml_bytes);
    if (!text) return text.errors();
    return load_calendar_string(*text, path.string());
}

}  // namespace cycle
