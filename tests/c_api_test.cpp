// The C API (cycle.h): handles, status codes and messages as values, JSON out.
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cycle/cycle.h"
#include "support.hpp"

extern "C" int cycle_c_header_compiles_as_c(void);  // c_api_header.c

namespace {

const std::string test_plugins = CYCLE_TEST_PLUGINS;

// Owns what the C API hands out.
struct owned_string {
    char* text = nullptr;
    ~owned_string() { cycle_string_free(text); }
    std::string str() const { return text ? text : ""; }
};

struct handles {
    cycle_calendar* cal = nullptr;
    cycle_plan* plan = nullptr;
    cycle_plugins* plugins = nullptr;
    ~handles() {
        cycle_plan_free(plan);
        cycle_calendar_free(cal);
        cycle_plugins_free(plugins);
    }
};

using cycle::test::contains;

}  // namespace

TEST_CASE("C API: the header is C", "[c-api]") {
    CHECK(cycle_c_header_compiles_as_c() == CYCLE_OK);
}

TEST_CASE("C API: plan the default wheel and query one principal's autumn as JSON", "[c-api]") {
    handles h;
    owned_string error, json;
    CHECK(std::string(cycle_version()) == CYCLE_VERSION);
    REQUIRE(cycle_calendar_default(&h.cal, &error.text) == CYCLE_OK);
    CHECK(error.text == nullptr);
    REQUIRE(cycle_plan_make(nullptr, h.cal, 2026, nullptr, nullptr, &h.plan, &error.text) == CYCLE_OK);
    cycle_calendar_free(h.cal);  // the plan keeps what it needs
    h.cal = nullptr;
    REQUIRE(cycle_plan_query_json(h.plan, "eda", "2026-09-01", "2026-12-31", &json.text,
                                  &error.text) == CYCLE_OK);
    auto j = nlohmann::json::parse(json.str());
    CHECK(j["format"] == "cycle-plan");
    CHECK(j["audience"] == "eda");
    REQUIRE_FALSE(j["occurrences"].empty());
    bool eda_dialogue = false;
    for (const auto& o : j["occurrences"]) {
        CHECK(o["date"].get<std::string>() >= "2026-09-01");
        CHECK(o["date"].get<std::string>() <= "2026-12-31");
        if (o["event"] == "local-dialogue") {
            CHECK(o["member"] == "eda");
            eda_dialogue = true;
        }
    }
    CHECK(eda_dialogue);
}

TEST_CASE("C API: errors come back as status and message, with the place", "[c-api]") {
    handles h;
    owned_string error, json;
    CHECK(cycle_calendar_load_string("[cycle]\nid = 3\n", "broken.toml", &h.cal, &error.text) ==
          CYCLE_ERROR_INPUT);
    CHECK(h.cal == nullptr);
    CHECK(contains(error.str(), "broken.toml:"));
    owned_string e2;
    CHECK(cycle_calendar_load_file("/nonexistent/wheel.toml", &h.cal, &e2.text) ==
          CYCLE_ERROR_INPUT);
    CHECK(contains(e2.str(), "/nonexistent/wheel.toml"));

    REQUIRE(cycle_calendar_load_file(CYCLE_SOURCE_DIR "/calendars/nya-perspektiv-2023.toml", &h.cal,
                                     nullptr) == CYCLE_OK);
    owned_string e3;
    CHECK(cycle_plan_make(nullptr, h.cal, 1999, nullptr, nullptr, &h.plan, &e3.text) == CYCLE_ERROR_INPUT);
    CHECK(contains(e3.str(), "1999"));
    REQUIRE(cycle_plan_make(nullptr, h.cal, 0, nullptr, nullptr, &h.plan, nullptr) == CYCLE_OK);
    owned_string e4, e5;
    CHECK(cycle_plan_query_json(h.plan, "nobody", nullptr, nullptr, &json.text, &e4.text) ==
          CYCLE_ERROR_NOT_FOUND);
    CHECK(contains(e4.str(), "unknown audience 'nobody'"));
    CHECK(cycle_plan_query_json(h.plan, nullptr, "2026-13-01", nullptr, &json.text, &e5.text) ==
          CYCLE_ERROR_ARGUMENT);
    CHECK(contains(e5.str(), "from '2026-13-01' is not a date"));
    CHECK(cycle_plan_query_json(nullptr, nullptr, nullptr, nullptr, &json.text, nullptr) ==
          CYCLE_ERROR_ARGUMENT);

    owned_string e6;
    const char* bad_plan =
        "calendar = \"nya-perspektiv-2025-2028\"\n[[occurrence]]\nevent = \"no-such-event\"\n"
        "date = 2026-05-12\n";
    cycle_calendar* wheel = nullptr;
    REQUIRE(cycle_calendar_default(&wheel, nullptr) == CYCLE_OK);
    cycle_plan* never = nullptr;
    CHECK(cycle_plan_make(nullptr, wheel, 2026, bad_plan, "plans/2026.toml", &never, &e6.text) ==
          CYCLE_ERROR_INPUT);
    CHECK(never == nullptr);
    CHECK(contains(e6.str(), "plans/2026.toml:3:"));
    cycle_calendar_free(wheel);
}

