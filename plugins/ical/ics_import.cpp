#include "ics_import.hpp"

#include "cycle/recurrence.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <optional>
#include <unordered_map>

#include "cycle/plan.hpp"
#include "cycle/plan_file.hpp"
#include "cycle/text.hpp"
#include "cycle/timezone.hpp"
#include "libical_handle.hpp"
#include "zone_names.hpp"

namespace cycle::ical {
namespace {

using namespace std::chrono;

// The line of each "BEGIN:VEVENT", in file order (libical keeps that order).
std::vector<int> vevent_lines(std::string_view bytes) {
    std::vector<int> out;
    int line = 1;
    std::size_t start = 0;
    while (start <= bytes.size()) {
        auto end = bytes.find('\n', start);
        auto text = bytes.substr(start, end == std::string_view::npos ? end : end - start);
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        constexpr std::string_view begin = "BEGIN:VEVENT";
        if (text.size() == begin.size() &&
            std::equal(text.begin(), text.end(), begin.begin(), [](char c, char b) {
                return std::toupper(static_cast<unsigned char>(c)) == b;
            }))
            out.push_back(line);
        if (end == std::string_view::npos) break;
        start = end + 1;
        ++line;
    }
    return out;
}

void collect_events(icalcomponent* c, std::vector<icalcomponent*>& out) {
    for (icalcomponent* sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); sub;
         sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)) {
        if (icalcomponent_isa(sub) == ICAL_VEVENT_COMPONENT)
            out.push_back(sub);
        else
            collect_events(sub, out);
    }
}

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

std::vector<std::string> split(std::string_view s, char by) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        auto at = s.find(by, start);
        out.emplace_back(s.substr(start, at == std::string_view::npos ? at : at - start));
        if (at == std::string_view::npos) return out;
        start = at + 1;
    }
}

int listed(const short* values, int size) {
    int n = 0;
    while (n < size && values[n] != ICAL_RECURRENCE_ARRAY_MAX) ++n;
    return n;
}

// Why libical could spend unbounded time expanding a VTIMEZONE of the file,
// if it could (docs/limits.md). Real zones change their offset at most a few
// times a year: each STANDARD or DAYLIGHT part has at most one yearly RRULE
// picking one day a year (BYMONTH=3;BYDAY=-1SU, or BYDAY=SU;BYMONTHDAY=8,...,14)
// and a bounded list of RDATEs.
std::optional<std::string> unbounded_zone(icalcomponent* vtimezone) {
    constexpr int max_parts = 1000, max_rdates = 1000;
    int parts = 0;
    for (icalcomponent* part = icalcomponent_get_first_component(vtimezone, ICAL_ANY_COMPONENT);
         part; part = icalcomponent_get_next_component(vtimezone, ICAL_ANY_COMPONENT)) {
        if (++parts > max_parts)
            return fmt::format("more than {} STANDARD and DAYLIGHT parts", max_parts);
        int rdates = 0;
        for (icalproperty* p = icalcomponent_get_first_property(part, ICAL_RDATE_PROPERTY); p;
             p = icalcomponent_get_next_property(part, ICAL_RDATE_PROPERTY))
            if (++rdates > max_rdates)
                return fmt::format("more than {} RDATEs in one part", max_rdates);
        for (icalproperty* p = icalcomponent_get_first_property(part, ICAL_RRULE_PROPERTY); p;
             p = icalcomponent_get_next_property(part, ICAL_RRULE_PROPERTY)) {
            const icalrecurrencetype r = icalproperty_get_rrule(p);
            if (r.freq != ICAL_YEARLY_RECURRENCE) {
                const char* freq = icalrecur_freq_to_string(r.freq);
                return fmt::format("an RRULE with FREQ={}; a time zone's rule repeats yearly",
                                   freq ? freq : "?");
            }
            if (listed(r.by_second, ICAL_BY_SECOND_SIZE) ||
                listed(r.by_minute, ICAL_BY_MINUTE_SIZE) || listed(r.by_hour, ICAL_BY_HOUR_SIZE) ||
                listed(r.by_year_day, ICAL_BY_YEARDAY_SIZE) ||
                listed(r.by_week_no, ICAL_BY_WEEKNO_SIZE) ||
                listed(r.by_set_pos, ICAL_BY_SETPOS_SIZE) > 1 ||
                listed(r.by_month, ICAL_BY_MONTH_SIZE) > 1 ||
                listed(r.by_day, ICAL_BY_DAY_SIZE) > 1 ||
                listed(r.by_month_day, ICAL_BY_MONTHDAY_SIZE) > 7)
                return std::string("an RRULE that picks more than one day a year");
        }
    }
    return std::nullopt;
}

