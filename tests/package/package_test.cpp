// The installed package, as a municipal integrator gets it: this build tree
// installed with `cmake --install` into a temporary prefix; the examples
// configured and built against that prefix (never the build tree); the
// embedding program, a C program (pkg-config) and the Python example run on
// the installed libraries; both example plugins loaded into the installed
// `cycle` through --plugin-dir and CYCLE_PLUGIN_PATH.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "../support.hpp"

namespace fs = std::filesystem;
using cycle::test::process_result;
using cycle::test::run;

namespace {

const std::string source_dir = CYCLE_SOURCE_DIR;
const std::string sanitize_flags = CYCLE_SANITIZE_FLAGS;

using cycle::test::contains;
std::string q(const fs::path& p) {
    return cycle::test::quoted(p.string());
}

// The prefix and the examples' build directories, made once per run.
struct installed_package {
    cycle::test::temp_dir root;
    fs::path prefix = root / "prefix";
    fs::path embed = root / "embed";
    fs::path markdown = root / "plugin-markdown";
    fs::path rule = root / "plugin-rule";
    std::string failure;  // the step that failed and what it printed

    fs::path cycle() const { return prefix / "bin" / "cycle"; }
    fs::path c_library() const { return prefix / "lib" / "libcycle_c.so"; }

    bool step(const std::string& what, const std::string& command) {
        auto r = run(command);
        if (r.exit_code != 0)
            failure = what + " failed (" + std::to_string(r.exit_code) + "):\n" + r.out + r.err;
        return r.exit_code == 0;
    }

    bool build_example(const std::string& name, const fs::path& dir,
                       const std::string& options = {}) {
        std::string flags =
            sanitize_flags.empty() ? "" : " -DCMAKE_CXX_FLAGS='" + sanitize_flags + "'";
        return step("configuring examples/" + name,
                    std::string(CYCLE_CMAKE) + " -S " + q(source_dir + "/examples/" + name) +
                        " -B " + q(dir) + " -G '" + CYCLE_GENERATOR + "' -DCMAKE_CXX_COMPILER='" +
                        CYCLE_CXX + "' -DCMAKE_PREFIX_PATH=" + q(prefix) + flags + " " + options) &&
               step("building examples/" + name,
                    std::string(CYCLE_CMAKE) + " --build " + q(dir) + " -j 2");
    }

    installed_package() {
        step("cmake --install", std::string(CYCLE_CMAKE) + " --install " + q(CYCLE_BUILD_DIR) +
                                    " --prefix " + q(prefix)) &&
            build_example("embed", embed, "-DNEXT_DEADLINES_STATIC=ON") &&
            build_example("plugin-markdown", markdown) && build_example("plugin-rule", rule);
    }
};

const installed_package& package() {
    static const installed_package p;  // built once, removed at exit
    INFO(p.failure);
    REQUIRE(p.failure.empty());
    return p;
}

// The installed cycle, with an environment prefix (e.g. CYCLE_PLUGIN_PATH=...).
process_result run_installed(const std::string& args, const std::string& env = {}) {
    return run(env + " " + q(package().cycle()) + " " + args);
}

std::string cmake_cache_value(const fs::path& build, const std::string& key) {
    auto cache = cycle::test::read_file(build / "CMakeCache.txt");
    auto at = cache.find("\n" + key + ":");
    if (at == std::string::npos) return {};
    at = cache.find('=', at) + 1;
    return cache.substr(at, cache.find('\n', at) - at);
}

// A plan file that puts Eda's 2026 local dialogue in ISO week 41, one of the
// rule plugin's default blackout weeks, optionally with a waiver.
fs::path week_41_plan(const cycle::test::temp_dir& dir, bool waived) {
    std::string toml =
        "calendar = \"nya-perspektiv-2025-2028\"\n\n[[occurrence]]\nevent = \"local-dialogue\"\n"
        "member = \"eda\"\nyear = 2026\ndate = 2026-10-06\n";
    if (waived)
        toml +=
            "\n[[occurrence.waive]]\nrule = \"blackout-week\"\nreason = \"Only day the hall is "
            "free\"\n";
    auto path = dir / (waived ? "waived.toml" : "plan.toml");
    cycle::test::write_file(path, toml);
    return path;
}

std::string python(const std::string& args) {
    std::string env;
    if (!sanitize_flags.empty())  // an instrumented libcycle_c needs the ASan runtime first
        env = std::string("LD_PRELOAD='") + CYCLE_ASAN_RUNTIME + "' ASAN_OPTIONS=detect_leaks=0 ";
    return env + CYCLE_PYTHON + " " + q(source_dir + "/examples/python/next_dates.py") +
           " --library " + q(package().c_library()) + " " + args;
}

}  // namespace