TEST_CASE("C API: every string returned is valid UTF-8, invalid input bytes escaped", "[c-api]") {
    handles h;
    REQUIRE(cycle_calendar_default(&h.cal, nullptr) == CYCLE_OK);
    REQUIRE(cycle_plan_make(nullptr, h.cal, 2026, nullptr, nullptr, &h.plan, nullptr) == CYCLE_OK);
    owned_string error, json;
    // An audience name of Latin-1 bytes ("Ed\xE5"), as a Python caller could pass.
    CHECK(cycle_plan_query_json(h.plan, "ed\xE5\xff", nullptr, nullptr, &json.text, &error.text) ==
          CYCLE_ERROR_NOT_FOUND);
    CHECK(contains(error.str(), "unknown audience 'ed\\xE5\\xFF'"));
    const std::string text = error.str();
    // Well-formed: nlohmann::json::dump throws on invalid UTF-8.
    CHECK_NOTHROW(nlohmann::json(text).dump());
    owned_string e2;
    cycle_calendar* cal = nullptr;
    CHECK(cycle_calendar_load_string("[cycle]\nid = \"\xC3\x28\"\n", "w\xE4rmland.toml", &cal,
                                     &e2.text) == CYCLE_ERROR_INPUT);
    CHECK(contains(e2.str(), "w\\xE4rmland.toml"));
}

TEST_CASE("C API: export and check through built-in and loaded plugins", "[c-api]") {
    handles h;
    owned_string error, out, list, findings, none_found;
    REQUIRE(cycle_calendar_default(&h.cal, nullptr) == CYCLE_OK);
    const char* fixed =
        "calendar = \"nya-perspektiv-2025-2028\"\n\n[[occurrence]]\nevent = \"local-dialogue\"\n"
        "member = \"eda\"\nyear = 2026\ndate = 2026-10-12\n";
    REQUIRE(cycle_plan_make(nullptr, h.cal, 2026, fixed, "plans/2026.toml", &h.plan, &error.text) ==
            CYCLE_OK);
    REQUIRE(cycle_plugins_new(&h.plugins, nullptr) == CYCLE_OK);

    // The built-in deadlines checker: the one fixed date keeps every rule, and
    // what the plan file leaves out the planner proposes (not missing).
    REQUIRE(cycle_check_json(h.plugins, h.plan, nullptr, &none_found.text, nullptr) == CYCLE_OK);
    CHECK(nlohmann::json::parse(none_found.str())["findings"].empty());

    REQUIRE(cycle_export(h.plugins, h.plan, "json", "eda", &out.text, nullptr) == CYCLE_OK);
    CHECK(nlohmann::json::parse(out.str())["audience"] == "eda");
    owned_string missing;
    CHECK(cycle_export(h.plugins, h.plan, "hello", nullptr, &out.text, &missing.text) ==
          CYCLE_ERROR_NOT_FOUND);
    CHECK(contains(missing.str(), "no exporter for format 'hello'; available: json"));

    owned_string refused;
    CHECK(cycle_plugins_load(h.plugins, (test_plugins + "/refused").c_str(), &refused.text) ==
          CYCLE_ERROR_PLUGIN);
    CHECK(contains(refused.str(),
                   "wrong_api_plugin.so: error: plugin 'future' was built for plugin API version"));
    CHECK(contains(refused.str(), "not_a_plugin.so: error: not a cycle plugin"));
    REQUIRE(cycle_plugins_load(h.plugins, (test_plugins + "/good/hello_plugin.so").c_str(),
                               nullptr) == CYCLE_OK);
    REQUIRE(cycle_plugins_list_json(h.plugins, &list.text, nullptr) == CYCLE_OK);
    auto plugins = nlohmann::json::parse(list.str());
    // The built-ins first, then hello's exporter and checker.
    REQUIRE(plugins.size() >= 3);
    const auto& hello_entry = plugins[plugins.size() - 2];
    CHECK(hello_entry["name"] == "hello");
    CHECK(hello_entry["origin"] == test_plugins + "/good/hello_plugin.so");
    CHECK(plugins.back()["name"] == "hello");
    for (std::size_t i = 0; i + 2 < plugins.size(); ++i) CHECK(plugins[i]["origin"] == "built-in");

    owned_string hello;
    REQUIRE(cycle_export(h.plugins, h.plan, "hello", nullptr, &hello.text, nullptr) == CYCLE_OK);
    CHECK(contains(hello.str(), "hello from a plugin"));
    REQUIRE(cycle_check_json(h.plugins, h.plan, "2026-06-01", &findings.text, nullptr) == CYCLE_OK);
    auto f = nlohmann::json::parse(findings.str())["findings"];
    REQUIRE(f.size() == 1);
    CHECK(f[0]["rule"] == "hello-fixed");
    CHECK(f[0]["severity"] == "note");
    CHECK(f[0]["file"] == "plans/2026.toml");
    CHECK(f[0]["line"] == 7);  // the date line
}

