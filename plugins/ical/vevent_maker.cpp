// One VEVENT's content lines (vevent_maker.hpp).
#include "vevent_maker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "content_line.hpp"
#include "cycle/assumptions.hpp"
#include "cycle/recurrence.hpp"
#include "cycle/texts.hpp"
#include "cycle/timezone.hpp"
#include "cycle/zone.hpp"

namespace cycle::ical {

std::string body_name(const calendar& cal, std::string_view id) {
    const body* b = cal.find_body(id);
    return b ? b->name : std::string(id);
}

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
}  // namespace

struct vevent_maker::impl {
    impl(const calendar& cal, const feed_settings& settings)
        : cal_(cal), settings_(settings), t_(texts_for(cal.language)) {
        // Without the zone, to_utc says why at the first timed event.
        if (auto z = locate_zone(cal.time_zone)) zone_ = *z;
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
        add_text(props, "X-CYCLE-OCCURRENCE:", o.to_string());
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
    const zone* zone_ = nullptr;
    std::string tzid_;
    std::vector<template_texts> templates_;
    std::vector<body_texts> bodies_;
    std::unordered_map<std::string, body_texts> unknown_;  // ids that name no body
    std::unordered_map<std::string, std::string> organizer_lines_;
    // Buffers reused from one event to the next.
    std::string line_, summary_, description_;
    std::vector<std::string_view> categories_;
};

vevent_maker::vevent_maker(const calendar& cal, const feed_settings& settings)
    : impl_(std::make_unique<impl>(cal, settings)) {}

vevent_maker::~vevent_maker() = default;

result<bool> vevent_maker::make(const occurrence& o, std::string& props, std::string& alarms,
                                std::size_t& kept) {
    return impl_->make(o, props, alarms, kept);
}

}  // namespace cycle::ical
