#include "feed_writer.hpp"

#include "cycle/recurrence.hpp"

#include <fmt/format.h>

#include <algorithm>

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

std::string body_name(const calendar& cal, const std::string& id) {
    const body* b = cal.find_body(id);
    return b ? b->name : id;
}

std::string description_of(const calendar& cal, const event_template* e, const occurrence& o) {
    const texts& t = texts_for(cal.language);
    std::vector<std::string> parts;
    if (e && !description_for(*e, o.index).empty()) parts.push_back(description_for(*e, o.index));
    std::string facts;
    auto line = [&](std::string_view label, const std::string& s) {
        facts += fmt::format("{}{}: {}", facts.empty() ? "" : "\n", label, s);
    };
    if (!o.member.empty()) line(t.principal, body_name(cal, o.member));
    if (!o.organiser.empty()) {
        std::string names;
        for (const auto& b : o.organisers()) names += (names.empty() ? "" : ", ") + body_name(cal, b);
        line(t.organiser, names);
    }
    if (!o.audiences.empty()) {
        std::string names;
        for (const auto& a : o.audiences) names += (names.empty() ? "" : ", ") + body_name(cal, a);
        line(t.participants, names);
    }
    if (o.deadline) line(t.deadline, day_month_year(t, *o.deadline));
    if (o.status == occurrence_status::cancelled) line(t.status, std::string(t.cancelled));
    if (o.status == occurrence_status::held) line(t.status, std::string(t.held));
    if (auto why = assumption_of(cal, o); !why.empty())
        line(t.status, fmt::format("{} – {}", t.preliminary, why));
    if (!o.note.empty()) line(t.note, o.note);
    if (!facts.empty()) parts.push_back(facts);
    if (e) {
        auto source = cal.describe_source(e->source);
        if (!source.empty()) parts.push_back(fmt::format("{}: {}", t.source, source));
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "\n\n") + p;
    return out;
}

std::vector<std::string> categories_of(const calendar& cal, const event_template* e,
                                       const occurrence& o) {
    std::vector<std::string> out;
    auto add = [&](const std::string& s) {
        if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    };
    if (e) add(std::string(kind_label(texts_for(cal.language), e->kind)));
    for (const auto& b : o.organisers()) add(cal.body_label(b));
    for (const auto& a : o.audiences) add(cal.body_label(a));
    if (!o.member.empty()) add(cal.body_label(o.member));
    return out;
}

// "20261031T093000".
std::string local_stamp(date::local_seconds t) {
    const auto day = date::floor<date::days>(t);
    const date::hh_mm_ss<seconds> time{t - day};
    std::string out = ical_date(date::sys_days{day.time_since_epoch()});
    char clock[7] = {'T'};
    put_digits(clock + 1, unsigned(time.hours().count()), 2);
    put_digits(clock + 3, unsigned(time.minutes().count()), 2);
    put_digits(clock + 5, unsigned(time.seconds().count()), 2);
    return out.append(clock, sizeof clock);
}

// DTSTART and DTEND of one occurrence.
result<bool> add_times(content_lines& out, const calendar& cal, const occurrence& o) {
    if (o.all_day()) {
        out.add("DTSTART", {{"VALUE", "DATE"}}, ical_date(o.date));
        out.add("DTEND", {{"VALUE", "DATE"}}, ical_date(o.end_date + date::days{1}));
        return true;
    }
    const auto local = date::local_seconds{o.date.time_since_epoch()} + *o.start_time;
    auto start = to_utc(cal.time_zone, local);
    if (!start)
        return error{fmt::format("{}: {}", o.to_string(), start.errors().front().message), o.where};
    // The end is the instant `duration` later, shown on the local clock: right
    // across a daylight saving switch too.
    const auto end = to_local(cal.time_zone, *start + o.duration);
    out.add("DTSTART", {{"TZID", cal.time_zone}}, local_stamp(local));
    out.add("DTEND", {{"TZID", cal.time_zone}}, local_stamp(end));
    return true;
}

