#include "feed_state.hpp"

#include "cycle/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "cycle/read_file.hpp"

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

}  // namespace

std::string fingerprint(std::string_view content) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : content) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return fmt::format("{:016x}", h);
}

result<feed_state> feed_state::load(const std::filesystem::path& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found) return feed_state{};
    if (ec) return error{fmt::format("cannot read feed state: {}", ec.message()), {path.string()}};
    if (status.type() != std::filesystem::file_type::regular)
        return error{"the feed state is not a regular file (a directory or a FIFO?); move it away "
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
        bool ok = fields.size() == 4 && !fields[0].empty() && is_clean(fields[0]);
        if (ok) {
            auto [p, e] =
                std::from_chars(fields[1].data(), fields[1].data() + fields[1].size(), sequence);
            ok = e == std::errc{} && p == fields[1].data() + fields[1].size() &&
                 sequence <= max_sequence;
        }
        ok = ok && is_utc_stamp(fields[2]) && is_fingerprint(fields[3]);
        if (!ok)
            return error{
                "feed state: expected uid, sequence (0 to 2147483647), last-modified "
                "(YYYYMMDDTHHMMSSZ) and fingerprint (16 hex digits) separated by tabs; delete "
                "the file to start the sequences again",
                {name, number, 1}};
        state.entries_[std::string(fields[0])] = {sequence, std::string(fields[2]),
                                                  std::string(fields[3])};
    }
    return state;
}

const published& feed_state::publish(const std::string& uid, std::string_view content,
                                     const std::string& now_utc) {
    auto print = fingerprint(content);
    auto [it, added] = entries_.try_emplace(uid, published{0, now_utc, print});
    if (!added && it->second.fingerprint != print) {
        if (it->second.sequence < max_sequence) ++it->second.sequence;
        it->second.last_modified = now_utc;
        it->second.fingerprint = print;
    }
    return it->second;
}

std::string feed_state::to_string() const {
    std::string out =
        "# cycle ics feed state (docs/feeds.md): what each published event looked like, so that\n"
        "# SEQUENCE and LAST-MODIFIED change only when the event does. Keep it next to the feeds.\n"
        "# uid\tsequence\tlast-modified\tfingerprint\n";
    for (const auto& [uid, p] : entries_)
        out += fmt::format("{}\t{}\t{}\t{}\n", uid, p.sequence, p.last_modified, p.fingerprint);
    return out;
}

}  // namespace cycle::ical
