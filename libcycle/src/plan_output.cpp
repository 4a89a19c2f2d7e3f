#include "cycle/plan_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>

#include "calendar_names.hpp"
#include "cycle/assumptions.hpp"
#include "cycle/recurrence.hpp"
#include "cycle/terms.hpp"
#include "cycle/text.hpp"
#include "cycle/texts.hpp"
#include "cycle/timezone.hpp"
#include "cycle/zone.hpp"
#include "explanation_words.hpp"
#include "value_parsing.hpp"

namespace cycle {
namespace {

std::string day_text(date::sys_days d) {
    return iso_date(d);
}

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

// Characters on screen: UTF-8 continuation bytes take no column.
std::size_t display_width(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad(std::string s, std::size_t width) {
    auto w = display_width(s);
    if (w < width) s.append(width - w, ' ');
    return s;
}

// The local clock time a timed occurrence ends: the instant `duration` after
// its start, read on the calendar's clock, so that 02:30 + 3h on the day
// summer time ends is 04:30, as in the feeds (feed_writer.cpp add_times).
// (`utc`: its start as an instant, when the caller has it; none when the
// start does not exist.)
std::string end_clock(const calendar& cal, const occurrence& o,
                      const std::optional<date::sys_seconds>& utc) {
    if (!utc) return detail::format_clock((*o.start_time + o.duration) % std::chrono::hours{24});
    const auto end = to_local(cal.time_zone, *utc + o.duration);
    return detail::format_clock(
        date::floor<std::chrono::minutes>(end - date::floor<date::days>(end)));
}
std::string end_clock(const calendar& cal, const occurrence& o) {
    const auto local = date::local_seconds{o.date.time_since_epoch()} + *o.start_time;
    auto utc = to_utc(cal.time_zone, local);
    return end_clock(cal, o, utc ? std::optional<date::sys_seconds>{*utc} : std::nullopt);
}

std::string time_text(const calendar& cal, const texts& t, const occurrence& o) {
    if (!o.start_time)
        return o.end_date == o.date ? std::string(t.all_day)
                                    : fmt::format(fmt::runtime(t.until), day_text(o.end_date));
    return fmt::format("{}–{}", detail::format_clock(*o.start_time), end_clock(cal, o));
}

std::string years_text(const calendar& cal, const texts& t, const plan& p) {
    auto number = [&](int y) { return y - cal.first_year + 1; };
    auto one = [&](int y) {
        return y > cal.last_year ? fmt::format(fmt::runtime(t.after_cycle), y)
                                 : fmt::format(fmt::runtime(t.cycle_year_of), number(y), y);
    };
    if (p.first_year == p.last_year) return one(p.first_year);
    return fmt::format("{} – {}", one(p.first_year), one(p.last_year));
}

// "Politisk styrgrupp, Beredningsgruppen": every organiser, by short name.
std::string organisers_text(const calendar& cal, const occurrence& o) {
    std::string out;
    for (const auto& b : o.organisers()) out += (out.empty() ? "" : ", ") + cal.body_label(b);
    return out;
}

}  // namespace

std::string format_table(const calendar& cal, const plan& p, const table_options& options) {
    // The calendar's language: headings, weekdays and fixed words (texts.hpp).
    const texts& t = texts_for(cal.language);
    std::string out = fmt::format("{}: {}{}\n", printable(cal.title), years_text(cal, t, p),
                                  options.audience.empty()
                                      ? ""
                                      : fmt::format(fmt::runtime(t.for_audience),
                                                    printable(cal.body_label(options.audience))));
    if (p.occurrences.empty()) return out + std::string(t.no_occurrences) + "\n";

    struct row {
        std::string date, week, day, time, title, organiser;
    };
    std::vector<row> rows;
    for (const auto& o : p.occurrences)
        // Text from the calendar is shown, never obeyed: no raw control characters.
        rows.push_back({day_text(o.date), week_text(t, o.date),
                        std::string(t.weekdays_short[date::weekday{o.date}.c_encoding()]),
                        time_text(cal, t, o), printable(title_of(cal, o)),
                        printable(organisers_text(cal, o))});
    row heading{std::string(t.date),         std::string(t.week_column),
                std::string(t.day_column),   std::string(t.time_column),
                std::string(t.event_column), std::string(t.organiser_column)};
    std::size_t w_date = 0, w_week = 0, w_day = 0, w_time = 0, w_title = 0;
    auto widen = [&](const row& r) {
        w_date = std::max(w_date, display_width(r.date));
        w_day = std::max(w_day, display_width(r.day));
        w_week = std::max(w_week, display_width(r.week));
        w_time = std::max(w_time, display_width(r.time));
        w_title = std::max(w_title, display_width(r.title));
    };
    widen(heading);
    for (const auto& r : rows) widen(r);
    auto line = [&](const row& r) {
        std::string text =
            fmt::format("{}  {}  {}  {}  {}  {}", pad(r.date, w_date), pad(r.week, w_week),
                        pad(r.day, w_day), pad(r.time, w_time), pad(r.title, w_title), r.organiser);
        text.erase(text.find_last_not_of(' ') + 1);
        return text + "\n";
    };
    out += line(heading);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out += line(rows[i]);
        if (!options.explain) continue;
        const occurrence& o = p.occurrences[i];
        out += fmt::format("            {} {}\n", t.why, printable(explain(cal, o)));
        if (auto source = cal.describe_source(cal.find_event(o.event)->source); !source.empty())
            out += fmt::format("            {} {}\n", t.rule, printable(source));
        if (auto why = assumption_of(cal, o); !why.empty())
            out += fmt::format("            {}: {}\n", t.preliminary, printable(why));
        // Who sits: the term of office of each body with terms.
        for (const auto& s : terms_of(cal, o))
            out += fmt::format("            {}: {}\n", t.term, printable(term_text(cal, s)));
    }
    return out;
}

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
        j["date"] = day_text(o.date);
        j["end_date"] = day_text(o.end_date);
        j["week"] = o.iso_week();
        j["weekday"] = weekday_abbreviation(o.date);
        j["all_day"] = o.all_day();
        j["start"] = j["end"] = j["start_utc"] = j["end_utc"] = nullptr;
        if (o.start_time) {
            auto local = date::local_seconds{o.date.time_since_epoch()} + *o.start_time;
            j["start"] = detail::format_clock(*o.start_time);
            j["end"] = end_clock(cal, o);  // the same instant as end_utc
            if (auto utc = to_utc(cal.time_zone, local)) {
                j["start_utc"] = utc_text(*utc);
                j["end_utc"] = utc_text(*utc + o.duration);
            }
        }
        j["organiser"] = o.organiser.empty() ? json(nullptr) : json(o.organiser);
        j["organisers"] = o.organisers();
        j["audiences"] = o.audiences;
        j["fixed"] = o.fixed;
        j["window"] = o.window ? json{{"first", day_text(o.window->first)},
                                      {"last", day_text(o.window->last)}}
                               : json(nullptr);
        j["deadline"] = o.deadline ? json(day_text(*o.deadline)) : json(nullptr);
        j["status"] = to_string(o.status);
        // Who sits: only for an occurrence a body with terms sits at.
        if (auto terms = terms_of(cal, o); !terms.empty()) {
            json list = json::array();
            for (const auto& s : terms) {
                const body_term* term = s.term;
                list.push_back({{"body", s.body},
                                {"from", term ? json(day_text(term->first)) : json(nullptr)},
                                {"to", term ? json(day_text(term->last)) : json(nullptr)},
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
                    end = end_clock(cal, o, std::nullopt);
                }
            } else if (auto found = to_utc(cal.time_zone, local)) {
                utc = *found;
                end = end_clock(cal, o, utc);
            } else {
                end = end_clock(cal, o, std::nullopt);
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
                    j.key("from").ascii(day_text(term->first));
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
                    j.key("to").ascii(day_text(term->last));
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
            j.key("first").ascii(day_text(o.window->first));
            j.key("last").ascii(day_text(o.window->last));
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