// An X- property's value (libical undoes the TEXT escapes).
std::optional<std::string> x_property(icalcomponent* ev, std::string_view name) {
    for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(ev, ICAL_X_PROPERTY)) {
        const char* n = icalproperty_get_x_name(p);
        if (!n || std::string_view(n) != name) continue;
        const char* v = icalproperty_get_x(p);
        return std::string(v ? v : "");
    }
    return std::nullopt;
}

// SUMMARY or UID, unescaped.
std::string text_property(icalcomponent* ev, icalproperty_kind kind) {
    icalproperty* p = icalcomponent_get_first_property(ev, kind);
    if (!p) return {};
    const char* v =
        kind == ICAL_SUMMARY_PROPERTY ? icalproperty_get_summary(p) : icalproperty_get_uid(p);
    return v ? v : "";
}

std::vector<std::string> categories(icalcomponent* ev) {
    std::vector<std::string> out;
    for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); p;
         p = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY)) {
        const char* v = icalproperty_get_categories(p);
        if (!v) continue;
        // libical gives a multi-valued CATEGORIES as one comma-separated string.
        for (auto& c : split(v, ',')) out.push_back(trim(c));
    }
    return out;
}

// A DTSTART or DTEND as a day and (for timed values) a local time of day in
// the calendar's zone.
struct when {
    date::sys_days day;
    std::optional<date::sys_seconds> instant;  // timed values
};

// The occurrence an event stands for.
struct match {
    const event_template* event = nullptr;
    std::string member;
    std::optional<int> cycle_year;
    std::string how;  // "X-CYCLE-OCCURRENCE", "UID" or "title"
    unsigned index = 0;  // a recurring event's occurrence, when the key or UID says
};

// A VEVENT being read: where it begins, its SUMMARY, and the import its
// entry and warnings go to.
struct vevent {
    icalcomponent* ev;
    const source_region& where;
    const std::string& summary;
    imported& out;
};

class ics_reader {
public:
    ics_reader(const calendar& cal, std::string file, icalcomponent* root)
        : cal_(cal), file_(std::move(file)), root_(root) {
        zone_ = cal.time_zone;
        // Old Google exports write floating times and name the zone here.
        for (icalproperty* p = icalcomponent_get_first_property(root, ICAL_X_PROPERTY); p;
             p = icalcomponent_get_next_property(root, ICAL_X_PROPERTY)) {
            const char* n = icalproperty_get_x_name(p);
            const char* v = icalproperty_get_x(p);
            if (n && v && std::string_view(n) == "X-WR-TIMEZONE")
                if (auto z = iana_zone(v)) zone_ = *z;
        }
    }

    result<imported> read(const std::vector<icalcomponent*>& events,
                          const std::vector<int>& lines) {
        imported out;
        out.plan.calendar_id = cal_.id;
        out.plan.where = {file_, 0, 0};
        for (std::size_t i = 0; i < events.size(); ++i) {
            const int line = i < lines.size() ? lines[i] : 0;
            read_event(events[i], {file_, line, line ? 1 : 0}, out);
        }
        return out;
    }

private:
    void unmatched(imported& out, const source_region& where, const std::string& summary,
                   const std::string& why) {
        finding f;
        f.level = severity::warning;
        f.rule = "ics-unmatched";
        f.message = fmt::format("event '{}' not imported: {}", summary, why);
        f.where = where;
        out.unmatched.push_back(std::move(f));
    }

