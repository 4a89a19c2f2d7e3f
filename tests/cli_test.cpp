// The cycle command, run as a user runs it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support.hpp"

using cycle::test::run_cycle;

namespace {
const std::string source_dir = CYCLE_SOURCE_DIR;
}

TEST_CASE("cycle --version and --help", "[cli]") {
    auto version = run_cycle("--version");
    CHECK(version.exit_code == 0);
    CHECK(version.out.rfind("cycle 0.", 0) == 0);
    auto help = run_cycle("--help");
    CHECK(help.exit_code == 0);
    for (const char* word : {"plan", "holidays", "export", "plugins"}) CHECK(help.out.find(word) != std::string::npos);
    auto plan_help = run_cycle("plan --help");
    for (const char* word : {"--calendar", "--plan", "--year", "--cycle", "--audience", "--format", "--explain", "--out"})
        CHECK(plan_help.out.find(word) != std::string::npos);
}

TEST_CASE("cycle plan prints a dated table with ISO weeks", "[cli]") {
    auto r = run_cycle("plan --year 2026");
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("Nya perspektiv – årshjul 2025–2028: cykelår 2 (2026)") == 0);
    CHECK(r.out.find("v. 21") != std::string::npos);
    CHECK(r.out.find("Lokal dialog – Eda kommun") != std::string::npos);
    auto explained = run_cycle("plan --year 2026 --explain");
    CHECK(explained.out.find("varför: ") != std::string::npos);
    CHECK(explained.out.find("regel: Politiskt inriktningsdokument 2025–2028") !=
          std::string::npos);
    // Stable: the same command prints the same bytes.
    CHECK(run_cycle("plan --year 2026").out == r.out);
}

TEST_CASE("cycle plan --cycle shows all four years and the year-3 items", "[cli]") {
    auto r = run_cycle("plan --cycle");
    REQUIRE(r.exit_code == 0);
    for (const char* text : {"2025-05-", "2026-05-", "2027-05-", "2028-05-", "Medskick till revidering",
                             "Sammanställning av inspel till revideringen"})
        CHECK(r.out.find(text) != std::string::npos);
}

TEST_CASE("cycle plan works on the 2023 calendar", "[cli]") {
    auto r = run_cycle("plan --calendar '" + source_dir + "/calendars/nya-perspektiv-2023.toml' --cycle");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("2023-08-25") != std::string::npos);
    CHECK(r.out.find("2024-05-") != std::string::npos);
}

TEST_CASE("cycle plan --format json follows docs/json-format.md", "[cli]") {
    auto r = run_cycle("plan --year 2027 --format json --audience eda");
    REQUIRE(r.exit_code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["format"] == "cycle-plan");
    CHECK(j["version"] == 1);
    CHECK(j["audience"] == "eda");
    CHECK(j["first_year"] == 2027);
    bool own_dialogue = false;
    for (const auto& o : j["occurrences"]) {
        for (const char* key : {"key", "event", "title", "kind", "member", "cycle_year", "cycle_year_number", "date",
                                "end_date", "week", "weekday", "all_day", "start", "end", "start_utc", "end_utc",
                                "organiser", "audiences", "fixed", "window", "deadline", "status", "note", "source",
                                "explanation", "organisers", "assumed"})
            CHECK(o.contains(key));
        if (o["event"] == "local-dialogue") {
            CHECK(o["member"] == "eda");
            own_dialogue = true;
        }
        if (o["event"] == "seminar") {
            CHECK(o["start"] == "09:00");
            CHECK(o["start_utc"].get<std::string>().substr(11) == "07:00:00Z");
        }
    }
    CHECK(own_dialogue);
}

TEST_CASE("cycle plan --format plan round-trips through --plan", "[cli][plan-file]") {
    cycle::test::temp_dir dir;
    auto written = run_cycle("plan --year 2026 --format plan --out '" + (dir / "plan.toml").string() + "'");
    REQUIRE(written.exit_code == 0);
    CHECK(written.out.empty());
    auto original = run_cycle("plan --year 2026 --format json");
    auto reread = run_cycle("plan --year 2026 --format json --plan '" + (dir / "plan.toml").string() + "'");
    REQUIRE(reread.exit_code == 0);
    auto a = nlohmann::json::parse(original.out), b = nlohmann::json::parse(reread.out);
    REQUIRE(a["occurrences"].size() == b["occurrences"].size());
    for (std::size_t i = 0; i < a["occurrences"].size(); ++i) {
        for (const char* key : {"key", "date", "end_date", "start", "end"})
            CHECK(a["occurrences"][i][key] == b["occurrences"][i][key]);
        // Written as the planner's proposals: planned again, to the same dates.
        CHECK(b["occurrences"][i]["fixed"] == false);
    }
    // Confirmed, every date is fixed.
    std::string text = cycle::test::read_file(dir / "plan.toml");
    for (auto at = text.find("\"proposed\""); at != std::string::npos;
         at = text.find("\"proposed\""))
        text.replace(at, 10, "\"confirmed\"");
    cycle::test::write_file(dir / "plan.toml", text);
    auto confirmed =
        run_cycle("plan --year 2026 --format json --plan '" + (dir / "plan.toml").string() + "'");
    auto c = nlohmann::json::parse(confirmed.out);
    REQUIRE(c["occurrences"].size() == a["occurrences"].size());
    for (std::size_t i = 0; i < c["occurrences"].size(); ++i) {
        CHECK(c["occurrences"][i]["date"] == a["occurrences"][i]["date"]);
        CHECK(c["occurrences"][i]["fixed"] == true);
    }
}

