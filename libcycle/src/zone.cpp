// A TZif reader for the one zone a calendar names (zone.hpp). The layout is
// RFC 8536's; the answers are date's OS database's (date 3.0.1, tz.cpp:
// time_zone::init_impl, load_sys_info and get_info_impl), so that every
// instant, offset and abbreviation stays the same.
#include "cycle/zone.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace cycle {
namespace {

using namespace std::chrono;

// The earliest and latest instants date knows (year::min()/jan/1 and
// year::max()/dec/31); transitions before the first are moved to it.
const date::sys_seconds min_seconds{date::sys_days{date::year::min() / 1 / 1}};
const date::sys_seconds max_seconds{date::sys_days{date::year::max() / 12 / 31}};

constexpr std::size_t max_tzif_bytes = 1 << 20;  // real ones are under 4 KiB

// Big-endian reads over the file's bytes, refusing to run past the end.
class reader {
public:
    explicit reader(std::string_view bytes) : bytes_(bytes) {}
    bool has(std::uint64_t n) const { return n <= bytes_.size() - at_; }
    std::string_view take(std::size_t n) {
        auto s = bytes_.substr(at_, n);
        at_ += n;
        return s;
    }
    std::int64_t number(std::size_t width) {
        std::uint64_t v = 0;
        for (unsigned char c : take(width)) v = v << 8 | c;
        if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
        return static_cast<std::int64_t>(v);
    }
    void skip(std::uint64_t n) { at_ += static_cast<std::size_t>(n); }

private:
    std::string_view bytes_;
    std::size_t at_ = 0;
};

struct counts {
    std::uint64_t isut, isstd, leap, time, type, chars;
    std::uint64_t data_bytes(std::uint64_t time_width) const {
        return time * time_width + time + type * 6 + chars + leap * (time_width + 4) + isstd + isut;
    }
};

// The 44-byte header: "TZif", the version, 15 reserved bytes, six counts.
bool read_header(reader& r, char& version, counts& c) {
    if (!r.has(44) || r.take(4) != "TZif") return false;
    version = r.take(1)[0];
    r.skip(15);
    std::uint64_t* fields[] = {&c.isut, &c.isstd, &c.leap, &c.time, &c.type, &c.chars};
    for (auto* f : fields) {
        const auto n = r.number(4);
        if (n < 0) return false;
        *f = static_cast<std::uint64_t>(n);
    }
    return true;
}

// A zone name as date's OS database lists them: a relative path of plain
// parts, none hidden, none of the folders and files date leaves out.
bool plausible_name(std::string_view name) {
    if (name.empty() || name.size() > 255) return false;
    std::size_t begin = 0;
    while (begin <= name.size()) {
        auto end = name.find('/', begin);
        if (end == std::string_view::npos) end = name.size();
        const auto part = name.substr(begin, end - begin);
        if (part.empty() || part[0] == '.' || part.substr(0, 5) == "posix" || part == "right" ||
            part == "Factory")
            return false;
        for (char c : part)
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '+'))
                return false;
        begin = end + 1;
    }
    return true;
}

struct file_closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// The file's bytes, or nothing when it cannot be read as a small file.
std::optional<std::string> read_zone_file(const std::string& path) {
    std::unique_ptr<std::FILE, file_closer> f(std::fopen(path.c_str(), "rb"));
    if (!f) return std::nullopt;
    std::string bytes;
    char buffer[4096];
    for (;;) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, f.get());
        bytes.append(buffer, n);
        if (bytes.size() > max_tzif_bytes) return std::nullopt;
        if (n < sizeof buffer) break;
    }
    if (std::ferror(f.get())) return std::nullopt;  // a folder reads as an error
    return bytes;
}

}  // namespace

