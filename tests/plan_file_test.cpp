// Plan files: fixed dates override the planner; written plans read back the same.
#include <catch2/catch.hpp>

#include "cycle/plan.hpp"
#include "cycle/plan_file.hpp"
#include "cycle/plan_output.hpp"

using namespace cycle;
using namespace date;

namespace {

plan_file read(const std::string& text, const calendar& cal = default_calendar()) {
    auto pf = load_plan_string(text, "plan.toml", cal);
    if (!pf)
        for (const auto& e : pf.errors()) UNSCOPED_INFO(e.to_string());
    REQUIRE(pf);
    return std::move(pf).value();
}

std::vector<std::string> errors_of(const std::string& text) {
    auto pf = load_plan_string(text, "plan.toml", default_calendar());
    std::vector<std::string> out;
    if (pf) return out;
    for (const auto& e : pf.errors())
        out.push_back(std::to_string(e.where.line) + ":" + std::to_string(e.where.column) + ": " + e.message);
    return out;
}

using lines = std::vector<std::string>;

const std::string header = "calendar = \"nya-perspektiv-2025-2028\"\n";

// What a plan says, without how it was placed.
std::vector<std::string> dates_of(const plan& p) {
    std::vector<std::string> out;
    for (const auto& o : p.occurrences)
        out.push_back(o.to_string() + " " + format("%F", o.date) + " " + format("%F", o.end_date) + " " +
                      (o.start_time ? std::to_string(o.start_time->count()) + "+" + std::to_string(o.duration.count()) : "all-day"));
    return out;
}

}  // namespace

TEST_CASE("a written plan reads back as the same plan", "[plan-file]") {
    for (std::optional<int> year : {std::optional<int>{2026}, std::optional<int>{2027}, std::optional<int>{}}) {
        const calendar& cal = default_calendar();
        auto proposal = make_plan(cal, {.year = year, .fixed = nullptr});
        REQUIRE(proposal);
        std::string text = write_plan_file(cal, *proposal);
        plan_file pf = read(text);
        CHECK(pf.entries.size() == proposal->occurrences.size());
        // Written as proposals: every entry is "proposed", but the history
        // the calendar holds (held = true).
        for (const auto& e : pf.entries) CHECK(e.proposed != (e.status == occurrence_status::held));
        auto again = make_plan(cal, {.year = year, .fixed = &pf});
        REQUIRE(again);
        CHECK(dates_of(*again) == dates_of(*proposal));
        for (const auto& o : again->occurrences) CHECK(o.fixed);
        // Read back as fixed dates, the plan writes as confirmed ones: the
        // same file without its status = "proposed" lines, and without the
        // "# preliminärt: why" comments (a fixed date is no longer a guess).
        std::string confirmed = text;
        for (auto at = confirmed.find("status = \"proposed\"\n"); at != std::string::npos;
             at = confirmed.find("status = \"proposed\"\n"))
            confirmed.erase(at, 20);
        for (auto at = confirmed.find("\n# preliminärt: "); at != std::string::npos;
             at = confirmed.find("\n# preliminärt: "))
            confirmed.erase(at + 1, confirmed.find('\n', at + 1) - at);
        CHECK(write_plan_file(cal, *again) == confirmed);
        // Re-planned around nothing fixed (what `cycle plan --plan` does), the
        // proposals come back as the same file.
        auto replanned = make_plan(cal, {.year = year, .fixed = nullptr});
        REQUIRE(replanned);
        const plan_file only_fixed = fixed_entries(pf);
        for (const auto& e : only_fixed.entries) CHECK(e.status == occurrence_status::held);
        CHECK(write_plan_file(cal, *replanned) == text);
    }
}

TEST_CASE("fixed dates override the proposal and the planner fills in the rest", "[plan-file]") {
    const calendar& cal = default_calendar();
    plan_file pf = read(header + R"(
[[occurrence]]
event = "seminar"
date = 2026-05-05
start = "10:00"
duration = "5h"

[[occurrence]]
event = "local-dialogue"
member = "eda"
year = 2026
date = 2026-09-29
status = "held"
note = "Kommunstyrelsen"
)");
    auto p = make_plan(cal, {.year = 2026, .fixed = &pf});
    REQUIRE(p);
    int dialogues = 0;
    for (const auto& o : p->occurrences) {
        if (o.event == "seminar") {
            CHECK(o.fixed);
            CHECK(o.date == sys_days{2026_y / May / 5});
            CHECK(o.start_time == std::chrono::hours{10});
            CHECK(o.duration == std::chrono::hours{5});
            CHECK(o.where.to_string() == "plan.toml:5:8");  // the date line
        }
        if (o.event == "local-dialogue") {
            ++dialogues;
            if (o.member == "eda") {
                CHECK(o.fixed);
                CHECK(o.date == sys_days{2026_y / September / 29});
                CHECK(o.status == occurrence_status::held);
                CHECK(o.note == "Kommunstyrelsen");
            } else {
                CHECK_FALSE(o.fixed);
                CHECK(o.date != sys_days{2026_y / September / 29});  // the cap of one a day counts Eda
            }
        }
    }
    CHECK(dialogues == 17);
}

