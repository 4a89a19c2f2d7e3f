// External plugins: real libraries opened with dlopen, good and refused ones,
// through the library (plugin_loader.hpp) and through `cycle`.
#include "cycle/plugin_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "cycle/builtin_plugins.hpp"
#include "cycle/plan.hpp"
#include "support.hpp"

using cycle::test::run_cycle;

namespace {

const std::filesystem::path plugins_dir = CYCLE_TEST_PLUGINS;
const std::string good_dir = (plugins_dir / "good").string();
const std::string refused_dir = (plugins_dir / "refused").string();

using cycle::test::contains;

std::string message_of(const cycle::result<bool>& r) {
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.errors().size() == 1);
    return r.errors().front().to_string();
}

}  // namespace

TEST_CASE("load_plugin: a good plugin registers its exporter, with the library as origin",
          "[plugins]") {
    cycle::registry r;
    const auto library = plugins_dir / "good" / "hello_plugin.so";
    REQUIRE(cycle::load_plugin(r, library).ok());
    REQUIRE(r.plugins().size() == 1);
    CHECK(r.plugins()[0].name == "hello");
    CHECK(r.plugins()[0].version == "0.3.1");
    CHECK(r.plugins()[0].origin == library.string());
    const auto* e = r.find_exporter("hello");
    REQUIRE(e != nullptr);
    const auto& cal = cycle::default_calendar();
    auto p = cycle::make_plan(cal, {.year = 2026, .fixed = nullptr});
    REQUIRE(p.ok());
    auto text = e->write(cal, *p, {});
    REQUIRE(text.ok());
    CHECK(contains(*text, "hello from a plugin: nya-perspektiv-2025-2028 has "));
    // The same plugin twice: refused by name.
    CHECK(contains(message_of(cycle::load_plugin(r, library)),
                   "a plugin named 'hello' is already loaded"));
}

TEST_CASE("load_plugin: libraries that are not usable plugins are refused, naming the file",
          "[plugins]") {
    cycle::registry r;
    cycle::add_builtin_plugins(r);
    const auto before = r.components().size();
    const auto builtin_plugins = r.plugins().size();
    const auto builtin_exporters = r.exporters().size();

    auto wrong = (plugins_dir / "refused" / "wrong_api_plugin.so").string();
    auto m = message_of(cycle::load_plugin(r, wrong));
    CHECK(m.rfind(wrong + ": error: ", 0) == 0);
    CHECK(contains(m, fmt::format("built for plugin API version {}, but this cycle has version {}",
                                  CYCLE_PLUGIN_API_VERSION + 1, CYCLE_PLUGIN_API_VERSION)));

    auto none = (plugins_dir / "refused" / "not_a_plugin.so").string();
    m = message_of(cycle::load_plugin(r, none));
    CHECK(m.rfind(none + ": error: ", 0) == 0);
    CHECK(contains(m, "not a cycle plugin: the library has no 'cycle_plugin_info' function"));

    cycle::test::temp_dir dir;
    cycle::test::write_file(dir / "notes.so", "These are not machine instructions.\n");
    m = message_of(cycle::load_plugin(r, dir / "notes.so"));
    CHECK(m.rfind((dir / "notes.so").string() + ": error: ", 0) == 0);
    CHECK(contains(m, "not a usable shared library"));

    m = message_of(cycle::load_plugin(r, dir / "missing.so"));
    CHECK(contains(m, "not a regular file"));

    auto throwing = (plugins_dir / "refused" / "throwing_plugin.so").string();
    CHECK(contains(message_of(cycle::load_plugin(r, throwing)),
                   "plugin 'throwing' failed to register: configuration missing"));
    CHECK(r.find_exporter("half") == nullptr);

    auto clashing = (plugins_dir / "refused" / "clashing_plugin.so").string();
    CHECK(contains(message_of(cycle::load_plugin(r, clashing)),
                   "its exporter 'json' clashes with the one of plugin 'json'"));

    // Nothing of them is left; the built-ins are untouched.
    CHECK(r.components().size() == before);
    CHECK(r.plugins().size() == builtin_plugins);
    CHECK(r.exporters().size() == builtin_exporters);
}

TEST_CASE("load_plugin_directory: loads what it can and reports each refused file", "[plugins]") {
    cycle::registry r;
    CHECK(cycle::load_plugin_directory(r, good_dir).empty());
    CHECK(r.find_exporter("hello") != nullptr);

    auto refused = cycle::load_plugin_directory(r, refused_dir);
    // Wrong API version, not a plugin, throwing; the second "json" exporter
    // is fine in a registry without the built-in one.
    REQUIRE(refused.size() == 3);
    for (const char* file : {"wrong_api_plugin.so", "not_a_plugin.so", "throwing_plugin.so"}) {
        INFO(file);
        CHECK(std::any_of(refused.begin(), refused.end(),
                          [&](const cycle::error& e) { return contains(e.where.file, file); }));
    }
    CHECK(r.plugins().size() == 2);
    CHECK(r.find_exporter("json") != nullptr);

    auto missing = cycle::load_plugin_directory(r, plugins_dir / "no-such-dir");
    REQUIRE(missing.size() == 1);
    CHECK(contains(missing[0].to_string(), "plugin directory does not exist"));
}

