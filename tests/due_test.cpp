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
    CHECK(
        later.out ==
        "Aktuellt 2026-11-20 – 2026-12-20 (Testhjul för cycle check 2025–2026):\n"
        "inget\n"
        "Försenat (skulle vara klart före 2026-11-20, inte markerat som genomfört):\n"
        "2026-11-17               v. 47  tis  senast 2026-11-17  Sammanställning av dialogerna\n");
}

TEST_CASE("due: bad input exits 2") {
    CHECK(run_cycle("due --within soon").exit_code == 2);
    CHECK(run_cycle("due --today 2026-13-01").exit_code == 2);
    auto r = run_cycle(
        fmt::format("due --calendar {} {}", quoted(wheel), quoted(plans + "unreadable.toml")));
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
}
