// ci/cycle-ci.sh, the steps the GitHub Action (action.yml) and the GitLab CI
// template run, run here as a plan repository's pipeline would: a git
// repository with a base branch and a branch that moves a meeting and adds
// a plan; and the pre-commit hook's entry on the plan files of a commit.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "support.hpp"

namespace fs = std::filesystem;
using cycle::test::read_file;
using cycle::test::run;

namespace {

const fs::path source_dir = CYCLE_SOURCE_DIR;
const std::string script = (source_dir / "ci/cycle-ci.sh").string();

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A plan repository: main has plans/2026.toml; branch `change` moves the
// seminar to Kristi himmelsfärdsdag (an error) and adds plans/2027.toml.
struct plan_repository {
    cycle::test::temp_dir dir;
    std::string git =
        "git -c user.name=ci -c user.email=ci@example.org -c init.defaultBranch=main "
        "-c commit.gpgsign=false";

    plan_repository() {
        fs::create_directories(dir / "plans");
        fs::copy_file(source_dir / "examples/ci/plans/2026.toml", dir / "plans/2026.toml");
        REQUIRE(in_repo(git + " init -q && " + git + " add plans && " + git +
                        " commit -q -m base && " + git + " checkout -q -b change")
                    .exit_code == 0);
        std::string plan = read_file(dir / "plans/2026.toml");
        auto at = plan.find("date = 2026-05-19");
        REQUIRE(at != std::string::npos);
        plan.replace(at, 17, "date = 2026-05-14");
        cycle::test::write_file(dir / "plans/2026.toml", plan);
        fs::copy_file(source_dir / "examples/ci/plans/2027.toml", dir / "plans/2027.toml");
        REQUIRE(in_repo(git + " add plans && " + git + " commit -q -m change").exit_code == 0);
    }

    cycle::test::process_result in_repo(const std::string& command) const {
        return run("cd '" + dir.path().string() + "' && " + command);
    }
    cycle::test::process_result ci(const std::string& args) const {
        return in_repo("CYCLE='" + std::string(CYCLE_CLI) + "' '" + script + "' " + args);
    }
};

}  // namespace

TEST_CASE(
    "cycle-ci.sh check: the diff against the base branch, annotations, JUnit and the exit status") {
    plan_repository repo;
    auto r = repo.ci("check --base main --format github --junit report.xml 'plans/*.toml'");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    // cycle diff of the changed plan against main, and the new plan named.
    CHECK(contains(r.out, "== What changed since main =="));
    CHECK(contains(r.out, "-- plans/2026.toml\n"));
    CHECK(contains(r.out, "2026-05-19"));
    CHECK(contains(r.out, "2026-05-14"));
    CHECK(contains(r.out, "-- plans/2027.toml: new\n"));
    // GitHub annotations on the plan's line.
    CHECK(
        contains(r.out, "::error file=plans/2026.toml,line=11,col=8,title=cycle check [holiday]::"));
    CHECK(contains(r.out, "[holiday]"));
    // The JUnit report, with the failure in it.
    std::string junit = read_file(repo.dir / "report.xml");
    CHECK(contains(junit, "<testsuite"));
    CHECK(contains(junit, "<failure"));
    CHECK(contains(junit, "Kristi himmelsfärdsdag"));
    CHECK_FALSE(fs::exists(repo.dir / "report.xml.tmp"));
}

TEST_CASE(
    "cycle-ci.sh check: a clean branch passes, with a JUnit report and no diff without --base") {
    plan_repository repo;
    REQUIRE(repo.in_repo(repo.git + " checkout -q main").exit_code == 0);
    auto r = repo.ci("check --junit report.xml 'plans/*.toml' 'plans/2026.toml'");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK_FALSE(contains(r.out, "What changed"));
    CHECK(contains(r.out, "no findings in 1 plan file"));  // each file once
    CHECK(contains(read_file(repo.dir / "report.xml"), "<testsuite"));
    // A base branch that does not exist: said, and the check still runs.
    auto no_base = repo.ci("check --base no-such-branch 'plans/*.toml'");
    CHECK(no_base.exit_code == 0);
    CHECK(contains(no_base.err, "base branch 'no-such-branch' not found"));
}

TEST_CASE("cycle-ci.sh: bad input is exit 2 with a message") {
    plan_repository repo;
    auto none = repo.ci("check 'nothing/*.toml'");
    CHECK(none.exit_code == 2);
    CHECK(contains(none.err, "no plan file matches 'nothing/*.toml'"));
    auto usage = repo.ci("frobnicate");
    CHECK(usage.exit_code == 2);
    CHECK(contains(usage.err, "usage:"));
    // install: a URL that is not a libcycle package is refused before apt-get.
    cycle::test::write_file(repo.dir / "not-a.deb", "hello");
    auto not_deb = repo.ci("install --url 'file://" + (repo.dir / "not-a.deb").string() + "'");
    CHECK(not_deb.exit_code == 2);
    CHECK(contains(not_deb.err, "is not a Debian package"));
    auto missing = repo.ci("install --url 'file://" + (repo.dir / "missing.deb").string() + "'");
    CHECK(missing.exit_code == 2);
    CHECK(contains(missing.err, "cannot download"));
    CHECK(repo.ci("install").exit_code == 2);
}

