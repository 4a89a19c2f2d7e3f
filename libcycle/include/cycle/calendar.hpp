// calendar.hpp — a wheel (årshjul) as data: the cycle, its bodies, its event
// templates, closures and the documents its rules come from.
//
// A calendar is read from TOML (docs/calendar-format.md) and is immutable
// afterwards; a planner turns it into a dated plan (plan.hpp). The Nya
// perspektiv 2025–2028 wheel is compiled in as default_calendar().
//
//   auto cal = cycle::load_calendar_file("calendars/nya-perspektiv-2023.toml");
//   if (!cal) { /* cal.errors(): file:line:col and message for each problem */ }
//   cal->find_event("seminar")->title  // "Seminariet Nya perspektiv ..."
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cycle/error.hpp"
#include "cycle/occurrence_id.hpp"
#include "cycle/recurrence.hpp"
#include "cycle/rule.hpp"

namespace cycle {

// A document a rule comes from, e.g. the political direction document.
struct source_document {
    std::string id;
    std::string title;
    std::string reference;  // case reference (diarienummer), may be empty
    std::string url;
    source_region where;
};

// Where one rule comes from: a document, a section, and lines or pages.
struct rule_source {
    std::string document;  // source_document id
    std::string section;
    std::string lines;
};

// A term of office of a body (`[[body.term]]`): who sits from `first` to
// `last` inclusive. "Politisk styrgrupp 5 maj 2023 – 31 december 2026"
// (seed 001, line 155) is one. A body with terms meets and organises only
// within them: the planner keeps its occurrences inside one, and `cycle
// check` reports one outside every term (rule out-of-term).
struct body_term {
    date::sys_days first;
    date::sys_days last;
    std::vector<std::string> people;  // who sits, as the documents name them; may be empty
    rule_source source;
    // Why the term is a guess (`assumed = "why"`), or empty, as for events.
    std::string assumed;
    source_region assumed_where;
    source_region where;  // the [[body.term]] table

    bool covers(date::sys_days d) const { return first <= d && d <= last; }
};

// An organisation, group or audience. A body can have members (other bodies):
// "principals" has the 17 huvudmän as members.
struct body {
    std::string id;
    std::string name;
    std::string short_name;  // e.g. "VR/OR"; empty if none
    std::string description;
    std::vector<std::string> members;
    std::vector<body_term> terms;  // in order, none overlapping; empty: always sits
    source_region where;

    // The term `d` falls in, or nullptr (also when the body has no terms).
    const body_term* term_on(date::sys_days d) const;
};

enum class event_kind { meeting, conference, dialogue, deadline, window, milestone };
const char* to_string(event_kind k);

// Where in its window the planner puts an event (docs/planning.md).
enum class placement { start, middle, end };
const char* to_string(placement p);

// What happens when the one day a rule names (a fixed day, the nth or last
// weekday, a weekday of an ISO week, a deadline event's day) is not a
// working day for the bodies concerned: `on_day_off` in the calendar
// (docs/calendar-format.md). By default a deadline moves to the previous
// working day, any other event to the next one.
enum class day_off_policy { previous, next, keep, error };
const char* to_string(day_off_policy p);

// Which cycle years an event occurs in.
struct year_selection {
    bool every = true;           // every cycle year
    std::vector<int> cycle_years;  // 1-based cycle years when !every
    bool after_cycle = false;    // the year after the last cycle year

