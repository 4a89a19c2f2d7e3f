// The plan as JSON (plan_output.hpp, docs/json-format.md): written in
// pieces without a tree (format_json, write_json), and as a nlohmann::json
// tree (detail::format_json_tree), which a test holds byte-equal to it.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>

#include "calendar_names.hpp"
#include "cycle/assumptions.hpp"
#include "cycle/plan_output.hpp"
#include "cycle/recurrence.hpp"
#include "cycle/terms.hpp"
#include "cycle/text.hpp"
#include "cycle/timezone.hpp"
#include "cycle/zone.hpp"
#include "end_clock.hpp"
#include "explanation_words.hpp"
#include "value_parsing.hpp"

namespace cycle {
namespace {

// "2026-05-12T07:00:00Z", as date::format("%FT%TZ") writes it, without its
// iostreams (two per timed occurrence of a JSON plan).
std::string utc_text(date::sys_seconds t) {
    const auto day = date::floor<date::days>(t);
    const int y = int(date::year_month_day{day}.year());
    if (y < 0 || y > 9999) return date::format("%FT%TZ", t);
    const auto s = (t - day).count();
    std::string out = iso_date(day);
    const long h = s / 3600, m = s / 60 % 60, sec = s % 60;
    const char clock[10] = {'T', char('0' + h / 10),   char('0' + h % 10),
                            ':', char('0' + m / 10),   char('0' + m % 10),
                            ':', char('0' + sec / 10), char('0' + sec % 10),
                            'Z'};
    out.append(clock, sizeof clock);
    return out;
}

std::string weekday_abbreviation(date::sys_days d) {
    return std::string(detail::weekday_abbreviation(date::weekday{d}));
}

}  // namespace

namespace detail {

std::string format_json_tree(const calendar& cal, const plan& p, const std::string& audience) {
    using nlohmann::json;
    json occurrences = json::array();
    for (const auto& o : p.occurrences) {
        const event_template* e = cal.find_event(o.event);
        json j;
        j["key"] = o.to_string();
        j["event"] = o.event;
        j["title"] = title_of(cal, o);
        j["kind"] = to_string(e->kind);
        j["member"] = o.member.empty() ? json(nullptr) : json(o.member);
        if (o.index) j["index"] = o.index;  // a recurring event's occurrence only
        j["cycle_year"] = o.cycle_year;
        j["cycle_year_number"] = o.cycle_year - cal.first_year + 1;
        j["date"] = iso_date(o.date);
        j["end_date"] = iso_date(o.end_date);
        j["week"] = o.iso_week();
        j["weekday"] = weekday_abbreviation(o.date);
        j["all_day"] = o.all_day();
        j["start"] = j["end"] = j["start_utc"] = j["end_utc"] = nullptr;
        if (o.start_time) {
            auto local = date::local_seconds{o.date.time_since_epoch()} + *o.start_time;
            j["start"] = detail::format_clock(*o.start_time);
            j["end"] = detail::end_clock(cal, o);  // the same instant as end_utc
            if (auto utc = to_utc(cal.time_zone, local)) {
                j["start_utc"] = utc_text(*utc);
                j["end_utc"] = utc_text(*utc + o.duration);
            }
        }
        j["organiser"] = o.organiser.empty() ? json(nullptr) : json(o.organiser);
        j["organisers"] = o.organisers();
        j["audiences"] = o.audiences;
        j["fixed"] = o.fixed;
        j["window"] = o.window ? json{{"first", iso_date(o.window->first)},
                                      {"last", iso_date(o.window->last)}}
                               : json(nullptr);
        j["deadline"] = o.deadline ? json(iso_date(*o.deadline)) : json(nullptr);
        j["status"] = to_string(o.status);
        // Who sits: only for an occurrence a body with terms sits at.
        if (auto terms = terms_of(cal, o); !terms.empty()) {
            json list = json::array();
            for (const auto& s : terms) {
                const body_term* term = s.term;
                list.push_back({{"body", s.body},
                                {"from", term ? json(iso_date(term->first)) : json(nullptr)},
                                {"to", term ? json(iso_date(term->last)) : json(nullptr)},
                                {"people", term ? json(term->people) : json::array()},
                                {"assumed", term && !term->assumed.empty() ? json(term->assumed)
                                                                           : json(nullptr)}});
            }
            j["terms"] = std::move(list);
        }
        j["note"] = o.note;
        j["source"] = cal.describe_source(e->source);
        j["explanation"] = explain(cal, o);
        // A guess (`assumed` in the calendar) until a plan file fixes it.
        const auto assumed = assumption_of(cal, o);
        j["assumed"] = assumed.empty() ? json(nullptr) : json(std::string(assumed));
        occurrences.push_back(std::move(j));
    }
    json root{{"format", "cycle-plan"},
              {"version", 1},
              {"calendar", {{"id", cal.id}, {"title", cal.title}, {"time_zone", cal.time_zone}}},
              {"first_year", p.first_year},
              {"last_year", p.last_year},
              {"audience", audience.empty() ? json(nullptr) : json(audience)},
              {"occurrences", std::move(occurrences)}};
    return root.dump(2) + "\n";
}

}  // namespace detail

namespace {

// Writes JSON as nlohmann::json's dump(2) does, byte for byte (a test holds
// the two equal), without building a tree: a map node per key and a string
// per value was most of `cycle plan --format json` (issue 12). Keys are
// written in the order nlohmann's std::map sorts them.
class json_out {
public:
    explicit json_out(std::string& out) : out_(out) {}

