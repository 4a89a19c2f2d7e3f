// The constraint model (constraint.hpp) on a small calendar written here:
// what constraints_of yields, how bounds resolve against other occurrences'
// dates, what violations_of reports on fixed dates, and that the planner's
// dates satisfy the very constraints the checker evaluates.
#include <catch2/catch.hpp>

#include <map>

#include "cycle/calendar.hpp"
#include "cycle/constraint.hpp"
#include "cycle/plan.hpp"

using namespace date;

namespace {

// 2026: 1 May is Första maj (a Friday), 14 May Kristi himmelsfärdsdag.
cycle::calendar small() {
    auto cal = cycle::load_calendar_string(R"([cycle]
id = "small"
title = "Small"
first_year = 2026
last_year = 2026

[[body]]
id = "board"
name = "Styrelsen"

[[body]]
id = "towns"
name = "Kommunerna"
members = ["a", "b"]

[[body]]
id = "a"
name = "A kommun"

[[body]]
id = "b"
name = "B kommun"

[[event]]
id = "seminar"
title = "Seminarium"
kind = "meeting"
audiences = ["board"]
month = 5
deadline = { month = 5, day = 20 }

[[event]]
id = "invite"
title = "Inbjudan"
kind = "milestone"
audiences = ["board"]
relative_to = "seminar"
offset = "-2w"

[[event]]
id = "dialogue"
title = "Dialog"
kind = "dialogue"
months = [5, 6]
after = ["seminar"]
gap_days = 7
per_member = { body = "towns", max_per_day = 1, max_per_week = 1, buffer_days = 0 }

[[closure]]
name = "Lov"
bodies = ["a"]
years = [2026]
weeks = [22]
)",
                                           "small.toml");
    REQUIRE(cal);
    return std::move(cal).value();
}

// Dates of other occurrences, as a test gives them.
struct given_dates final : cycle::dated_occurrences {
    std::map<std::string, std::vector<cycle::day_span>, std::less<>> dates;
    std::span<const cycle::day_span> of(std::string_view event) const override {
        auto it = dates.find(event);
        if (it == dates.end()) return {};
        return it->second;
    }
};

std::vector<std::string> rules(const std::vector<cycle::constraint>& cs) {
    std::vector<std::string> out;
    for (const auto& c : cs) out.emplace_back(c.rule);
    return out;
}

cycle::holiday_calendar holidays_2026() {
    auto h = cycle::holiday_calendar::for_years(cycle::swedish_holiday_provider(), 2025_y, 2027_y);
    REQUIRE(h);
    return std::move(h).value();
}

}  // namespace

TEST_CASE("constraints_of: each kind with its rule id and place", "[constraint]") {
    const auto cal = small();
    const auto holidays = holidays_2026();
    auto seminar = cycle::constraints_of(cal, holidays, *cal.find_event("seminar"), "", 2026);
    REQUIRE(seminar);
    CHECK(rules(*seminar) == std::vector<std::string>{"outside-window", "deadline-missed",
                                                      "working-day", "short-day", "body-clash"});
    const auto* window = cycle::find_constraint<cycle::window_constraint>(*seminar);
    REQUIRE(window);
    CHECK(window->days.first == sys_days{2026_y / May / 1});
    CHECK(window->days.last == sys_days{2026_y / May / 31});
    CHECK(seminar->at(1).where->file == "small.toml");
    CHECK(seminar->at(1).where->line > 0);

    auto invite = cycle::constraints_of(cal, holidays, *cal.find_event("invite"), "", 2026);
    REQUIRE(invite);
    // An offset has no window of its own.
    CHECK(rules(*invite) == std::vector<std::string>{"offset", "working-day"});

    auto dialogue = cycle::constraints_of(cal, holidays, *cal.find_event("dialogue"), "a", 2026);
    REQUIRE(dialogue);
    CHECK(rules(*dialogue) == std::vector<std::string>{"outside-window", "precedence", "working-day",
                                                       "caps", "short-day", "body-clash"});
    // A full-day event books its bodies: the member of a per-member one.
    const auto* clash = cycle::find_constraint<cycle::clash_constraint>(*dialogue);
    REQUIRE(clash);
    CHECK(clash->bodies == std::vector<std::string>{"a"});
    const auto* working = cycle::find_constraint<cycle::working_day_constraint>(*dialogue);
    REQUIRE(working);
    CHECK(working->bodies.front() == "a");
    const auto* caps = cycle::find_constraint<cycle::caps_constraint>(*dialogue);
    REQUIRE(caps);
    CHECK(caps->max_per_week == 1);
}