    bool selects(int cycle_year_number, int cycle_length) const;
};

// One occurrence per member of a body, spread over the window.
struct per_member_rule {
    std::string body;            // whose members get an occurrence each
    unsigned max_per_day = 0;    // 0 = no cap
    unsigned max_per_week = 0;   // 0 = no cap
    unsigned buffer_days = 0;    // days kept free before the window's end/deadline
};

struct event_template {
    std::string id;
    std::string title;        // Swedish title, e.g. "Aktualitetskonferens"
    std::string description;
    event_kind kind = event_kind::meeting;
    std::string organiser;    // body id, may be empty
    // `organisers = ["styrgrupp", "beredningsgrupp"]`: the first is
    // `organiser`, the others, who organise it together with it, are here.
    std::vector<std::string> co_organisers;
    std::vector<std::string> audiences;  // body ids
    std::string url;
    year_selection years;
    timing_rule timing;
    std::optional<month_day_rule> deadline;  // "no later than"
    std::vector<std::string> after;          // precedence: event ids
    // `same_member = true` on a per-member event: an `after` or `relative_to`
    // naming a per-member event of the same body means the same member's
    // occurrence ("ks-proposal/eda" for Eda's), not the last of all members.
    bool same_member = false;
    source_region same_member_where;
    unsigned gap_days = 0;    // at least this many days after every predecessor
    unsigned gap_working_days = 0;  // and this many working days between
    placement prefer = placement::start;
    std::vector<date::weekday> preferred_weekdays;
    std::optional<std::chrono::minutes> start_time;  // local; none = all-day
    std::chrono::minutes duration{0};                // timed events
    unsigned days = 1;        // length in days (all-day events)
    bool working_days_only = true;  // avoid weekends, holidays, days off, closures
    unsigned election_margin_days = 0;  // keep this far from a general election (0: no rule)
    std::optional<day_off_policy> on_day_off;  // none: the calendar's, else by kind
    source_region on_day_off_where;            // the key; empty when not given
    std::optional<per_member_rule> per_member;
    // `repeat`: several occurrences in a cycle year, each with its own
    // window and number (recurrence.hpp); [[event.variant]] what some add.
    std::optional<recurrence> repeat;
    std::vector<occurrence_variant> variants;
    rule_source source;
    // Why its dates are a guess (`assumed = "why"`): the documents do not
    // state them. Empty for a sourced rule. Its planned dates are shown as
    // preliminary ("preliminärt") until a plan file fixes them.
    std::string assumed;
    source_region assumed_where;  // the `assumed` key
    // `held = true`: history, a date that already happened in this cycle
    // (one day of one cycle year); its occurrence is planned as held.
    bool held = false;
    source_region where;      // the [[event]] table

    // A window or deadline spans its whole window / marks its day; it is not
    // a meeting that needs a free working day.
    bool spans_window() const { return kind == event_kind::window; }
    // Whether the rule names the one day the event is on: a deadline event's
    // day, or a single-day timing form (fixed day, nth or last weekday, a
    // weekday of an ISO week) of an event held on working days. These are
    // the events on_day_off moves.
    bool names_one_day() const;
};

// Days a body is closed (school holidays such as höstlov), per year.
struct closure {
    std::string name;                 // e.g. "Höstlov"
    std::vector<std::string> bodies;  // a body closes for all its members too
    date::sys_days first;
    date::sys_days last;
    std::string assumed;  // why the days are a guess, or empty (as for events)
    source_region where;
};

// How a checker rule is reported, as the calendar says in its [checks]
// table (docs/calendar-format.md): `weekend = "warning"`, `closure = "off"`.
enum class check_level { off, warning, error };
const char* to_string(check_level l);

// One entry of [checks]. The loader checks the level; the rule id is checked
// by the checker that owns it (the core does not know checkers' rule ids).
struct check_setting {
    std::string rule;  // rule id, e.g. "weekend"
    check_level level = check_level::error;
    source_region where;  // the key in [checks]
};

// A calendar this one includes (docs/calendar-format.md, "Including other
// calendars"): its events and sources are here under `prefix` ("np" makes
// `local-dialogue` "np:local-dialogue"); nested includes have joined
// prefixes ("eda:np"). The included file is read, never copied or edited.
struct included_calendar {
    std::string prefix;       // "np", or "eda:np" for one included through another
    std::string calendar_id;  // the included calendar's own [cycle] id
    std::string file;         // the file it was read from, or "<built-in>/id.toml"
    source_region where;      // the [[include]] that brought it in
};

struct calendar {
    std::string id;
    std::string title;
    std::string description;
    std::string url;
    int first_year = 0;
    int last_year = 0;
    std::string time_zone = "Europe/Stockholm";
    std::string language = "sv";
    // Which public holidays and days off apply: a holiday provider's name
    // (holidays.hpp), "se" built in, others from plugins.
    std::string holidays = "se";
    source_region holidays_where;  // the key in [cycle]; empty when not given
    std::optional<day_off_policy> on_day_off;  // [cycle] on_day_off: every event's default
    source_region on_day_off_where;
    std::vector<source_document> sources;
    std::vector<body> bodies;
    std::vector<event_template> events;
    std::vector<closure> closures;
    std::vector<check_setting> checks;  // sorted by rule id
    std::vector<included_calendar> includes;  // in include order, nested ones after their includer
    // Prefixes of a calendar reached twice, and the prefix it is composed
    // under: {"arvika:np", "np"} (docs/calendar-format.md).
    std::vector<std::pair<std::string, std::string>> include_aliases;
    source_region where;  // the file

