// The JSON Schemas of the calendar and plan formats (schemas/*.json):
// `cycle schema` prints them byte for byte; every key has a title, a
// description and an example; every calendar and plan file in the
// repository that the loader reads is valid under them (Debian's
// python3-jsonschema, Draft 7); and files the loader refuses for a reason a
// schema can say (unknown key, wrong type, bad value, missing key) are
// refused by the schema too.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;
using cycle::test::read_file;
using cycle::test::run;
using cycle::test::run_cycle;
using cycle::test::write_file;

namespace {

const fs::path source_dir = CYCLE_SOURCE_DIR;
const fs::path schema_dir = source_dir / "schemas";

std::string q(const fs::path& p) {
    return "'" + p.string() + "'";
}

// "valid FILE" / "invalid FILE: why" per file, from tests/tools/validate_schema.py.
std::map<std::string, std::string> validate(const std::string& schema,
                                            const std::vector<fs::path>& files) {
    std::string cmd = std::string(CYCLE_PYTHON) + " " +
                      q(source_dir / "tests/tools/validate_schema.py") + " " +
                      q(schema_dir / (schema + ".schema.json"));
    for (const auto& f : files) cmd += " " + q(f);
    auto r = run(cmd);
    REQUIRE(r.exit_code <= 1);
    std::map<std::string, std::string> verdicts;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("valid ", 0) == 0)
            verdicts[line.substr(6)] = "valid";
        else if (line.rfind("invalid ", 0) == 0) {
            auto colon = line.find(": ");
            verdicts[line.substr(8, colon - 8)] = line.substr(colon + 2);
        }
    }
    REQUIRE(verdicts.size() == files.size());
    return verdicts;
}

// Every property of the schema, with where it is, for the documentation check.
void each_property(const nlohmann::json& node, const std::string& where,
                   std::vector<std::pair<std::string, nlohmann::json>>& out) {
    if (node.is_object()) {
        if (node.contains("properties"))
            for (auto& [key, value] : node["properties"].items())
                out.emplace_back(where + "/" + key, value);
        if (node.contains("additionalProperties") && node["additionalProperties"].is_object())
            out.emplace_back(where + "/*", node["additionalProperties"]);
        for (auto& [key, value] : node.items()) each_property(value, where + "/" + key, out);
    } else if (node.is_array()) {
        for (auto& value : node) each_property(value, where, out);
    }
}

// The calendar and plan files of the repository (not build trees or node_modules).
std::vector<fs::path> repository_toml(const std::string& marker) {
    std::vector<fs::path> out;
    for (auto top : {"calendars", "examples", "tests/data", "docs", "bench"}) {
        if (!fs::exists(source_dir / top)) continue;
        for (const auto& e : fs::recursive_directory_iterator(source_dir / top)) {
            if (e.path().extension() != ".toml" ||
                e.path().string().find("node_modules") != std::string::npos)
                continue;
            std::string text = read_file(e.path());
            if (text.find(marker) != std::string::npos) out.push_back(e.path());
        }
    }
    return out;
}

// The calendar a plan file names, as a --calendar argument.
std::string calendar_of_plan(const fs::path& plan) {
    std::string text = read_file(plan);
    // The county view's plans are for the wheels its county.toml includes.
    if (plan.string().find("/examples/ci/county/plans/") != std::string::npos)
        return "--calendar " + q(source_dir / "examples/ci/county/county.toml");
    if (text.find("calendar = \"check-wheel\"") != std::string::npos)
        return "--calendar " + q(source_dir / "tests/data/plans/check-wheel.toml");
    if (text.find("calendar = \"nya-perspektiv-2023\"") != std::string::npos)
        return "--calendar " + q(source_dir / "calendars/nya-perspektiv-2023.toml");
    if (text.find("calendar = \"eda-2025-2028\"") != std::string::npos)
        return "--calendar " + q(source_dir / "calendars/examples/eda.toml");
    return "";
}