TEST_CASE("cmake --install lays out headers, libraries, the package and pkg-config files",
          "[package]") {
    const auto& p = package();
    for (const char* file :
         {"include/cycle/cycle.h", "include/cycle/plugin.hpp", "include/cycle/plugin_loader.hpp",
          "include/cycle/plan.hpp", "include/cycle/builtin_plugins.hpp",
          "include/cycle/state_store.hpp", "lib/libcycle.so", "lib/libcycle.a",
          "lib/libcycle_c.so", "lib/libcycle_plugins.so", "lib/libcycle_plugins.so.0",
          "lib/cmake/cycle/cycleConfig.cmake", "lib/cmake/cycle/cycleConfigVersion.cmake",
          "lib/cmake/cycle/cycleTargets.cmake", "lib/pkgconfig/cycle.pc",
          "lib/pkgconfig/cycle-c.pc", "bin/cycle"}) {
        INFO(file);
        CHECK(fs::exists(p.prefix / file));
    }
    auto targets = cycle::test::read_file(p.prefix / "lib/cmake/cycle/cycleTargets.cmake");
    for (const char* target :
         {"cycle::cycle ", "cycle::cycle_static ", "cycle::plugins ", "cycle::cycle_c "})
        CHECK(contains(targets, std::string("add_library(") + target));
    auto version = run_installed("--version");
    CHECK(version.exit_code == 0);
    CHECK(contains(version.out, "cycle 0."));
}

TEST_CASE("examples are built against the installed package, not the build tree", "[package]") {
    const auto& p = package();
    for (const auto& dir : {p.embed, p.markdown, p.rule}) {
        INFO(dir);
        CHECK(cmake_cache_value(dir, "cycle_DIR") == (p.prefix / "lib/cmake/cycle").string());
    }
    auto needed = run("readelf -d " + q(p.embed / "next-deadlines"));
    CHECK(contains(needed.out, "libcycle.so.0"));
    auto static_needed = run("readelf -d " + q(p.embed / "next-deadlines-static"));
    CHECK_FALSE(contains(static_needed.out, "libcycle.so"));
}

TEST_CASE("examples/embed lists the next deadlines of one principal (shared and static)",
          "[package]") {
    const auto& p = package();
    const std::string expected =
        "Next deadlines for Eda kommun from 2026-09-01:\n"
        "  2026-09-04  v. 36  Lokal dialog – Eda kommun  (no later than 2026-10-31)\n"
        "  2026-10-30  v. 44  Sista dag för lokala dialoger  (window ends 2026-10-31)\n";
    for (const char* program : {"next-deadlines", "next-deadlines-static"}) {
        INFO(program);
        auto r = run(q(p.embed / program) + " eda 2026-09-01 2");
        CHECK(r.exit_code == 0);
        CHECK(r.out == expected);
    }
    auto unknown = run(q(p.embed / "next-deadlines") + " nowhere 2026-09-01");
    CHECK(unknown.exit_code == 2);
    CHECK(contains(unknown.err, "'nowhere' is not a body"));
}