    result<when> time_of(icalproperty* p, bool end) {
        clear_ical_error();
        icaltimetype t = end ? icalproperty_get_dtend(p) : icalproperty_get_dtstart(p);
        if (auto e = ical_error())
            return error{fmt::format("{}: {}", end ? "DTEND" : "DTSTART", *e), {}};
        if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t))
            return error{fmt::format("{} is not a date", end ? "DTEND" : "DTSTART"), {}};
        const date::year_month_day ymd{date::year{t.year}, date::month{unsigned(t.month)},
                                       date::day{unsigned(t.day)}};
        if (!ymd.ok()) return error{fmt::format("{} is not a date", end ? "DTEND" : "DTSTART"), {}};
        const date::sys_days day{ymd};
        if (t.is_date) return when{day, std::nullopt};
        const date::local_seconds local{day.time_since_epoch() + hours{t.hour} + minutes{t.minute} +
                                        seconds{t.second}};
        date::sys_seconds instant;
        icalparameter* tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
        if (icaltime_is_utc(t)) {
            instant = date::sys_seconds{local.time_since_epoch()};
        } else if (tzid && icalparameter_get_tzid(tzid)) {
            const std::string name = icalparameter_get_tzid(tzid);
            if (auto zone = iana_zone(name)) {
                auto utc = to_utc(*zone, local);
                if (!utc) return utc.errors();
                instant = *utc;
            } else if (icaltimezone* own = icalcomponent_get_timezone(root_, name.c_str())) {
                if (auto why = own_zone_problem(own))
                    return error{
                        fmt::format("time zone '{}' of the file: {}; not read (docs/limits.md)",
                                    name, *why),
                        {}};
                clear_ical_error();
                instant = date::sys_seconds{seconds{icaltime_as_timet_with_zone(t, own)}};
                if (auto e = ical_error())
                    return error{fmt::format("time zone '{}': {}", name, *e), {}};
            } else {
                return error{
                    fmt::format("unknown time zone '{}', and the file has no VTIMEZONE for it",
                                name),
                    {}};
            }
        } else {
            auto utc = to_utc(zone_, local);  // floating: the calendar's own zone
            if (!utc) return utc.errors();
            instant = *utc;
        }
        const auto in_zone = to_local(cal_.time_zone, instant);
        return when{date::sys_days{date::floor<date::days>(in_zone).time_since_epoch()}, instant};
    }

    // Imported, but not quite as it was: a warning beside the not imported.
    void changed(imported& out, const source_region& where, const std::string& summary,
                 const std::string& what) {
        finding f;
        f.level = severity::warning;
        f.rule = "ics-changed";
        f.message = fmt::format("event '{}' imported with a change: {}", summary, what);
        f.where = where;
        out.unmatched.push_back(std::move(f));
    }

    // unbounded_zone() of a zone of the file, checked once per zone.
    std::optional<std::string> own_zone_problem(icaltimezone* zone) {
        auto [it, added] = zone_checked_.try_emplace(zone);
        if (added) {
            icalcomponent* c = icaltimezone_get_component(zone);
            it->second = c ? unbounded_zone(c) : std::nullopt;
        }
        return it->second;
    }

    // A member of the event's body by name, short name or id, ignoring ASCII case.
    const body* member_named(const event_template& e, std::string_view name) const {
        const auto same = [](std::string_view a, std::string_view b) {
            return !a.empty() && a.size() == b.size() &&
                   std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                       return std::tolower(static_cast<unsigned char>(x)) ==
                              std::tolower(static_cast<unsigned char>(y));
                   });
        };
        for (const auto& id : cal_.find_body(e.per_member->body)->members) {
            const body* b = cal_.find_body(id);
            if (b && (same(b->name, name) || same(b->id, name) || same(b->short_name, name)))
                return b;
        }
        return nullptr;
    }

    std::optional<match> by_key(const std::string& key) const {
        auto id = occurrence_id::parse(key);
        const event_template* e = id ? cal_.find_event(id->event) : nullptr;
        if (!e) return std::nullopt;
        return match{e, id->member, id->cycle_year, "X-CYCLE-OCCURRENCE", id->index};
    }

    std::optional<match> by_uid(const std::string& uid) const {
        auto id = occurrence_id::parse_uid(uid, cal_.id);
        // An included calendar's events have that calendar's UIDs.
        for (auto inc = cal_.includes.begin(); !id && inc != cal_.includes.end(); ++inc)
            if ((id = occurrence_id::parse_uid(uid, inc->calendar_id)))
                id->event = inc->prefix + ":" + id->event;
        const event_template* e = id ? cal_.find_event(id->event) : nullptr;
        if (!e) return std::nullopt;
        return match{e, id->member, id->cycle_year, "UID", id->index};
    }

    std::optional<match> by_title(const std::string& summary,
                                  const std::vector<std::string>& cats) const {
        for (const auto& e : cal_.events) {
            if (!e.per_member) {
                if (summary == e.title) return match{&e, "", std::nullopt, "title"};
                // A recurring event's occurrence may have its variant's title.
                for (const auto& v : e.variants)
                    if (!v.title.empty() && summary == v.title)
                        return match{&e, "", std::nullopt, "title"};
                continue;
            }
            if (summary == e.title) {
                for (const auto& c : cats)
                    if (const body* b = member_named(e, c))
                        return match{&e, b->id, std::nullopt, "title"};
                continue;
            }
            for (std::string_view sep : {" – ", " — ", " - ", ": "}) {
                const std::string prefix = e.title + std::string(sep);
                if (summary.rfind(prefix, 0) != 0) continue;
                if (const body* b = member_named(e, trim(summary.substr(prefix.size()))))
                    return match{&e, b->id, std::nullopt, "title"};
            }
        }
        return std::nullopt;
    }

    // One VEVENT: an entry of the plan, or a warning saying why not.
    void read_event(icalcomponent* ev, const source_region& where, imported& out) {
        const std::string summary = trim(text_property(ev, ICAL_SUMMARY_PROPERTY));
        const vevent v{ev, where, summary, out};
        if (auto why = import_event(v)) unmatched(out, where, summary, *why);
    }

    // Adds the event's entry to the plan; why not, if it is not imported.
    std::optional<std::string> import_event(const vevent& v) {
        if (icalcomponent_get_first_property(v.ev, ICAL_RRULE_PROPERTY))
            return "a recurring event; a plan has one entry per occurrence";
        icalproperty* start_prop = icalcomponent_get_first_property(v.ev, ICAL_DTSTART_PROPERTY);
        if (!start_prop) return "it has no DTSTART";
        auto start = time_of(start_prop, false);
        if (!start) return start.errors().front().message;
        const auto m = match_of(v.ev, v.summary);
        if (!m)
            return fmt::format(
                "on {}, it matches no event of calendar '{}' by "
                "X-CYCLE-OCCURRENCE, UID or title",
                date::format("%F", start->day), cal_.id);
        const event_template& e = *m->event;
        plan_entry entry;
        entry.event = e.id;
        entry.member = m->member;
        entry.cycle_year = m->cycle_year.value_or(cal_.cycle_year_of(e, start->day));
        entry.date = start->day;
        entry.where = v.where;
        // A recurring event's occurrence: as the key or UID says, else the
        // one whose window holds the day (recurrence.hpp).
        if (e.repeat)
            entry.index = m->index ? m->index : occurrence_at(e, entry.cycle_year, entry.date);
        if (auto why = invalid(e, entry))
            return fmt::format("matched by {} to '{}', but {}", m->how, e.id, *why);
        if (auto why = read_times(v, *start, entry)) return why;
        read_status_and_note(v, entry);
        if (auto why = plan_dates_problem(entry))
            return fmt::format("matched to '{}', but its {}", e.id, *why);
        if (auto why = claim(entry, v.where.line)) return why;
        v.out.plan.entries.push_back(std::move(entry));
        return std::nullopt;
    }

    // The occurrence the event stands for: by X-CYCLE-OCCURRENCE, else UID, else title.
    std::optional<match> match_of(icalcomponent* ev, const std::string& summary) const {
        std::optional<match> m;
        if (auto key = x_property(ev, "X-CYCLE-OCCURRENCE")) m = by_key(trim(*key));
        if (const std::string uid = text_property(ev, ICAL_UID_PROPERTY); !m && !uid.empty())
            m = by_uid(uid);
        if (!m) m = by_title(summary, categories(ev));
        return m;
    }

    // The end: DTEND, else DURATION, else the start. Why not, if the event
    // cannot be imported.
    std::optional<std::string> read_times(const vevent& v, const when& start, plan_entry& entry) {
        std::optional<when> end;
        std::optional<seconds> length;
        if (icalproperty* p = icalcomponent_get_first_property(v.ev, ICAL_DTEND_PROPERTY)) {
            auto e_end = time_of(p, true);
            if (!e_end) return e_end.errors().front().message;
            end = *e_end;
        } else if (icalproperty* d =
                       icalcomponent_get_first_property(v.ev, ICAL_DURATION_PROPERTY)) {
            length = seconds{icaldurationtype_as_int(icalproperty_get_duration(d))};
        }
        if (!start.instant) {
            read_last_day(start.day, end, length, entry);
            return std::nullopt;
        }
        const auto stop =
            end && end->instant ? *end->instant : *start.instant + length.value_or(seconds{0});
        return read_clock(v, *start.instant, stop, entry);
    }

    // A timed event's start time and duration; why not, if it lasts too long.
    std::optional<std::string> read_clock(const vevent& v, date::sys_seconds start,
                                          date::sys_seconds stop, plan_entry& entry) {
        const auto local = to_local(cal_.time_zone, start);
        entry.start_time = date::floor<minutes>(local - date::floor<date::days>(local));
        // A plan file holds durations of 1 minute to 14 days (docs/limits.md).
        const auto lasts = date::floor<minutes>(stop - start);
        if (lasts > max_plan_duration)
            return fmt::format("it lasts {}h{}m; a plan file holds at most {}h (docs/limits.md)",
                               lasts.count() / 60, lasts.count() % 60,
                               max_plan_duration.count() / 60);
        if (lasts >= min_plan_duration)
            entry.duration = lasts;
        else
            changed(v.out, v.where, v.summary,
                    "it lasts under a minute; imported without a duration, so the event's "
                    "own is used");
        return std::nullopt;
    }

    // An all-day event's last day, if it is not its first (DTEND is the day after).
    static void read_last_day(date::sys_days first, const std::optional<when>& end,
                              const std::optional<seconds>& length, plan_entry& entry) {
        date::sys_days last = first;
        if (end && end->day > first)
            last = end->day - date::days{1};
        else if (length && *length >= hours{24})
            last = first + date::days{*length / hours{24} - 1};
        if (last != first) entry.end_date = last;
    }

    void read_status_and_note(const vevent& v, plan_entry& entry) {
        icalproperty* s = icalcomponent_get_first_property(v.ev, ICAL_STATUS_PROPERTY);
        if (s && icalproperty_get_status(s) == ICAL_STATUS_CANCELLED)
            entry.status = occurrence_status::cancelled;
        // A preliminary date (a guess of the calendar, docs/feeds.md) comes
        // back as what it was: the planner's proposal.
        else if (s && icalproperty_get_status(s) == ICAL_STATUS_TENTATIVE)
            entry.proposed = true;
        else if (x_property(v.ev, "X-CYCLE-STATUS") == std::optional<std::string>("held"))
            entry.status = occurrence_status::held;
        entry.note = x_property(v.ev, "X-CYCLE-NOTE").value_or("");
        if (!is_valid_utf8(entry.note)) {
            entry.note = valid_utf8(entry.note);
            changed(v.out, v.where, v.summary,
                    "its X-CYCLE-NOTE is not valid UTF-8; each invalid byte is imported as U+FFFD");
        }
    }

    // Takes the entry's occurrence for the event on this line; why not, if an
    // earlier event of the file took it.
    std::optional<std::string> claim(const plan_entry& entry, int line) {
        if (auto [it, added] = taken_.try_emplace(entry.id(), line); !added)
            return fmt::format("the same occurrence as the event on line {} ({} {})", it->second,
                               entry.event, entry.cycle_year);
        return std::nullopt;
    }

    // Why an entry cannot be in a plan of this calendar, if it cannot.
    std::optional<std::string> invalid(const event_template& e, const plan_entry& entry) const {
        if (e.per_member) {
            const auto& members = cal_.find_body(e.per_member->body)->members;
            if (std::find(members.begin(), members.end(), entry.member) == members.end())
                return fmt::format("'{}' is not a member of '{}'", entry.member,
                                   e.per_member->body);
        } else if (!entry.member.empty()) {
            return fmt::format("event '{}' is not per member", e.id);
        }
        if (auto y = check_plan_year(cal_, entry.cycle_year); !y) return y.errors().front().message;
        if (!e.years.selects(entry.cycle_year - cal_.first_year + 1, cal_.cycle_length()))
            return fmt::format("event '{}' does not occur in cycle year {}", e.id,
                               entry.cycle_year);
        if (e.repeat && (!entry.index || entry.index > occurrence_count(e, entry.cycle_year)))
            return fmt::format("no occurrence of '{}' in {} has {} in its window ({})", e.id,
                               entry.cycle_year, iso_date(entry.date), describe(*e.repeat));
        if (!e.repeat && entry.index)
            return fmt::format("event '{}' occurs once a year", e.id);
        return std::nullopt;
    }

    const calendar& cal_;
    std::string file_;
    icalcomponent* root_;
    std::string zone_;
    std::unordered_map<occurrence_id, int> taken_;
    std::map<icaltimezone*, std::optional<std::string>> zone_checked_;
};

}  // namespace