    int cycle_length() const { return last_year - first_year + 1; }
    // Whether any event occurs in the year after the cycle.
    bool has_after_cycle_events() const;
    // Last year a plan can be made for: last_year, or last_year + 1 when
    // some event occurs in the year after the cycle.
    int last_plannable_year() const;

    const body* find_body(std::string_view id) const;
    // Whether some body has terms of office ([[body.term]]); found by
    // build_index. Without, nothing about terms is computed or shown.
    bool has_terms() const { return has_terms_; }
    const event_template* find_event(std::string_view id) const;
    const source_document* find_source(std::string_view id) const;
    // The [checks] entry for a rule id, or nullptr: the checker's default.
    const check_setting* find_check(std::string_view rule) const;
    // What happens when the day an event's rule names is a day off: the
    // event's on_day_off, else the calendar's, else previous for a deadline
    // and next for any other event; and where that was said (empty: the default).
    day_off_policy day_off_of(const event_template& e) const;
    const source_region& day_off_where(const event_template& e) const;

    // Whether `who` is `group` or (transitively) one of its members: a
    // look-up in each body's members, made once by build_index (a walk of
    // the membership graph, each body once, when there is no index).
    bool is_member_of(std::string_view who, std::string_view group) const;
    // Position of an event template in `events` (calendar order), or -1.
    long event_index(std::string_view id) const;
    // Position of a member in its body's member list, or -1.
    long member_index(std::string_view body, std::string_view member) const;

    // Builds the look-ups by id (hash maps) once, after the calendar is
    // read; the loader calls it. Later edits of the vectors need another call.
    void build_index();
    // The cycle year an occurrence of `e` on day `d` belongs to, when nothing
    // says: the day's year less the rule's year offset (relative rules are
    // followed to the rule they hang on). Plan files and imports use it.
    int cycle_year_of(const event_template& e, date::sys_days d) const;
    // Display name of a body: its short name, else its name, else the id.
    std::string body_label(std::string_view id) const;
    // The included calendar an event id comes from (the longest prefix
    // that matches), or nullptr for the calendar's own events.
    const included_calendar* included_of(std::string_view event_id) const;
    // An event id with an aliased prefix as the composed calendar holds it:
    // "arvika:np:local-dialogue" is "np:local-dialogue"; others unchanged.
    std::string resolve_alias(std::string_view event_id) const;
    // The iCalendar UID of an occurrence: an included calendar's events keep
    // the UIDs their own calendar gives them ("local-dialogue.2026.eda@
    // nya-perspektiv-2025-2028"), so a subscriber to both feeds sees each once.
    std::string uid_of(const occurrence_id& o) const;
    // "Politiskt inriktningsdokument 2025–2028 (RS/250201), Bilaga 1 – Årshjul, rad
    // 745–761": the document, its case reference (diarienummer) if any,
    // the section and the lines.
    std::string describe_source(const rule_source& s) const;

private:
    struct id_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using id_map = std::unordered_map<std::string, std::size_t, id_hash, std::equal_to<>>;
    id_map event_ids_, body_ids_, source_ids_;
    bool has_terms_ = false;
    // member -> position, per body (same order as `bodies`)
    std::vector<id_map> member_positions_;
    // Every body's transitive members as sorted numbers of names_ (an id or
    // a member name -> its number); none for a body whose members were not
    // all counted within the budget (closure_known_): it is walked instead.
    id_map names_;
    std::vector<std::vector<std::uint32_t>> closure_;
    std::vector<bool> closure_known_;
    void build_closures();
};

// A reference to an event in `after` or `relative_to`: the event, or one
// member's occurrence of a per-member event ("np:local-dialogue/eda": Eda's
// local dialogue, not the last of all 17).
struct event_reference {
    std::string_view event;
    std::string_view member;  // empty: every occurrence of the event
};
event_reference split_reference(std::string_view reference);

// An audience a program was given: empty (everything) or a body of the
// calendar; otherwise an error at the calendar that lists its bodies.
result<bool> check_audience(const calendar& cal, std::string_view audience);

// Load a calendar. Every problem found is returned, each with its place.
result<calendar> load_calendar_file(const std::filesystem::path& path);
result<calendar> load_calendar_string(std::string_view toml, std::string_view name);

// The built-in Nya perspektiv 2025–2028 wheel
// (calendars/nya-perspektiv-2025-2028.toml, compiled in).
const calendar& default_calendar();
std::string_view default_calendar_toml();

}  // namespace cycle