namespace {

// The SEQUENCE of the VEVENT with this UID in a feed, or -1.
int sequence_of(const std::string& feed, const std::string& uid) {
    auto at = feed.find("UID:" + uid + "\r\n");
    if (at == std::string::npos) return -1;
    auto end = feed.find("END:VEVENT", at);
    auto seq = feed.find("\r\nSEQUENCE:", at);
    if (seq == std::string::npos || seq > end) return -1;
    return std::stoi(feed.substr(seq + 11));
}

}  // namespace

TEST_CASE("C API: export with parameters and a state: SEQUENCE rises when a date moves",
          "[c-api][ics]") {
    handles h;
    cycle_plan* moved = nullptr;
    cycle_state* state = nullptr;
    owned_string error, first, again, second, saved, none;
    REQUIRE(cycle_calendar_default(&h.cal, nullptr) == CYCLE_OK);
    REQUIRE(cycle_plugins_new(&h.plugins, nullptr) == CYCLE_OK);
    REQUIRE(cycle_plan_make(nullptr, h.cal, 2026, nullptr, nullptr, &h.plan, nullptr) == CYCLE_OK);
    const char* fixed =
        "calendar = \"nya-perspektiv-2025-2028\"\n\n[[occurrence]]\nevent = \"local-dialogue\"\n"
        "member = \"eda\"\nyear = 2026\ndate = 2026-10-20\n";
    REQUIRE(cycle_plan_make(nullptr, h.cal, 2026, fixed, "plans/2026.toml", &moved, nullptr) == CYCLE_OK);
    REQUIRE(cycle_state_new(&state, nullptr) == CYCLE_OK);
    REQUIRE(cycle_state_get(state, "feed-state.tsv", &none.text, nullptr) == CYCLE_OK);
    CHECK(none.text == nullptr);

    const char* params[] = {"refresh=6h", "alarm=none"};
    const std::string eda = "local-dialogue.2026.eda@nya-perspektiv-2025-2028";
    REQUIRE(cycle_export_with(h.plugins, h.plan, "ics", "eda", params, 2, state, &first.text,
                              &error.text) == CYCLE_OK);
    CHECK(contains(first.str(), "REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n"));
    CHECK_FALSE(contains(first.str(), "BEGIN:VALARM"));
    CHECK(sequence_of(first.str(), eda) == 0);
    // The same plan again: nothing changed, nothing rises.
    REQUIRE(cycle_export_with(h.plugins, h.plan, "ics", "eda", params, 2, state, &again.text,
                              nullptr) == CYCLE_OK);
    CHECK(sequence_of(again.str(), eda) == 0);
    // Eda's dialogue moved: its SEQUENCE rises, as with `cycle export --out`.
    REQUIRE(cycle_export_with(h.plugins, moved, "ics", "eda", params, 2, state, &second.text,
                              nullptr) == CYCLE_OK);
    CHECK(sequence_of(second.str(), eda) == 1);
    CHECK(contains(second.str(), "DTSTART;VALUE=DATE:20261020\r\n"));

    // The state can be kept between runs and given back.
    REQUIRE(cycle_state_get(state, "feed-state.tsv", &saved.text, nullptr) == CYCLE_OK);
    CHECK(contains(saved.str(), eda + "\t1\t"));
    cycle_state* restored = nullptr;
    owned_string third;
    REQUIRE(cycle_state_new(&restored, nullptr) == CYCLE_OK);
    REQUIRE(cycle_state_set(restored, "feed-state.tsv", saved.text, nullptr) == CYCLE_OK);
    REQUIRE(cycle_export_with(h.plugins, h.plan, "ics", "eda", nullptr, 0, restored, &third.text,
                              nullptr) == CYCLE_OK);
    CHECK(sequence_of(third.str(), eda) == 2);  // moved back: another change

    // Bad input is an error, not a feed.
    owned_string bad_state, never;
    const char* unknown[] = {"colour=red"};
    owned_string refused;
    CHECK(cycle_export_with(h.plugins, h.plan, "ics", "eda", unknown, 1, nullptr, &never.text,
                            &refused.text) == CYCLE_ERROR_PLUGIN);
    CHECK(contains(refused.str(), "colour"));
    REQUIRE(cycle_state_set(restored, "feed-state.tsv", "not\ta state\n", nullptr) == CYCLE_OK);
    CHECK(cycle_export_with(h.plugins, h.plan, "ics", "eda", nullptr, 0, restored, &never.text,
                            &bad_state.text) == CYCLE_ERROR_PLUGIN);
    CHECK(contains(bad_state.str(), "<memory>/feed-state.tsv:1:1: error: feed state"));

    cycle_state_free(restored);
    cycle_state_free(state);
    cycle_plan_free(moved);
}