// Exit status of the loader on a calendar file (2: refused) and on a plan.
int load_calendar(const fs::path& file) {
    return run_cycle("plan --calendar " + q(file) + " --cycle").exit_code;
}
int load_plan(const fs::path& file, const std::string& calendar_args) {
    return run_cycle("check " + calendar_args + " " + q(file)).exit_code;
}

const std::string good_calendar = R"([cycle]
id = "example-wheel"
title = "Exempelhjul"
first_year = 2025
last_year = 2026

[[body]]
id = "alfa"
name = "Alfa kommun"

[[body.term]]
from = 2023-05-05
to = 2026-12-31
people = ["Åsa Johansson (S), regionråd, ordförande"]
assumed = "Ett exempel"

[[event]]
id = "seminar"
title = "Vårseminarium"
kind = "conference"
organiser = "alfa"
month = 5
start = "09:00"
duration = "7h"

[[closure]]
name = "Höstlov"
bodies = ["alfa"]
years = [2025]
weeks = [44]

[checks]
holiday = "error"
)";

const std::string good_plan = R"(calendar = "example-wheel"

[[occurrence]]
event = "seminar"
year = 2025
date = 2025-05-13
start = "09:00"
status = "held"

[[occurrence.waive]]
rule = "weekend"
reason = "The only day"
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("cycle schema prints the schemas of the repository, byte for byte") {
    for (std::string format : {"calendar", "plan", "project"}) {
        auto r = run_cycle("schema " + format);
        CHECK(r.exit_code == 0);
        CHECK(r.out == read_file(schema_dir / (format + ".schema.json")));
    }
    auto bad = run_cycle("schema wheel");
    CHECK(bad.exit_code == 2);
    CHECK(bad.out.empty());
}

TEST_CASE("every key of the schemas has a title, a description and an example") {
    for (std::string format : {"calendar", "plan", "project"}) {
        auto schema = nlohmann::json::parse(read_file(schema_dir / (format + ".schema.json")));
        CHECK(schema["$schema"] == "http://json-schema.org/draft-07/schema#");
        std::vector<std::pair<std::string, nlohmann::json>> properties;
        each_property(schema, format, properties);
        CHECK(properties.size() > (format == "project" ? 1u : format == "plan" ? 10u : 50u));
        for (const auto& [where, p] : properties) {
            INFO(where);
            CHECK(p.contains("title"));
            CHECK(p.contains("description"));
            CHECK((p.contains("examples") && !p["examples"].empty()));
        }
    }
}

TEST_CASE("every calendar and plan file the loader reads is valid under the schemas") {
    auto calendars = repository_toml("\n[cycle]");
    auto plans = repository_toml("\ncalendar = \"");
    for (const auto& f : repository_toml("[cycle]"))
        if (read_file(f).rfind("[cycle]", 0) == 0) calendars.push_back(f);
    REQUIRE(calendars.size() >= 3);
    REQUIRE(plans.size() >= 15);
    auto calendar_verdicts = validate("calendar", calendars);
    // tests/data/defects/ holds reproducers the loader refuses on purpose
    // (a wheel from 2001); the schema refuses them too.
    const auto reproducer = [](const fs::path& f) {
        return f.string().find("/tests/data/defects/") != std::string::npos;
    };
    for (const auto& f : calendars) {
        INFO(f.string() << ": " << calendar_verdicts[f.string()]);
        if (reproducer(f) && load_calendar(f) == 2) {
            CHECK(calendar_verdicts[f.string()] != "valid");
            continue;
        }
        CHECK(load_calendar(f) != 2);
        CHECK(calendar_verdicts[f.string()] == "valid");
    }
    auto plan_verdicts = validate("plan", plans);
    int refused = 0;
    for (const auto& f : plans) {
        INFO(f.string() << ": " << plan_verdicts[f.string()]);
        if (load_plan(f, calendar_of_plan(f)) == 2) {
            // A date a thousand years from its cycle year (tests/data/defects/)
            // is refused for a reason a JSON Schema cannot state.
            if (reproducer(f)) continue;
            ++refused;  // e.g. tests/data/plans/unreadable.toml, a misspelt key
            CHECK(plan_verdicts[f.string()] != "valid");
        } else {
            CHECK(plan_verdicts[f.string()] == "valid");
        }
    }
    CHECK(refused >= 1);
}