TEST_CASE("bound_of: after and offset resolve against the other occurrences' dates", "[constraint]") {
    const auto cal = small();
    const auto holidays = holidays_2026();
    given_dates none;
    given_dates seminar;
    seminar.dates["seminar"] = {{sys_days{2026_y / May / 5}, sys_days{2026_y / May / 5}},
                                {sys_days{2026_y / May / 12}, sys_days{2026_y / May / 13}}};
    auto dialogue = cycle::constraints_of(cal, holidays, *cal.find_event("dialogue"), "a", 2026);
    REQUIRE(dialogue);
    const cycle::constraint& after = dialogue->at(1);
    CHECK_FALSE(cycle::bound_of(after, none));  // nothing to come after yet
    auto b = cycle::bound_of(after, seminar);
    REQUIRE(b);
    CHECK(b->other == 1);  // the latest last day
    CHECK(b->other_day == sys_days{2026_y / May / 13});
    CHECK(*b->first_from == sys_days{2026_y / May / 21});  // + 1 + a gap of 7

    auto invite = cycle::constraints_of(cal, holidays, *cal.find_event("invite"), "", 2026);
    REQUIRE(invite);
    auto o = cycle::bound_of(invite->front(), seminar);
    REQUIRE(o);
    CHECK(o->other == 0);  // before: the earliest first day
    CHECK(*o->first_until == sys_days{2026_y / April / 21});
    CHECK_FALSE(o->first_from);
}

TEST_CASE("violations_of: broken constraints on fixed dates", "[constraint]") {
    const auto cal = small();
    const auto holidays = holidays_2026();
    given_dates seminar;
    seminar.dates["seminar"] = {{sys_days{2026_y / May / 12}, sys_days{2026_y / May / 12}}};
    auto seminar_cs = cycle::constraints_of(cal, holidays, *cal.find_event("seminar"), "", 2026);
    REQUIRE(seminar_cs);
    auto at = [&](const std::vector<cycle::constraint>& cs, sys_days d) {
        std::vector<std::string> out;
        for (const auto& v : cycle::violations_of(cs, {d, d}, seminar, cal, holidays))
            out.push_back(v.rule);
        return out;
    };
    CHECK(at(*seminar_cs, sys_days{2026_y / May / 12}).empty());
    // Kristi himmelsfärdsdag, and its eve: a short day for a full-day meeting.
    CHECK(at(*seminar_cs, sys_days{2026_y / May / 14}) == std::vector<std::string>{"holiday"});
    CHECK(at(*seminar_cs, sys_days{2026_y / May / 13}) == std::vector<std::string>{"short-day"});
    // After the deadline and outside the window: the deadline says more.
    CHECK(at(*seminar_cs, sys_days{2026_y / June / 2}) == std::vector<std::string>{"deadline-missed"});
    CHECK(at(*seminar_cs, sys_days{2026_y / May / 23}) ==
          std::vector<std::string>{"deadline-missed", "weekend"});

    auto a = cycle::constraints_of(cal, holidays, *cal.find_event("dialogue"), "a", 2026);
    REQUIRE(a);
    // Too soon after the seminar (gap 7: not before 20 May).
    auto v = cycle::violations_of(*a, {sys_days{2026_y / May / 19}, sys_days{2026_y / May / 19}},
                                  seminar, cal, holidays);
    REQUIRE(v.size() == 1);
    CHECK(v.front().rule == "precedence");
    CHECK(v.front().bound.other_day == sys_days{2026_y / May / 12});
    // Week 22 is A's closure, not B's.
    const sys_days closed{2026_y / May / 27};
    CHECK(at(*a, closed) == std::vector<std::string>{"closure"});
    auto b = cycle::constraints_of(cal, holidays, *cal.find_event("dialogue"), "b", 2026);
    REQUIRE(b);
    CHECK(at(*b, closed).empty());

    auto invite = cycle::constraints_of(cal, holidays, *cal.find_event("invite"), "", 2026);
    REQUIRE(invite);
    // Two weeks before the seminar on 12 May: on or before 28 April.
    CHECK(at(*invite, sys_days{2026_y / April / 29}) == std::vector<std::string>{"offset"});
    CHECK(at(*invite, sys_days{2026_y / April / 28}).empty());
}

TEST_CASE("the planner's dates satisfy the constraints a check evaluates", "[constraint][planner]") {
    const auto cal = small();
    const auto holidays = holidays_2026();
    auto p = cycle::make_plan(cal, {.year = 2026, .fixed = nullptr, .holidays = nullptr});
    REQUIRE(p);
    REQUIRE(p->occurrences.size() == 4);
    given_dates placed;
    for (const auto& o : p->occurrences) placed.dates[o.event].push_back({o.date, o.end_date});
    for (const auto& o : p->occurrences) {
        INFO(o.to_string());
        auto cs = cycle::constraints_of(cal, holidays, *cal.find_event(o.event), o.member, 2026);
        REQUIRE(cs);
        CHECK(cycle::violations_of(*cs, {o.date, o.end_date}, placed, cal, holidays).empty());
        // The facts are kept; the words are made on demand.
        CHECK_FALSE(o.explanation.empty());
        CHECK_FALSE(cycle::explain(cal, o).empty());
    }
}
