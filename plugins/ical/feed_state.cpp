#include "feed_state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "cycle/read_file.hpp"
#include "cycle/text.hpp"

namespace cycle::ical {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        auto tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
        if (tab == std::string_view::npos) return out;
        start = tab + 1;
    }
}

// Printable UTF-8: no control bytes, no invalid sequences.
bool is_clean(std::string_view s) {
    return is_valid_utf8(s) && std::none_of(s.begin(), s.end(), [](char c) {
               return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
           });
}

bool is_utc_stamp(std::string_view s) {
    if (s.size() != 16 || s[8] != 'T' || s[15] != 'Z') return false;
    for (std::size_t i = 0; i < 15; ++i)
        if (i != 8 && (s[i] < '0' || s[i] > '9')) return false;
    return true;
}

bool is_fingerprint(std::string_view s) {
    return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// A field that may hold any text: backslash, tab, CR and LF escaped; appended to `out`.
void append_escaped_field(std::string& out, std::string_view text) {
    std::size_t plain = 0;  // the start of a run of bytes copied as they are
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) > '\\' ||
            (c != '\\' && c != '\t' && c != '\r' && c != '\n'))
            continue;
        out.append(text.substr(plain, i - plain));
        plain = i + 1;
        out += '\\';
        out += c == '\\' ? '\\' : c == '\t' ? 't' : c == '\r' ? 'r' : 'n';
    }
    out.append(text.substr(plain));
}

std::optional<std::string> unescape_field(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            out += text[i];
            continue;
        }
        if (++i == text.size()) return std::nullopt;
        switch (text[i]) {
            case '\\':
                out += '\\';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'n':
                out += '\n';
                break;
            default:
                return std::nullopt;
        }
    }
    return out;
}

// The lines a cancellation is written with: DTSTART, DTEND and SUMMARY
// content lines (folded lines continue with a space), each ending in CRLF.
bool is_event_lines(std::string_view s) {
    if (!is_valid_utf8(s)) return false;
    std::size_t start = 0;
    while (start < s.size()) {
        auto end = s.find("\r\n", start);
        if (end == std::string_view::npos) return false;
        std::string_view line = s.substr(start, end - start);
        if (line.find_first_of("\r\n") != std::string_view::npos) return false;
        if (!(line.rfind("DTSTART", 0) == 0 || line.rfind("DTEND", 0) == 0 ||
              line.rfind("SUMMARY", 0) == 0 || line.rfind(" ", 0) == 0))
            return false;
        start = end + 2;
    }
    return true;
}

bool is_feed_name(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.';
    });
}

// "all,eda,vror~20261127T100000Z~3"; "-" for none.
std::optional<std::map<std::string, feed_presence>> parse_feeds(std::string_view text) {
    std::map<std::string, feed_presence> out;
    if (text == "-") return out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto comma = text.find(',', start);
        std::string_view item =
            text.substr(start, comma == std::string_view::npos ? comma : comma - start);
        feed_presence presence;
        auto tilde = item.find('~');
        std::string_view name = item.substr(0, tilde);
        if (!is_feed_name(name)) return std::nullopt;
        if (tilde != std::string_view::npos) {
            std::string_view rest = item.substr(tilde + 1);
            auto second = rest.find('~');
            if (second == std::string_view::npos) return std::nullopt;
            std::string_view gone = rest.substr(0, second), seq = rest.substr(second + 1);
            if (!is_utc_stamp(gone)) return std::nullopt;
            auto [p, e] =
                std::from_chars(seq.data(), seq.data() + seq.size(), presence.cancel_sequence);
            if (e != std::errc{} || p != seq.data() + seq.size() ||
                presence.cancel_sequence > feed_state::max_sequence)
                return std::nullopt;
            presence.gone = std::string(gone);
        }
        out[std::string(name)] = presence;
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

// "all,eda,vror~20261127T100000Z~3", or "-" for none; appended to `out`.
void append_feeds(std::string& out, const std::map<std::string, feed_presence>& feeds) {
    if (feeds.empty()) {
        out += '-';
        return;
    }
    bool first = true;
    for (const auto& [name, p] : feeds) {
        if (!first) out += ',';
        first = false;
        out += name;
        if (!p.gone.empty())
            fmt::format_to(std::back_inserter(out), "~{}~{}", p.gone, p.cancel_sequence);
    }
}

// Seconds since 1970 of "YYYYMMDDTHHMMSSZ" (checked by is_utc_stamp).
long long seconds_of(std::string_view stamp) {
    const auto num = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (stamp[i] - '0');
        return v;
    };
    const date::year_month_day ymd{date::year{num(0, 4)}, date::month(unsigned(num(4, 2))),
                                   date::day(unsigned(num(6, 2)))};
    const date::sys_days day{ymd};
    return day.time_since_epoch().count() * 86400LL + num(9, 2) * 3600LL + num(11, 2) * 60LL +
           num(13, 2);
}

}  // namespace