result<zone> zone::parse(std::string name, std::string_view tzif) {
    auto bad = [&](std::string_view why) {
        return error{fmt::format("time zone '{}': its zone file is not valid TZif ({})", name, why),
                     {}};
    };
    reader r(tzif);
    char version = 0;
    counts c{};
    if (!read_header(r, version, c)) return bad("no TZif header");
    std::uint64_t width = 4;
    if (version != '\0') {
        // Version 2 and later: the 64-bit data follows the 32-bit block.
        if (!r.has(c.data_bytes(4))) return bad("truncated");
        r.skip(c.data_bytes(4));
        char second = 0;
        if (!read_header(r, second, c)) return bad("no second header");
        if (second != version) return bad("versions differ");
        width = 8;
    }
    if (c.type == 0 || c.type > 256 || c.chars == 0) return bad("no local time types");
    if (c.time > 100'000 || c.chars > 100'000 || c.leap > 100'000 || c.isut > 256 || c.isstd > 256)
        return bad("counts out of range");
    if (!r.has(c.data_bytes(width))) return bad("truncated");
    if (c.leap != 0) return bad("leap seconds are not supported");

    zone z;
    z.name_ = std::move(name);
    std::vector<date::sys_seconds> times(c.time);
    for (auto& t : times) t = std::max(date::sys_seconds{seconds{r.number(width)}}, min_seconds);
    std::vector<std::uint8_t> indices(c.time);
    for (auto& i : indices) {
        i = static_cast<std::uint8_t>(r.take(1)[0]);
        if (i >= c.type) return bad("a transition names no local time type");
    }
    struct raw_kind {
        std::int64_t offset;
        bool is_dst;
        std::size_t abbrev;
    };
    std::vector<raw_kind> raw(c.type);
    for (auto& k : raw) {
        k.offset = r.number(4);
        k.is_dst = r.take(1)[0] != 0;
        k.abbrev = static_cast<unsigned char>(r.take(1)[0]);
        if (k.abbrev >= c.chars) return bad("an abbreviation outside the text");
        if (k.offset <= -(26 * 3600) || k.offset >= 26 * 3600)
            return bad("an offset over 25 hours");
    }
    const auto chars = r.take(c.chars);
    for (const auto& k : raw) {
        auto text = chars.substr(k.abbrev);
        text = text.substr(0, text.find('\0'));
        z.kinds_.push_back({seconds{k.offset}, k.is_dst, std::string(text)});
    }
    for (std::size_t i = 1; i < times.size(); ++i)
        if (times[i] < times[i - 1]) return bad("transitions out of order");

    // As date: a first transition at the earliest time, to the first
    // standard-time type (or the first type) when the file has none there.
    if (times.empty() || times.front() != min_seconds) {
        const auto standard =
            std::find_if(z.kinds_.begin(), z.kinds_.end(), [](const kind& k) { return !k.is_dst; });
        const auto first = standard == z.kinds_.end() ? 0 : standard - z.kinds_.begin();
        z.transitions_.push_back({min_seconds, static_cast<std::uint32_t>(first)});
    }
    for (std::size_t i = 0; i < times.size(); ++i) z.transitions_.push_back({times[i], indices[i]});
    // ... and without the transitions that change nothing (offset,
    // abbreviation and daylight saving as the one before).
    auto same = [&](const transition& a, const transition& b) {
        const kind& x = z.kinds_[a.kind];
        const kind& y = z.kinds_[b.kind];
        return x.offset == y.offset && x.abbrev == y.abbrev && x.is_dst == y.is_dst;
    };
    std::vector<transition> kept;
    kept.reserve(z.transitions_.size());
    for (const auto& t : z.transitions_)
        if (kept.empty() || !same(t, kept.back())) kept.push_back(t);
    z.transitions_ = std::move(kept);
    return z;
}

// date's load_sys_info: the span before transitions_[i].
date::sys_info zone::info_at(std::size_t i) const {
    date::sys_info r;
    const std::size_t from = i == 0 ? 0 : i - 1;
    const kind& k = kinds_[transitions_[from].kind];
    if (i != 0) {
        r.begin = transitions_[i - 1].at;
        r.end = i < transitions_.size() ? transitions_[i].at : max_seconds;
    } else {
        r.begin = min_seconds;
        r.end = 1 < transitions_.size() ? transitions_[1].at : max_seconds;
    }
    r.offset = k.offset;
    r.save = k.is_dst ? minutes{1} : minutes{0};
    r.abbrev = k.abbrev;
    return r;
}

date::sys_info zone::get_info(date::sys_seconds instant) const {
    const auto it =
        std::upper_bound(transitions_.begin(), transitions_.end(), instant,
                         [](const date::sys_seconds& x, const transition& t) { return x < t.at; });
    return info_at(static_cast<std::size_t>(it - transitions_.begin()));
}

date::local_info zone::get_info(date::local_seconds local) const {
    date::local_info i{};
    i.result = date::local_info::unique;
    auto tr = static_cast<std::size_t>(
        std::upper_bound(
            transitions_.begin(), transitions_.end(), local,
            [&](const date::local_seconds& x, const transition& t) {
                return date::sys_seconds{x.time_since_epoch()} - kinds_[t.kind].offset < t.at;
            }) -
        transitions_.begin());
    i.first = info_at(tr);
    auto tps = date::sys_seconds{(local - i.first.offset).time_since_epoch()};
    if (tps < i.first.begin + date::days{1} && tr != 0) {
        i.second = info_at(--tr);
        tps = date::sys_seconds{(local - i.second.offset).time_since_epoch()};
        if (tps < i.second.end && i.first.end != i.second.end) {
            i.result = date::local_info::ambiguous;
            std::swap(i.first, i.second);
        } else {
            i.second = {};
        }
    } else if (tps >= i.first.end && tr != transitions_.size()) {
        i.second = info_at(++tr);
        tps = date::sys_seconds{(local - i.second.offset).time_since_epoch()};
        if (tps < i.second.begin)
            i.result = date::local_info::nonexistent;
        else
            i.second = {};
    }
    return i;
}

result<const zone*> locate_zone(std::string_view name) {
    // The zones read so far, for the process (date keeps its database so
    // too): read once, never changed, never freed.
    static std::mutex guard;
    static std::map<std::string, std::unique_ptr<const zone>, std::less<>> zones;
    std::lock_guard lock(guard);
    if (auto it = zones.find(name); it != zones.end()) return it->second.get();
    const error unknown{fmt::format("unknown time zone '{}'", name), {}};
    if (!plausible_name(name)) return unknown;
    auto bytes = read_zone_file("/usr/share/zoneinfo/" + std::string(name));
    if (!bytes) return unknown;
    auto parsed = zone::parse(std::string(name), *bytes);
    if (!parsed) return parsed.errors();
    auto& kept = zones[std::string(name)];
    kept = std::make_unique<const zone>(std::move(*parsed));
    return kept.get();
}

}  // namespace cycle
