// The project file (cycle.toml, docs/project.md): found by walking up from
// the current directory, it names the calendar and the plans folder, so that
// `cycle check plans/*.toml` needs no --calendar in a plan repository.
// Real files in a temporary repository, the real CLI.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using cycle::test::contains;
using cycle::test::quoted;
using cycle::test::read_file;
using cycle::test::temp_dir;
using cycle::test::write_file;

// `cycle ARGS` run in `dir`.
cycle::test::process_result in(const fs::path& dir, const std::string& args) {
    return cycle::test::run("cd " + quoted(dir.string()) + " && " + quoted(CYCLE_CLI) + " " + args);
}

std::size_t lines(const std::string& text) {
    return std::count(text.begin(), text.end(), '\n');
}

// A plan repository: calendars/wheel.toml (the check wheel), plans/2026.toml
// (a good plan of it) and cycle.toml naming both.
void make_repository(const fs::path& root) {
    fs::create_directories(root / "calendars");
    fs::create_directories(root / "plans");
    fs::copy_file(cycle::test::check_wheel, root / "calendars/wheel.toml");
    fs::copy_file(cycle::test::test_plans + "good-2026.toml", root / "plans/2026.toml");
    write_file(root / "cycle.toml",
               "# The plan repository of the check wheel\n"
               "calendar = \"calendars/wheel.toml\"\n"
               "plans = \"plans\"\n");
}

}  // namespace

TEST_CASE("project: cycle.toml names the calendar, found from any directory below it",
          "[project]") {
    temp_dir repo;
    make_repository(repo.path());
    auto here = in(repo.path(), "check plans/2026.toml");
    CHECK(here.err == "");
    CHECK(here.exit_code == 0);
    auto below = in(repo.path() / "plans", "check 2026.toml");
    CHECK(below.exit_code == 0);
    // No plan files given: every *.toml of the plans folder.
    auto folder = in(repo.path(), "check");
    CHECK(folder.exit_code == 0);
    CHECK(contains(folder.out, "1 plan file"));
    CHECK(in(repo.path(), "plan --year 2026").out.rfind("Testhjul för cycle check", 0) == 0);
    // --calendar overrides it: the built-in wheel does not know these plans.
    auto other = in(repo.path(), "check plans/2026.toml --calendar " +
                                     quoted(std::string(CYCLE_SOURCE_DIR) +
                                            "/calendars/nya-perspektiv-2025-2028.toml"));
    CHECK(other.exit_code == 2);
    CHECK(lines(other.err) == 1);
    // `cycle due` reads the plans folder too.
    CHECK(in(repo.path(), "due --today 2026-05-01").exit_code == 0);
}

TEST_CASE("project: no cycle.toml and a plan for another calendar is one error saying what to do",
          "[project]") {
    temp_dir repo;
    make_repository(repo.path());
    fs::remove(repo.path() / "cycle.toml");
    fs::copy_file(repo.path() / "plans/2026.toml", repo.path() / "plans/2026-copy.toml");
    auto r = in(repo.path(), "check plans/2026.toml plans/2026-copy.toml");
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(lines(r.err) == 1);
    CHECK(contains(r.err, "plans/2026.toml:"));
    CHECK(contains(r.err,
                   "the plan is for calendar 'check-wheel', but the calendar in use is "
                   "'nya-perspektiv-2025-2028'"));
    CHECK(contains(r.err, "--calendar FILE"));
    CHECK(contains(r.err, "(and 1 more plan file like it)"));
    auto none = in(repo.path(), "check");
    CHECK(none.exit_code == 2);
    CHECK(contains(none.err, "no plan files: give them"));
}

TEST_CASE("project: a broken cycle.toml is a located error, never skipped",
          "[project][bad-input]") {
    temp_dir repo;
    make_repository(repo.path());
    write_file(repo.path() / "cycle.toml",
               "calendar = \"calendars/wheel.toml\"\nplan = \"plans\"\n");
    auto typo = in(repo.path() / "plans", "check 2026.toml");
    CHECK(typo.exit_code == 2);
    CHECK(contains(
        typo.err,
        "../cycle.toml:2:1: error: cycle.toml: unknown key 'plan' (did you mean 'plans'?)"));
    write_file(repo.path() / "cycle.toml", "calendar = \"calendars/whel.toml\"\n");
    auto absent = in(repo.path(), "plan --year 2026");
    CHECK(absent.exit_code == 2);
    CHECK(absent.out == "");
    CHECK(contains(absent.err,
                   "cycle.toml:1:12: error: cycle.toml names the calendar 'calendars/whel.toml', "
                   "which does not exist"));
    write_file(repo.path() / "cycle.toml", "calendar = 3\n");
    CHECK(in(repo.path(), "plan --year 2026").exit_code == 2);
}