TEST_CASE("split_plugin_path: colon-separated, empty entries ignored", "[plugins]") {
    using paths = std::vector<std::filesystem::path>;
    CHECK(cycle::split_plugin_path("") == paths{});
    CHECK(cycle::split_plugin_path("/a") == paths{"/a"});
    CHECK(cycle::split_plugin_path("/a::b:") == paths{"/a", "b"});
    CHECK(cycle::split_plugin_path(":/x/y") == paths{"/x/y"});
}

TEST_CASE("cycle --plugin-dir and CYCLE_PLUGIN_PATH load external plugins", "[plugins][cli]") {
    auto help = run_cycle("--help");
    CHECK(contains(help.out, "--plugin-dir"));
    CHECK(contains(help.out, "CYCLE_PLUGIN_PATH"));

    auto listed = run_cycle("--plugin-dir '" + good_dir + "' plugins");
    REQUIRE(listed.exit_code == 0);
    CHECK(listed.err.empty());
    CHECK(contains(listed.out, "json         exporter   1.0.0      json             built-in"));
    CHECK(contains(listed.out, "hello        exporter   0.3.1      hello            " + good_dir +
                                   "/hello_plugin.so"));

    auto exported = cycle::test::run("CYCLE_PLUGIN_PATH='/nonexistent/x::" + good_dir + "' '" +
                                     CYCLE_CLI + "' export hello --year 2026");
    CHECK(exported.exit_code == 0);
    CHECK(contains(exported.out, "hello from a plugin: nya-perspektiv-2025-2028 has "));
    CHECK(contains(exported.err, "/nonexistent/x: warning: plugin directory does not exist"));

    auto unloaded = run_cycle("export hello --year 2026");
    CHECK(unloaded.exit_code == 2);
    CHECK(contains(unloaded.err, "no exporter for format 'hello'; available: json"));
}

TEST_CASE("cycle warns about refused plugins, skips them and carries on", "[plugins][cli]") {
    cycle::test::temp_dir dir;
    cycle::test::write_file(dir / "notes.so", "not a library\n");
    auto r = run_cycle("--plugin-dir '" + refused_dir + "' --plugin-dir '" + dir.path().string() +
                       "' plugins");
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.err,
                   refused_dir +
                       "/wrong_api_plugin.so: warning: plugin 'future' was built for plugin API "
                       "version " +
                       std::to_string(CYCLE_PLUGIN_API_VERSION + 1)));
    CHECK(contains(r.err, refused_dir + "/not_a_plugin.so: warning: not a cycle plugin"));
    CHECK(contains(
        r.err, refused_dir + "/throwing_plugin.so: warning: plugin 'throwing' failed to register"));
    CHECK(contains(r.err,
                   refused_dir +
                       "/clashing_plugin.so: warning: plugin 'clashing' failed to register: its "
                       "exporter 'json' clashes"));
    CHECK(contains(r.err, (dir / "notes.so").string() +
                              ": warning: cannot load plugin: not a usable shared library"));
    CHECK(contains(r.out, "json         exporter"));
    CHECK_FALSE(contains(r.out, "future"));
    CHECK_FALSE(contains(r.out, "half"));

    auto bad_dir = run_cycle("--plugin-dir /nonexistent/plugins plugins");
    CHECK(bad_dir.exit_code == 2);
}

TEST_CASE(
    "a plugin that throws from an entry point is an error at its library: exit 2, nothing written",
    "[plugins][cli]") {
    const std::string throws_dir = (plugins_dir / "throws").string();
    const std::string library = throws_dir + "/throwing_entry_plugin.so";
    cycle::test::temp_dir dir;
    const auto out = dir / "out.txt";
    const std::string load = "--plugin-dir '" + throws_dir + "' ";

    auto exported = run_cycle(load + "export boom --year 2026 --out '" + out.string() + "'");
    CHECK(exported.exit_code == 2);
    CHECK(exported.err == library + ": error: exporter 'boom' failed: exporter exploded\n");
    CHECK_FALSE(std::filesystem::exists(out));

    cycle::test::write_file(dir / "in.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    auto imported = run_cycle(load + "import boom '" + (dir / "in.ics").string() + "' --out '" +
                              out.string() + "'");
    CHECK(imported.exit_code == 2);
    CHECK(imported.err == library + ": error: importer 'boom' failed: importer exploded\n");
    CHECK_FALSE(std::filesystem::exists(out));

    auto checked = run_cycle(load + "check --calendar '" + cycle::test::check_wheel + "' '" +
                             cycle::test::test_plans + "good-2026.toml'");
    CHECK(checked.exit_code == 2);
    CHECK(checked.out == "");
    CHECK(checked.err ==
          library + ": error: checker 'boom' failed: an exception that is not a std::exception\n");
}