TEST_CASE(
    "C API: full checks reach 'missing', the publishing time is a parameter, plugins that throw "
    "are errors",
    "[c-api]") {
    handles h;
    REQUIRE(cycle_calendar_default(&h.cal, nullptr) == CYCLE_OK);
    const char* fixed =
        "calendar = \"nya-perspektiv-2025-2028\"\n\n[[occurrence]]\nevent = \"local-dialogue\"\n"
        "member = \"eda\"\nyear = 2026\ndate = 2026-10-12\n";
    REQUIRE(cycle_plan_make(nullptr, h.cal, 2026, fixed, "plans/2026.toml", &h.plan, nullptr) == CYCLE_OK);
    REQUIRE(cycle_plugins_new(&h.plugins, nullptr) == CYCLE_OK);

    // Full: every other required occurrence of 2026 is missing from the plan file.
    owned_string partial, full;
    REQUIRE(cycle_check_json_with(h.plugins, h.plan, nullptr, 1, &partial.text, nullptr) ==
            CYCLE_OK);
    CHECK(nlohmann::json::parse(partial.str())["findings"].empty());
    REQUIRE(cycle_check_json_with(h.plugins, h.plan, nullptr, 0, &full.text, nullptr) == CYCLE_OK);
    auto found = nlohmann::json::parse(full.str())["findings"];
    REQUIRE_FALSE(found.empty());
    for (const auto& f : found) {
        CHECK(f["rule"] == "missing");
        CHECK(f["waiver_reason"].is_null());  // the CLI's shape: null unless waived
    }

    // The same `now` gives the same bytes; another `now` another DTSTAMP.
    owned_string one, two, three, bad;
    REQUIRE(cycle_export_at(h.plugins, h.plan, "ics", nullptr, nullptr, 0, nullptr, 1767225600,
                            &one.text, nullptr) == CYCLE_OK);
    REQUIRE(cycle_export_at(h.plugins, h.plan, "ics", nullptr, nullptr, 0, nullptr, 1767225600,
                            &two.text, nullptr) == CYCLE_OK);
    CHECK(one.str() == two.str());
    CHECK(contains(one.str(), "DTSTAMP:20260101T000000Z\r\n"));
    REQUIRE(cycle_export_at(h.plugins, h.plan, "ics", nullptr, nullptr, 0, nullptr, 1769904000,
                            &three.text, nullptr) == CYCLE_OK);
    CHECK(contains(three.str(), "DTSTAMP:20260201T000000Z\r\n"));
    CHECK(cycle_export_at(h.plugins, h.plan, "ics", nullptr, nullptr, 0, nullptr, 999999999999999LL,
                          &three.text, &bad.text) == CYCLE_ERROR_ARGUMENT);

    // A plugin that throws from its exporter or checker: an error at its library.
    const std::string library = test_plugins + "/throws/throwing_entry_plugin.so";
    REQUIRE(cycle_plugins_load(h.plugins, library.c_str(), nullptr) == CYCLE_OK);
    owned_string out, e1, e2, json;
    CHECK(cycle_export(h.plugins, h.plan, "boom", nullptr, &out.text, &e1.text) ==
          CYCLE_ERROR_PLUGIN);
    CHECK(e1.str() == library + ": error: exporter 'boom' failed: exporter exploded");
    CHECK(cycle_check_json(h.plugins, h.plan, nullptr, &json.text, &e2.text) == CYCLE_ERROR_PLUGIN);
    CHECK(contains(e2.str(), library + ": error: checker 'boom' failed"));
}

