// cycle diff: two versions of a year plan, as files and through standard
// input (git show REV:path | cycle diff - path).
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "support.hpp"

namespace {

using cycle::test::read_file;
using cycle::test::run_cycle;
using cycle::test::temp_dir;
using cycle::test::write_file;

using cycle::test::quoted;
const std::string& plans = cycle::test::test_plans;
const std::string& wheel = cycle::test::check_wheel;

}  // namespace

TEST_CASE("diff: added, removed, moved and status changes, with old and new dates") {
    temp_dir dir;
    std::string text = read_file(plans + "good-2026.toml");
    auto replace = [&](const std::string& from, const std::string& to) {
        auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
    };
    replace("date = 2026-05-12\nstart = \"09:00\"",
            "date = 2026-05-19\nstart = \"10:00\"");  // moved
    replace("[[occurrence]]\nevent = \"kickoff\"\nyear = 2026\ndate = 2027-01-19\n",
            "");                                                                        // removed
    replace("date = 2026-03-31\n", "date = 2026-03-31\nstatus = \"held\"\n");           // status
    text += "\n[[occurrence]]\nevent = \"kickoff\"\nyear = 2025\ndate = 2026-01-20\n";  // added
    write_file(dir / "new.toml", text);

    auto r = run_cycle(fmt::format("diff --calendar {} {} {}", quoted(wheel),
                                   quoted(plans + "good-2026.toml"),
                                   quoted((dir / "new.toml").string())));
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    const std::string next = (dir / "new.toml").string();
    CHECK(r.out ==
          "added    Inriktningsmöte (2025): 2026-01-20  [" + next +
              ":50:8]\n"
              "status   Inbjudan till seminariet (2026): 2026-03-31: confirmed -> held  [" +
              next +
              ":7:8]\n"
              "moved    Vårseminarium (2026): 2026-05-12 09:00 (7h) -> 2026-05-19 10:00 (7h)  [" +
              next +
              ":13:8]\n"
              "removed  Inriktningsmöte (2026): 2027-01-19  [" +
              plans +
              "good-2026.toml:48:8]\n"
              "cycle diff: 4 changes: 1 added, 1 removed, 1 moved, 1 status\n");

    auto json = run_cycle(fmt::format("diff --calendar {} {} {} --format json", quoted(wheel),
                                      quoted(plans + "good-2026.toml"), quoted(next)));
    const auto doc = nlohmann::json::parse(json.out);
    CHECK(doc["schema"] == "cycle-diff/1");
    CHECK(doc["summary"] ==
          nlohmann::json{{"added", 1}, {"removed", 1}, {"moved", 1}, {"status", 1}});
    const auto& moved = doc["changes"][2];
    CHECK(moved["change"] == "moved");
    CHECK(moved["occurrence"] == "seminar/2026");
    CHECK(moved["old"]["date"] == "2026-05-12");
    CHECK(moved["new"]["date"] == "2026-05-19");
    CHECK(moved["new"]["start"] == "10:00");
    CHECK(doc["changes"][0]["old"].is_null());
    CHECK(doc["changes"][3]["new"].is_null());
}

TEST_CASE(
    "diff: a member's occurrence moved in a generated year plan, old version on standard input") {
    temp_dir dir;
    auto generated = run_cycle("plan --format plan --year 2026");
    REQUIRE(generated.exit_code == 0);
    write_file(dir / "old.toml", generated.out);
    std::string text = generated.out;
    const std::string eda = "member = \"eda\"\nyear = 2026\ndate = ";
    const auto at = text.find(eda);
    REQUIRE(at != std::string::npos);
    const std::string old_date = text.substr(at + eda.size(), 10);
    text.replace(at + eda.size(), 10, "2026-10-20");
    write_file(dir / "new.toml", text);

    auto r = run_cycle(fmt::format("diff - {} < {}", quoted((dir / "new.toml").string()),
                                   quoted((dir / "old.toml").string())));
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind(
              "moved    Lokal dialog – Eda kommun (2026): " + old_date + " -> 2026-10-20  [", 0) ==
          0);
    CHECK(r.out.find("cycle diff: 1 change: 1 moved\n") != std::string::npos);

    auto same = run_cycle(fmt::format("diff {0} {0}", quoted((dir / "old.toml").string())));
    CHECK(same.out == "cycle diff: no changes\n");
}

TEST_CASE("diff: an unreadable plan exits 2 and prints nothing on standard output") {
    auto r =
        run_cycle(fmt::format("diff --calendar {} {} {}", quoted(wheel),
                              quoted(plans + "good-2026.toml"), quoted(plans + "unreadable.toml")));
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err.find(plans + "unreadable.toml:26:1: error:") != std::string::npos);
    auto both_stdin = run_cycle("diff - -");
    CHECK(both_stdin.exit_code == 2);
}
