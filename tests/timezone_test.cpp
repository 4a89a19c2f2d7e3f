// Europe/Stockholm: CET/CEST and the two DST Sundays.
#include <catch2/catch.hpp>

#include "cycle/timezone.hpp"

using namespace cycle;
using namespace date;
using std::chrono::hours;
using std::chrono::minutes;

namespace {
local_seconds local(year_month_day d, hours h, minutes m = minutes{0}) {
    return local_days{d} + h + m;
}
}  // namespace

TEST_CASE("winter and summer offsets", "[timezone]") {
    auto winter = to_utc("Europe/Stockholm", local(2026_y / January / 15, hours{9}));
    REQUIRE(winter);
    CHECK(format("%F %R", *winter) == "2026-01-15 08:00");
    auto summer = to_utc("Europe/Stockholm", local(2026_y / May / 12, hours{9}));
    REQUIRE(summer);
    CHECK(format("%F %R", *summer) == "2026-05-12 07:00");
    CHECK(utc_offset("Europe/Stockholm", *summer) == hours{2});
    CHECK(to_local("Europe/Stockholm", *summer) == local(2026_y / May / 12, hours{9}));
}

TEST_CASE("02:30 on the last Sunday of March does not exist", "[timezone][dst]") {
    auto gap = to_utc("Europe/Stockholm", local(2026_y / March / 29, hours{2}, minutes{30}));
    REQUIRE_FALSE(gap);
    CHECK(gap.errors().front().message ==
          "2026-03-29 02:30 does not exist in Europe/Stockholm: the clocks go forward from 02:00 to 03:00");
    // Just before and after the gap are fine.
    CHECK(to_utc("Europe/Stockholm", local(2026_y / March / 29, hours{1}, minutes{59})));
    auto after = to_utc("Europe/Stockholm", local(2026_y / March / 29, hours{3}));
    REQUIRE(after);
    CHECK(format("%R", *after) == "01:00");
}

TEST_CASE("02:30 on the last Sunday of October is the earlier instant", "[timezone][dst]") {
    auto twice = to_utc("Europe/Stockholm", local(2026_y / October / 25, hours{2}, minutes{30}));
    REQUIRE(twice);
    CHECK(format("%F %R", *twice) == "2026-10-25 00:30");  // still CEST (+02:00)
    auto later = to_utc("Europe/Stockholm", local(2026_y / October / 25, hours{3}, minutes{30}));
    REQUIRE(later);
    CHECK(format("%R", *later) == "02:30");  // CET (+01:00)
}

TEST_CASE("an unknown zone is an error, not a crash", "[timezone]") {
    auto bad = to_utc("Europe/Stokholm", local(2026_y / May / 1, hours{9}));
    REQUIRE_FALSE(bad);
    CHECK(bad.errors().front().message == "unknown time zone 'Europe/Stokholm'");
}
