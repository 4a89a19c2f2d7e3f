// cycle due: what takes place or falls due in the next days, and what a plan
// says is overdue.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "support.hpp"

namespace {

using cycle::test::run_cycle;

using cycle::test::quoted;
const std::string& plans = cycle::test::test_plans;
const std::string& wheel = cycle::test::check_wheel;

}  // namespace

TEST_CASE("due: the next 30 days of the default wheel for one principal, due by the deadline") {
    auto r = run_cycle("due --today 2026-10-01 --within 30d --audience eda");
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    // Eda's local dialogue (planned for early September, not marked held) is
    // due by the 31 October deadline.
    CHECK(r.out.rfind("Aktuellt 2026-10-01 – 2026-10-31 (Nya perspektiv – årshjul 2025–2028):\n",
                      0) == 0);
    CHECK(r.out.find("senast 2026-10-31  Lokal dialog – Eda kommun\n") != std::string::npos);
    CHECK(r.out.find("Karlstad") == std::string::npos);
    CHECK(r.out.find("Försenat") == std::string::npos);  // no plan file: nothing is marked held
}

TEST_CASE("due: with a plan file, what was due and is not marked held is overdue") {
    auto r =
        run_cycle(fmt::format("due --calendar {} {} --today 2026-11-10 --within 2w --format json",
                              quoted(wheel), quoted(plans + "overdue.toml")));
    CHECK(r.exit_code == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["schema"] == "cycle-due/1");
    CHECK(doc["to"] == "2026-11-24");
    REQUIRE(doc["due"].size() == 1);
    CHECK(doc["due"][0]["occurrence"] == "compilation/2026");
    CHECK(doc["overdue"].empty());

    auto later = run_cycle(fmt::format("due --calendar {} {} --today 2026-11-20 --within 30d",
                                       quoted(wheel), quoted(plans + "overdue.toml")));
    CHECK(later.out ==
          "Aktuellt 2026-11-20 – 2026-12-20 (Testhjul för cycle check 2025–2026):\n"
          "inget\n"
          "Passerat, inte markerat som genomfört (markera: cycle mark held ID --plan FIL):\n"
          "2026-11-17               v. 47  tis  senast 2026-11-17  Sammanställning av dialogerna  "
          "[compilation/2026]\n");
}

TEST_CASE("due: a deadline really missed is told apart from what is past and not marked held") {
    // Beta's local dialogue is dated 3 November, after its 31 October deadline;
    // Alfa's (15 September) and the rest took place on time but are not marked held.
    auto r =
        run_cycle(fmt::format("due --calendar {} {} --today 2026-11-05 --within 1d --format json",
                              quoted(wheel), quoted(plans + "deadline-missed.toml")));
    CHECK(r.exit_code == 0);
    const auto doc = nlohmann::json::parse(r.out);
    REQUIRE(doc["missed"].size() == 1);
    CHECK(doc["missed"][0]["occurrence"] == "local-dialogue/beta/2026");
    CHECK(doc["unmarked"].size() >= 2);
    for (const auto& item : doc["unmarked"])
        CHECK(item["occurrence"] != "local-dialogue/beta/2026");
    CHECK(doc["overdue"].size() == doc["missed"].size() + doc["unmarked"].size());
    auto text = run_cycle(fmt::format("due --calendar {} {} --today 2026-11-05 --within 1d",
                                      quoted(wheel), quoted(plans + "deadline-missed.toml")));
    const auto missed_at = text.out.find("Missad sista dag");
    const auto past_at = text.out.find("Passerat, inte markerat");
    REQUIRE(missed_at != std::string::npos);
    REQUIRE(past_at != std::string::npos);
    CHECK(text.out.find("[local-dialogue/beta/2026]", missed_at) < past_at);
    CHECK(text.out.find("[local-dialogue/alfa/2026]", past_at) != std::string::npos);
}

TEST_CASE("due: bad input exits 2") {
    CHECK(run_cycle("due --within soon").exit_code == 2);
    CHECK(run_cycle("due --today 2026-13-01").exit_code == 2);
    auto r = run_cycle(
        fmt::format("due --calendar {} {}", quoted(wheel), quoted(plans + "unreadable.toml")));
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
}
