// What a reader of the plan sees follows the calendar's language (texts.hpp):
// the `cycle plan` and `cycle due` tables and the feeds' fixed texts. The
// built-in wheel is Swedish; the same wheel with `language = "en"` is the
// English one. Diagnostics stay English, JSON keys and machine values and
// feed UIDs do not change with the language.
#include <catch2/catch.hpp>
#include <regex>

#include "support.hpp"

namespace fs = std::filesystem;
using cycle::test::contains;
using cycle::test::read_file;
using cycle::test::run_cycle;

namespace {

// The built-in wheel, as it is ("sv") or in another language.
fs::path wheel_in(const cycle::test::temp_dir& dir, const std::string& language) {
    auto text =
        read_file(std::string(CYCLE_SOURCE_DIR) + "/calendars/nya-perspektiv-2025-2028.toml");
    const std::string sv = "language = \"sv\"";
    REQUIRE(contains(text, sv));
    text.replace(text.find(sv), sv.size(), "language = \"" + language + "\"");
    auto file = dir / ("wheel-" + language + ".toml");
    cycle::test::write_file(file, text);
    return file;
}

std::string run_ok(const std::string& args) {
    auto r = run_cycle(args);
    INFO(args << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

// A feed's content lines unfolded (RFC 5545 3.1), so that a text is found
// wherever the line was folded.
std::string unfolded(std::string feed) {
    return std::regex_replace(feed, std::regex("\r\n[ \t]"), "");
}

std::vector<std::string> uids(const std::string& feed) {
    std::vector<std::string> out;
    std::istringstream in(feed);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("UID:", 0) == 0) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("plan table: Swedish for a Swedish calendar, English for an English one") {
    cycle::test::temp_dir dir;
    const auto sv = run_ok("plan --year 2027 --explain --calendar " +
                           cycle::test::quoted(wheel_in(dir, "sv").string()));
    const auto en = run_ok("plan --year 2027 --explain --calendar " +
                           cycle::test::quoted(wheel_in(dir, "en").string()));
    CHECK(contains(sv, "Nya perspektiv – årshjul 2025–2028: cykelår 3 (2027)\n"));
    CHECK(contains(sv, "Datum       Vecka  Dag  Tid              Händelse"));
    CHECK(contains(sv, "  Arrangör\n"));
    CHECK(contains(sv, "2027-05-18  v. 20  tis  09:00–16:00      Seminariet"));
    CHECK(contains(sv, "  heldag  "));
    CHECK(contains(sv, "  till 2027-10-31  "));
    CHECK(contains(sv, "            varför: "));
    CHECK(contains(sv, "            regel: Politiskt inriktningsdokument 2025–2028"));
    CHECK(contains(sv, ", rad 725–734\n"));
    for (const char* english :
         {"cycle year", "Date ", "Organiser", "all day", " Tue ", "why:", "rule:"})
        CHECK_FALSE(contains(sv, english));

    CHECK(contains(en, "Nya perspektiv – årshjul 2025–2028: cycle year 3 (2027)\n"));
    CHECK(contains(en, "Date        Week   Day  Time           Event"));
    CHECK(contains(en, "  Organiser\n"));
    CHECK(contains(en, "2027-05-18  wk 20  Tue  09:00–16:00    Seminariet"));
    CHECK(contains(en, "  all day  "));
    CHECK(contains(en, "  to 2027-10-31  "));
    CHECK(contains(en, "            why: "));
    CHECK(contains(en, ", line 725–734\n"));
    for (const char* swedish :
         {"cykelår", "Datum", "Arrangör", "heldag", " tis ", "varför:", ", rad "})
        CHECK_FALSE(contains(en, swedish));

    // The year after the cycle, and an audience.
    CHECK(contains(
        run_ok("plan --year 2029 --calendar " + cycle::test::quoted(wheel_in(dir, "sv").string())),
        ": året efter cykeln (2029)\n"));
    CHECK(contains(run_ok("plan --year 2026 --audience eda --calendar " +
                          cycle::test::quoted(wheel_in(dir, "en").string())),
                   ": cycle year 2 (2026), for Eda"));
}

TEST_CASE("due table: in the calendar's language") {
    cycle::test::temp_dir dir;
    const std::string args = "due --today 2026-10-01 --within 30d --calendar ";
    const auto sv = run_ok(args + cycle::test::quoted(wheel_in(dir, "sv").string()));
    const auto en = run_ok(args + cycle::test::quoted(wheel_in(dir, "en").string()));
    CHECK(sv.rfind("Aktuellt 2026-10-01 – 2026-10-31 (Nya perspektiv – årshjul 2025–2028):\n", 0) ==
          0);
    CHECK(contains(sv, "  senast 2026-10-31  "));
    CHECK(std::regex_search(sv, std::regex(" v\\. 4[0-4] +(mån|tis|ons|tor|fre|lör|sön)  ")));
    CHECK(en.rfind("Due 2026-10-01 – 2026-10-31 (Nya perspektiv – årshjul 2025–2028):\n", 0) == 0);
    CHECK(contains(en, "  due 2026-10-31  "));
    CHECK(std::regex_search(en, std::regex(" wk 4[0-4] +(Mon|Tue|Wed|Thu|Fri|Sat|Sun)  ")));
    // Nothing due: the fixed word too.
    const std::string quiet = "due --today 2026-06-20 --within 5d --calendar ";
    CHECK(contains(run_ok(quiet + cycle::test::quoted(wheel_in(dir, "sv").string())), "\ninget\n"));
    CHECK(
        contains(run_ok(quiet + cycle::test::quoted(wheel_in(dir, "en").string())), "\nnothing\n"));
}

TEST_CASE("feeds: fixed texts in the calendar's language, the same UIDs") {
    cycle::test::temp_dir dir;
    const std::string args = "export ics --year 2026 --audience eda --calendar ";
    const auto sv = run_ok(args + cycle::test::quoted(wheel_in(dir, "sv").string()));
    const auto en = run_ok(args + cycle::test::quoted(wheel_in(dir, "en").string()));
    const auto sv_text = unfolded(sv), en_text = unfolded(en);
    for (const char* swedish :
         {"CATEGORIES:Dialog,", "CATEGORIES:Konferens,", "Huvudman: Eda",
          "Arrangör: ", "Deltagare: ", "Senast: 31 oktober 2026", "Källa: ", ", rad "}) {
        INFO(swedish);
        CHECK(contains(sv_text, swedish));
        CHECK_FALSE(contains(en_text, swedish));
    }
    for (const char* english : {"CATEGORIES:Dialogue,", "CATEGORIES:Conference,", "Principal: Eda",
                                "Organiser: ", "Participants: ", "No later than: 31 October 2026",
                                "Source: ", ", line "}) {
        INFO(english);
        CHECK(contains(en_text, english));
        CHECK_FALSE(contains(sv_text, english));
    }
    CHECK(uids(sv) == uids(en));
    CHECK(uids(sv).size() > 5);
}

TEST_CASE("JSON keeps its keys and machine values in any language, diagnostics stay English") {
    cycle::test::temp_dir dir;
    const auto sv_file = wheel_in(dir, "sv"), en_file = wheel_in(dir, "en");
    const auto sv = run_ok("plan --year 2026 --format json --calendar " +
                           cycle::test::quoted(sv_file.string()));
    const auto en = run_ok("plan --year 2026 --format json --calendar " +
                           cycle::test::quoted(en_file.string()));
    // Only the human description of the source differs ("rad" / "line").
    CHECK(std::regex_replace(en, std::regex(", line "), ", rad ") == sv);
    CHECK(contains(sv, "\"weekday\": \"Tue\""));

    auto r = run_cycle("plan --year 2040 --calendar " + cycle::test::quoted(sv_file.string()));
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "outside"));
}