TEST_CASE("the pre-commit hook runs cycle check on the plan files a commit touches") {
    const std::string hooks = read_file(source_dir / ".pre-commit-hooks.yaml");
    std::smatch entry, files;
    REQUIRE(std::regex_search(hooks, entry, std::regex("\n  entry: ([^\n]+)\n")));
    REQUIRE(std::regex_search(hooks, files, std::regex("\n  files: ([^\n]+)\n")));
    CHECK(contains(hooks, "\n  language: system\n"));
    CHECK(contains(hooks, "\n  pass_filenames: true\n"));
    std::regex plan_files(files[1].str());  // pre-commit: Python re.search on the path
    CHECK(std::regex_search("plans/2026.toml", plan_files));
    CHECK_FALSE(std::regex_search("calendars/ours.toml", plan_files));
    CHECK_FALSE(std::regex_search("plans/README.md", plan_files));
    // pre-commit runs `entry FILE...` in the repository with cycle on PATH.
    const std::string path = "PATH='" + fs::path(CYCLE_CLI).parent_path().string() + "':\"$PATH\" ";
    auto good = run("cd '" + (source_dir / "examples/ci").string() + "' && " + path +
                    entry[1].str() + " plans/2026.toml plans/2027.toml");
    CHECK(good.exit_code == 0);
    auto bad = run("cd '" + (source_dir / "examples/ci").string() + "' && " + path +
                   entry[1].str() + " broken/2026.toml");
    CHECK(bad.exit_code == 1);
    CHECK(bad.out == read_file(source_dir / "examples/ci/broken/expected-output.txt"));
}

namespace {

// A YAML file as JSON, read by Debian's python3-yaml.
nlohmann::json yaml(const fs::path& file) {
    auto r =
        run(std::string(CYCLE_PYTHON) +
            " -c 'import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))' '" +
            file.string() + "'");
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("action.yml: its shell steps, run as the runner runs them, are the tested script") {
    auto action = yaml(source_dir / "action.yml");
    CHECK(action["runs"]["using"] == "composite");
    for (auto input : {"version", "deb-url", "plans", "base-ref", "junit"}) {
        INFO(input);
        CHECK(action["inputs"].contains(input));
    }
    const auto& steps = action["runs"]["steps"];
    REQUIRE(steps.size() == 3);
    plan_repository repo;
    cycle::test::temp_dir home;  // the step sets git's safe.directory in ~/.gitconfig
    const std::string runner = "HOME='" + home.path().string() + "' GITHUB_ACTION_PATH='" +
                               source_dir.string() + "' GITHUB_WORKSPACE='" +
                               repo.dir.path().string() + "' CYCLE='" + CYCLE_CLI + "' ";
    auto step = [&](const nlohmann::json& s, const std::string& env) {
        CHECK(s["shell"] == "bash");
        cycle::test::write_file(repo.dir / "step.sh", s["run"].get<std::string>());
        return repo.in_repo(runner + env +
                            " bash --noprofile --norc -eo pipefail step.sh");  // as the runner does
    };
    // Install: the URL input reaches the script, which refuses a non-package.
    cycle::test::write_file(repo.dir / "not-a.deb", "hello");
    CHECK(steps[0]["env"]["CYCLE_DEB_URL"] == "${{ inputs.deb-url }}");
    auto install = step(steps[0], "CYCLE_VERSION=0.1.0 CYCLE_DEB_URL='file://" +
                                      (repo.dir / "not-a.deb").string() + "'");
    CHECK(install.exit_code == 2);
    CHECK(contains(install.err, "is not a Debian package"));
    // Check: diff against the base, annotations, the JUnit report, exit 1.
    CHECK(steps[1]["env"]["CYCLE_PLANS"] == "${{ inputs.plans }}");
    auto check =
        step(steps[1], "CYCLE_BASE=main CYCLE_JUNIT=report.xml CYCLE_PLANS='plans/*.toml'");
    INFO(check.out << check.err);
    CHECK(check.exit_code == 1);
    CHECK(contains(check.out, "== What changed since main =="));
    CHECK(contains(check.out, "::error file=plans/2026.toml,line=11"));
    CHECK(contains(read_file(repo.dir / "report.xml"), "<failure"));
    // Upload: the report the check step wrote, even when it failed.
    CHECK(steps[2]["uses"] == "actions/upload-artifact@v4");
    CHECK(steps[2]["if"] == "always()");
    CHECK(steps[2]["with"]["path"] == "${{ inputs.junit }}");
    CHECK(steps[1]["env"]["CYCLE_JUNIT"] == "${{ inputs.junit }}");
}

TEST_CASE("the GitLab CI template runs the tested script and keeps its JUnit report") {
    auto gitlab = yaml(source_dir / "ci/gitlab/cycle.gitlab-ci.yml");
    const auto& job = gitlab[".cycle-check"];
    CHECK(gitlab["cycle-check"]["extends"] == ".cycle-check");
    CHECK(job["artifacts"]["when"] == "always");
    const std::string report = job["artifacts"]["reports"]["junit"];
    // before_script fetches ci/cycle-ci.sh of the release and installs with it.
    const std::string fetch = job["before_script"][1];
    CHECK(contains(fetch, "/ci/cycle-ci.sh\""));
    CHECK(contains(job["before_script"][2].get<std::string>(), "bash /tmp/cycle-ci.sh install"));
    // script: run with the script from this tree, on a merge request.
    std::string script;
    for (const auto& line : job["script"]) script += line.get<std::string>() + "\n";
    auto at = script.find("/tmp/cycle-ci.sh");
    REQUIRE(at != std::string::npos);
    script.replace(at, 16, "'" + source_dir.string() + "/ci/cycle-ci.sh'");
    plan_repository repo;
    cycle::test::write_file(repo.dir / "job.sh", script);
    auto r =
        repo.in_repo("CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main CYCLE_PLANS='plans/*.toml' CYCLE='" +
                     std::string(CYCLE_CLI) + "' bash -e job.sh");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "== What changed since main =="));
    CHECK(contains(r.out, "[holiday]"));
    CHECK(contains(read_file(repo.dir / report), "<failure"));
}