TEST_CASE("install components: runtime (libraries, the command) and dev apart", "[package]") {
    cycle::test::temp_dir dir;
    auto install = [&](const std::string& component) {
        auto prefix = dir / component;
        auto r = run(std::string(CYCLE_CMAKE) + " --install " + q(CYCLE_BUILD_DIR) +
                     " --component " + component + " --prefix " + q(prefix));
        INFO(r.out + r.err);
        REQUIRE(r.exit_code == 0);
        return prefix;
    };
    auto runtime = install("runtime");
    for (const char* file :
         {"lib/libcycle.so.0", "lib/libcycle_plugins.so.0", "lib/libcycle_c.so.0", "bin/cycle"}) {
        INFO(file);
        CHECK(fs::exists(runtime / file));
    }
    CHECK_FALSE(fs::exists(fs::symlink_status(runtime / "lib/libcycle.so")));  // dev's link
    CHECK_FALSE(fs::exists(runtime / "include"));
    auto dev = install("dev");
    for (const char* file : {"lib/libcycle.so", "lib/libcycle_plugins.so", "lib/libcycle.a",
                             "include/cycle/cycle.h", "include/cycle/builtin_plugins.hpp",
                             "lib/cmake/cycle/cycleTargets.cmake", "lib/pkgconfig/cycle.pc"}) {
        INFO(file);
        // The .so links point into the runtime component: dangling here.
        CHECK(fs::exists(fs::symlink_status(dev / file)));
    }
    CHECK(fs::is_symlink(dev / "lib/libcycle.so"));
    CHECK_FALSE(fs::exists(fs::symlink_status(dev / "lib/libcycle.so.0")));
}

