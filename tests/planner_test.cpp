// The planner's default policy on the real wheels.
#include <catch2/catch.hpp>

#include <date/iso_week.h>

#include <map>
#include <set>

#include "cycle/holidays.hpp"
#include "cycle/plan.hpp"

using namespace cycle;
using namespace date;

namespace {

plan plan_of(const calendar& cal, std::optional<int> year) {
    plan_request request;
    request.year = year;
    auto p = make_plan(cal, request);
    if (!p)
        for (const auto& e : p.errors()) UNSCOPED_INFO(e.to_string());
    REQUIRE(p);
    return std::move(p).value();
}

std::vector<occurrence> of_event(const plan& p, const std::string& id) {
    std::vector<occurrence> out;
    for (const auto& o : p.occurrences)
        if (o.event == id) out.push_back(o);
    return out;
}

occurrence only(const plan& p, const std::string& id) {
    auto all = of_event(p, id);
    REQUIRE(all.size() == 1);
    return all.front();
}

}  // namespace

TEST_CASE("the whole cycle covers all four years, year 3 and the year after", "[planner]") {
    const calendar& cal = default_calendar();
    plan p = plan_of(cal, std::nullopt);
    CHECK(p.first_year == 2025);
    CHECK(p.last_year == 2029);
    std::map<int, int> seminars;
    for (const auto& o : of_event(p, "seminar")) ++seminars[o.cycle_year];
    CHECK(seminars == std::map<int, int>{{2025, 1}, {2026, 1}, {2027, 1}, {2028, 1}});
    auto inputs = of_event(p, "revision-input");
    CHECK(inputs.size() == 17);
    for (const auto& o : inputs) CHECK(o.cycle_year == 2027);
    CHECK(of_event(p, "revision-input-compilation").size() == 1);
    CHECK_FALSE(of_event(p, "local-adoption").empty());
    for (const auto& o : of_event(p, "local-adoption")) CHECK(o.cycle_year == 2029);
    // Sorted by date.
    for (std::size_t i = 1; i < p.occurrences.size(); ++i)
        CHECK(p.occurrences[i - 1].date <= p.occurrences[i].date);
}

TEST_CASE("each of the six recurring events falls in its month", "[planner]") {
    const calendar& cal = default_calendar();
    for (int y = 2025; y <= 2028; ++y) {
        plan p = plan_of(cal, y);
        auto month_of = [&](const std::string& id) { return unsigned(year_month_day{only(p, id).date}.month()); };
        CHECK(month_of("seminar") == 5);
        CHECK(month_of("aktualitetskonferens") == 8);
        CHECK(month_of("inspirationskonferens") == 11);
        CHECK(month_of("vror-dialogue") == 12);
        CHECK(month_of("inriktningsmote") == 1);
        CHECK(int(year_month_day{only(p, "inriktningsmote").date}.year()) == y + 1);
    }
}

TEST_CASE("the 17 local dialogues are spread, capped, on working days, before the deadline", "[planner]") {
    const calendar& cal = default_calendar();
    auto holidays =
        holiday_calendar::for_years(cycle::swedish_holiday_provider(), year{2025}, year{2029});
    REQUIRE(holidays);
    for (int y = 2025; y <= 2028; ++y) {
        plan p = plan_of(cal, y);
        auto dialogues = of_event(p, "local-dialogue");
        REQUIRE(dialogues.size() == 17);
        std::set<std::string> members;
        std::set<sys_days> days_used;
        std::map<unsigned, int> per_week;
        sys_days last = dialogues.front().date;
        for (const auto& o : dialogues) {
            members.insert(o.member);
            days_used.insert(o.date);
            ++per_week[o.iso_week()];
            last = std::max(last, o.date);
            weekday wd{o.date};
            CHECK(wd != Saturday);
            CHECK(wd != Sunday);
            CHECK(holidays->on(year_month_day{o.date}) == nullptr);
            CHECK(o.date >= sys_days{year{y} / September / 1});
            // Seven buffer days before the 31 October deadline are kept free.
            CHECK(o.date <= sys_days{year{y} / October / 24});
            // Höstlov (week 44) closes the municipalities.
            if (o.member != "region-varmland") CHECK(o.iso_week() != 44);
            CHECK(o.audiences.front() == o.member);
            CHECK_FALSE(o.explanation.empty());
        }
        CHECK(members.size() == 17);
        CHECK(days_used.size() == 17);  // at most one a day
        for (auto [week, n] : per_week) CHECK(n <= 3);
        // Spread: from the first weeks to the last weeks of the window.
        CHECK(per_week.size() >= 6);
        // The order of the wheel: dialogues -> compilation -> December -> January.
        sys_days compilation = only(p, "compilation").date;
        CHECK(compilation > last);
        CHECK(only(p, "vror-dialogue").date > compilation);
        CHECK(only(p, "inriktningsmote").date > only(p, "vror-dialogue").date);
        // The instructions go out before the first dialogue.
        CHECK(only(p, "dialogue-instructions").date < dialogues.front().date);
    }
}

