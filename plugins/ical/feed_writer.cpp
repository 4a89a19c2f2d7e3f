#include "feed_writer.hpp"

#include "cycle/recurrence.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <unordered_map>

#include "content_line.hpp"
#include "cycle/assumptions.hpp"
#include "cycle/plan.hpp"
#include "cycle/texts.hpp"
#include "cycle/timezone.hpp"
#include "vtimezone.hpp"

#ifndef CYCLE_VERSION
#define CYCLE_VERSION "0"
#endif

namespace cycle::ical {
namespace {

using namespace std::chrono;

// The fixed words of a feed are in the calendar's language (texts.hpp).
std::string_view kind_label(const texts& t, event_kind k) {
    switch (k) {
        case event_kind::meeting:
            return t.kind_meeting;
        case event_kind::conference:
            return t.kind_conference;
        case event_kind::dialogue:
            return t.kind_dialogue;
        case event_kind::deadline:
            return t.kind_deadline;
        case event_kind::window:
            return t.kind_window;
        case event_kind::milestone:
            return t.kind_milestone;
    }
    return "?";
}

bool transparent(event_kind k) {
    return k == event_kind::window || k == event_kind::deadline || k == event_kind::milestone;
}

// Digits written by hand, not through date::format's iostreams: a feed has
// two of these per event (issue 12).
void put_digits(char* at, unsigned value, int width) {
    for (int i = width - 1; i >= 0; --i) {
        at[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

// "20261031" (a plan's years have four digits: docs/limits.md).
std::string ical_date(date::sys_days d) {
    const date::year_month_day ymd{d};
    char text[8];
    put_digits(text, static_cast<unsigned>(int(ymd.year())), 4);
    put_digits(text + 4, unsigned(ymd.month()), 2);
    put_digits(text + 6, unsigned(ymd.day()), 2);
    return std::string(text, sizeof text);
}

std::string body_name(const calendar& cal, std::string_view id) {
    const body* b = cal.find_body(id);
    return b ? b->name : std::string(id);
}

// "20261031T093000".
void append_local_stamp(std::string& out, date::local_seconds t) {
    const auto day = date::floor<date::days>(t);
    const date::year_month_day ymd{date::sys_days{day.time_since_epoch()}};
    const date::hh_mm_ss<seconds> time{t - day};
    char text[15];
    put_digits(text, static_cast<unsigned>(int(ymd.year())), 4);
    put_digits(text + 4, unsigned(ymd.month()), 2);
    put_digits(text + 6, unsigned(ymd.day()), 2);
    text[8] = 'T';
    put_digits(text + 9, unsigned(time.hours().count()), 2);
    put_digits(text + 11, unsigned(time.minutes().count()), 2);
    put_digits(text + 13, unsigned(time.seconds().count()), 2);
    out.append(text, sizeof text);
}

// What every VEVENT of one calendar shares, worked out once per export
// rather than once per event (issue 12): the zone, each event template's
// and body's texts, each organiser's ORGANIZER line.
class vevent_maker {
public:
    vevent_maker(const calendar& cal, const feed_settings& settings)
        : cal_(cal), settings_(settings), t_(texts_for(cal.language)) {
        try {
            zone_ = date::locate_zone(cal.time_zone);
        } catch (const std::exception&) {
            zone_ = nullptr;  // to_utc says why, at the first timed event
        }
        templates_.resize(cal.events.size());
        bodies_.resize(cal.bodies.size());
    }

    // One VEVENT's content lines from DTSTART to X-CYCLE-NOTE into `props`
    // (the first of them, up to SUMMARY, are its times and title: `kept`
    // bytes), and its VALARMs into `alarms`.
    result<bool> make(const occurrence& o, std::string& props, std::string& alarms,
                      std::size_t& kept) {
        props.clear();
        alarms.clear();
        const event_template* e = cal_.find_event(o.event);
        const template_texts* tt = e ? &template_of(*e) : nullptr;
        if (auto t = add_times(props, o); !t) return t;
        // SUMMARY: the event's title, and the member's name (title_of).
        summary_.assign(e ? std::string_view(title_for(*e, o.index)) : std::string_view(o.event));
        if (!o.member.empty()) summary_.append(" – ").append(body_of(o.member).name);
        add_text(props, "SUMMARY:", summary_);
        kept = props.size();
        // DESCRIPTION is optional (docs/calendar-format.md); RFC 5545 has no empty one.
        describe(e, tt, o);
        if (!description_.empty()) add_text(props, "DESCRIPTION:", description_);
        add_categories(props, tt, o);
        if (tt) props += tt->url_line;
        const std::string_view assumed = assumption_of(cal_, o);
        // A guessed date (`assumed` in the calendar) is TENTATIVE (RFC 5545 3.8.1.11).
        props += o.status == occurrence_status::cancelled ? "STATUS:CANCELLED\r\n"
                 : assumed.empty()                        ? "STATUS:CONFIRMED\r\n"
                                                          : "STATUS:TENTATIVE\r\n";
        props += e && transparent(e->kind) ? "TRANSP:TRANSPARENT\r\n" : "TRANSP:OPAQUE\r\n";
        props += "CLASS:PUBLIC\r\n";
        if (!settings_.organizer.empty()) props += organizer_line(o.organiser);
        key_.assign(o.event);
        if (o.index) key_.append("#").append(std::to_string(o.index));
        key_.append("/");
        if (!o.member.empty()) key_.append(o.member).append("/");
        fmt::format_to(std::back_inserter(key_), "{}", o.cycle_year);
        add_text(props, "X-CYCLE-OCCURRENCE:", key_);
        if (o.status == occurrence_status::held) props += "X-CYCLE-STATUS:held\r\n";
        if (!o.note.empty()) add_text(props, "X-CYCLE-NOTE:", o.note);
        if (tt)
            for (const auto& trigger : tt->alarm_triggers) {
                alarms += "BEGIN:VALARM\r\nACTION:DISPLAY\r\n";
                add_text(alarms, "DESCRIPTION:", summary_);
                alarms += trigger;
                alarms += "END:VALARM\r\n";
            }
        return true;
    }

private:
    struct template_texts {
        bool known = false;
        std::string url_line;                     // "URL;VALUE=URI:…\r\n", folded; or empty
        std::string source;                       // "Källa: …"; or empty
        std::string kind;                         // the CATEGORIES word of its kind
        std::vector<std::string> alarm_triggers;  // "TRIGGER:-P14D\r\n", one per VALARM
    };
    struct body_texts {
        bool known = false;
        std::string name, label;
    };

    const template_texts& template_of(const event_template& e) {
        template_texts& t = templates_[static_cast<std::size_t>(&e - cal_.events.data())];
        if (t.known) return t;
        t.known = true;
        if (!e.url.empty()) append_folded(t.url_line, "URL;VALUE=URI:" + strip_controls(e.url));
        if (auto source = cal_.describe_source(e.source); !source.empty())
            t.source = fmt::format("{}: {}", t_.source, source);
        t.kind = std::string(kind_label(t_, e.kind));
        for (const auto& a : settings_.alarms)
            if (a.kind == e.kind)
                t.alarm_triggers.push_back(fold("TRIGGER:-" + ical_duration(a.before)));
        return t;
    }

    // A body's name and label by id; an unknown id stands for itself.
    const body_texts& body_of(std::string_view id) {
        const body* b = cal_.find_body(id);
        if (!b) {
            auto [it, added] = unknown_.try_emplace(std::string(id));
            if (added) it->second.name = it->second.label = std::string(id);
            return it->second;
        }
        body_texts& t = bodies_[static_cast<std::size_t>(b - cal_.bodies.data())];
        if (!t.known) {
            t.known = true;
            t.name = b->name;
            t.label = cal_.body_label(id);
        }
        return t;
    }

    const std::string& organizer_line(const std::string& organiser) {
        auto [it, added] = organizer_lines_.try_emplace(organiser);
        if (added) {
            const std::string cn = organiser.empty() ? cal_.title : body_name(cal_, organiser);
            append_folded(it->second, "ORGANIZER;CN=" + param_value(cn) + ":" +
                                          strip_controls(settings_.organizer));
        }
        return it->second;
    }

    // A TEXT property: escaped, folded.
    void add_text(std::string& out, std::string_view name, std::string_view text) {
        line_.assign(name);
        append_escaped_text(line_, text);
        append_folded(out, line_);
    }

    // DTSTART and DTEND of one occurrence.
    result<bool> add_times(std::string& out, const occurrence& o) {
        if (o.all_day()) {
            out += "DTSTART;VALUE=DATE:";
            out += ical_date(o.date);
            out += "\r\nDTEND;VALUE=DATE:";
            out += ical_date(o.end_date + date::days{1});
            out += "\r\n";
            return true;
        }
        const auto local = date::local_seconds{o.date.time_since_epoch()} + *o.start_time;
        std::optional<date::sys_seconds> start;
        if (zone_) {
            const date::local_info info = zone_->get_info(local);
            // Unique, or the earlier of two (to_utc): the first pass through the repeated hour.
            if (info.result != date::local_info::nonexistent)
                start = date::sys_seconds{local.time_since_epoch() - info.first.offset};
        }
        if (!start) {
            auto utc = to_utc(cal_.time_zone, local);  // says why
            if (!utc)
                return error{fmt::format("{}: {}", o.to_string(), utc.errors().front().message),
                             o.where};
            start = *utc;
        }
        // The end is the instant `duration` later, shown on the local clock: right
        // across a daylight saving switch too.
        const auto end = zone_ ? zone_->to_local(*start + o.duration)
                               : to_local(cal_.time_zone, *start + o.duration);
        if (tzid_.empty()) tzid_ = param_value(cal_.time_zone);
        line_.assign("DTSTART;TZID=").append(tzid_).append(":");
        append_local_stamp(line_, local);
        append_folded(out, line_);
        line_.assign("DTEND;TZID=").append(tzid_).append(":");
        append_local_stamp(line_, end);
        append_folded(out, line_);
        return true;
    }

    // The description: the event's own, the facts of this occurrence, the
    // source; each part after a blank line (description_of before issue 12).
    void describe(const event_template* e, const template_texts* tt, const occurrence& o) {
        std::string& d = description_;
        d.clear();
        if (e) d += description_for(*e, o.index);
        bool facts = false;
        auto fact = [&](std::string_view label) {
            d += facts ? "\n" : (d.empty() ? "" : "\n\n");
            facts = true;
            d += label;
            d += ": ";
        };
        if (!o.member.empty()) {
            fact(t_.principal);
            d += body_of(o.member).name;
        }
        if (!o.organiser.empty()) {
            fact(t_.organiser);
            d += body_of(o.organiser).name;
            for (const auto& b : o.co_organisers) d.append(", ").append(body_of(b).name);
        }
        if (!o.audiences.empty()) {
            fact(t_.participants);
            bool first = true;
            for (const auto& a : o.audiences) {
                if (!first) d += ", ";
                first = false;
                d += body_of(a).name;
            }
        }
        if (o.deadline) {
            fact(t_.deadline);
            d += day_month_year(t_, *o.deadline);
        }
        if (o.status == occurrence_status::cancelled) {
            fact(t_.status);
            d += t_.cancelled;
        }
        if (o.status == occurrence_status::held) {
            fact(t_.status);
            d += t_.held;
        }
        if (auto why = assumption_of(cal_, o); !why.empty()) {
            fact(t_.status);
            d.append(t_.preliminary).append(" – ").append(why);
        }
        if (!o.note.empty()) {
            fact(t_.note);
            d += o.note;
        }
        if (tt && !tt->source.empty()) {
            if (!d.empty()) d += "\n\n";
            d += tt->source;
        }
    }

    // CATEGORIES: the kind, the organisers, the audiences and the member,
    // each once.
    void add_categories(std::string& out, const template_texts* tt, const occurrence& o) {
        categories_.clear();
        auto add = [&](const std::string& s) {
            if (!s.empty() &&
                std::find(categories_.begin(), categories_.end(), s) == categories_.end())
                categories_.push_back(s);
        };
        if (tt) add(tt->kind);
        if (!o.organiser.empty()) add(body_of(o.organiser).label);
        for (const auto& b : o.co_organisers) add(body_of(b).label);
        for (const auto& a : o.audiences) add(body_of(a).label);
        if (!o.member.empty()) add(body_of(o.member).label);
        line_.assign("CATEGORIES:");
        bool first = true;
        for (const auto& c : categories_) {
            if (!first) line_ += ',';
            first = false;
            append_escaped_text(line_, c);
        }
        append_folded(out, line_);
    }

    const calendar& cal_;
    const feed_settings& settings_;
    const texts& t_;
    const date::time_zone* zone_ = nullptr;
    std::string tzid_;
    std::vector<template_texts> templates_;
    std::vector<body_texts> bodies_;
    std::unordered_map<std::string, body_texts> unknown_;  // ids that name no body
    std::unordered_map<std::string, std::string> organizer_lines_;
    // Buffers reused from one event to the next.
    std::string line_, summary_, description_, key_;
    std::vector<std::string_view> categories_;
};

// The header of a feed, up to its VTIMEZONE.
std::string feed_header(const calendar& cal, const feed_settings& settings) {
    std::string name = cal.title;
    if (!settings.audience.empty()) name += " – " + body_name(cal, settings.audience);
    content_lines out;
    out.add("BEGIN", "VCALENDAR");
    out.add("VERSION", "2.0");
    out.add("PRODID", "-//libcycle//cycle " CYCLE_VERSION "//SV");
    out.add("CALSCALE", "GREGORIAN");
    out.add("METHOD", "PUBLISH");
    out.add_text("NAME", name);
    out.add_text("X-WR-CALNAME", name);
    if (!cal.description.empty()) {
        out.add_text("DESCRIPTION", cal.description);
        out.add_text("X-WR-CALDESC", cal.description);
    }
    out.add_text("X-WR-TIMEZONE", cal.time_zone);
    if (!cal.url.empty()) out.add("URL", {{"VALUE", "URI"}}, strip_controls(cal.url));
    out.add("REFRESH-INTERVAL", {{"VALUE", "DURATION"}}, ical_duration(settings.refresh));
    out.add("X-PUBLISHED-TTL", ical_duration(settings.refresh));
    return out.str();
}

// The years a feed's VTIMEZONE covers: the calendar's, its events' and
// its cancelled events'.
struct year_span {
    int first, last;
    void add(const occurrence& o) {
        first = std::min(first, int(date::year_month_day{o.date}.year()));
        last = std::max(last, int(date::year_month_day{o.end_date}.year()) + 1);
    }
    void add(const cancelled_event& c) {
        // The year of its DTSTART ("DTSTART;VALUE=DATE:20270915" or ";TZID=...:20270915T...").
        const auto start = c.lines.find("DTSTART");
        const auto colon = start == std::string::npos ? start : c.lines.find(':', start);
        if (colon != std::string::npos && colon + 5 <= c.lines.size()) {
            int y = 0;
            for (std::size_t i = colon + 1; i < colon + 5; ++i)
                y = (c.lines[i] >= '0' && c.lines[i] <= '9') ? y * 10 + (c.lines[i] - '0')
                                                             : -1'000'000;
            if (y > 0) {
                first = std::min(first, y);
                last = std::max(last, y + 1);
            }
        }
    }
};

// One whole VEVENT, made once and written to every feed that holds it:
// BEGIN, UID, DTSTAMP, the content lines, SEQUENCE (and LAST-MODIFIED
// with a state), the alarms, END. With a state the event is published in
// it (its SEQUENCE and LAST-MODIFIED) and recorded in each of `feeds`.
class vevent_writer {
public:
    vevent_writer(const calendar& cal, const feed_settings& settings, feed_state* state)
        : cal_(cal), settings_(settings), state_(state), maker_(cal, settings) {}

    // Appends the event to `out`.
    result<bool> write(const occurrence& o, const std::string& uid,
                       const std::vector<const std::string*>& feeds, std::string& out) {
        std::size_t kept = 0;
        if (auto made = maker_.make(o, props_, alarms_, kept); !made) return made;
        out += "BEGIN:VEVENT\r\n";
        line_.assign("UID:");
        append_escaped_text(line_, uid);
        append_folded(out, line_);
        if (state_) {
            // With a feed state, DTSTAMP is when this version of the event was
            // published (its LAST-MODIFIED): publishing the same plan again
            // gives the same bytes (docs/feeds.md).
            auto& p = state_->publish_print(uid, fingerprint(props_, alarms_), settings_.now_utc);
            // What a cancellation of it in a feed will say, should it leave.
            for (const auto* f : feeds)
                feed_state::published_in(p, *f, std::string_view(props_).substr(0, kept));
            out.append("DTSTAMP:").append(p.last_modified).append("\r\n");
            out += props_;
            fmt::format_to(std::back_inserter(out), "SEQUENCE:{}\r\n", p.sequence);
            out.append("LAST-MODIFIED:").append(p.last_modified).append("\r\n");
        } else {
            out.append("DTSTAMP:").append(settings_.now_utc).append("\r\n");
            out += props_;
            out += "SEQUENCE:0\r\n";
        }
        out += alarms_;
        out += "END:VEVENT\r\n";
        return true;
    }

private:
    const calendar& cal_;
    const feed_settings& settings_;
    feed_state* state_;
    vevent_maker maker_;
    std::string props_, alarms_, line_;
};

// The cancelled events that end a feed (feed_state::cancelled_in).
void append_cancelled(std::string& text, const std::vector<cancelled_event>& cancelled) {
    content_lines head, tail;
    for (const auto& c : cancelled) {
        head.clear();
        tail.clear();
        head.add("BEGIN", "VEVENT");
        head.add_text("UID", c.uid);
        head.add("DTSTAMP", c.gone);
        tail.add("STATUS", "CANCELLED");
        tail.add("TRANSP", "TRANSPARENT");
        tail.add("CLASS", "PUBLIC");
        tail.add("SEQUENCE", std::to_string(c.sequence));
        tail.add("LAST-MODIFIED", c.gone);
        tail.add("END", "VEVENT");
        text.append(head.str()).append(c.lines).append(tail.str());
    }
}

// Whether an occurrence concerns each body (concerns()), worked out once
// per shape of occurrence (its member, organisers and audiences) rather
// than once per occurrence and body (issue 12).
class audience_index {
public:
    explicit audience_index(const calendar& cal) : cal_(cal) {}
    // The bodies (indices into cal.bodies) that `o` concerns.
    const std::vector<std::uint32_t>& bodies_of(const occurrence& o) {
        key_.assign(o.member).push_back('\x1f');
        key_.append(o.organiser).push_back('\x1f');
        for (const auto& c : o.co_organisers) key_.append(c).push_back('\x1e');
        key_.push_back('\x1f');
        for (const auto& a : o.audiences) key_.append(a).push_back('\x1e');
        auto [it, added] = shapes_.try_emplace(key_);
        if (added)
            for (std::size_t b = 0; b < cal_.bodies.size(); ++b)
                if (concerns(cal_, o, cal_.bodies[b].id))
                    it->second.push_back(static_cast<std::uint32_t>(b));
        return it->second;
    }

private:
    const calendar& cal_;
    std::string key_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> shapes_;
};

}  // namespace

std::string uid_of(const calendar& cal, const occurrence& o) {
    // An included calendar's events keep its UIDs (calendar.hpp).
    return cal.uid_of(o);
}

std::string ical_duration(minutes m) {
    if (m.count() % (24 * 60) == 0) return fmt::format("P{}D", m.count() / (24 * 60));
    if (m.count() % 60 == 0) return fmt::format("PT{}H", m.count() / 60);
    return fmt::format("PT{}M", m.count());
}

result<std::string> write_feed(const calendar& cal, const std::vector<occurrence>& occurrences,
                               const feed_settings& settings, feed_state* state) {
    std::string text;
    auto written = write_feed(cal, occurrences, settings, state, [&](std::string_view piece) {
        text += piece;
        return result<bool>(true);
    });
    if (!written) return written.errors();
    return text;
}

result<bool> write_feed(const calendar& cal, const std::vector<occurrence>& occurrences,
                        const feed_settings& settings, feed_state* state, const feed_sink& sink) {
    std::vector<const occurrence*> events;
    events.reserve(occurrences.size());
    for (const auto& o : occurrences) events.push_back(&o);
    return write_feed(cal, events, settings, state, sink);
}

result<bool> write_feed(const calendar& cal, const std::vector<const occurrence*>& occurrences,
                        const feed_settings& settings, feed_state* state, const feed_sink& sink,
                        const std::vector<std::string>* uids) {
    year_span years{cal.first_year, cal.last_year};
    for (const auto* o : occurrences) years.add(*o);
    std::vector<cancelled_event> cancelled;
    if (state) cancelled = state->cancelled_in(settings.feed, settings.now_utc);
    for (const auto& c : cancelled) years.add(c);
    auto zone = vtimezone(cal.time_zone, years.first, years.last);
    if (!zone) return zone.errors();
    // The feed goes out in pieces; the buffers are reused from one event to the next.
    std::string text = feed_header(cal, settings) + *zone;
    vevent_writer writer(cal, settings, state);
    const std::vector<const std::string*> feeds{&settings.feed};
    std::string uid;
    for (std::size_t i = 0; i < occurrences.size(); ++i) {
        const occurrence& o = *occurrences[i];
        if (!uids) uid = uid_of(cal, o);
        if (auto ok = writer.write(o, uids ? (*uids)[i] : uid, feeds, text); !ok) return ok;
        if (text.size() >= feed_piece_bytes) {
            if (auto sent = sink(text); !sent) return sent;
            text.clear();
        }
    }
    // Events that left this feed: cancelled, with a higher SEQUENCE, for a
    // while (feed_state::cancelled_days), so subscribers' clients drop them.
    append_cancelled(text, cancelled);
    text += "END:VCALENDAR\r\n";
    return sink(text);
}

result<std::size_t> write_feeds(const calendar& cal, const plan& p,
                                const std::vector<feed_target>& feeds,
                                const feed_settings& settings, feed_state& state,
                                const feed_opener& open, const feed_sink& sink) {
    // Which occurrences each feed holds: all of them for a feed without an
    // audience, else those that concern it (select()).
    std::vector<std::vector<std::uint32_t>> held(feeds.size());
    std::vector<std::vector<std::size_t>> feeds_of_body(cal.bodies.size());
    std::vector<std::size_t> everything;
    for (std::size_t f = 0; f < feeds.size(); ++f) {
        if (feeds[f].audience.empty()) {
            everything.push_back(f);
            continue;
        }
        const body* b = cal.find_body(feeds[f].audience);
        if (b) feeds_of_body[static_cast<std::size_t>(b - cal.bodies.data())].push_back(f);
    }
    // Feeds whose audience names no body, or a body other than the one of
    // its id (find_body finds the first): asked one by one.
    std::vector<std::size_t> others;
    for (std::size_t f = 0; f < feeds.size(); ++f) {
        if (feeds[f].audience.empty()) continue;
        const body* b = cal.find_body(feeds[f].audience);
        if (!b) others.push_back(f);
    }
    audience_index index(cal);
    for (std::uint32_t i = 0; i < p.occurrences.size(); ++i) {
        const occurrence& o = p.occurrences[i];
        for (auto f : everything) held[f].push_back(i);
        for (auto b : index.bodies_of(o))
            for (auto f : feeds_of_body[b]) held[f].push_back(i);
        for (auto f : others)
            if (concerns(cal, o, feeds[f].audience)) held[f].push_back(i);
    }
    for (auto& h : held) std::sort(h.begin(), h.end());

    // What each feed will hold, so that the state knows which published
    // events left a feed: those are published there as cancelled.
    std::vector<std::string> uids;
    uids.reserve(p.occurrences.size());
    for (const auto& o : p.occurrences) uids.push_back(uid_of(cal, o));
    std::map<std::string, std::vector<std::string>> live;
    for (std::size_t f = 0; f < feeds.size(); ++f) {
        auto& list = live[feeds[f].name];
        for (auto i : held[f]) list.push_back(uids[i]);
    }
    const std::size_t left = state.begin_run(live, settings.now_utc);
    decltype(live)().swap(live);

    // Each event is made and published once, into one buffer, and copied
    // into every feed that holds it. The first feed holds every event
    // (all.ics), so each event is published before any feed's cancelled
    // events are read: their lines are the latest, as when each feed was
    // made in turn.
    std::vector<std::vector<const std::string*>> names_of(p.occurrences.size());
    for (std::size_t f = 0; f < feeds.size(); ++f)
        for (auto i : held[f]) names_of[i].push_back(&feeds[f].name);
    std::string events;
    std::vector<std::size_t> at;
    at.reserve(p.occurrences.size() + 1);
    {
        vevent_writer writer(cal, settings, &state);
        for (std::size_t i = 0; i < p.occurrences.size(); ++i) {
            at.push_back(events.size());
            if (names_of[i].empty()) continue;
            if (auto ok = writer.write(p.occurrences[i], uids[i], names_of[i], events); !ok)
                return ok.errors();
            std::vector<const std::string*>().swap(names_of[i]);
        }
        at.push_back(events.size());
    }
    decltype(uids)().swap(uids);
    decltype(names_of)().swap(names_of);

    std::vector<std::string> names;
    for (const auto& f : feeds) names.push_back(f.name);
    auto cancelled_of = state.cancelled_in(names, settings.now_utc);
    std::map<std::pair<int, int>, std::string> zones;
    std::string text;
    for (std::size_t f = 0; f < feeds.size(); ++f) {
        feed_settings one = settings;
        one.audience = feeds[f].audience;
        one.feed = feeds[f].name;
        year_span years{cal.first_year, cal.last_year};
        for (auto i : held[f]) years.add(p.occurrences[i]);
        const auto& cancelled = cancelled_of[f];
        for (const auto& c : cancelled) years.add(c);
        auto zone = zones.find({years.first, years.last});
        if (zone == zones.end()) {
            auto made = vtimezone(cal.time_zone, years.first, years.last);
            if (!made) return made.errors();
            zone = zones.emplace(std::pair{years.first, years.last}, std::move(*made)).first;
        }
        if (auto opened = open(f); !opened) return opened.errors();
        text = feed_header(cal, one) + zone->second;
        for (auto i : held[f]) {
            text.append(events, at[i], at[i + 1] - at[i]);
            if (text.size() >= feed_piece_bytes) {
                if (auto sent = sink(text); !sent) return sent.errors();
                text.clear();
            }
        }
        append_cancelled(text, cancelled);
        text += "END:VCALENDAR\r\n";
        if (auto sent = sink(text); !sent) return sent.errors();
        decltype(held)::value_type().swap(held[f]);
        decltype(cancelled_of)::value_type().swap(cancelled_of[f]);
    }
    return left;
}

}  // namespace cycle::ical
