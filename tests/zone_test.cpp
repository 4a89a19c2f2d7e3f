// cycle::zone (zone.hpp) against date's OS database: the same answers over
// 1900-2200, and errors, never crashes, for names and files that are not zones.
#include "cycle/zone.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

using cycle::zone;
using date::local_days;
using date::local_info;
using date::local_seconds;
using date::sys_days;
using date::sys_info;
using date::sys_seconds;
using namespace date::literals;
using namespace std::chrono_literals;

namespace {

bool same(const sys_info& a, const sys_info& b) {
    return a.begin == b.begin && a.end == b.end && a.offset == b.offset && a.save == b.save &&
           a.abbrev == b.abbrev;
}

bool same(const local_info& a, const local_info& b) {
    return a.result == b.result && same(a.first, b.first) &&
           (a.result == local_info::unique || same(a.second, b.second));
}

std::string file_of(const std::string& name) {
    std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

TEST_CASE("every transition 1900-2200 as date's OS database has it", "[zone]") {
    // Stockholm (the calendar's), zones with half-hour daylight saving, a
    // negative one (Dublin's winter), no daylight saving, and UTC.
    for (const char* name : {"Europe/Stockholm", "America/New_York", "Australia/Lord_Howe",
                             "Europe/Dublin", "Asia/Kolkata", "Africa/Casablanca", "UTC"}) {
        INFO(name);
        auto ours = cycle::locate_zone(name);
        REQUIRE(ours);
        const date::time_zone* theirs = date::locate_zone(name);
        const auto end = sys_seconds{sys_days{2201_y / 1 / 1}};
        sys_seconds t{sys_days{1900_y / 1 / 1}};
        int transitions = 0;
        while (t < end) {
            const auto mine = (*ours)->get_info(t);
            const auto want = theirs->get_info(t);
            REQUIRE(same(mine, want));
            // Local times around the change: before, in the gap or overlap, after.
            for (long n : {-7200L, -3600L, -1800L, -1L, 0L, 1800L, 3540L, 3600L, 7200L, 90000L}) {
                const std::chrono::seconds d{n};
                const local_seconds l{want.begin.time_since_epoch() + want.offset + d};
                REQUIRE(same((*ours)->get_info(l), theirs->get_info(l)));
                REQUIRE((*ours)->to_local(want.begin + d) == theirs->to_local(want.begin + d));
            }
            t = want.end;
            ++transitions;
        }
        CHECK(transitions > 0);
    }
}

TEST_CASE("the same zone is read once", "[zone]") {
    auto a = cycle::locate_zone("Europe/Stockholm");
    auto b = cycle::locate_zone("Europe/Stockholm");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(*a == *b);
    CHECK((*a)->name() == "Europe/Stockholm");
}

TEST_CASE("names that are not zones are errors", "[zone]") {
    for (const char* name : {"", "Europe/Nowhere", "Europe", "../zoneinfo/UTC", "Europe/../UTC",
                             "/usr/share/zoneinfo/UTC", "Europe//Stockholm", ".hidden",
                             "posix/Europe/Stockholm", "right/UTC", "posixrules", "Factory",
                             "zone.tab", "tzdata.zi", "Europe/Stockholm/", "UTC\n"}) {
        INFO(name);
        auto z = cycle::locate_zone(name);
        REQUIRE_FALSE(z);
        CHECK_FALSE(z.errors().front().message.empty());
        // date agrees that it is no zone
        CHECK_THROWS(date::locate_zone(name));
    }
}

TEST_CASE("a corrupt or truncated zone file is an error, not a crash", "[zone]") {
    const std::string good = file_of("Europe/Stockholm");
    REQUIRE(good.size() > 100);
    REQUIRE(zone::parse("Europe/Stockholm", good));
    // Every truncation of the file.
    for (std::size_t n = 0; n + 60 < good.size(); ++n) {
        auto z = zone::parse("x", std::string_view(good).substr(0, n));
        CHECK_FALSE(z);
    }
    // Every byte of the headers and data replaced by hostile values: an
    // error or a zone that answers, never a read out of bounds.
    for (std::size_t i = 0; i < good.size(); ++i)
        for (char v : {'\x00', '\x7f', '\x80', '\xff'}) {
            std::string bad = good;
            bad[i] = v;
            auto z = zone::parse("x", bad);
            if (z) {
                (void)z->get_info(sys_seconds{sys_days{2026_y / 3 / 29}});
                (void)z->get_info(local_seconds{local_days{2026_y / 3 / 29}} + 2h + 30min);
            }
        }
    // Counts far past the data.
    std::string huge = good;
    for (std::size_t i = 20; i < 44; ++i) huge[i] = '\xff';
    auto z = zone::parse("x", huge);
    REQUIRE_FALSE(z);
    CHECK(z.errors().front().message.find("time zone 'x'") != std::string::npos);
    CHECK_FALSE(zone::parse("x", "TZif2"));
    CHECK_FALSE(zone::parse("x", std::string(44, '\0')));
}