TEST_CASE("cycle plan and cycle export take several --plan files, as check and due do",
          "[cli][plan-file]") {
    cycle::test::temp_dir dir;
    const std::string header = "calendar = \"nya-perspektiv-2025-2028\"\n[[occurrence]]\n";
    cycle::test::write_file(dir / "a.toml",
                            header + "event = \"seminar\"\nyear = 2026\ndate = 2026-05-19\n");
    cycle::test::write_file(dir / "b.toml", header +
                                                "event = \"local-dialogue\"\nmember = \"eda\"\n"
                                                "year = 2026\ndate = 2026-10-13\n");
    const std::string plans =
        " --plan '" + (dir / "a.toml").string() + "' --plan '" + (dir / "b.toml").string() + "'";
    for (const std::string command : {"plan --format json", "export json"}) {
        INFO(command);
        auto r = run_cycle(command + " --year 2026" + plans);
        REQUIRE(r.exit_code == 0);
        std::size_t fixed = 0;
        const auto doc = nlohmann::json::parse(r.out);
        for (const auto& o : doc["occurrences"]) {
            if (o["fixed"] != true) continue;
            ++fixed;
            CHECK((o["date"] == "2026-05-19" || o["date"] == "2026-10-13"));
        }
        CHECK(fixed == 2);
    }
    auto bad = run_cycle("plan --year 2026 --plan '" + (dir / "a.toml").string() +
                         "' --plan /nonexistent.toml");
    CHECK(bad.exit_code == 2);
}

TEST_CASE("bad input: a message with file:line:col, exit 2, no output file", "[cli][bad-input]") {
    cycle::test::temp_dir dir;
    auto broken = dir / "broken.toml";
    cycle::test::write_file(broken, "[cycle]\nid = \"x\"\ntitle = \"X\"\nfirst_year = 2025\nlast_year = 2025\n\n"
                                    "[[event]]\nid = \"a\"\ntitle = \"A\"\nkind = \"meting\"\nmonth = 5\n");
    auto out = dir / "plan.txt";
    auto r = run_cycle("plan --calendar '" + broken.string() + "' --out '" + out.string() + "'");
    CHECK(r.exit_code == 2);
    CHECK(r.err == broken.string() + ":10:8: error: [[event]] 'a': unknown kind 'meting' (did you mean 'meeting'?); "
                                     "use meeting, conference, dialogue, deadline, window or milestone\n");
    CHECK(r.out.empty());
    CHECK_FALSE(std::filesystem::exists(out));

    auto year = run_cycle("plan --year 2031");
    CHECK(year.exit_code == 2);
    CHECK(year.err.find("year 2031 is outside the cycle 2025–2028") != std::string::npos);

    auto audience = run_cycle("plan --year 2026 --audience edaa");
    CHECK(audience.exit_code == 2);
    CHECK(audience.err.find("unknown audience 'edaa'") != std::string::npos);

    auto missing = run_cycle("plan --calendar /nonexistent.toml");
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("/nonexistent.toml") != std::string::npos);

    auto usage = run_cycle("plan --format xml");
    CHECK(usage.exit_code == 2);
}

TEST_CASE("an existing output file is kept when a run fails", "[cli][bad-input]") {
    cycle::test::temp_dir dir;
    auto out = dir / "plan.txt";
    cycle::test::write_file(out, "the coordinator's old plan\n");
    auto r = run_cycle("plan --year 2099 --out '" + out.string() + "'");
    CHECK(r.exit_code == 2);
    CHECK(cycle::test::read_file(out) == "the coordinator's old plan\n");
    auto ok = run_cycle("plan --year 2026 --out '" + out.string() + "'");
    CHECK(ok.exit_code == 0);
    CHECK(cycle::test::read_file(out).find("cykelår 2 (2026)") != std::string::npos);
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))  // no temporary left behind
        CHECK(entry.path().filename() == "plan.txt");
}

TEST_CASE("an edited plan file is not replaced without --force", "[cli][plan-file]") {
    cycle::test::temp_dir dir;
    auto plan = dir / "2026.toml";
    cycle::test::write_file(plan, "# my edits\n");
    auto r = run_cycle("plan --year 2026 --format plan --out '" + plan.string() + "'");
    CHECK(r.exit_code == 2);
    CHECK(r.err == plan.string() + ": error: the file exists and may hold dates fixed by hand; use --force to replace it\n");
    CHECK(cycle::test::read_file(plan) == "# my edits\n");
    auto forced = run_cycle("plan --year 2026 --format plan --force --out '" + plan.string() + "'");
    CHECK(forced.exit_code == 0);
    CHECK(cycle::test::read_file(plan).find("[[occurrence]]") != std::string::npos);
}

TEST_CASE("cycle holidays lists a year's holidays with weeks", "[cli][holidays]") {
    auto r = run_cycle("holidays --year 2026");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("2026-05-14  v. 20  Thu  public holiday  Kristi himmelsfärdsdag") != std::string::npos);
    CHECK(r.out.find("2026-06-19  v. 25  Fri  day off         Midsommarafton") != std::string::npos);
    auto json = nlohmann::json::parse(run_cycle("holidays --year 2026 --format json").out);
    CHECK(json["holidays"].size() == 17);
    auto old = run_cycle("holidays --year 2004");
    CHECK(old.exit_code == 2);
    CHECK(old.err.find("2005") != std::string::npos);
}