result<imported> import_ics(const calendar& cal, std::string_view bytes,
                            std::string_view source_name) {
    const source_region file{std::string(source_name), 0, 0};
    if (bytes.find('\0') != std::string_view::npos)
        return error{"not an iCalendar file: it holds NUL bytes", file};
    // DESCRIPTION, DTSTAMP and the other properties an import never reads
    // are not parsed (libical_handle.hpp).
    auto root = parse_ical(bytes, true);
    auto problem = ical_error();
    if (!root)
        return error{fmt::format("not an iCalendar file{}", problem ? ": " + *problem : ""), file};
    const auto kind = icalcomponent_isa(root.get());
    if (kind != ICAL_VCALENDAR_COMPONENT && kind != ICAL_XROOT_COMPONENT)
        return error{"not an iCalendar file: no BEGIN:VCALENDAR", file};
    icalcomponent* vcal =
        kind == ICAL_VCALENDAR_COMPONENT
            ? root.get()
            : icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT);
    if (!vcal) return error{"not an iCalendar file: no BEGIN:VCALENDAR", file};
    std::vector<icalcomponent*> events;
    collect_events(root.get(), events);
    return ics_reader(cal, std::string(source_name), vcal).read(events, vevent_lines(bytes));
}

}  // namespace cycle::ical
