#include "feed_state.hpp"

#include <fmt/format.h>

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
    feed_state state;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return state;
    auto text = read_file(path, "feed state");
    if (!text) return text.errors();
    return parse(*text, path.string());
}

result<feed_state> feed_state::parse(std::string_view text, const std::string& name) {
    std::istringstream in{std::string(text)};
    return read(in, name);
}

result<feed_state> feed_state::read(std::istream& in, const std::string& name) {
    feed_state state;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        auto fields = split_tabs(line);
        unsigned sequence = 0;
        bool ok = fields.size() == 4 && !fields[0].empty();
        if (ok) {
            auto [p, e] =
                std::from_chars(fields[1].data(), fields[1].data() + fields[1].size(), sequence);
            ok = e == std::errc{} && p == fields[1].data() + fields[1].size();
        }
        if (!ok)
            return error{
                "feed state: expected uid, sequence, last-modified and fingerprint separated "
                "by tabs; delete the file to start the sequences again",
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
        ++it->second.sequence;
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