TEST_CASE("C API from Python (ctypes): messages decode, full checks, the publishing time",
          "[c-api]") {
    // libcycle_c of this build tree.
    const std::filesystem::path library = CYCLE_C_LIBRARY;
    REQUIRE(std::filesystem::exists(library));
#ifdef CYCLE_ASAN_RUNTIME
    // Python's own allocations are not ours to check for leaks.
    const std::string env = "LD_PRELOAD='" CYCLE_ASAN_RUNTIME "' ASAN_OPTIONS=detect_leaks=0 ";
#else
    const std::string env;
#endif
    auto r = cycle::test::run(env + CYCLE_PYTHON + " '" + CYCLE_SOURCE_DIR +
                              "/tests/tools/python_capi_check.py' '" + CYCLE_SOURCE_DIR + "' '" +
                              library.string() + "'");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "ok utf-8\nok missing\nok now\n");
}

TEST_CASE("C API: cycle_plan_make plans with the holiday provider of the registry it is given",
          "[c-api]") {
    // "test-land" comes from a plugin (tests/plugins/holiday_plugin.cpp):
    // 13 October 2026 is a public holiday there, and Första maj is not.
    const char* toml = R"([cycle]
id = "t"
title = "T"
first_year = 2026
last_year = 2026
holidays = "test-land"

[[event]]
id = "autumn"
title = "Höstmöte"
kind = "meeting"
month = 10
day = 13
)";
    handles h;
    owned_string error, json;
    REQUIRE(cycle_calendar_load_string(toml, "t.toml", &h.cal, &error.text) == CYCLE_OK);
    // Without a registry: the built-in plugins, which do not know test-land.
    owned_string unknown;
    cycle_plan* never = nullptr;
    CHECK(cycle_plan_make(nullptr, h.cal, 2026, nullptr, nullptr, &never, &unknown.text) ==
          CYCLE_ERROR_INPUT);
    CHECK(never == nullptr);
    CHECK(contains(unknown.str(), "test-land"));
    REQUIRE(cycle_plugins_new(&h.plugins, &error.text) == CYCLE_OK);
    REQUIRE(cycle_plugins_load(h.plugins, (test_plugins + "/holidays/holiday_plugin.so").c_str(),
                               &error.text) == CYCLE_OK);
    REQUIRE(cycle_plan_make(h.plugins, h.cal, 2026, nullptr, nullptr, &h.plan, &error.text) ==
            CYCLE_OK);
    REQUIRE(cycle_plan_query_json(h.plan, nullptr, nullptr, nullptr, &json.text, &error.text) ==
            CYCLE_OK);
    // The rule names test-land's holiday: the meeting moves to the next
    // working day (on_day_off), and the explanation says why.
    auto j = nlohmann::json::parse(json.str());
    REQUIRE(j["occurrences"].size() == 1);
    CHECK(j["occurrences"][0]["date"] == "2026-10-14");
    CHECK(contains(j["occurrences"][0]["explanation"].get<std::string>(), "Testdagen"));
}