TEST_CASE("meetings avoid holidays: the seminar is not on Kristi himmelsfärd", "[planner]") {
    const calendar& cal = default_calendar();
    auto holidays =
        holiday_calendar::for_years(cycle::swedish_holiday_provider(), year{2025}, year{2031});
    REQUIRE(holidays);
    plan p = plan_of(cal, std::nullopt);
    for (const auto& o : p.occurrences) {
        const event_template* e = cal.find_event(o.event);
        if (!e->working_days_only || e->kind == event_kind::window) continue;
        INFO(o.to_string() << " on " << format("%F", o.date));
        CHECK(holidays->on(year_month_day{o.date}) == nullptr);
        CHECK(weekday{o.date} != Saturday);
        CHECK(weekday{o.date} != Sunday);
    }
    // 2026: 14 May is Kristi himmelsfärdsdag, mid-May: the seminar is elsewhere.
    plan y2026 = plan_of(cal, 2026);
    CHECK(only(y2026, "seminar").date != sys_days{2026_y / May / 14});
    CHECK(cycle::explain(cal, only(y2026, "seminar")).find("Kristi himmelsfärdsdag") != std::string::npos);
}

TEST_CASE("windows span their window and deadlines fall on their day", "[planner]") {
    plan p = plan_of(default_calendar(), 2026);
    const occurrence window = only(p, "local-dialogue-window");
    CHECK(window.date == sys_days{2026_y / September / 1});
    CHECK(window.end_date == sys_days{2026_y / October / 31});
    // 31 October 2026 is a Saturday (and Alla helgons dag): the deadline
    // moves to the last working day before it (on_day_off = "previous").
    CHECK(only(p, "local-dialogue-deadline").date == sys_days{2026_y / October / 30});
}

TEST_CASE("relative rules keep their lead time when moved", "[planner]") {
    plan p = plan_of(default_calendar(), 2026);
    auto dialogues = of_event(p, "local-dialogue");
    const occurrence instructions = only(p, "dialogue-instructions");
    // Three weeks before the first dialogue, or earlier when that is not a working day.
    CHECK(instructions.date <= dialogues.front().date - days{21});
    CHECK(instructions.date >= dialogues.front().date - days{28});
}

TEST_CASE("the 2023 wheel plans from August 2023 to June 2024", "[planner]") {
    auto cal = load_calendar_file(std::string(CYCLE_SOURCE_DIR) + "/calendars/nya-perspektiv-2023.toml");
    REQUIRE(cal);
    plan p = plan_of(*cal, 2023);
    REQUIRE_FALSE(p.occurrences.empty());
    CHECK(p.occurrences.front().date >= sys_days{2023_y / August / 1});
    CHECK(p.occurrences.back().date <= sys_days{2024_y / July / 31});
    // The real VR/OR dates of 2023 are kept as the calendar names them.
    std::set<std::string> days;
    for (const auto& o : p.occurrences) days.insert(format("%F", o.date));
    for (const char* d : {"2023-08-25", "2023-09-15", "2023-10-20", "2023-11-24", "2023-12-15"})
        CHECK(days.count(d) == 1);
}

TEST_CASE("years outside the cycle are refused", "[planner][bad-input]") {
    const calendar& cal = default_calendar();
    plan_request request;
    request.year = 2031;
    auto p = make_plan(cal, request);
    REQUIRE_FALSE(p);
    CHECK(p.errors().front().message == "year 2031 is outside the cycle 2025–2028 (and the year after it, 2029)");
    request.year = 2024;
    CHECK_FALSE(make_plan(cal, request));
}

TEST_CASE("current_cycle_year clamps to the cycle", "[planner]") {
    const calendar& cal = default_calendar();
    CHECK(current_cycle_year(cal, sys_days{2026_y / November / 26}) == 2026);
    CHECK(current_cycle_year(cal, sys_days{2023_y / March / 1}) == 2025);
    CHECK(current_cycle_year(cal, sys_days{2035_y / March / 1}) == 2028);
}

TEST_CASE("audiences: a principal sees its own dialogue and what it attends", "[planner]") {
    const calendar& cal = default_calendar();
    plan p = plan_of(cal, 2026);
    auto eda = select(cal, p, {.audience = "eda", .from = {}, .to = {}});
    std::set<std::string> members;
    bool seminar = false;
    for (const auto& o : eda) {
        if (o.event == "local-dialogue") members.insert(o.member);
        seminar = seminar || o.event == "seminar";
    }
    CHECK(members == std::set<std::string>{"eda"});
    CHECK(seminar);  // the seminar's audience includes the principals
    // A date range.
    auto autumn = select(cal, p, {.audience = {}, .from = sys_days{2026_y / October / 1}, .to = sys_days{2026_y / October / 31}});
    for (const auto& o : autumn) CHECK(o.end_date >= sys_days{2026_y / October / 1});
    CHECK(autumn.size() < p.occurrences.size());
}
