// What the CLI used to do itself and the library does now: due over several
// cycle years, the audience check, reading a file, today in a zone. On small
// calendars written here, below the CLI.
#include <catch2/catch.hpp>

#include "cycle/due.hpp"
#include "cycle/read_file.hpp"
#include "cycle/timezone.hpp"
#include "support.hpp"

using namespace date;

namespace {

// A two-year wheel whose January meeting closes the cycle year before it.
cycle::calendar two_years() {
    auto cal = cycle::load_calendar_string(R"([cycle]
id = "two"
title = "Two years"
first_year = 2026
last_year = 2027

[[body]]
id = "board"
name = "Styrelsen"

[[body]]
id = "staff"
name = "Personalen"

[[event]]
id = "autumn"
title = "Höstmöte"
kind = "meeting"
audiences = ["board"]
month = 11

[[event]]
id = "kickoff"
title = "Uppstart"
kind = "meeting"
audiences = ["staff"]
month = 1
year_offset = 1
)",
                                           "two.toml");
    REQUIRE(cal);
    return std::move(cal).value();
}

cycle::result<cycle::due_report> due(const cycle::calendar& cal, sys_days today, int within,
                                     const std::string& audience = "") {
    cycle::due_request request;
    request.today = today;
    request.within_days = within;
    request.audience = audience;
    return cycle::find_due(cal, request);
}

}  // namespace

TEST_CASE("find_due plans every cycle year that reaches the range", "[due]") {
    const auto cal = two_years();
    // 20 Dec 2026 + 30 days reaches January 2027: cycle year 2026's kickoff
    // (year_offset 1) is due, and nothing of cycle year 2027 yet.
    auto r = due(cal, sys_days{2026_y / December / 20}, 30);
    REQUIRE(r);
    REQUIRE(r->due.size() == 1);
    CHECK(r->due.front().event == "kickoff");
    CHECK(r->due.front().cycle_year == 2026);
    // Nyårsdagen, then a weekend: the first working day of January 2027.
    CHECK(r->due.front().date == sys_days{2027_y / January / 4});
    // Only what concerns the audience.
    auto board = due(cal, sys_days{2026_y / October / 20}, 90, "board");
    REQUIRE(board);
    REQUIRE(board->due.size() == 1);
    CHECK(board->due.front().event == "autumn");
    auto unknown = due(cal, sys_days{2026_y / October / 20}, 90, "nobody");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.errors().front().to_string() ==
          "two.toml: error: unknown audience 'nobody'; the calendar's bodies are: board, staff");
}

TEST_CASE("check_audience: empty is everything, else a body", "[calendar]") {
    const auto cal = two_years();
    CHECK(cycle::check_audience(cal, ""));
    CHECK(cycle::check_audience(cal, "staff"));
    CHECK_FALSE(cycle::check_audience(cal, "Staff"));
}

TEST_CASE("read_file: bytes as they are, or an error naming the file", "[files]") {
    cycle::test::temp_dir dir;
    cycle::test::write_file(dir / "a.toml", "x = 1\r\n\xff");
    auto text = cycle::read_file(dir / "a.toml", "plan");
    REQUIRE(text);
    CHECK(*text == "x = 1\r\n\xff");
    auto missing = cycle::read_file(dir / "none.toml", "plan");
    REQUIRE_FALSE(missing);
    CHECK(missing.errors().front().to_string() ==
          (dir / "none.toml").string() + ": error: cannot read plan: No such file or directory");
    auto directory = cycle::read_file(dir.path(), "calendar");
    REQUIRE_FALSE(directory);
    CHECK(directory.errors().front().to_string() ==
          dir.path().string() + ": error: cannot read calendar: it is a directory");
    CHECK(cycle::read_file(dir / "none", "").errors().front().message.rfind("cannot read: ", 0) ==
          0);
}

TEST_CASE("today_in: the calendar day in a zone", "[timezone]") {
    // Stockholm is UTC+1 or +2: its day is the UTC day or the one after.
    const auto utc_day = floor<days>(std::chrono::system_clock::now());
    const auto stockholm = cycle::today_in("Europe/Stockholm");
    CHECK((stockholm == utc_day || stockholm == utc_day + days{1} ||
           stockholm == utc_day - days{1}));  // the clock may pass midnight in between
    const auto kiritimati = cycle::today_in("Pacific/Kiritimati");  // UTC+14
    CHECK((kiritimati == utc_day + days{1} || kiritimati == utc_day ||
           kiritimati == utc_day + days{2}));
}
