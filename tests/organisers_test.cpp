// Several organisers (`organisers = [...]`): the seminar of the built-in
// wheel is planned and held by the steering group with beredningsgruppen.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "cycle/calendar.hpp"
#include "cycle/plan.hpp"
#include "cycle/plan_output.hpp"
#include "support.hpp"

namespace {

using cycle::test::contains;
using cycle::test::run_cycle;

const std::string head = R"([cycle]
id = "t"
title = "T"
first_year = 2026
last_year = 2026
[[body]]
id = "a"
name = "A"
[[body]]
id = "b"
name = "B"
[[closure]]
name = "B stängt"
bodies = ["b"]
from = 2026-05-01
to = 2026-05-10
)";

}  // namespace

TEST_CASE("the built-in seminar has two organisers, shown everywhere an organiser is") {
    const cycle::calendar& cal = cycle::default_calendar();
    const auto& seminar = *cal.find_event("seminar");
    CHECK(seminar.organiser == "styrgrupp");
    CHECK(seminar.co_organisers == std::vector<std::string>{"beredningsgrupp"});
    auto p = cycle::make_plan(cal, {.year = 2026});
    REQUIRE(p);
    const cycle::occurrence* o = nullptr;
    for (const auto& x : p->occurrences)
        if (x.event == "seminar") o = &x;
    REQUIRE(o);
    CHECK(o->organisers() == std::vector<std::string>{"styrgrupp", "beredningsgrupp"});
    // beredningsgruppen's own selection has it as an organiser's event.
    CHECK(cycle::concerns(cal, *o, "beredningsgrupp"));

    auto table = cycle::format_table(cal, *p, {.explain = false, .audience = {}});
    // The organiser column, after the padded title.
    CHECK(std::regex_search(table, std::regex("Seminariet Nya perspektiv på styrning och ledning +"
                                              "Politisk styrgrupp, Beredningsgruppen\n")));
    auto json = nlohmann::json::parse(cycle::format_json(cal, *p, {}));
    for (const auto& j : json["occurrences"]) {
        if (j["event"] == "seminar") {
            CHECK(j["organiser"] == "styrgrupp");
            CHECK(j["organisers"] == nlohmann::json{"styrgrupp", "beredningsgrupp"});
        }
        if (j["event"] == "local-dialogue-deadline")
            CHECK(j["organisers"] == nlohmann::json::array());
    }
    auto feed = run_cycle("export ics --year 2026");
    REQUIRE(feed.exit_code == 0);
    CHECK(contains(feed.out, "Arrangör: Politisk styrgrupp\\, Beredningsgruppen"));
}

TEST_CASE("a co-organiser's closure keeps the event off its days") {
    auto cal = cycle::load_calendar_string(head + R"([[event]]
id = "e"
title = "E"
kind = "meeting"
month = 5
organisers = ["a", "b"]
)",
                                           "t.toml");
    REQUIRE(cal);
    auto p = cycle::make_plan(*cal, {.year = 2026});
    REQUIRE(p);
    REQUIRE(p->occurrences.size() == 1);
    CHECK(cycle::iso_date(p->occurrences[0].date) == "2026-05-11");  // 1–10 May: B is closed
}

TEST_CASE("organisers: one of the two keys, each body once, every body known") {
    auto load = [](const std::string& keys) {
        return cycle::load_calendar_string(head +
                                               "[[event]]\nid = \"e\"\ntitle = \"E\"\nkind = "
                                               "\"meeting\"\nmonth = 5\n" +
                                               keys,
                                           "t.toml");
    };
    auto both = load("organiser = \"a\"\norganisers = [\"b\"]\n");
    REQUIRE_FALSE(both);
    CHECK(both.errors().front().to_string() ==
          "t.toml:23:14: error: [[event]] 'e': give either 'organiser' or 'organisers', not both");
    auto twice = load("organisers = [\"a\", \"a\"]\n");
    REQUIRE_FALSE(twice);
    CHECK(twice.errors().front().to_string() ==
          "t.toml:22:20: error: [[event]] 'e': organiser 'a' is listed twice");
    auto none = load("organisers = []\n");
    REQUIRE_FALSE(none);
    CHECK(contains(none.errors().front().to_string(), "needs at least one body"));
    auto unknown = load("organisers = [\"a\", \"c\"]\n");
    REQUIRE_FALSE(unknown);
    CHECK(contains(unknown.errors().front().to_string(),
                   "t.toml:22:20: error: unknown body 'c' in organisers"));
}