TEST_CASE("files the loader refuses for a schema-expressible reason are refused by the schema") {
    cycle::test::temp_dir dir;
    struct mutation {
        std::string name, text;
    };
    const std::vector<mutation> calendar_mutations = {
        {"unknown-key", replace(good_calendar, "first_year", "colour = \"red\"\nfirst_year")},
        {"wrong-type", replace(good_calendar, "first_year = 2025", "first_year = \"2025\"")},
        {"bad-kind", replace(good_calendar, "\"conference\"", "\"meetup\"")},
        {"bad-id", replace(good_calendar, "id = \"seminar\"", "id = \"Seminar\"")},
        {"missing-title", replace(good_calendar, "title = \"Vårseminarium\"\n", "")},
        {"missing-cycle", replace(good_calendar,
                                  "[cycle]\nid = \"example-wheel\"\ntitle = \"Exempelhjul\"\n"
                                  "first_year = 2025\nlast_year = 2026\n",
                                  "")},
        {"two-timings", replace(good_calendar, "month = 5\n", "month = 5\nweek = 20\n")},
        {"no-timing", replace(good_calendar, "month = 5\n", "")},
        {"duration-without-start", replace(good_calendar, "start = \"09:00\"\n", "")},
        {"bad-start", replace(good_calendar, "\"09:00\"", "\"9:00\"")},
        {"bad-duration", replace(good_calendar, "\"7h\"", "\"7 hours\"")},
        {"month-13", replace(good_calendar, "month = 5", "month = 13")},
        {"closure-both-forms",
         replace(good_calendar, "weeks = [44]", "weeks = [44]\nfrom = 2025-02-24")},
        {"bad-check-level", replace(good_calendar, "\"error\"", "\"fatal\"")},
        {"bad-prefer", replace(good_calendar, "month = 5", "month = 5\nprefer = \"late\"")},
        {"nth-zero", replace(good_calendar, "month = 5", "month = 5\nweekday = \"tue\"\nnth = 0")},
        {"bad-weekday", replace(good_calendar, "month = 5", "month = 5\nweekdays = [\"tues\"]")},
        {"term-unknown-key",
         replace(good_calendar, "to = 2026-12-31", "to = 2026-12-31\nseats = 8")},
        {"term-date-as-number",
         replace(good_calendar, "from = 2023-05-05", "from = 20230505")},
        {"term-without-to", replace(good_calendar, "to = 2026-12-31\n", "")},
        {"term-empty-assumed", replace(good_calendar, "\"Ett exempel\"", "\" \"")},
        {"term-people-not-strings", replace(good_calendar, "people = [", "people = [1, ")},
    };
    // ... and what the loader accepts, the schema accepts: weekdays in any case.
    const fs::path accepted = dir / "calendar-weekdays.toml";
    write_file(accepted, replace(good_calendar, "month = 5",
                                 "month = 5\nweekdays = [\"Tue\", \"THURSDAY\", \"fri\"]"));
    CHECK(load_calendar(accepted) == 0);
    CHECK(validate("calendar", {accepted})[accepted.string()] == "valid");
    const fs::path calendar = dir / "calendar.toml";
    write_file(calendar, good_calendar);
    REQUIRE(load_calendar(calendar) == 0);
    std::vector<fs::path> files{calendar};
    for (const auto& m : calendar_mutations) {
        files.push_back(dir / ("calendar-" + m.name + ".toml"));
        write_file(files.back(), m.text);
    }
    auto verdicts = validate("calendar", files);
    CHECK(verdicts[calendar.string()] == "valid");
    for (std::size_t i = 1; i < files.size(); ++i) {
        INFO(files[i].filename().string());
        CHECK(load_calendar(files[i]) == 2);
        CHECK(verdicts[files[i].string()] != "valid");
    }

    const std::vector<mutation> plan_mutations = {
        {"unknown-key", replace(good_plan, "date =", "dat =")},
        {"wrong-type", replace(good_plan, "year = 2025", "year = \"2025\"")},
        {"date-as-number", replace(good_plan, "date = 2025-05-13", "date = 20250513")},
        {"bad-status", replace(good_plan, "\"held\"", "\"done\"")},
        {"missing-date", replace(good_plan, "date = 2025-05-13\n", "")},
        {"missing-event", replace(good_plan, "event = \"seminar\"\n", "")},
        {"missing-calendar", replace(good_plan, "calendar = \"example-wheel\"\n", "")},
        {"waiver-without-reason", replace(good_plan, "reason = \"The only day\"\n", "")},
        {"empty-reason", replace(good_plan, "\"The only day\"", "\"  \"")},
        {"bad-start", replace(good_plan, "\"09:00\"", "\"25:00\"")},
        {"bad-rule-id", replace(good_plan, "\"weekend\"", "\"Weekend\"")},
    };
    const fs::path plan = dir / "plan.toml";
    write_file(plan, good_plan);
    const std::string with_calendar = "--calendar " + q(calendar);
    REQUIRE(load_plan(plan, with_calendar) <= 1);
    files = {plan};
    for (const auto& m : plan_mutations) {
        files.push_back(dir / ("plan-" + m.name + ".toml"));
        write_file(files.back(), m.text);
    }
    verdicts = validate("plan", files);
    CHECK(verdicts[plan.string()] == "valid");
    for (std::size_t i = 1; i < files.size(); ++i) {
        INFO(files[i].filename().string());
        CHECK(load_plan(files[i], with_calendar) == 2);
        CHECK(verdicts[files[i].string()] != "valid");
    }
}

