// Terms of office (`[[body.term]]`, terms.hpp): who sits when, on the
// built-in wheel (the steering group's term ending 2026-12-31, seed 001 line
// 155, and the next one assumed), in --explain, the JSON, plan files and
// the assumptions list; the out-of-term check; the planner keeping a body's
// meeting inside its term; located errors. Real files and the real CLI.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "cycle/calendar.hpp"
#include "cycle/occurrence.hpp"
#include "support.hpp"

namespace {

using cycle::test::contains;
using cycle::test::quoted;
using cycle::test::run_cycle;
using cycle::test::temp_dir;
using cycle::test::write_file;

// The occurrence with this key in a JSON plan.
nlohmann::json occurrence(const std::string& json_text, const std::string& key) {
    const auto doc = nlohmann::json::parse(json_text);
    for (const auto& o : doc["occurrences"])
        if (o["key"] == key) return o;
    FAIL("no occurrence " << key);
    return {};
}

// The built-in wheel without its assumed 2027–2030 term of the steering group.
std::string wheel_without_next_term() {
    std::string text(cycle::default_calendar_toml());
    const std::regex next_term(R"(\[\[body\.term\]\]\nfrom = 2027-01-01\n(.*\n)*?source = .*\n)");
    std::string out =
        std::regex_replace(text, next_term, "", std::regex_constants::format_first_only);
    REQUIRE(out != text);
    return out;
}

const std::string small_wheel = R"([cycle]
id = "terms"
title = "Terms"
first_year = 2026
last_year = 2027

[[body]]
id = "sg"
name = "Styrgruppen"

[[body.term]]
from = 2023-05-05
to = 2026-05-20

[[event]]
id = "meeting"
title = "Möte"
kind = "meeting"
organiser = "sg"
month = 5
prefer = "end"
)";

}  // namespace

TEST_CASE("terms of office: the built-in wheel says who sits when") {
    const cycle::calendar& cal = cycle::default_calendar();
    const cycle::body* sg = cal.find_body("styrgrupp");
    REQUIRE(sg);
    REQUIRE(sg->terms.size() == 2);
    CHECK(cycle::iso_date(sg->terms[0].last) == "2026-12-31");  // seed 001, line 155
    CHECK(sg->terms[0].people.size() == 8);
    CHECK(sg->terms[0].assumed.empty());
    CHECK_FALSE(sg->terms[1].assumed.empty());  // the next term is a guess

    // --explain: the December dialogue of 2026 and of 2027, in each term.
    auto y2026 = run_cycle("plan --year 2026 --explain");
    REQUIRE(y2026.exit_code == 0);
    CHECK(contains(y2026.out, "mandatperiod: Politisk styrgrupp 2023-05-05 – 2026-12-31\n"));
    auto y2027 = run_cycle("plan --year 2027 --explain");
    CHECK(contains(y2027.out,
                   "mandatperiod: Politisk styrgrupp 2027-01-01 – 2030-12-31 (preliminärt)\n"));
    CHECK_FALSE(contains(y2027.out, "utanför"));

    // The JSON: the term of the one who sits, none for an occurrence without.
    auto json = run_cycle("plan --year 2026 --format json");
    auto dialogue = occurrence(json.out, "vror-dialogue/2026");
    REQUIRE(dialogue["terms"].size() == 1);
    CHECK(dialogue["terms"][0]["body"] == "styrgrupp");
    CHECK(dialogue["terms"][0]["from"] == "2023-05-05");
    CHECK(dialogue["terms"][0]["to"] == "2026-12-31");
    CHECK(dialogue["terms"][0]["people"].size() == 8);
    CHECK(dialogue["terms"][0]["assumed"].is_null());
    CHECK_FALSE(occurrence(json.out, "local-dialogue/eda/2026").contains("terms"));

    // The plan file says it as a comment under the header.
    auto file = run_cycle("plan --year 2026 --format plan");
    CHECK(std::regex_search(file.out, std::regex("\\[\\[occurrence\\]\\]\n# mandatperiod: Politisk "
                                                 "styrgrupp 2023-05-05 – 2026-12-31\nevent = "
                                                 "\"vror-dialogue\"\n")));

    // The guessed term is listed to confirm, with where it is and the days
    // the steering group sits in it.
    auto list = run_cycle("plan --year 2027 --assumptions");
    CHECK(std::regex_search(list.out,
                            std::regex("<built-in>/nya-perspektiv-2025-2028\\.toml:\\d+:\\d+: "
                                       "mandatperiod: Politisk styrgrupp 2027-01-01 – 2030-12-31\n"
                                       "    preliminärt: Dokumenten anger inte styrgruppens")));
    CHECK(contains(list.out, "rad 14, 136–137, 155"));
    CHECK(std::regex_search(list.out, std::regex("2030-12-31\n(    .*\n)*    i planen: 2027-")));
}

