// examples/ci: its plans keep the wheel's rules, and the broken plan prints
// exactly what its README and expected-*.txt files show.
#include <catch2/catch.hpp>
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
    CHECK(r.out == "cycle check: no findings in 2 plan files (70 occurrences)\n");
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
