// examples/ci: its plans keep the wheel's rules, and the broken plan prints
// exactly what its README and expected-*.txt files show.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "support.hpp"

namespace {

const std::string example = std::string(CYCLE_SOURCE_DIR) + "/examples/ci";

cycle::test::process_result in_example(const std::string& args) {
    return cycle::test::run("cd '" + example + "' && '" + CYCLE_CLI + "' " + args);
}

}  // namespace

TEST_CASE("examples/ci: the plans are clean") {
    auto r = in_example("check plans/2026.toml plans/2027.toml --strict");
    CHECK(r.exit_code == 0);
    CHECK(r.out == "cycle check: no findings in 2 plan files (74 occurrences)\n");
}

TEST_CASE("examples/ci: the broken plan prints what the example shows") {
    using cycle::test::read_file;
    auto text = in_example("check broken/2026.toml");
    CHECK(text.exit_code == 1);
    CHECK(text.out == read_file(example + "/broken/expected-output.txt"));
    CHECK(read_file(example + "/README.md").find(text.out) != std::string::npos);
    auto github = in_example("check broken/2026.toml --format github");
    CHECK(github.exit_code == 1);
    CHECK(github.out == read_file(example + "/broken/expected-github.txt"));
}

TEST_CASE("examples/ci: output order does not depend on the order of the files or of the run") {
    auto one = in_example("check broken/2026.toml plans/2027.toml");
    auto two = in_example("check plans/2027.toml broken/2026.toml");
    auto again = in_example("check broken/2026.toml plans/2027.toml");
    CHECK(one.exit_code == 1);
    CHECK(one.out == two.out);
    CHECK(one.out == again.out);
}

TEST_CASE("examples/ci/county: one table of who keeps and who breaks the county's dates") {
    using cycle::test::read_file;
    const std::string county = example + "/county";
    auto in_county = [&](const std::string& args) {
        return cycle::test::run("cd '" + county + "' && '" + CYCLE_CLI +
                                "' check --calendar county.toml plans/*/2026.toml " +
                                args);
    };
    auto text = in_county("");
    CHECK(text.exit_code == 1);  // Kil breaks the deadline
    CHECK(text.out == read_file(county + "/expected-output.txt"));
    CHECK(read_file(example + "/README.md").find(text.out) != std::string::npos);

    auto json = in_county("--format json");
    CHECK(json.exit_code == 1);
    const auto doc = nlohmann::json::parse(json.out);
    const auto& view = doc.at("county_view");
    CHECK(view.at("events") == nlohmann::json::array({"np:local-dialogue"}));
    REQUIRE(view.at("plans").size() == 3);
    CHECK(view["plans"][0]["plan"] == "plans/eda/2026.toml");
    CHECK(view["plans"][0]["calendar"] == "eda-2025-2028");
    CHECK(view["plans"][0]["events"]["np:local-dialogue"]["status"] == "keeps");
    CHECK(view["plans"][1]["events"]["np:local-dialogue"]["status"] == "breaks");
    CHECK(view["plans"][1]["events"]["np:local-dialogue"]["rules"] ==
          nlohmann::json::array({"deadline-missed"}));
    CHECK(view["plans"][2]["events"]["np:local-dialogue"]["status"] == "warns");

    auto github = in_county("--format github");
    CHECK(github.exit_code == 1);
    CHECK(github.out.find("plans/kil/2026.toml     breaks [deadline-missed]") !=
          std::string::npos);

    auto junit = in_county("--format junit");
    CHECK(junit.exit_code == 1);
    CHECK(junit.out.find("<testsuite name=\"county view\" tests=\"3\" failures=\"1\"") !=
          std::string::npos);
    CHECK(junit.out.find("name=\"plans/kil/2026.toml np:local-dialogue\">\n"
                         "      <failure message=\"breaks [deadline-missed]\"") !=
          std::string::npos);

    // A plan of the county calendar itself is not a row; without plans of
    // included calendars there is no table.
    auto own = cycle::test::run("cd '" + example + "' && '" + CYCLE_CLI +
                                "' check plans/2026.toml --format json");
    CHECK(nlohmann::json::parse(own.out).count("county_view") == 0);
}

TEST_CASE("examples/ci/county: a plan of a calendar the county does not include is an error") {
    auto r = cycle::test::run("cd '" + example + "/county' && '" + CYCLE_CLI +
                              "' check --partial --calendar wheels/eda.toml plans/kil/2026.toml");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("the plan is for calendar 'kil-2025-2028'") != std::string::npos);
}