std::string event_of(const calendar& cal, const occurrence& o, const feed_settings& settings,
                     content_lines& props, content_lines& alarms) {
    const std::string uid = uid_of(cal, o);
    const event_template* e = cal.find_event(o.event);
    const std::string summary = title_of(cal, o);
    props.add_text("SUMMARY", summary);
    // DESCRIPTION is optional (docs/calendar-format.md); RFC 5545 has no empty one.
    if (auto description = description_of(cal, e, o); !description.empty())
        props.add_text("DESCRIPTION", description);
    props.add("CATEGORIES", escape_text_list(categories_of(cal, e, o)));
    if (e && !e->url.empty()) props.add("URL", {{"VALUE", "URI"}}, strip_controls(e->url));
    // A guessed date (`assumed` in the calendar) is TENTATIVE (RFC 5545 3.8.1.11).
    props.add("STATUS", o.status == occurrence_status::cancelled ? "CANCELLED"
                        : assumption_of(cal, o).empty()          ? "CONFIRMED"
                                                                 : "TENTATIVE");
    props.add("TRANSP", e && transparent(e->kind) ? "TRANSPARENT" : "OPAQUE");
    props.add("CLASS", "PUBLIC");
    if (!settings.organizer.empty())
        props.add("ORGANIZER",
                  {{"CN", o.organiser.empty() ? cal.title : body_name(cal, o.organiser)}},
                  strip_controls(settings.organizer));
    props.add_text("X-CYCLE-OCCURRENCE", o.to_string());
    if (o.status == occurrence_status::held) props.add("X-CYCLE-STATUS", "held");
    if (!o.note.empty()) props.add_text("X-CYCLE-NOTE", o.note);
    if (e) {
        for (const auto& a : settings.alarms) {
            if (a.kind != e->kind) continue;
            alarms.add("BEGIN", "VALARM");
            alarms.add("ACTION", "DISPLAY");
            alarms.add_text("DESCRIPTION", summary);
            alarms.add("TRIGGER", "-" + ical_duration(a.before));
            alarms.add("END", "VALARM");
        }
    }
    return uid;
}

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

    int first = cal.first_year, last = cal.last_year;
    for (const auto& o : occurrences) {
        first = std::min(first, int(date::year_month_day{o.date}.year()));
        last = std::max(last, int(date::year_month_day{o.end_date}.year()) + 1);
    }
    std::vector<cancelled_event> cancelled;
    if (state) cancelled = state->cancelled_in(settings.feed, settings.now_utc);
    for (const auto& c : cancelled) {
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
    auto zone = vtimezone(cal.time_zone, first, last);
    if (!zone) return zone.errors();
    // The feed goes out in pieces; the buffers below are reused from one
    // event to the next.
    std::string text = out.str() + *zone;
    content_lines props, alarms, head, tail, kept;
    std::string content;
    for (const auto& o : occurrences) {
        props.clear();
        alarms.clear();
        head.clear();
        tail.clear();
        if (auto t = add_times(props, cal, o); !t) return t.errors();
        const std::string uid = event_of(cal, o, settings, props, alarms);
        head.add("BEGIN", "VEVENT");
        head.add_text("UID", uid);
        if (state) {
            // With a feed state, DTSTAMP is when this version of the event was
            // published (its LAST-MODIFIED): publishing the same plan again
            // gives the same bytes (docs/feeds.md).
            content.assign(props.str()).append(alarms.str());
            const auto& p = state->publish(uid, content, settings.now_utc);
            head.add("DTSTAMP", p.last_modified);
            tail.add("SEQUENCE", std::to_string(p.sequence));
            tail.add("LAST-MODIFIED", p.last_modified);
            // What a cancellation of it in this feed will say, should it leave.
            kept.clear();
            (void)add_times(kept, cal, o);
            kept.add_text("SUMMARY", title_of(cal, o));
            state->published_in(uid, settings.feed, kept.str());
        } else {
            head.add("DTSTAMP", settings.now_utc);
            tail.add("SEQUENCE", "0");
        }
        tail.append(alarms);
        tail.add("END", "VEVENT");
        text.append(head.str()).append(props.str()).append(tail.str());
        if (text.size() >= feed_piece_bytes) {
            if (auto sent = sink(text); !sent) return sent;
            text.clear();
        }
    }
    // Events that left this feed: cancelled, with a higher SEQUENCE, for a
    // while (feed_state::cancelled_days), so subscribers' clients drop them.
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
    content_lines end;
    end.add("END", "VCALENDAR");
    text += end.str();
    return sink(text);
}

}  // namespace cycle::ical