TEST_CASE("the cycle year is inferred from the date and the event's year offset", "[plan-file]") {
    plan_file pf = read(header + "[[occurrence]]\nevent = \"inriktningsmote\"\ndate = 2027-01-20\n");
    REQUIRE(pf.entries.size() == 1);
    CHECK(pf.entries.front().cycle_year == 2026);
}

TEST_CASE("plan file errors name line and column", "[plan-file][bad-input]") {
    CHECK(errors_of(header + "[[occurrence]]\nevent = \"seminr\"\ndate = 2026-05-05\n") ==
          lines{"3:9: unknown event 'seminr' (did you mean 'seminar'?)"});
    CHECK(errors_of(header + "[[occurrence]]\nevent = \"local-dialogue\"\nmember = \"edda\"\ndate = 2026-09-29\n") ==
          lines{"4:10: 'edda' is not a member of 'principals' (did you mean 'eda'?)"});
    CHECK(errors_of(header + "[[occurrence]]\nevent = \"local-dialogue\"\ndate = 2026-09-29\n") ==
          lines{"2:1: [[occurrence]]: event 'local-dialogue' has one occurrence per member of 'principals': say which with 'member'"});
    CHECK(errors_of(header + "[[occurrence]]\nevent = \"seminar\"\ndate = 2031-05-05\n") ==
          lines{"4:8: year 2031 is outside the cycle 2025–2028 (and the year after it, 2029)"});
    CHECK(errors_of(header + "[[occurrence]]\nevent = \"revision-input\"\nmember = \"eda\"\ndate = 2026-10-01\n") ==
          lines{"5:8: event 'revision-input' does not occur in cycle year 2 (2026)"});
    CHECK(errors_of("calendar = \"other\"\n") ==
          lines{"1:12: the plan is for calendar 'other', but the calendar in use is "
                "'nya-perspektiv-2025-2028' "
                "(<built-in>/nya-perspektiv-2025-2028.toml): give the plan's calendar with "
                "--calendar FILE, "
                "or name it in cycle.toml (docs/project.md)"});
    // Entries are not read against a calendar they are not for: one error,
    // not an "unknown event" per entry.
    CHECK(errors_of("calendar = \"other\"\n[[occurrence]]\nevent = \"x\"\ndate = 2026-05-05\n"
                    "[[occurrence]]\nevent = \"y\"\ndate = 2026-05-06\n")
              .size() == 1);
    CHECK(errors_of(header + "[[occurrence]]\nevent = \"seminar\"\ndate = 2026-05-05\ncolour = \"red\"\n") ==
          lines{"5:1: [[occurrence]]: unknown key 'colour'"});
    CHECK(
        errors_of(header +
                  "[[occurrence]]\nevent = \"seminar\"\ndate = 2026-05-05\nstatus = \"done\"\n") ==
        lines{"5:10: [[occurrence]]: status is \"proposed\", \"confirmed\", \"held\" or "
              "\"cancelled\", not 'done'"});
    CHECK(errors_of(header + "[[occurrence]]\nevent = \"seminar\"\ndate = 2026-05-05\n[[occurrence.waive]]\nrule = \"weekend\"\nreason = \" \"\n") ==
          lines{"7:10: a waiver needs a written reason"});
    // An impossible date is refused by the TOML parser, with its place.
    auto feb30 = errors_of(header + "[[occurrence]]\nevent = \"seminar\"\ndate = 2026-02-30\n");
    REQUIRE(feb30.size() == 1);
    CHECK(feb30.front().rfind("4:", 0) == 0);
}

TEST_CASE("a time that does not exist on a DST day is refused", "[plan-file][dst][bad-input]") {
    // The last Sunday of March 2027 is the 28th.
    CHECK(errors_of(header + "[[occurrence]]\nevent = \"seminar\"\ndate = 2027-03-28\nstart = \"02:30\"\nduration = \"1h\"\n") ==
          lines{"5:9: [[occurrence]]: 2027-03-28 02:30 does not exist in Europe/Stockholm: the clocks go forward from 02:00 to 03:00"});
    // On the autumn Sunday 02:30 exists twice; the earlier (summer time) instant is used.
    plan_file pf = read(header + "[[occurrence]]\nevent = \"vror-dialogue\"\ndate = 2026-10-25\nyear = 2026\nstart = \"02:30\"\nduration = \"1h\"\n");
    auto p = make_plan(default_calendar(), {.year = 2026, .fixed = &pf});
    REQUIRE(p);
    std::string json = format_json(default_calendar(), *p);
    CHECK(json.find("\"start_utc\": \"2026-10-25T00:30:00Z\"") != std::string::npos);
}