    void open(char bracket) {
        out_ += bracket;
        ++depth_;
        first_ = true;
    }
    void close(char bracket) {
        --depth_;
        if (!first_) {
            out_ += '\n';
            out_.append(2 * depth_, ' ');
        }
        out_ += bracket;
        first_ = false;
    }
    // The place of the next value in an array, or the key of one in an object.
    void item() {
        out_ += first_ ? "\n" : ",\n";
        out_.append(2 * depth_, ' ');
        first_ = false;
    }
    // (In one append: a JSON plan writes 30 keys per occurrence.)
    json_out& key(std::string_view k) {
        const std::size_t comma = first_ ? 0 : 1, indent = 2 * depth_;
        const std::size_t at = out_.size();
        out_.resize(at + comma + 1 + indent + 1 + k.size() + 3, ' ');
        char* to = out_.data() + at;
        if (comma) *to++ = ',';
        *to = '\n';
        to += 1 + indent;
        *to++ = '"';
        to = std::copy(k.begin(), k.end(), to);
        *to++ = '"';
        *to = ':';
        first_ = false;
        return *this;
    }
    void null() { out_ += "null"; }
    void boolean(bool b) { out_ += b ? "true" : "false"; }
    void number(long long n) {
        char digits[24];
        auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
        out_.append(digits, end);
    }
    void string(std::string_view s) {
        out_ += '"';
        escaped(s);
        out_ += '"';
    }
    // Text made here of digits and ASCII words: nothing to escape or check.
    void ascii(std::string_view s) {
        out_ += '"';
        out_ += s;
        out_ += '"';
    }
    // A string's text without its quotes: a string written in parts.
    void escaped(std::string_view s) {
        std::size_t plain = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out_.append(s.substr(plain, i - plain));
            plain = i + 1;
            switch (c) {
                case '"':
                    out_ += "\\\"";
                    break;
                case '\\':
                    out_ += "\\\\";
                    break;
                case '\b':
                    out_ += "\\b";
                    break;
                case '\t':
                    out_ += "\\t";
                    break;
                case '\n':
                    out_ += "\\n";
                    break;
                case '\f':
                    out_ += "\\f";
                    break;
                case '\r':
                    out_ += "\\r";
                    break;
                default:
                    fmt::format_to(std::back_inserter(out_), "\\u{:04x}", c);
            }
        }
        out_.append(s.substr(plain));
        valid_ = valid_ && is_valid_utf8(s);
    }
    // Text escaped (and checked) before: `ok` is whether it was UTF-8.
    void raw(std::string_view json, bool ok) {
        out_ += json;
        valid_ = valid_ && ok;
    }
    void string_or_null(std::string_view s) { s.empty() ? null() : string(s); }
    // Whether every string was UTF-8 (nlohmann refuses other text).
    bool valid() const { return valid_; }

private:
    std::string& out_;
    std::size_t depth_ = 0;
    bool first_ = true;
    bool valid_ = true;
};

// A JSON value made once and written many times, with whether its text was
// UTF-8.
struct json_piece {
    std::string json;
    bool ok = true;
};

json_piece piece_of(std::string_view text, bool quoted = true) {
    json_piece p;
    json_out j(p.json);
    if (quoted)
        j.string(text);
    else
        j.escaped(text);
    p.ok = j.valid();
    return p;
}

// The same for every occurrence of an event (title of index 0, unquoted).
struct event_json {
    bool made = false;
    json_piece event, kind, source, assumed, title;
};

// "2026-10-31" into `out` (iso_date without its string).
void append_day(std::string& out, date::sys_days d) {
    const date::year_month_day ymd{d};
    const int y = int(ymd.year());
    if (y < 0 || y > 9999) {
        out += iso_date(d);
        return;
    }
    const auto m = unsigned(ymd.month()), day = unsigned(ymd.day());
    const char text[10] = {char('0' + y / 1000),
                           char('0' + y / 100 % 10),
                           char('0' + y / 10 % 10),
                           char('0' + y % 10),
                           '-',
                           char('0' + m / 10),
                           char('0' + m % 10),
                           '-',
                           char('0' + day / 10),
                           char('0' + day % 10)};
    out.append(text, sizeof text);
}

// The JSON plan into `out`: after each occurrence `flush(out)` may take
// what is written so far (and clear it); false from it stops. False when
// some text was not UTF-8 (what was written is then to be thrown away).
template <class Flush>
bool json_in_pieces(const calendar& cal, const plan& p, const std::string& audience,
                    std::string& out, Flush&& flush) {
    json_out j(out);
    j.open('{');
    j.key("audience").string_or_null(audience);
    j.key("calendar").open('{');
    j.key("id").string(cal.id);
    j.key("time_zone").string(cal.time_zone);
    j.key("title").string(cal.title);
    j.close('}');
    j.key("first_year").number(p.first_year);
    j.key("format").string("cycle-plan");
    j.key("last_year").number(p.last_year);
    j.key("occurrences").open('[');
    // Each event's constant parts, escaped once (not per occurrence); the
    // zone found once; the explanation's narrowings put into words once
    // per event while its occurrences share them.
    std::vector<event_json> events(cal.events.size());
    auto zone = locate_zone(cal.time_zone);
    const cycle::zone* tz = zone ? *zone : nullptr;
    detail::explanation_words explanations(cal);
    std::string text;
    for (const auto& o : p.occurrences) {
        const event_template* e = cal.find_event(o.event);
        event_json& ej = events[static_cast<std::size_t>(e - cal.events.data())];
        if (!ej.made) {
            ej.event = piece_of(e->id);
            ej.kind = piece_of(to_string(e->kind));
            ej.source = piece_of(cal.describe_source(e->source));
            ej.assumed = e->assumed.empty() ? json_piece{"null", true} : piece_of(e->assumed);
            ej.title = piece_of(title_for(*e, 0), false);
            ej.made = true;
        }
        j.item();
        j.open('{');
        j.key("all_day").boolean(o.all_day());
        // A guess (`assumed` in the calendar) until a plan file fixes it.
        if (o.fixed)
            j.key("assumed").null();
        else
            j.key("assumed").raw(ej.assumed.json, ej.assumed.ok);
        j.key("audiences").open('[');
        for (const auto& a : o.audiences) {
            j.item();
            j.string(a);
        }
        j.close(']');
        j.key("cycle_year").number(o.cycle_year);
        j.key("cycle_year_number").number(o.cycle_year - cal.first_year + 1);
        j.key("date");
        out += '"';
        append_day(out, o.date);
        out += '"';
        j.key("deadline");
        if (o.deadline) {
            out += '"';
            append_day(out, *o.deadline);
            out += '"';
        } else {
            j.null();
        }
        std::string start, end, start_utc, end_utc;
        if (o.start_time) {
            auto local = date::local_seconds{o.date.time_since_epoch()} + *o.start_time;
            start = detail::format_clock(*o.start_time);
            // One zone look-up for the plan; one conversion for the start
            // (the end is the same instant as end_utc).
            std::optional<date::sys_seconds> utc;
            if (tz) {
                const date::local_info info = tz->get_info(local);
                // As to_utc: none in the spring-forward gap, the earlier of two.
                if (info.result != date::local_info::nonexistent)
                    utc = date::sys_seconds{local.time_since_epoch() - info.first.offset};
                if (utc) {
                    const auto at = tz->to_local(*utc + o.duration);
                    end = detail::format_clock(
                        date::floor<std::chrono::minutes>(at - date::floor<date::days>(at)));
                } else {
                    end = detail::end_clock(cal, o, std::nullopt);
                }
            } else if (auto found = to_utc(cal.time_zone, local)) {
                utc = *found;
                end = detail::end_clock(cal, o, utc);
            } else {
                end = detail::end_clock(cal, o, std::nullopt);
            }
            if (utc) {
                start_utc = utc_text(*utc);
                end_utc = utc_text(*utc + o.duration);
            }
        }
        j.key("end");
        end.empty() ? j.null() : j.ascii(end);
        j.key("end_date");
        out += '"';
        append_day(out, o.end_date);
        out += '"';
        j.key("end_utc");
        end_utc.empty() ? j.null() : j.ascii(end_utc);
        j.key("event");
        if (o.event == e->id)
            j.raw(ej.event.json, ej.event.ok);
        else
            j.string(o.event);
        j.key("explanation").string(explanations.explain(o));
        j.key("fixed").boolean(o.fixed);
        if (o.index) j.key("index").number(o.index);  // a recurring event's occurrence only
        j.key("key").string(o.to_string());
        j.key("kind").raw(ej.kind.json, ej.kind.ok);
        j.key("member").string_or_null(o.member);
        j.key("note").string(o.note);
        j.key("organiser").string_or_null(o.organiser);
        j.key("organisers").open('[');
        if (!o.organiser.empty()) {
            j.item();
            j.string(o.organiser);
        }
        for (const auto& b : o.co_organisers) {
            j.item();
            j.string(b);
        }
        j.close(']');
        j.key("source").raw(ej.source.json, ej.source.ok);
        j.key("start");
        start.empty() ? j.null() : j.ascii(start);
        j.key("start_utc");
        start_utc.empty() ? j.null() : j.ascii(start_utc);
        j.key("status").ascii(to_string(o.status));
        // Who sits: only for an occurrence a body with terms sits at.
        if (auto terms = terms_of(cal, o); !terms.empty()) {
            j.key("terms").open('[');
            for (const auto& s : terms) {
                const body_term* term = s.term;
                j.item();
                j.open('{');
                j.key("assumed").string_or_null(term ? std::string_view{term->assumed} : "");
                j.key("body").string(s.body);
                if (term)
                    j.key("from").ascii(iso_date(term->first));
                else
                    j.key("from").null();
                j.key("people").open('[');
                if (term)
                    for (const auto& person : term->people) {
                        j.item();
                        j.string(person);
                    }
                j.close(']');
                if (term)
                    j.key("to").ascii(iso_date(term->last));
                else
                    j.key("to").null();
                j.close('}');
            }
            j.close(']');
        }
        // title_of(cal, o), in parts: the event's title, then the member's name.
        j.key("title");
        out += '"';
        if (o.index)
            j.escaped(title_for(*e, o.index));
        else
            j.raw(ej.title.json, ej.title.ok);
        if (!o.member.empty()) {
            out += " – ";
            const body* b = cal.find_body(o.member);
            j.escaped(b ? b->name : o.member);
        }
        out += '"';
        j.key("week").number(o.iso_week());
        j.key("weekday").ascii(weekday_abbreviation(o.date));
        if (o.window) {
            j.key("window").open('{');
            j.key("first").ascii(iso_date(o.window->first));
            j.key("last").ascii(iso_date(o.window->last));
            j.close('}');
        } else {
            j.key("window").null();
        }
        j.close('}');
        if (!flush(out)) return false;
    }
    j.close(']');
    j.key("version").number(1);
    j.close('}');
    out += '\n';
    return j.valid();
}

}  // namespace

std::string format_json(const calendar& cal, const plan& p, const std::string& audience) {
    std::string out;
    out.reserve(1024 + p.occurrences.size() * 1536);
    if (!json_in_pieces(cal, p, audience, out, [](const std::string&) { return true; }))
        return detail::format_json_tree(cal, p, audience);
    return out;
}

bool write_json(const calendar& cal, const plan& p, const std::string& audience,
                const std::function<bool(std::string_view)>& append) {
    // In pieces of about a megabyte: a plan of 100,000 occurrences is 110 MB
    // of JSON, which need not be in memory at once.
    constexpr std::size_t piece = std::size_t{1} << 20;
    std::string out;
    out.reserve(piece + 64 * 1024);
    const bool valid = json_in_pieces(cal, p, audience, out, [&](std::string& text) {
        if (text.size() < piece) return true;
        if (!append(text)) return false;
        text.clear();
        return true;
    });
    return valid && append(out);
}

}  // namespace cycle
