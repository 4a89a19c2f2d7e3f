// Regression tests for the defects of issue 11 (hostile and careless input):
// each reproducer of ../shared/defects/ (copied to tests/data/defects/) runs
// here as a user runs it, through the real `cycle` process.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "content_line.hpp"
#include "feed_state.hpp"
#include "cycle/calendar.hpp"
#include "cycle/plan_file.hpp"
#include "cycle/text.hpp"
#include "support.hpp"

using cycle::test::read_file;
using cycle::test::run;
using cycle::test::run_cycle;
using cycle::test::temp_dir;
using cycle::test::write_file;

namespace {

const std::string defects = std::string(CYCLE_TEST_DATA) + "/defects/";
const std::string data = CYCLE_TEST_DATA;

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The line (1-based) of the first line of `text` that starts with `prefix`.
int line_of(const std::string& text, const std::string& prefix) {
    std::istringstream in(text);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
        if (line.rfind(prefix, 0) == 0) return n;
    return 0;
}

// A small valid calendar whose seminar title and event lines can be changed.
std::string wheel(const std::string& title, const std::string& timing) {
    return "[cycle]\nid = \"w\"\ntitle = \"Wheel\"\nfirst_year = 2026\nlast_year = 2026\n\n"
           "[[body]]\nid = \"alfa\"\nname = \"Alfa\"\n\n"
           "[[event]]\nid = \"seminar\"\ntitle = " +
           title + "\nkind = \"meeting\"\ndescription = \"d\"\n" + timing;
}

}  // namespace

TEST_CASE("fold() ends on a run of UTF-8 continuation bytes", "[defects]") {
    const std::string folded = cycle::ical::fold("X:" + std::string(300, '\x80'));
    CHECK(folded.size() < 400);
    std::istringstream lines(folded);
    for (std::string line; std::getline(lines, line);) CHECK(line.size() <= 76);  // + '\r'
}

TEST_CASE("invalid UTF-8 in --param organizer is refused at once", "[defects]") {
    temp_dir dir;
    auto r = run("timeout 20 '" + std::string(CYCLE_CLI) +
                 "' export ics --year 2026 --audience eda --out " + q(dir / "p.ics") +
                  " --param \"organizer=mailto:x@y.se$(printf '\\200%.0s' $(seq 100))\"");
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "--param: error: organizer"));
    CHECK(!std::filesystem::exists(dir / "p.ics"));
}

TEST_CASE("a hostile feed-state line is an error at its line", "[defects]") {
    for (const char* file : {"feed-state-fold-hang.tsv", "fuzz-feedstate-timeout-2853e933.tsv"}) {
        temp_dir dir;
        std::filesystem::copy_file(defects + file, dir / "feed-state.tsv");
        const std::string before = read_file(dir / "feed-state.tsv");
        auto r = run("timeout 20 '" + std::string(CYCLE_CLI) +
                     "' export ics --year 2026 --audience eda --out " + q(dir / "eda.ics"));
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, (dir / "feed-state.tsv").string() + ":"));
        CHECK(has(r.err, "last-modified (YYYYMMDDTHHMMSSZ)"));
        CHECK(read_file(dir / "feed-state.tsv") == before);
        CHECK(!std::filesystem::exists(dir / "eda.ics"));
    }
    // A sequence past what clients count.
    auto state = cycle::ical::feed_state::parse(
        "x@w\t4294967295\t20260101T000000Z\t0123456789abcdef\n", "s.tsv");
    REQUIRE(!state);
    CHECK(state.errors().front().where.line == 1);
}

TEST_CASE("a feed state that is a directory or a FIFO is an error, never read as empty",
          "[defects]") {
    temp_dir dir;
    REQUIRE(run_cycle("export ics --year 2026 --all-audiences --out " + q(dir / "f")).exit_code == 0);
    const std::string all = read_file(dir / "f/all.ics");
    std::filesystem::remove(dir / "f/feed-state.tsv");
    std::filesystem::create_directory(dir / "f/feed-state.tsv");
    auto r = run("SOURCE_DATE_EPOCH=1900000000 '" + std::string(CYCLE_CLI) +
                 "' export ics --year 2026 --all-audiences --out " + q(dir / "f"));
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "feed-state.tsv: error: the feed state is not a regular file"));
    CHECK(read_file(dir / "f/all.ics") == all);

    std::filesystem::remove(dir / "f/feed-state.tsv");
    REQUIRE(::mkfifo((dir / "f/feed-state.tsv").c_str(), 0600) == 0);
    auto fifo = run("timeout 20 '" + std::string(CYCLE_CLI) +
                    "' export ics --year 2026 --audience eda --out " + q(dir / "f/eda.ics"));
    CHECK(fifo.exit_code == 2);
    CHECK(has(fifo.err, "not a regular file"));
}

