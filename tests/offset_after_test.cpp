// An offset (relative_to + offset) with an `after` too: the planner keeps
// both, as the checks evaluate both. On a small calendar written here.
#include <catch2/catch.hpp>
#include <map>

#include "cycle/calendar.hpp"
#include "cycle/constraint.hpp"
#include "cycle/explanation.hpp"
#include "cycle/plan.hpp"

using namespace date;

namespace {

// 2026: the seminar on Monday 4 May (1 May is Första maj), the review on
// Monday 1 June. The follow-up is a week after the seminar (11 May) but
// must also come after the review.
const char* wheel = R"([cycle]
id = "offsets"
title = "Offsets"
first_year = 2026
last_year = 2026

[[body]]
id = "board"
name = "Styrelsen"

[[event]]
id = "seminar"
title = "Seminarium"
kind = "meeting"
audiences = ["board"]
month = 5

[[event]]
id = "review"
title = "Granskning"
kind = "meeting"
audiences = ["board"]
month = 6

[[event]]
id = "followup"
title = "Uppföljning"
kind = "meeting"
audiences = ["board"]
relative_to = "seminar"
offset = "+1w"
after = ["review"]
)";

cycle::calendar load(const std::string& text) {
    auto cal = cycle::load_calendar_string(text, "offsets.toml");
    if (!cal)
        for (const auto& e : cal.errors()) FAIL(e.to_string());
    return std::move(cal).value();
}

struct placed_dates final : cycle::dated_occurrences {
    std::map<std::string, std::vector<cycle::day_span>, std::less<>> dates;
    std::span<const cycle::day_span> of(std::string_view event) const override {
        auto it = dates.find(event);
        if (it == dates.end()) return {};
        return it->second;
    }
};

}  // namespace

TEST_CASE("planner: an offset after its anchor also comes after its predecessors",
          "[planner][offset]") {
    const auto cal = load(wheel);
    auto p = cycle::make_plan(cal, {.year = 2026, .fixed = nullptr, .holidays = nullptr});
    REQUIRE(p);
    placed_dates placed;
    const cycle::occurrence* followup = nullptr;
    for (const auto& o : p->occurrences) {
        placed.dates[o.event].push_back({o.date, o.end_date});
        if (o.event == "followup") followup = &o;
    }
    REQUIRE(followup);
    // Not 11 May (the offset's day): the day after the review.
    CHECK(followup->date == sys_days{2026_y / June / 2});
    auto h = cycle::holiday_calendar::for_years(cycle::swedish_holiday_provider(), 2025_y, 2027_y);
    REQUIRE(h);
    auto cs = cycle::constraints_of(cal, *h, *cal.find_event("followup"), "", 2026);
    REQUIRE(cs);
    CHECK(cycle::violations_of(*cs, {followup->date, followup->end_date}, placed, cal, *h).empty());
    CHECK(cycle::explain(cal, *followup).find("not before 2026-06-02: after review") !=
          std::string::npos);
}

TEST_CASE(
    "planner: an offset before its anchor that cannot come after its predecessors is an error",
    "[planner][offset]") {
    std::string text = wheel;
    text.replace(text.find("offset = \"+1w\""), 14, "offset = \"-1w\"");
    const auto cal = load(text);
    auto p = cycle::make_plan(cal, {.year = 2026, .fixed = nullptr, .holidays = nullptr});
    REQUIRE_FALSE(p);
    CHECK(p.errors().front().message ==
          "cannot plan 'Uppföljning' (followup) in 2026: its offset puts it on or before "
          "2026-04-27 but it must come after review (last 2026-06-01)");
}