TEST_CASE(
    "terms of office: the wheel's own plans keep them, and without the next term, 2027 is out of "
    "term") {
    temp_dir dir;
    const auto plan = dir / "2027.toml";
    auto made =
        run_cycle(fmt::format("plan --year 2027 --format plan --out {}", quoted(plan.string())));
    REQUIRE(made.exit_code == 0);
    auto own = run_cycle("check " + quoted(plan.string()));
    CHECK(own.exit_code == 0);
    CHECK_FALSE(contains(own.out + own.err, "out-of-term"));

    // The same plan against the wheel as it would be with only the term
    // the documents state: each steering-group occurrence of 2027 is a
    // warning at its entry in the plan file.
    const auto wheel = dir / "wheel.toml";
    write_file(wheel, wheel_without_next_term());
    auto r = run_cycle(
        fmt::format("check --calendar {} {}", quoted(wheel.string()), quoted(plan.string())));
    CHECK(r.exit_code == 0);  // warnings only
    CHECK(std::regex_search(
        r.out,
        std::regex(
            "2027\\.toml:\\d+:8: warning: Dialog i Värmlandsråd/Ordföranderåd \\(VR/OR\\) on "
            "2027-12-\\d\\d is outside every term of office of Politisk styrgrupp \\(the last ends "
            "2026-12-31\\) "
            "\\[out-of-term\\]")));
    // --explain says so too; the plan is still made.
    auto explained =
        run_cycle(fmt::format("plan --calendar {} --year 2027 --explain", quoted(wheel.string())));
    CHECK(explained.exit_code == 0);
    CHECK(
        contains(explained.out, "mandatperiod: Politisk styrgrupp – utanför alla mandatperioder"));
}

TEST_CASE("terms of office: the planner keeps a body's meeting inside its term") {
    temp_dir dir;
    const auto wheel = dir / "terms.toml";
    write_file(wheel, small_wheel);
    // prefer = "end" would take 2026-05-29; the term ends 2026-05-20.
    auto r = run_cycle(
        fmt::format("plan --calendar {} --year 2026 --format json", quoted(wheel.string())));
    REQUIRE(r.exit_code == 0);
    CHECK(occurrence(r.out, "meeting/2026")["date"] == "2026-05-20");
    // No term in 2027: placed as if there were none, and the check warns.
    const auto plan = dir / "2027.toml";
    REQUIRE(run_cycle(fmt::format("plan --calendar {} --year 2027 --format plan --out {}",
                                  quoted(wheel.string()), quoted(plan.string())))
                .exit_code == 0);
    auto check = run_cycle(fmt::format("check --calendar {} {} --format json",
                                       quoted(wheel.string()), quoted(plan.string())));
    const std::string placed =
        occurrence(run_cycle(fmt::format("plan --calendar {} --year 2027 --format json",
                                         quoted(wheel.string())))
                       .out,
                   "meeting/2027")["date"];
    auto findings = nlohmann::json::parse(check.out)["findings"];
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]["rule"] == "out-of-term");
    CHECK(findings[0]["severity"] == "warning");
    // A calendar without terms: no "terms" in its JSON (the bytes as before).
    const auto plain = dir / "plain.toml";
    write_file(plain,
               std::regex_replace(small_wheel, std::regex(R"(\[\[body\.term\]\]\n.*\n.*\n)"), ""));
    auto untermed = run_cycle(
        fmt::format("plan --calendar {} --year 2026 --format json", quoted(plain.string())));
    CHECK(occurrence(untermed.out, "meeting/2026")["date"] == "2026-05-29");
    CHECK_FALSE(contains(untermed.out, "\"terms\": ["));
    // ... and 2027, without a term, is placed as the calendar without terms places it.
    CHECK(occurrence(run_cycle(fmt::format("plan --calendar {} --year 2027 --format json",
                                           quoted(plain.string())))
                         .out,
                     "meeting/2027")["date"] == placed);
}

TEST_CASE("terms of office: bad terms are located errors") {
    temp_dir dir;
    auto load = [&](const std::string& terms) {
        const auto file = dir / "bad.toml";
        std::string text = small_wheel;
        text.replace(text.find("[[body.term]]"),
                     text.find("[[event]]") - text.find("[[body.term]]"), terms);
        write_file(file, text);
        return run_cycle(fmt::format("plan --calendar {} --year 2026", quoted(file.string())));
    };
    struct bad {
        std::string terms, message;
    };
    const bad cases[] = {
        {"[[body.term]]\nfrom = 2026-12-31\nto = 2023-05-05\n\n",
         "bad.toml:13:6: error: [[body]] 'sg' term: 'to' 2023-05-05 is before 'from' 2026-12-31"},
        {"[[body.term]]\nfrom = 2023-05-05\nto = 2026-12-31\n\n[[body.term]]\nfrom = "
         "2026-01-01\nto = 2030-12-31\n\n",
         "bad.toml:15:1: error: [[body]] 'sg': the term 2026-01-01 – 2030-12-31 overlaps the term "
         "2023-05-05 – 2026-12-31 at"},
        {"[[body.term]]\nfrom = 2023-05-05\nto = 2026-12-31\nseats = 8\n\n",
         "bad.toml:14:1: error:"},
        {"[[body.term]]\nfrom = \"2023-05-05\"\nto = 2026-12-31\n\n", "bad.toml:12:8: error:"},
        {"[[body.term]]\nfrom = 2023-05-05\n\n", "missing required key 'to'"},
        {"[[body.term]]\nfrom = 2023-05-05\nto = 2026-12-31\nassumed = \" \"\n\n",
         "bad.toml:14:11: error: [[body]] 'sg' term: 'assumed' says why the term is a guess"},
        {"term = 5\n\n", "'term' must be an array of tables ([[body.term]])"},
        // Terms of a body that sits nowhere do nothing.
        {"[[body.term]]\nfrom = 2023-05-05\nto = 2026-12-31\n\n[[body]]\nid = \"idle\"\nname = "
         "\"Idle\"\n\n[[body.term]]\nfrom = 2023-01-01\nto = 2026-12-31\n\n",
         "bad.toml:19:1: error: [[body]] 'idle': its terms of office do nothing"},
        {"[[body.term]]\nfrom = 2023-05-05\nto = 2026-12-31\nsource = { document = \"nowhere\" "
         "}\n\n",
         "bad.toml:14:23: error:"},
    };
    for (const auto& c : cases) {
        INFO(c.terms);
        auto r = load(c.terms);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(contains(r.err, c.message));
    }
}