std::string fingerprint(std::string_view content) {
    return fingerprint(content, {});
}

std::string fingerprint(std::string_view first, std::string_view second) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (std::string_view part : {first, second})
        for (unsigned char c : part) {
            h ^= c;
            h *= 0x100000001b3ULL;
        }
    std::string out(16, '0');
    static constexpr char digits[] = "0123456789abcdef";
    for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = digits[h & 0xf];
    return out;
}

result<feed_state> feed_state::load(const std::filesystem::path& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found) return feed_state{};
    if (ec) return error{fmt::format("cannot read feed state: {}", ec.message()), {path.string()}};
    if (status.type() != std::filesystem::file_type::regular)
        return error{
            "the feed state is not a regular file (a directory or a FIFO?); move it away "
            "or give another --out",
            {path.string()}};
    auto text = read_file(path, "feed state");
    if (!text) return text.errors();
    return parse(*text, path.string());
}

result<feed_state> feed_state::parse(std::string_view text, const std::string& name) {
    feed_state state;
    int number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        ++number;
        auto end = text.find('\n', start);
        std::string_view line =
            text.substr(start, end == std::string_view::npos ? end : end - start);
        start = end == std::string_view::npos ? text.size() : end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        auto fields = split_tabs(line);
        unsigned sequence = 0;
        bool ok =
            (fields.size() == 4 || fields.size() == 6) && !fields[0].empty() && is_clean(fields[0]);
        if (ok) {
            auto [p, e] =
                std::from_chars(fields[1].data(), fields[1].data() + fields[1].size(), sequence);
            ok = e == std::errc{} && p == fields[1].data() + fields[1].size() &&
                 sequence <= max_sequence;
        }
        ok = ok && is_utc_stamp(fields[2]) && is_fingerprint(fields[3]);
        std::optional<std::map<std::string, feed_presence>> feeds{std::in_place};
        std::optional<std::string> lines{std::in_place};
        if (ok && fields.size() == 6) {
            feeds = parse_feeds(fields[4]);
            lines = unescape_field(fields[5]);
            ok = feeds && lines && is_event_lines(*lines);
        }
        if (!ok)
            return error{
                "feed state: expected uid, sequence (0 to 2147483647), last-modified "
                "(YYYYMMDDTHHMMSSZ) and fingerprint (16 hex digits), and optionally the feeds "
                "and the event's lines, separated by tabs; delete the file to start the "
                "sequences again",
                {name, number, 1}};
        state.entries_[std::string(fields[0])] = {sequence, std::string(fields[2]),
                                                  std::string(fields[3]), std::move(*feeds),
                                                  std::move(*lines)};
    }
    return state;
}

const published& feed_state::publish(const std::string& uid, std::string_view content,
                                     const std::string& now_utc) {
    return publish_print(uid, fingerprint(content), now_utc);
}

published& feed_state::publish_print(const std::string& uid, std::string print,
                                     const std::string& now_utc) {
    auto [it, added] = entries_.try_emplace(uid);
    if (added) {
        it->second.last_modified = now_utc;
        it->second.fingerprint = std::move(print);
        return it->second;
    }
    if (!added && it->second.fingerprint != print) {
        if (it->second.sequence < max_sequence) ++it->second.sequence;
        it->second.last_modified = now_utc;
        it->second.fingerprint = print;
    }
    return it->second;
}