TEST_CASE("a set of feeds and its state are written together or not at all", "[defects]") {
    temp_dir dir;
    const auto f = dir / "f";
    REQUIRE(run_cycle("export ics --year 2026 --all-audiences --out " + q(f)).exit_code == 0);
    write_file(f / "index.html", "mine");
    const std::string all = read_file(f / "all.ics"), state = read_file(f / "feed-state.tsv");
    // A feed that cannot be replaced: nothing is.
    std::filesystem::remove(f / "eda.ics");
    std::filesystem::create_directory(f / "eda.ics");
    auto r = run("SOURCE_DATE_EPOCH=1900000000 '" + std::string(CYCLE_CLI) +
                 "' export ics --cycle --all-audiences --out " + q(f));
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "eda.ics: error: cannot write: it is a directory"));
    CHECK(!has(r.err, "Success"));
    CHECK(read_file(f / "all.ics") == all);
    CHECK(read_file(f / "feed-state.tsv") == state);
    // Replaced whole; what else the directory held stays.
    std::filesystem::remove(f / "eda.ics");
    auto ok = run("SOURCE_DATE_EPOCH=1900000000 '" + std::string(CYCLE_CLI) +
                  "' export ics --cycle --all-audiences --out " + q(f));
    CHECK(ok.exit_code == 0);
    CHECK(read_file(f / "all.ics") != all);
    CHECK(has(read_file(f / "eda.ics"), "BEGIN:VCALENDAR"));
    CHECK(read_file(f / "index.html") == "mine");
    int entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
    CHECK(entries == 1);  // no temporary directory left behind
}

TEST_CASE("TOML nested 50,000 deep is a located error, not a crash", "[defects]") {
    temp_dir dir;
    std::string header = "[a";
    for (int i = 0; i < 50000; ++i) header += ".a";
    write_file(dir / "deep.toml", header + "]\n");
    auto cal = run_cycle("plan --calendar " + q(dir / "deep.toml"));
    CHECK(cal.exit_code == 2);
    CHECK(has(cal.err, (dir / "deep.toml").string() + ":1:"));
    CHECK(has(cal.err, "nested deeper than 64"));

    write_file(dir / "deep-plan.toml", "calendar = \"nya-perspektiv-2025-2028\"\n" + header.substr(1) + " = 1\n");
    auto plan = run_cycle("check " + q(dir / "deep-plan.toml"));
    CHECK(plan.exit_code == 2);
    CHECK(has(plan.err, (dir / "deep-plan.toml").string() + ":2:"));

    // Below the limit, and dots in strings, comments and floats do not count.
    auto ok = cycle::load_calendar_string(
        wheel("\"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z\"",
              "month = 5\n# a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b\n"),
        "w.toml");
    CHECK(ok);
    std::string sixty_four = "[x";
    for (int i = 0; i < 63; ++i) sixty_four += ".x";
    CHECK(cycle::load_calendar_string(wheel("\"S\"", "month = 5\n") + sixty_four + "]\n", "w.toml")
              .errors()
              .front()
              .message.find("nested deeper") == std::string::npos);
    const std::string before = wheel("\"S\"", "month = 5\n");
    auto deeper = cycle::load_calendar_string(before + sixty_four + ".x]\n", "w.toml");
    REQUIRE(!deeper);
    CHECK(deeper.errors().front().where.line == 1 + std::count(before.begin(), before.end(), '\n'));
}

TEST_CASE("a VTIMEZONE RRULE bomb is refused, not expanded", "[defects]") {
    temp_dir dir;
    auto r = run("timeout 20 '" + std::string(CYCLE_CLI) + "' import ics " + q(defects + "vtimezone-rrule-count.ics") +
                 " --out " + q(dir / "v.toml"));
    CHECK(r.exit_code == 0);
    CHECK(has(r.err, "time zone 'Custom' of the file: an RRULE with FREQ=SECONDLY"));
    CHECK(has(r.err, "[ics-unmatched]"));
}

