// The Debian packages, built by cpack from this build tree into a temporary
// directory: their names, contents and computed Depends; lintian finds no
// errors; and, when run as root (CI), apt-get installs both, the installed
// tool alone checks examples/ci/plans, the manual page, bash completion and
// CMake/pkg-config files are where Debian tools look, and both packages are
// removed again, also when a check fails.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "../support.hpp"

namespace fs = std::filesystem;
using cycle::test::process_result;
using cycle::test::run;

namespace {

const fs::path source_dir = CYCLE_SOURCE_DIR;
const std::string version = CYCLE_VERSION;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}
std::string q(const fs::path& p) {
    return "'" + p.string() + "'";
}

const std::string apt = "DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -y -qq ";

bool installed(const std::string& package) {
    return run("dpkg-query -W -f='${Status}' " + package +
               " 2>/dev/null | grep -q 'install ok installed'")
               .exit_code == 0;
}

// Holds a lock file across processes (other build trees on the machine run
// this test too), installs the packages, and removes them when it goes.
class system_install {
public:
    explicit system_install(const std::vector<fs::path>& debs) {
        lock_ = ::open("/tmp/libcycle-deb-test.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        REQUIRE(lock_ >= 0);
        REQUIRE(::flock(lock_, LOCK_EX) == 0);
        std::string files;
        for (const auto& d : debs) files += " " + q(d);
        installing_ = true;
        result_ = run(apt + "install --no-install-recommends" + files);
    }
    ~system_install() {
        if (installing_) {
            auto removed = run(apt + "purge libcycle-dev libcycle");
            if (removed.exit_code != 0)
                WARN("apt-get purge failed: " << removed.out << removed.err);
        }
        if (lock_ >= 0) ::close(lock_);
    }
    system_install(const system_install&) = delete;
    system_install& operator=(const system_install&) = delete;
    const process_result& result() const { return result_; }

private:
    int lock_ = -1;
    bool installing_ = false;
    process_result result_;
};

}  // namespace

