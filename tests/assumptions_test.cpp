// Guesses are visible (assumptions.hpp): `assumed = "why"` in the built-in
// wheels, and every output that shows a date says when it is preliminary.
#include "cycle/assumptions.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "cycle/calendar.hpp"
#include "cycle/plan.hpp"
#include "cycle/plan_file.hpp"
#include "cycle/plan_output.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using cycle::test::contains;
using cycle::test::read_file;
using cycle::test::run_cycle;

const fs::path calendars = fs::path(CYCLE_SOURCE_DIR) / "calendars";

// The VEVENT with this UID, its folded lines joined again (RFC 5545 3.1).
std::string vevent(const std::string& feed, const std::string& uid) {
    std::string text = std::regex_replace(feed, std::regex("\r\n[ \t]"), "");
    const auto at = text.find("UID:" + uid + "\r\n");
    REQUIRE(at != std::string::npos);
    const auto begin = text.rfind("BEGIN:VEVENT", at);
    const auto end = text.find("END:VEVENT", at);
    return text.substr(begin, end - begin);
}

}  // namespace

TEST_CASE("the built-in wheels mark every guess with assumed, not with a comment") {
    const cycle::calendar& cal = cycle::default_calendar();
    // The guesses issue 13 names, and the others the documents do not state.
    for (const char* id :
         {"dialogue-instructions", "compilation", "revision-work", "revision-draft",
          "revision-consultation", "revision-input-compilation", "consultation-answers",
          "minutes-extract", "or-position", "document-dispatch", "local-adoption", "seminar"}) {
        INFO(id);
        REQUIRE(cal.find_event(id));
        CHECK_FALSE(cal.find_event(id)->assumed.empty());
        CHECK(cal.find_event(id)->assumed_where.line > 0);
    }
    // Sourced rules are not guesses.
    for (const char* id : {"local-dialogue", "local-dialogue-deadline", "vror-dialogue",
                           "inriktningsmote", "revision-input", "aktualitetskonferens"}) {
        INFO(id);
        CHECK(cal.find_event(id)->assumed.empty());
    }
    // No guess is left in a comment: the words the comments used are gone.
    for (const char* file : {"nya-perspektiv-2025-2028.toml", "nya-perspektiv-2023.toml"}) {
        const std::string text = read_file(calendars / file);
        INFO(file);
        CHECK_FALSE(std::regex_search(
            text,
            std::regex("#[^\n]*(Inferred|placeholder|not in the (document|source)|Modelled on)")));
    }
    auto old = cycle::load_calendar_file(calendars / "nya-perspektiv-2023.toml");
    REQUIRE(old);
    CHECK_FALSE(old->find_event("seminar")->assumed.empty());
}

TEST_CASE("assumed is a non-empty string on events and closures, else a located error") {
    const std::string head = R"([cycle]
id = "t"
title = "T"
first_year = 2026
last_year = 2026
[[body]]
id = "b"
name = "B"
)";
    auto empty = cycle::load_calendar_string(head + R"([[event]]
id = "e"
title = "E"
kind = "meeting"
month = 5
assumed = "  "
)",
                                             "t.toml");
    REQUIRE_FALSE(empty);
    CHECK(empty.errors().front().to_string() ==
          "t.toml:14:11: error: [[event]]: 'assumed' says why the dates are a guess; it cannot be empty");
    auto wrong = cycle::load_calendar_string(head + R"([[event]]
id = "e"
title = "E"
kind = "meeting"
month = 5
assumed = true
)",
                                             "t.toml");
    REQUIRE_FALSE(wrong);
    CHECK(contains(wrong.errors().front().to_string(), "t.toml:14:"));
    CHECK(contains(wrong.errors().front().to_string(), "assumed"));
    auto closure = cycle::load_calendar_string(head + R"([[event]]
id = "e"
title = "E"
kind = "meeting"
month = 5
[[closure]]
name = "Lov"
bodies = ["b"]
years = [2026]
weeks = [8, 9]
assumed = "vecka 8 antas"
)",
                                               "t.toml");
    REQUIRE(closure);
    REQUIRE(closure->closures.size() == 2);
    CHECK(closure->closures[1].assumed == "vecka 8 antas");
    auto p = cycle::make_plan(*closure, {.year = 2026});
    REQUIRE(p);
    auto list = cycle::assumptions_of(*closure, *p);
    REQUIRE(list.size() == 1);  // one [[closure]] table, however many weeks
    CHECK(list[0].is_closure);
    CHECK(list[0].subject == "Lov");
}