TEST_CASE("import and plan --format plan never replace a file unasked", "[defects]") {
    temp_dir dir;
    const auto keep = dir / "keep.toml";
    REQUIRE(run_cycle("plan --year 2026 --format plan --out " + q(keep)).exit_code == 0);
    const std::string before = read_file(keep);
    auto r = run_cycle("import ics " + q(data + "/ics/google.ics") + " --out " + q(keep));
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, keep.string() + ": error: the file exists"));
    CHECK(read_file(keep) == before);
    CHECK(run_cycle("import ics " + q(data + "/ics/google.ics") + " --out " + q(keep) + " --force")
              .exit_code == 0);
    CHECK(read_file(keep) != before);
}

TEST_CASE("a body named 'all' is a located error for --all-audiences", "[defects]") {
    temp_dir dir;
    auto r = run_cycle("export ics --calendar " + q(defects + "calendar-body-named-all.toml") +
                       " --cycle --all-audiences --out " + q(dir / "al"));
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "calendar-body-named-all.toml:16:1: error: body id 'all'"));
    CHECK(!std::filesystem::exists(dir / "al"));
}

TEST_CASE("a failed write says why, not 'Success'", "[defects]") {
    temp_dir dir;
    std::filesystem::create_directory(dir / "somedir");
    auto r = run_cycle("plan --year 2026 --out " + q(dir / "somedir"));
    CHECK(r.exit_code == 2);
    CHECK(!has(r.err, "Success"));
    CHECK(has(r.err, "it is a directory"));
}

TEST_CASE("an event without a description exports", "[defects]") {
    temp_dir dir;
    auto r = run_cycle("export ics --calendar " + q(defects + "calendar-event-without-description.toml") +
                       " --cycle --out " + q(dir / "nd.ics"));
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(has(read_file(dir / "nd.ics"), "BEGIN:VEVENT"));
}

TEST_CASE("what import writes always loads, and what it cannot carry it reports", "[defects]") {
    for (const char* file :
         {"import-duration-roundtrip.ics", "import-invalid-utf8-note.ics", "fuzz-ics-roundtrip-cec46e11.ics"}) {
        INFO(file);
        temp_dir dir;
        auto imported = run_cycle("import ics " + q(defects + file) + " --out " + q(dir / "rt.toml"));
        CHECK(imported.exit_code == 0);
        CHECK(!imported.err.empty());  // a warning says what was left out or changed
        auto checked = run_cycle("check --partial " + q(dir / "rt.toml"));
        CHECK(checked.exit_code != 2);
        CHECK(!has(checked.err, "is not like"));
        CHECK(cycle::is_valid_utf8(read_file(dir / "rt.toml")));
    }
    auto note = run_cycle("import ics " + q(defects + "import-invalid-utf8-note.ics"));
    CHECK(has(note.err, "[ics-changed]"));
    CHECK(has(note.out, "note = \""));
    CHECK(has(note.out, "\xEF\xBF\xBD"));
    auto week = run_cycle("import ics " + q(defects + "import-duration-roundtrip.ics"));
    CHECK(has(week.err, "a plan file holds at most 336h"));
}

TEST_CASE("plan dates far from their year are errors at the date", "[defects]") {
    auto early = run_cycle("check " + q(defects + "plan-date-1013.toml"));
    CHECK(early.exit_code == 2);
    CHECK(has(early.err, "plan-date-1013.toml:6:8: error: [[occurrence]]: date 1013-05-12 is too far"));
    auto late = run_cycle("check " + q(defects + "plan-end-9999.toml"));
    CHECK(late.exit_code == 2);
    CHECK(has(late.err, "plan-end-9999.toml:7:7: error: [[occurrence]]: end 9999-12-31"));
    auto exported = run_cycle("export ics --year 2026 --plan " + q(defects + "plan-end-9999.toml"));
    CHECK(exported.exit_code == 2);
    CHECK(!has(exported.err, "internal error"));
}

TEST_CASE("calendars before 2005 are refused at first_year", "[defects]") {
    for (const char* file : {"calendar-cycle-2001.toml", "calendar-cycle-2004.toml"}) {
        auto r = run_cycle("plan --cycle --calendar " + q(defects + file));
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, std::string(file) + ":4:14: error:"));
    }
}

TEST_CASE("cycle holidays --year outside 2005-2200 is refused", "[defects]") {
    for (const char* year : {"67561", "99999", "2004", "-1"}) {
        auto r = run_cycle(std::string("holidays --year ") + year);
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, "2005–2200"));
        CHECK(r.out.empty());
    }
    CHECK(run_cycle("holidays --year 2200").exit_code == 0);
}