TEST_CASE("examples/embed publishes a feed and checks its plan without the cycle command",
          "[package]") {
    const auto& p = package();
    auto needed = run("readelf -d " + q(p.embed / "publish-feed"));
    CHECK(contains(needed.out, "libcycle_plugins.so.0"));
    cycle::test::temp_dir dir;
    const auto feed = dir / "eda.ics";
    const std::string uid = "UID:local-dialogue.2026.eda@nya-perspektiv-2025-2028\r\n";
    auto sequence = [&](const std::string& text) {
        auto at = text.find(uid);
        REQUIRE(at != std::string::npos);
        auto seq = text.find("SEQUENCE:", at);
        REQUIRE(seq < text.find("END:VEVENT", at));
        return std::stoi(text.substr(seq + 9));
    };
    auto publish = [&](const std::string& plan) {
        return run(q(p.embed / "publish-feed") + " eda " + q(feed) + (plan.empty() ? "" : " ") +
                   plan);
    };

    auto first = publish("");
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK(first.out == "published " + feed.string() + " for Eda kommun\n");
    const auto planned = cycle::test::read_file(feed);
    CHECK(planned.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
    CHECK(sequence(planned) == 0);
    CHECK(fs::exists(dir / "feed-state.tsv"));

    // Eda fixes its dialogue on 20 October: checked, published, SEQUENCE 1.
    const auto moved = dir / "2026.toml";
    cycle::test::write_file(moved,
                            "calendar = \"nya-perspektiv-2025-2028\"\n\n[[occurrence]]\n"
                            "event = \"local-dialogue\"\nmember = \"eda\"\nyear = 2026\n"
                            "date = 2026-10-20\n");
    auto second = publish(q(moved));
    INFO(second.err);
    REQUIRE(second.exit_code == 0);
    const auto updated = cycle::test::read_file(feed);
    CHECK(sequence(updated) == 1);
    CHECK(contains(updated, "DTSTART;VALUE=DATE:20261020\r\n"));

    // After the 31 October deadline: the deadlines checker stops the publish.
    const auto late = dir / "late.toml";
    cycle::test::write_file(late,
                            "calendar = \"nya-perspektiv-2025-2028\"\n\n[[occurrence]]\n"
                            "event = \"local-dialogue\"\nmember = \"eda\"\nyear = 2026\n"
                            "date = 2026-11-05\n");
    auto refused = publish(q(late));
    CHECK(refused.exit_code == 1);
    CHECK(contains(refused.err, late.string() + ":7:8: error: "));
    CHECK(contains(refused.err, "not published"));
    CHECK(cycle::test::read_file(feed) == updated);
}

TEST_CASE("the markdown plugin, loaded with --plugin-dir, writes the agenda of the plan",
          "[package]") {
    const auto& p = package();
    auto listed = run_installed("--plugin-dir " + q(p.markdown) + " plugins");
    REQUIRE(listed.exit_code == 0);
    CHECK(listed.err.empty());
    CHECK(contains(listed.out, "markdown     exporter   1.0.0      markdown"));
    CHECK(contains(listed.out, (p.markdown / "markdown.so").string()));

    auto md = run_installed("--plugin-dir " + q(p.markdown) +
                            " export markdown --year 2026 --audience eda");
    REQUIRE(md.exit_code == 0);
    CHECK(md.out.rfind("# Nya perspektiv – årshjul 2025–2028: 2026\n\nFor Eda kommun.\n", 0) == 0);
    // Every occurrence of the same plan, in order, under its month.
    auto plan = run_installed("plan --year 2026 --audience eda --format json");
    REQUIRE(plan.exit_code == 0);
    auto occurrences = nlohmann::json::parse(plan.out)["occurrences"];
    REQUIRE(occurrences.size() >= 5);
    std::size_t at = 0;
    for (const auto& o : occurrences) {
        const auto date = o["date"].get<std::string>();
        const auto month = "\n## " + date.substr(0, 7) + "\n";
        CHECK(contains(md.out, month));
        const auto item = "- **" + date + "**";
        INFO(item);
        auto found = md.out.find(item, at);
        REQUIRE(found != std::string::npos);
        auto line_end = md.out.find('\n', found);
        CHECK(contains(md.out.substr(found, line_end - found), o["title"].get<std::string>()));
        at = line_end;
    }
}

TEST_CASE("the rule plugin, found through CYCLE_PLUGIN_PATH, is listed as a checker", "[package]") {
    const auto& p = package();
    auto listed = run_installed(
        "plugins", "CYCLE_PLUGIN_PATH=" + q(p.rule.string() + ":" + p.markdown.string()));
    REQUIRE(listed.exit_code == 0);
    CHECK(listed.err.empty());
    CHECK(contains(listed.out, "blackout     checker    1.0.0      blackout-weeks"));
    CHECK(contains(listed.out, "markdown     exporter"));
}

TEST_CASE("cycle check runs the rule plugin loaded with --plugin-dir", "[package]") {
    const auto& p = package();
    cycle::test::temp_dir dir;
    auto plan = week_41_plan(dir, false);
    auto broken = run_installed("--plugin-dir " + q(p.rule) + " check --partial " + q(plan));
    CHECK(broken.exit_code == 1);
    CHECK(contains(broken.out, plan.string() + ":7:8: error: "));
    CHECK(contains(broken.out, "a blackout week of Eda kommun [blackout-week]"));
    // Without the plugin the same plan keeps every rule of the wheel.
    CHECK(run_installed("check --partial " + q(plan)).exit_code == 0);
    auto waived_plan = week_41_plan(dir, true);
    auto waived = run_installed("--plugin-dir " + q(p.rule) + " check --partial " + q(waived_plan));
    CHECK(waived.exit_code == 0);
    CHECK(contains(waived.out, "(waived: Only day the hall is free)"));
}

TEST_CASE("the installed cycle refuses a wrong API version and a non-plugin, and carries on",
          "[package]") {
    const auto& p = package();
    cycle::test::temp_dir junk;
    cycle::test::write_file(junk / "README.so", "Plugins go here.\n");
    const std::string refused = std::string(CYCLE_TEST_PLUGINS) + "/refused";
    auto r = run_installed("--plugin-dir " + q(junk.path()) + " export markdown --year 2026",
                           "CYCLE_PLUGIN_PATH=" + q(refused + ":" + p.markdown.string()));
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "# Nya perspektiv"));
    CHECK(contains(
        r.err,
        refused +
            "/wrong_api_plugin.so: warning: plugin 'future' was built for plugin API version"));
    CHECK(contains(r.err, refused +
                              "/not_a_plugin.so: warning: not a cycle plugin: the library has no "
                              "'cycle_plugin_info' function; skipped"));
    CHECK(contains(r.err, (junk / "README.so").string() +
                              ": warning: cannot load plugin: not a usable shared library"));
}

