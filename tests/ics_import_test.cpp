// cycle import ics (plugins/ical/ics_import.cpp, docs/feeds.md): exports as
// Outlook, Google, Apple and Thunderbird write them become plan files; what
// is not an iCalendar file is an error and writes no plan.
#include <catch2/catch.hpp>
#include <string>

#include "support.hpp"

namespace {

using cycle::test::run_cycle;
using cycle::test::temp_dir;

const std::string data = std::string(CYCLE_TEST_DATA) + "/ics/";

}  // namespace

TEST_CASE("import: Outlook, Google and Apple exports", "[ical]") {
    auto import = [](const std::string& file) {
        auto r = run_cycle("import ics '" + data + file + "'");
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return r;
    };
    auto has = [](const std::string& plan, const std::string& entry) {
        INFO(plan);
        CHECK(plan.find(entry) != std::string::npos);
    };

    // Outlook: Windows zone names, a custom zone defined only by its
    // VTIMEZONE, an all-day deadline, a meeting of its own left unmatched.
    auto outlook = import("outlook.ics");
    has(outlook.out,
        "event = \"seminar\"\nyear = 2026\ndate = 2026-05-12\nstart = \"09:30\"\nduration = "
        "\"6h30m\"\n");
    has(outlook.out,
        "event = \"local-dialogue\"\nmember = \"eda\"\nyear = 2026\ndate = 2026-10-06\n"
        "start = \"09:00\"\nduration = \"3h\"\n");
    has(outlook.out, "event = \"local-dialogue-deadline\"\nyear = 2026\ndate = 2026-10-31\n\n");
    CHECK(outlook.err.find(
              "outlook.ics:79:1: warning: event 'Ledningsgruppsmöte' not imported: on 2026-09-14, "
              "it matches no event of calendar 'nya-perspektiv-2025-2028' by X-CYCLE-OCCURRENCE, "
              "UID or title [ics-unmatched]\n") != std::string::npos);
    has(outlook.out, "# Not imported from ");  // ", or imported with a change (N):"
    has(outlook.out, "Ledningsgruppsmöte");

    // Google: UTC times, matched by our UID although the title changed, by
    // title with "-" before the member, and a January meeting that belongs
    // to the previous cycle year; a recurring private event is listed.
    auto google = import("google.ics");
    has(google.out,
        "event = \"vror-dialogue\"\nyear = 2026\ndate = 2026-12-02\nstart = \"14:00\"\nduration = "
        "\"2h\"\n");
    has(google.out,
        "event = \"local-dialogue\"\nmember = \"arvika\"\nyear = 2026\ndate = 2026-09-21\n");
    has(google.out,
        "event = \"inriktningsmote\"\nyear = 2026\ndate = 2027-01-14\nstart = \"09:00\"\n");
    CHECK(google.err.find(
              "google.ics:62:1: warning: event 'Julafton' not imported: a recurring event") !=
          std::string::npos);

    // Apple: TZID=Europe/Stockholm, a member named in CATEGORIES, and a
    // second event for the same occurrence listed, not merged.
    auto apple = import("apple.ics");
    has(apple.out,
        "event = \"inspirationskonferens\"\nyear = 2026\ndate = 2026-11-19\nstart = "
        "\"09:00\"\nduration = \"7h\"\n");
    has(apple.out,
        "event = \"local-dialogue\"\nmember = \"sunne\"\nyear = 2026\ndate = 2026-10-08\n");
    CHECK(apple.err.find(
              "apple.ics:47:1: warning: event 'Lokal dialog – Sunne kommun' not imported: the same "
              "occurrence as the event on line 36") != std::string::npos);

    // Thunderbird: our own X- property kept, a member by id after ": ",
    // DURATION instead of DTEND.
    auto thunderbird = import("thunderbird.ics");
    has(thunderbird.out, "event = \"compilation\"\nyear = 2026\ndate = 2026-11-17\n");
    has(thunderbird.out,
        "event = \"local-dialogue\"\nmember = \"karlstad\"\nyear = 2026\ndate = 2026-10-29\n"
        "start = \"13:00\"\nduration = \"2h30m\"\n");
    CHECK(thunderbird.err.empty());

    // Each imported plan is a valid plan file for the calendar.
    temp_dir dir;
    for (const auto* r : {&outlook, &google, &apple, &thunderbird}) {
        cycle::test::write_file(dir / "plan.toml", r->out);
        auto check = run_cycle("plan --cycle --plan '" + (dir / "plan.toml").string() + "'");
        INFO(r->out << check.err);
        CHECK(check.exit_code == 0);
    }
}

TEST_CASE("import: what is not an iCalendar file is an error, and no plan is written", "[ical]") {
    temp_dir dir;
    cycle::test::write_file(dir / "notes.ics", "Möte med Eda 12 oktober\n");
    auto r = run_cycle("import ics '" + (dir / "notes.ics").string() + "' --out '" +
                       (dir / "plan.toml").string() + "'");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("notes.ics: error: not an iCalendar file") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "plan.toml"));

    cycle::test::write_file(
        dir / "bad-zone.ics",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\n"
        "DTSTART;TZID=Mars/Olympus:20261012T100000\r\nSUMMARY:Aktualitetskonferens\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n");
    r = run_cycle("import ics '" + (dir / "bad-zone.ics").string() + "'");
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("bad-zone.ics:4:1: warning: event 'Aktualitetskonferens' not imported: "
                     "unknown time zone "
                     "'Mars/Olympus'") != std::string::npos);
}

TEST_CASE("import: properties it never reads are left to one side, folded lines and all",
          "[ical]") {
    // DESCRIPTION, DTSTAMP and the like are not given to libical (issue 12:
    // they are half of its parse). Their folded lines go with them: one left
    // behind would continue the UID above it, and the event would match
    // nothing. Inside a VTIMEZONE every line is kept.
    temp_dir dir;
    cycle::test::write_file(
        dir / "folded.ics",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        "BEGIN:VTIMEZONE\r\nTZID:Custom Time\r\nLAST-MODIFIED:20200101T000000Z\r\n"
        "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0300\r\n"
        "TZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:local-dialogue.2026.eda@nya-perspektiv-2025-2028\r\n"
        "description;language=sv:Lokal dialog\\, del ett\r\n\tmed en rad till\r\n  och en till\r\n"
        "dtstamp:20260101T000000Z\r\nSUMMARY:Något annat\r\n"
        "DTSTART;TZID=Custom Time:20261006T100000\r\nDTEND;TZID=Custom Time:20261006T130000\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n");
    auto r = run_cycle("import ics '" + (dir / "folded.ics").string() + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // Matched by its UID; 10:00 at +03:00 is 09:00 in Stockholm (CEST).
    CHECK(r.out.find("event = \"local-dialogue\"\nmember = \"eda\"\nyear = 2026\ndate = "
                     "2026-10-06\nstart = \"09:00\"\nduration = \"3h\"\n") != std::string::npos);
    CHECK(r.err.empty());
}