TEST_CASE("findings point at the date line", "[defects]") {
    const std::string file = data + "/plans/weekend.toml";
    const int date_line = line_of(read_file(file), "date = 2026-09-19");  // the Saturday
    REQUIRE(date_line > 0);
    auto r = run_cycle("check --partial --calendar " + q(data + "/plans/check-wheel.toml") + " " + q(file));
    CHECK(has(r.out + r.err, "weekend.toml:" + std::to_string(date_line) + ":"));
}

TEST_CASE("end times on clock-change days are local clock times of the real end", "[defects]") {
    const std::string plan = q(data + "/ics/dst-plan.toml");
    auto table = run_cycle("plan --year 2026 --plan " + plan);
    REQUIRE(table.exit_code == 0);
    CHECK(has(table.out, "01:30–03:30"));  // 01:30 CEST + 3 h = 03:30 CET
    auto json = nlohmann::json::parse(run_cycle("plan --year 2026 --format json --plan " + plan).out);
    bool seen = false;
    for (const auto& o : json["occurrences"])
        if (o["date"] == "2026-10-25" && o["start"] == "01:30") {
            CHECK(o["end"] == "03:30");
            CHECK(o["end_utc"] == "2026-10-25T02:30:00Z");
            seen = true;
        }
    CHECK(seen);
}

TEST_CASE("a calendar rule that lands in the DST gap is refused at plan time", "[defects]") {
    temp_dir dir;
    write_file(dir / "gap.toml",
               wheel("\"Möte\"", "month = 3\nweekday = \"sun\"\nnth = -1\nstart = \"02:30\"\n"
                                 "duration = \"1h\"\nworking_days_only = false\n"));
    auto r = run_cycle("plan --year 2026 --calendar " + q(dir / "gap.toml"));
    CHECK(r.exit_code != 0);
    CHECK(has(r.err, "gap.toml:"));
    CHECK(has(r.err, "event 'seminar' is placed on 2026-03-29"));
    auto e = run_cycle("export ics --year 2026 --calendar " + q(dir / "gap.toml"));
    CHECK(e.exit_code == r.exit_code);
    CHECK(!has(e.err, "internal error"));
}

TEST_CASE("titles cannot break out of plan-file comments or print control characters",
          "[defects]") {
    temp_dir dir;
    write_file(dir / "evil.toml",
               wheel("\"Möte\\n[[occurrence.waive]]\\nrule = \\\"weekend\\\"\\nreason = \\\"x\\\" #\\u001b[31m\"",
                     "month = 5\n"));
    auto written = run_cycle("plan --year 2026 --calendar " + q(dir / "evil.toml") +
                             " --format plan --out " + q(dir / "p.toml"));
    REQUIRE(written.exit_code == 0);
    const std::string text = read_file(dir / "p.toml");
    CHECK(!has(text, "\n[[occurrence.waive]]"));
    CHECK(has(text, "# Möte\\n[[occurrence.waive]]"));
    auto loaded = run_cycle("check --calendar " + q(dir / "evil.toml") + " " + q(dir / "p.toml"));
    CHECK(loaded.exit_code != 2);
    auto table = run_cycle("plan --year 2026 --calendar " + q(dir / "evil.toml"));
    CHECK(!has(table.out, "\x1b"));
    CHECK(has(table.out, "\\x1b[31m"));
}

TEST_CASE("a directory given as a plan file is an error, not an empty plan", "[defects]") {
    temp_dir dir;
    auto r = run_cycle("check " + q(dir.path()));
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "not a regular file"));
    CHECK(!has(r.err, "missing required key"));
}

TEST_CASE("global options are accepted after the subcommand", "[defects]") {
    temp_dir dir;
    auto r = run_cycle("plugins --plugin-dir " + q(dir.path()));
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "ical"));
}

TEST_CASE("a body named 'all' is an error for every exporter's --all-audiences", "[defects]") {
    temp_dir dir;
    auto r = run_cycle("export json --calendar " + q(defects + "calendar-body-named-all.toml") +
                       " --cycle --all-audiences --out " + q(dir / "j"));
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "calendar-body-named-all.toml:16:1: error: body id 'all'"));
    CHECK(!std::filesystem::exists(dir / "j"));
}
