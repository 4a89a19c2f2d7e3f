#include "feed_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <unordered_map>

#include "content_line.hpp"
#include "cycle/assumptions.hpp"
#include "cycle/plan.hpp"
#include "cycle/recurrence.hpp"
#include "cycle/texts.hpp"
#include "cycle/timezone.hpp"
#include "vevent_maker.hpp"
#include "vtimezone.hpp"

#ifndef CYCLE_VERSION
#define CYCLE_VERSION "0"
#endif

namespace cycle::ical {
namespace {

using namespace std::chrono;

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
// than once per occurrence and body (issue 12). concerns() is a union of
// memberships, each worked out once per name: the bodies within a name
// (is_member_of(body, name)) and the bodies containing it
// (is_member_of(name, body)). A body without members holds only itself,
// so only the groups are asked: asking every body for every member's
// shape was quadratic in members (13 s for every feed of 5,000 members).
class audience_index {
public:
    explicit audience_index(const calendar& cal) : cal_(cal) {
        for (std::uint32_t b = 0; b < cal.bodies.size(); ++b) {
            ids_[cal.bodies[b].id].push_back(b);
            if (is_group(cal.bodies[b].id)) groups_.push_back(b);
        }
    }
    // The bodies (indices into cal.bodies, ascending) that `o` concerns.
    const std::vector<std::uint32_t>& bodies_of(const occurrence& o) {
        key_.assign(o.member).push_back('\x1f');
        key_.append(o.organiser).push_back('\x1f');
        for (const auto& c : o.co_organisers) key_.append(c).push_back('\x1e');
        key_.push_back('\x1f');
        for (const auto& a : o.audiences) key_.append(a).push_back('\x1e');
        auto [it, added] = shapes_.try_emplace(key_);
        if (added) {
            auto& out = it->second;
            add(out, named(o.member));
            if (!o.organiser.empty()) add(out, within(o.organiser));
            for (const auto& c : o.co_organisers) add(out, within(c));
            if (!o.member.empty()) add(out, containing(o.member));
            for (const auto& a : o.audiences) {
                add(out, within(a));
                add(out, containing(a));
            }
            std::sort(out.begin(), out.end());
            out.erase(std::unique(out.begin(), out.end()), out.end());
        }
        return it->second;
    }

private:
    using bodies = std::vector<std::uint32_t>;
    static void add(bodies& out, const bodies& more) {
        out.insert(out.end(), more.begin(), more.end());
    }

    // A name whose body (the first of that id) has members.
    bool is_group(std::string_view name) const {
        const body* b = cal_.find_body(name);
        return b && !b->members.empty();
    }
    const bodies& named(const std::string& name) const {
        auto it = ids_.find(name);
        return it == ids_.end() ? none_ : it->second;
    }
    // The bodies b with is_member_of(b, name).
    const bodies& within(const std::string& name) {
        if (!is_group(name)) return named(name);
        auto [it, added] = within_.try_emplace(name);
        if (added)
            for (std::uint32_t b = 0; b < cal_.bodies.size(); ++b)
                if (cal_.is_member_of(cal_.bodies[b].id, name)) it->second.push_back(b);
        return it->second;
    }
    // The bodies b with is_member_of(name, b).
    const bodies& containing(const std::string& name) {
        auto [it, added] = containing_.try_emplace(name);
        if (added) {
            it->second = named(name);
            for (auto b : groups_)
                if (cal_.is_member_of(name, cal_.bodies[b].id)) it->second.push_back(b);
        }
        return it->second;
    }

    const calendar& cal_;
    std::string key_;
    std::unordered_map<std::string, bodies> shapes_, within_, containing_;
    std::unordered_map<std::string_view, bodies> ids_;
    bodies groups_;
    const bodies none_;
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