TEST_CASE("examples/ci/.taplo.toml gives each plan and calendar file its schema") {
    // taplo's rules: the plan files get plan.schema.json, calendars the
    // calendar schema, at the path the package installs them to (the
    // package test, tests/deb, checks that path is in the package).
    auto r = run(std::string(CYCLE_PYTHON) +
                 " -c \"import tomllib,json,sys; "
                 "print(json.dumps(tomllib.load(open(sys.argv[1],'rb'))))\" " +
                 q(source_dir / "examples/ci/.taplo.toml"));
    REQUIRE(r.exit_code == 0);
    auto taplo = nlohmann::json::parse(r.out);
    std::map<std::string, std::string> schema_of;
    for (const auto& rule : taplo["rule"])
        for (const auto& include : rule["include"]) schema_of[include] = rule["schema"]["path"];
    CHECK(schema_of["plans/*.toml"] == "/usr/share/cycle/schemas/plan.schema.json");
    CHECK(schema_of["broken/*.toml"] == "/usr/share/cycle/schemas/plan.schema.json");
    CHECK(schema_of["calendars/*.toml"] == "/usr/share/cycle/schemas/calendar.schema.json");
    CHECK(schema_of["cycle.toml"] == "/usr/share/cycle/schemas/project.schema.json");
}

TEST_CASE("the project file: examples/ci/cycle.toml is valid, typos and wrong types are refused") {
    CHECK(validate("project", {source_dir / "examples/ci/cycle.toml"}).begin()->second == "valid");
    cycle::test::temp_dir dir;
    write_file(dir / "typo.toml", "plan = \"plans\"\n");
    write_file(dir / "number.toml", "calendar = 3\n");
    auto verdicts = validate("project", {dir / "typo.toml", dir / "number.toml"});
    CHECK(verdicts[(dir / "typo.toml").string()] != "valid");
    CHECK(verdicts[(dir / "number.toml").string()] != "valid");
}