TEST_CASE("a C program built with pkg-config cycle-c runs on the installed library", "[package]") {
    const auto& p = package();
    cycle::test::temp_dir dir;
    const std::string pkg = "PKG_CONFIG_PATH=" + q(p.prefix / "lib/pkgconfig") + " pkg-config";
    auto built =
        run(std::string(CYCLE_CC) + " " + sanitize_flags + " -std=c11 -Wall -Wextra -Werror " +
            q(source_dir + "/tests/package/c_smoke.c") + " -o " + q(dir / "c_smoke") + " $(" + pkg +
            " --cflags --libs cycle-c) -Wl,-rpath," + (p.prefix / "lib").string());
    INFO(built.err);
    REQUIRE(built.exit_code == 0);
    auto r = run(q(dir / "c_smoke"));
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "cycle 0."));
    CHECK(contains(r.out, " occurrences for eda in 2026"));
    CHECK_FALSE(contains(r.out, ": 0 occurrences"));

    // And the C++ API through pkg-config cycle.
    auto cxx =
        run(std::string(CYCLE_CXX) + " " + sanitize_flags + " -std=c++20 " +
            q(source_dir + "/examples/embed/next_deadlines.cpp") + " -o " + q(dir / "next") +
            " $(" + pkg + " --cflags --libs cycle) -Wl,-rpath," + (p.prefix / "lib").string());
    INFO(cxx.err);
    REQUIRE(cxx.exit_code == 0);
    CHECK(contains(run(q(dir / "next") + " eda 2026-09-01 1").out,
                   "2026-09-04  v. 36  Lokal dialog – Eda kommun"));
}

TEST_CASE("the Python example runs on the installed libcycle_c through ctypes", "[package]") {
    const auto& p = package();
    auto r = run(python("eda --year 2026 --from 2026-09-01 --to 2026-12-31"));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "libcycle 0."));
    CHECK(contains(r.out, "2026-09-04  v. 36  Lokal dialog – Eda kommun\n"));
    CHECK_FALSE(contains(r.out, "2026-05-"));
    CHECK(contains(r.out, "checks (deadlines): 0 finding(s)"));

    // The rule plugin through the C API: a finding at the plan file's entry.
    cycle::test::temp_dir dir;
    auto plan = week_41_plan(dir, false);
    auto checked = run(python("eda --year 2026 --plugin-dir " + q(p.rule) + " --plan " + q(plan)));
    INFO(checked.err);
    CHECK(checked.exit_code == 1);
    CHECK(contains(checked.out, "2026-10-06  v. 41  Lokal dialog – Eda kommun\n"));
    CHECK(contains(checked.out, "checks (deadlines, blackout-weeks): 1 finding(s)"));
    CHECK(contains(checked.out,
                   plan.string() +
                       ":7:8: error: Lokal dialog – Eda kommun on 2026-10-06 is in v. 41, "
                       "a blackout week of Eda kommun [blackout-week]"));

    auto waived = run(python("eda --year 2026 --plugin-dir " + q(p.rule) + " --plan " +
                             q(week_41_plan(dir, true))));
    CHECK(waived.exit_code == 0);
    CHECK(contains(waived.out, "[blackout-week] (waived: Only day the hall is free)"));

    auto unknown = run(python("nobody"));
    CHECK(unknown.exit_code == 2);
    CHECK(contains(unknown.err, "unknown audience 'nobody'"));
}