TEST_CASE("a guessed date is preliminary in the table, the JSON and the plan file") {
    const cycle::calendar& cal = cycle::default_calendar();
    auto p = cycle::make_plan(cal, {.year = 2026});
    REQUIRE(p);
    const std::string& why = cal.find_event("compilation")->assumed;

    auto table = cycle::format_table(cal, *p, {.explain = true, .audience = {}});
    CHECK(contains(table, "            preliminärt: " + why + "\n"));

    auto json = nlohmann::json::parse(cycle::format_json(cal, *p, {}));
    int preliminary = 0;
    for (const auto& o : json["occurrences"]) {
        if (o["event"] == "compilation") CHECK(o["assumed"] == why);
        if (o["event"] == "local-dialogue-deadline") CHECK(o["assumed"].is_null());
        if (!o["assumed"].is_null()) ++preliminary;
    }
    // seminar, dialogue-instructions, compilation, activity-plan, goal-report
    CHECK(preliminary == 5);

    const std::string file = cycle::write_plan_file(cal, *p);
    CHECK(contains(file, "[[occurrence]]\n# preliminärt: " + why + "\nevent = \"compilation\"\n"));
    // It reads back, and a date fixed by the plan is no longer a guess.
    auto pf = cycle::load_plan_string(file, "plan.toml", cal);
    REQUIRE(pf);
    auto fixed = cycle::make_plan(cal, {.year = 2026, .fixed = &*pf});
    REQUIRE(fixed);
    for (const auto& o : fixed->occurrences) CHECK(cycle::assumption_of(cal, o).empty());
    // (The steering group's 2027–2030 term stays a guess: "# mandatperiod: … (preliminärt)".)
    CHECK_FALSE(contains(cycle::write_plan_file(cal, *fixed), "# preliminärt"));
}

TEST_CASE("an English calendar says preliminary") {
    std::string text = read_file(calendars / "nya-perspektiv-2023.toml");
    text.replace(text.find("language = \"sv\""), 15, "language = \"en\"");
    auto cal = cycle::load_calendar_string(text, "en.toml");
    REQUIRE(cal);
    auto p = cycle::make_plan(*cal, {.year = 2023});
    REQUIRE(p);
    CHECK(contains(cycle::format_table(*cal, *p, {.explain = true, .audience = {}}),
                   "            preliminary: Starttid"));
    CHECK(contains(cycle::write_plan_file(*cal, *p), "# preliminary: Starttid"));
}

TEST_CASE("feeds publish a guessed date as TENTATIVE, with the same UID") {
    auto r = run_cycle("export ics --year 2026");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto compilation = vevent(r.out, "compilation.2026@nya-perspektiv-2025-2028");
    CHECK(contains(compilation, "STATUS:TENTATIVE\r\n"));
    CHECK(contains(compilation, "Status: preliminärt – Dokumentet anger inte när"));
    const auto deadline = vevent(r.out, "local-dialogue-deadline.2026@nya-perspektiv-2025-2028");
    CHECK(contains(deadline, "STATUS:CONFIRMED\r\n"));
    CHECK_FALSE(contains(deadline, "preliminärt"));
}

TEST_CASE("cycle plan --assumptions lists what to confirm, with its source line") {
    auto r = run_cycle("plan --cycle --assumptions");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.rfind("Nya perspektiv – årshjul 2025–2028: antaganden att bekräfta (19)\n", 0) ==
          0);
    // Each guess: where `assumed` is, why, the source, the preliminary dates.
    const cycle::calendar& cal = cycle::default_calendar();
    const auto& e = *cal.find_event("minutes-extract");
    CHECK(contains(r.out, e.assumed_where.to_string() + ": minutes-extract – " + e.title + "\n"));
    CHECK(contains(r.out,
                   "    Källa: Politiskt inriktningsdokument 2025–2028 – Värmlands samverkan "
                   "inom välfärd (RS/250201), Processen framåt och beslut i era respektive "
                   "organisationer, rad 235–241\n"));
    CHECK(contains(r.out, "    i planen: 2030-01-31\n"));
    CHECK(contains(r.out, ": Höstlov (stängt)\n"));
    CHECK(contains(r.out, ": Sommarsemester (stängt)\n"));

    // A date a plan file fixes is said to be fixed.
    cycle::test::temp_dir dir;
    cycle::test::write_file(dir.path() / "p.toml", R"(calendar = "nya-perspektiv-2025-2028"
[[occurrence]]
event = "compilation"
year = 2026
date = 2026-11-20
)");
    auto fixed = run_cycle("plan --year 2026 --assumptions --plan " +
                           cycle::test::quoted((dir.path() / "p.toml").string()));
    INFO(fixed.err);
    REQUIRE(fixed.exit_code == 0);
    CHECK(contains(fixed.out, "    i planen: 2026-11-20 (fastställt i planen)\n"));

    auto json = run_cycle("plan --assumptions --format json");
    CHECK(json.exit_code == 2);
    CHECK(contains(json.err, "--assumptions prints a list"));

    // A wheel without guesses says so.
    cycle::test::write_file(dir.path() / "c.toml", R"([cycle]
id = "t"
title = "T"
first_year = 2026
last_year = 2026
language = "en"
[[event]]
id = "e"
title = "E"
kind = "meeting"
month = 5
)");
    auto none = run_cycle("plan --year 2026 --assumptions --calendar " +
                          cycle::test::quoted((dir.path() / "c.toml").string()));
    CHECK(none.out ==
          "T: assumptions to confirm (0)\nNo assumptions: every date and rule has a source.\n");
}