TEST_CASE("Debian packages: built, listed, lintian-clean, installed and removed") {
    cycle::test::temp_dir dir;
    auto built = run("cd " + q(dir.path()) + " && " + CYCLE_CPACK + " -G DEB -B " + q(dir.path()) +
                     " --config " + q(fs::path(CYCLE_BUILD_DIR) / "CPackConfig.cmake"));
    INFO(built.out << built.err);
    REQUIRE(built.exit_code == 0);
    const fs::path runtime = dir / ("libcycle_" + version + "_amd64.deb");
    const fs::path dev = dir / ("libcycle-dev_" + version + "_amd64.deb");
    REQUIRE(fs::exists(runtime));
    REQUIRE(fs::exists(dev));

    // Contents: the tool, libraries, data and docs in libcycle; what a
    // developer needs in libcycle-dev.
    auto contents = run("dpkg-deb --contents " + q(runtime));
    REQUIRE(contents.exit_code == 0);
    for (auto path :
         {"./usr/bin/cycle", "./usr/lib/libcycle.so.0", "./usr/lib/libcycle_c.so.0",
          "./usr/lib/libcycle_plugins.so.0",
          "./usr/share/cycle/calendars/nya-perspektiv-2025-2028.toml",
          "./usr/share/cycle/calendars/nya-perspektiv-2023.toml",
          "./usr/share/cycle/schemas/calendar.schema.json",
          "./usr/share/cycle/schemas/plan.schema.json", "./usr/share/cycle/ci/cycle-ci.sh",
          "./usr/share/bash-completion/completions/cycle", "./usr/share/man/man1/cycle.1.gz",
          "./usr/share/man/man1/cycle-check.1.gz", "./usr/share/man/man1/cycle-schema.1.gz",
          "./usr/share/doc/libcycle/copyright", "./usr/share/doc/libcycle/changelog.gz",
          "./usr/share/doc/libcycle/README.md", "./usr/share/doc/libcycle/docs/check.md"}) {
        INFO(path);
        CHECK((contains(contents.out, std::string(path) + "\n") ||
               contains(contents.out, std::string(path) + " -> ")));
    }
    CHECK_FALSE(contains(contents.out, "./usr/include"));
    CHECK_FALSE(contains(contents.out, ".a\n"));
    auto dev_contents = run("dpkg-deb --contents " + q(dev));
    REQUIRE(dev_contents.exit_code == 0);
    for (auto path : {"./usr/include/cycle/plan.hpp", "./usr/include/cycle/cycle.h",
                      "./usr/include/cycle/builtin_plugins.hpp", "./usr/lib/libcycle_plugins.so ",
                      "./usr/lib/libcycle.a", "./usr/lib/libcycle.so ", "./usr/lib/libcycle_c.so ",
                      "./usr/lib/cmake/cycle/cycleConfig.cmake",
                      "./usr/lib/cmake/cycle/cycleTargets.cmake", "./usr/lib/pkgconfig/cycle.pc",
                      "./usr/lib/pkgconfig/cycle-c.pc", "./usr/share/doc/libcycle-dev/copyright"}) {
        INFO(path);
        CHECK(contains(dev_contents.out, path));
    }
    CHECK_FALSE(contains(dev_contents.out, "./usr/bin"));

    // Depends computed by dpkg-shlibdeps from what the binaries link.
    auto depends = run("dpkg-deb -f " + q(runtime) + " Depends");
    INFO(depends.out);
    for (auto lib : {"libc6 (>=", "libstdc++6", "libfmt9", "libical3"})
        CHECK(contains(depends.out, lib));
    CHECK(contains(run("dpkg-deb -f " + q(dev) + " Depends").out, "libcycle (= " + version + ")"));

    // lintian: no errors (warnings are printed for the record).
    auto lint = run("lintian --tag-display-limit 0 " + q(runtime) + " " + q(dev));
    INFO("lintian:\n" << lint.out << lint.err);
    CHECK_FALSE(contains("\n" + lint.out, "\nE: "));
    CHECK(lint.exit_code == 0);
    if (!lint.out.empty()) WARN("lintian:\n" << lint.out);

    if (::geteuid() != 0) {
        WARN("not root: the packages are not installed (CI runs this as root)");
        return;
    }
    if (installed("libcycle") || installed("libcycle-dev") || fs::exists("/usr/bin/cycle")) {
        WARN(
            "libcycle (or a /usr/bin/cycle) is on this machine already: not replacing or removing "
            "it");
        return;
    }
    {
        system_install install({runtime, dev});
        INFO(install.result().out << install.result().err);
        REQUIRE(install.result().exit_code == 0);
        // The installed tool only: a clean environment, nothing from the build tree.
        const std::string clean = "env -i PATH=/usr/bin:/bin HOME=/tmp LC_ALL=C.UTF-8 ";
        auto check = run("cd " + q(source_dir / "examples/ci") + " && " + clean +
                         "cycle check plans/2026.toml plans/2027.toml --strict");
        CHECK(check.exit_code == 0);
        CHECK(check.out == "cycle check: no findings in 2 plan files (70 occurrences)\n");
        auto broken = run("cd " + q(source_dir / "examples/ci") + " && " + clean +
                          "cycle check broken/2026.toml");
        CHECK(broken.exit_code == 1);
        CHECK(broken.out ==
              cycle::test::read_file(source_dir / "examples/ci/broken/expected-output.txt"));
        CHECK(run(clean + "which cycle").out == "/usr/bin/cycle\n");
        CHECK(run(clean + "cycle --version").out == "cycle " + version + "\n");
        CHECK(run(clean + "cycle schema plan").out ==
              cycle::test::read_file("/usr/share/cycle/schemas/plan.schema.json"));
        CHECK(run(clean + "man -w cycle-check").out == "/usr/share/man/man1/cycle-check.1.gz\n");
        // bash-completion finds the completion on demand.
        auto completion = run(clean +
                              "bash -c 'source /usr/share/bash-completion/bash_completion; "
                              "_completion_loader cycle; complete -p cycle'");
        CHECK(completion.out == "complete -F _cycle cycle\n");
        CHECK(run(clean + "pkg-config --modversion cycle").out == version + "\n");
        // --calendar completes to the calendars the package installed.
        auto calendars = run(clean + "cycle complete --current '' -- plan --calendar");
        CHECK(calendars.out ==
              "/usr/share/cycle/calendars/nya-perspektiv-2020.toml\n"
              "/usr/share/cycle/calendars/nya-perspektiv-2023.toml\n"
              "/usr/share/cycle/calendars/nya-perspektiv-2025-2028.toml\n@files\n");
        // The CI script's install step sees the release is there already.
        auto ci = run(clean + "/usr/share/cycle/ci/cycle-ci.sh install --version " + version +
                      " --url " + q("file://" + runtime.string()));
        CHECK(ci.exit_code == 0);
        CHECK(contains(ci.out, "libcycle " + version + " is already installed"));
    }
    CHECK_FALSE(installed("libcycle"));
    CHECK_FALSE(installed("libcycle-dev"));
    CHECK_FALSE(fs::exists("/usr/bin/cycle"));
}