std::size_t feed_state::begin_run(const std::map<std::string, std::vector<std::string>>& live,
                                  const std::string& now_utc) {
    if (entries_.empty()) return 0;  // the first publish: nothing left a feed
    // Which feeds of this run hold each event.
    std::size_t count = 0;
    for (const auto& [feed, uids] : live) count += uids.size();
    std::unordered_map<std::string_view, std::vector<std::string_view>> feeds_of;
    feeds_of.reserve(count);
    for (const auto& [feed, uids] : live)
        for (const auto& uid : uids) feeds_of[uid].push_back(feed);
    std::size_t left = 0;
    for (auto& [uid, p] : entries_) {
        const auto found = feeds_of.find(uid);
        bool counted = false;
        for (auto& [feed, presence] : p.feeds) {
            if (!live.count(feed)) continue;  // a feed this run does not write
            const bool there =
                found != feeds_of.end() &&
                std::find(found->second.begin(), found->second.end(), feed) != found->second.end();
            if (there && !presence.gone.empty()) {
                // Back in a feed where it was cancelled: only a higher
                // SEQUENCE replaces the cancellation in subscribers' clients.
                if (p.sequence <= presence.cancel_sequence) {
                    p.sequence = std::min(presence.cancel_sequence + 1, max_sequence);
                    p.last_modified = now_utc;
                }
                presence.gone.clear();
            } else if (!there && presence.gone.empty() && !p.last_lines.empty()) {
                presence.gone = now_utc;
                presence.cancel_sequence = std::min(p.sequence + 1, max_sequence);
                if (!counted) ++left;
                counted = true;
            }
        }
    }
    return left;
}

void feed_state::published_in(const std::string& uid, const std::string& feed, std::string lines) {
    auto it = entries_.find(uid);
    if (it == entries_.end()) return;
    it->second.feeds[feed].gone.clear();
    it->second.last_lines = std::move(lines);
}

void feed_state::published_in(published& p, const std::string& feed, std::string_view lines) {
    p.feeds[feed].gone.clear();
    p.last_lines.assign(lines);
}

std::vector<cancelled_event> feed_state::cancelled_in(const std::string& feed,
                                                      const std::string& now_utc) const {
    std::vector<cancelled_event> out;
    const long long now = seconds_of(now_utc);
    for (const auto& [uid, p] : entries_) {
        auto f = p.feeds.find(feed);
        if (f == p.feeds.end() || f->second.gone.empty()) continue;
        // Cancelled long enough: no longer published, but remembered, so
        // that if it comes back its SEQUENCE is above the cancellation's.
        if (now - seconds_of(f->second.gone) >= cancelled_days * 86400LL) continue;
        out.push_back({uid, f->second.cancel_sequence, f->second.gone, p.last_lines});
    }
    return out;
}

std::vector<std::vector<cancelled_event>> feed_state::cancelled_in(
    const std::vector<std::string>& feeds, const std::string& now_utc) const {
    std::vector<std::vector<cancelled_event>> out(feeds.size());
    std::map<std::string_view, std::vector<std::size_t>> index;
    for (std::size_t f = 0; f < feeds.size(); ++f) index[feeds[f]].push_back(f);
    const long long now = seconds_of(now_utc);
    for (const auto& [uid, p] : entries_)
        for (const auto& [feed, presence] : p.feeds) {
            if (presence.gone.empty()) continue;
            auto wanted = index.find(feed);
            if (wanted == index.end()) continue;
            if (now - seconds_of(presence.gone) >= cancelled_days * 86400LL) continue;
            for (auto f : wanted->second)
                out[f].push_back({uid, presence.cancel_sequence, presence.gone, p.last_lines});
        }
    return out;
}

std::string feed_state::to_string() const {
    std::string text;
    (void)write([&](std::string_view piece) {
        text += piece;
        return result<bool>(true);
    });
    return text;
}

result<bool> feed_state::write(const std::function<result<bool>(std::string_view)>& sink) const {
    constexpr std::size_t piece_bytes = 1 << 18;
    std::string out =
        "# cycle ics feed state (docs/feeds.md): what each published event looked like, so that\n"
        "# SEQUENCE and LAST-MODIFIED change only when the event does, and an event that leaves\n"
        "# a feed is published there as cancelled for a while. Keep it next to the feeds.\n"
        "# uid\tsequence\tlast-modified\tfingerprint\tfeeds\tlines\n";
    // Appended piece by piece and streamed: the state of a large plan is
    // tens of megabytes (issue 12).
    for (const auto& [uid, p] : entries_) {
        out.append(uid).append("\t");
        fmt::format_to(std::back_inserter(out), "{}", p.sequence);
        out.append("\t").append(p.last_modified).append("\t").append(p.fingerprint);
        if (!p.feeds.empty() || !p.last_lines.empty()) {
            out += '\t';
            append_feeds(out, p.feeds);
            out += '\t';
            append_escaped_field(out, p.last_lines);
        }
        out += '\n';
        if (out.size() >= piece_bytes) {
            if (auto sent = sink(out); !sent) return sent;
            out.clear();
        }
    }
    return sink(out);
}

}  // namespace cycle::ical
