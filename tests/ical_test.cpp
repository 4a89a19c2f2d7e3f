// The ics exporter and importer (plugins/ical, docs/feeds.md): content lines
// byte by byte, every generated feed through libical, python3-icalendar and
// ical.js, daylight saving days, stable UIDs with rising SEQUENCE, and the
// export → import → export round trip (other clients' exports:
// ics_import_test.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "content_line.hpp"
#include "ics_validate.hpp"
#include "support.hpp"
#include "vtimezone.hpp"
#include "zone_names.hpp"

namespace {

using cycle::test::read_file;
using cycle::test::run;
using cycle::test::run_cycle;
using cycle::test::temp_dir;

const std::string data = std::string(CYCLE_TEST_DATA) + "/ics/";
// A fixed publishing time, so feeds can be compared byte by byte.
const std::string epoch_2026 = "SOURCE_DATE_EPOCH=1767225600 ";  // 2026-01-01T00:00:00Z

std::vector<std::string> lines_of(const std::string& text, const std::string& end = "\n") {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto at = text.find(end, start);
        if (at == std::string::npos) at = text.size();
        out.push_back(text.substr(start, at - start));
        start = at + end.size();
    }
    return out;
}

// RFC 5545 3.1: remove CRLF followed by one space.
std::string unfold(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

// The unfolded VEVENT with this UID.
std::string event_with_uid(const std::string& feed, const std::string& uid) {
    auto unfolded = unfold(feed);
    auto at = unfolded.find("\r\nUID:" + uid + "\r\n");
    REQUIRE(at != std::string::npos);
    auto begin = unfolded.rfind("BEGIN:VEVENT", at);
    return unfolded.substr(begin, unfolded.find("END:VEVENT", at) - begin);
}

std::string field(const std::string& event, const std::string& name) {
    std::regex re("(^|\r\n)" + name + "[:;][^\r]*");
    std::smatch m;
    if (!std::regex_search(event, m, re)) return {};
    std::string line = m.str();
    if (line.rfind("\r\n", 0) == 0) line = line.substr(2);
    return line;
}

// The exporter does not check its own output (issue 12): every feed a test
// exports goes through libical here. Without an ORGANIZER (it needs an
// address) that one iTIP restriction is accepted.
std::string export_ics(const std::string& args, const std::string& env = epoch_2026) {
    auto r = run(env + "'" + CYCLE_CLI + "' export ics " + args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const bool organizer = r.out.find("\r\nORGANIZER") != std::string::npos;
    INFO(args);
    CHECK(cycle::ical::libical_problems(r.out, !organizer).empty());
    return r.out;
}

// One line per event from a parser script; "FILE" lines name the feed.
std::vector<std::string> parsed(const std::string& command) {
    auto r = run(command);
    INFO(command << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return lines_of(r.out);
}

std::vector<std::string> python_parse(const std::string& files) {
    return parsed(std::string("'") + CYCLE_PYTHON + "' '" + CYCLE_SOURCE_DIR +
                  "/tests/tools/parse_ics.py' " + files);
}

std::vector<std::string> icaljs_parse(const std::string& files) {
    return parsed(std::string("'") + CYCLE_NODE + "' '" + CYCLE_ICALJS_SCRIPT + "' " + files);
}

std::vector<std::string> split(const std::string& line, char by) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(line);
    while (std::getline(in, part, by)) out.push_back(part);
    return out;
}

}  // namespace

TEST_CASE("escape_text escapes what RFC 5545 TEXT needs and drops control characters", "[ical]") {
    using cycle::ical::escape_text;
    CHECK(escape_text("Hur bidrar vi? Hur går det?") == "Hur bidrar vi? Hur går det?");
    CHECK(escape_text("a,b;c\\d") == "a\\,b\\;c\\\\d");
    CHECK(escape_text("rad 1\nrad 2\r\nrad 3\rrad 4") == "rad 1\\nrad 2\\nrad 3\\nrad 4");
    CHECK(escape_text("x\x07y\x1b\x7fz\tw") == "xyz w");
    CHECK(escape_text("\nEND:VEVENT\nBEGIN:VALARM") == "\\nEND:VEVENT\\nBEGIN:VALARM");
    CHECK(cycle::ical::escape_text_list({"VR/OR", "Huvudmännen, alla", "a;b"}) ==
          "VR/OR,Huvudmännen\\, alla,a\\;b");
    CHECK(cycle::ical::param_value("Europe/Stockholm") == "Europe/Stockholm");
    CHECK(cycle::ical::param_value("Enheten: \"Nya\" perspektiv") == "\"Enheten: Nya perspektiv\"");
}

TEST_CASE("fold: 75 octets a line, CRLF, never inside a UTF-8 character", "[ical]") {
    using cycle::ical::fold;
    CHECK(fold("SUMMARY:kort") == "SUMMARY:kort\r\n");
    // Exactly 75 octets: not folded; 76: folded after 75.
    const std::string seventy_five = "DESCRIPTION:" + std::string(63, 'a');
    CHECK(fold(seventy_five) == seventy_five + "\r\n");
    CHECK(fold(seventy_five + "b") == seventy_five + "\r\n b\r\n");

    // "å" is two octets (C3 A5). 'SUMMARY:' is 8 octets, then 33 × "å" is 74
    // octets: the 34th would straddle octet 75, so the first line ends at 74.
    std::string line = "SUMMARY:";
    for (int i = 0; i < 40; ++i) line += "å";
    std::string expected = "SUMMARY:";
    for (int i = 0; i < 33; ++i) expected += "å";
    expected += "\r\n ";
    for (int i = 0; i < 7; ++i) expected += "å";
    expected += "\r\n";
    CHECK(fold(line) == expected);

    // A long Swedish text: every line at most 75 octets, no line starts with
    // a continuation octet, and unfolding gives the line back.
    std::string text = "DESCRIPTION:";
    for (int i = 0; i < 30; ++i) text += "Vad har vi lärt oss? Årshjulet – “fyra år” – €5 ";
    const auto folded = fold(text);
    REQUIRE(folded.size() >= 2);
    CHECK(folded.substr(folded.size() - 2) == "\r\n");
    for (const auto& l : lines_of(folded.substr(0, folded.size() - 2), "\r\n")) {
        CHECK(l.size() <= 75);
        std::size_t first = l.front() == ' ' ? 1 : 0;
        REQUIRE(l.size() > first);
        CHECK((static_cast<unsigned char>(l[first]) & 0xC0) != 0x80);
    }
    CHECK(unfold(folded) == text + "\r\n");
}

TEST_CASE("a feed's calendar properties, time zone and events", "[ical]") {
    const auto feed = export_ics("--year 2026 --audience eda");
    // CRLF everywhere, never a bare LF, every line at most 75 octets.
    CHECK(feed.find("\r\n") != std::string::npos);
    CHECK(std::regex_search(feed, std::regex("[^\r]\n")) == false);
    for (const auto& l : lines_of(feed, "\r\n")) CHECK(l.size() <= 75);

    const auto u = unfold(feed);
    for (const char* p :
         {"\r\nVERSION:2.0\r\n", "\r\nPRODID:-//libcycle//cycle ", "\r\nCALSCALE:GREGORIAN\r\n",
          "\r\nMETHOD:PUBLISH\r\n", "\r\nNAME:Nya perspektiv – årshjul 2025–2028 – Eda kommun\r\n",
          "\r\nX-WR-CALNAME:Nya perspektiv – årshjul 2025–2028 – Eda kommun\r\n",
          "\r\nX-WR-TIMEZONE:Europe/Stockholm\r\n", "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n",
          "\r\nX-PUBLISHED-TTL:PT12H\r\n", "\r\nDESCRIPTION:Årshjulet för samverkansarenan"}) {
        INFO(p);
        CHECK(u.find(p) != std::string::npos);
    }
    CHECK(u.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
    CHECK(u.substr(u.size() - 15) == "END:VCALENDAR\r\n");

    // The compact VTIMEZONE: plain IANA name, yearly EU rules, no LMT.
    CHECK(u.find("\r\nTZID:Europe/Stockholm\r\n") != std::string::npos);
    CHECK(u.find("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n") != std::string::npos);
    CHECK(u.find("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n") != std::string::npos);
    CHECK(u.find("TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST") != std::string::npos);
    CHECK(u.find("LMT") == std::string::npos);
    CHECK(u.find("freeassociation") == std::string::npos);
    CHECK(std::regex_search(u, std::regex("TZOFFSET(FROM|TO):[+-][0-9]{6}")) == false);
    CHECK(std::count(u.begin(), u.end(), '\n') > 0);

    // A timed event, an all-day window that does not block, a deadline with
    // its 14-day reminder, a local dialogue with the four questions.
    auto seminar = event_with_uid(feed, "seminar.2026@nya-perspektiv-2025-2028");
    CHECK(std::regex_search(seminar,
                            std::regex("\r\nDTSTART;TZID=Europe/Stockholm:202605..T090000\r\n")));
    CHECK(field(seminar, "TRANSP") == "TRANSP:OPAQUE");
    CHECK(field(seminar, "CATEGORIES") ==
          "CATEGORIES:Konferens,Politisk styrgrupp,Beredningsgruppen,VR/OR,Huvudmännen");
    CHECK(field(seminar, "DTSTAMP") == "DTSTAMP:20260101T000000Z");
    CHECK(seminar.find("Arrangör: Politisk styrgrupp") != std::string::npos);
    CHECK(seminar.find("Källa: Politiskt inriktningsdokument 2025–2028") != std::string::npos);
    CHECK(seminar.find("(RS/250201)") != std::string::npos);  // the diarienummer

    auto window = event_with_uid(feed, "local-dialogue-window.2026@nya-perspektiv-2025-2028");
    CHECK(field(window, "DTSTART") == "DTSTART;VALUE=DATE:20260901");
    CHECK(field(window, "DTEND") == "DTEND;VALUE=DATE:20261101");  // exclusive: through 31 October
    CHECK(field(window, "TRANSP") == "TRANSP:TRANSPARENT");

    auto deadline = event_with_uid(feed, "local-dialogue-deadline.2026@nya-perspektiv-2025-2028");
    // 31 October 2026 is Alla helgons dag: the deadline is the Friday before.
    CHECK(field(deadline, "DTSTART") == "DTSTART;VALUE=DATE:20261030");
    CHECK(field(deadline, "DTEND") == "DTEND;VALUE=DATE:20261031");
    CHECK(deadline.find(
              "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Sista dag för lokala dialoger\r\n"
              "TRIGGER:-P14D\r\nEND:VALARM") != std::string::npos);

    auto dialogue = event_with_uid(feed, "local-dialogue.2026.eda@nya-perspektiv-2025-2028");
    CHECK(field(dialogue, "SUMMARY") == "SUMMARY:Lokal dialog – Eda kommun");
    for (const char* q : {"Hur bidrar vi?", "Hur går det?", "Vad gör vi?", "Vad har vi lärt oss?"})
        CHECK(dialogue.find(q) != std::string::npos);
    CHECK(field(dialogue, "X-CYCLE-OCCURRENCE") == "X-CYCLE-OCCURRENCE:local-dialogue/eda/2026");

    // Eda's feed has Eda's dialogue and no other principal's.
    CHECK(u.find("UID:local-dialogue.2026.arvika@") == std::string::npos);
    CHECK(cycle::ical::libical_problems(feed, true).empty());
}

TEST_CASE("reminders and refresh are configurable, bad parameters write nothing", "[ical]") {
    auto feed = export_ics(
        "--year 2026 --param alarm=dialogue:7d --param alarm=deadline:2h --param refresh=1d");
    CHECK(feed.find("REFRESH-INTERVAL;VALUE=DURATION:P1D\r\n") != std::string::npos);
    CHECK(feed.find("TRIGGER:-P7D\r\n") != std::string::npos);
    CHECK(feed.find("TRIGGER:-PT2H\r\n") != std::string::npos);
    CHECK(feed.find("TRIGGER:-P14D") == std::string::npos);
    CHECK(export_ics("--year 2026 --param alarm=none").find("BEGIN:VALARM") == std::string::npos);

    // With an organizer address, every event has an ORGANIZER and libical's
    // iTIP (RFC 5546 PUBLISH) restrictions hold in full.
    auto with_organizer =
        export_ics("--year 2026 --param organizer=mailto:nyaperspektiv@example.se");
    CHECK(unfold(with_organizer)
              .find("ORGANIZER;CN=Politisk styrgrupp:mailto:nyaperspektiv@example.se\r\n") !=
          std::string::npos);
    CHECK(cycle::ical::libical_problems(with_organizer).empty());
    CHECK_FALSE(cycle::ical::libical_problems(export_ics("--year 2026")).empty());

    temp_dir dir;
    for (const char* bad : {"--param alarm=lunch:1d", "--param refresh=often", "--param colour=red",
                            "--param organizer=nobody"}) {
        auto r = run_cycle(std::string("export ics --year 2026 --out '") +
                           (dir / "x.ics").string() + "' " + bad);
        INFO(bad << ": " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--param: error:") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(dir / "x.ics"));
    }
    auto r = run_cycle("export ics --cycle --all-audiences");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--all-audiences writes several files") != std::string::npos);
}

TEST_CASE("text from a plan cannot inject properties or components", "[ical]") {
    const auto feed =
        export_ics("--year 2026 --audience vror --plan '" + data + "injection-plan.toml'");
    temp_dir dir;
    cycle::test::write_file(dir / "feed.ics", feed);
    // Exactly one VEVENT per occurrence: the note's "BEGIN:VEVENT" never starts a line.
    auto json = nlohmann::json::parse(run_cycle("export json --year 2026 --audience vror --plan '" +
                                                data + "injection-plan.toml'")
                                          .out);
    const auto count = [&](const std::string& l) {
        auto ls = lines_of(feed, "\r\n");
        return std::count(ls.begin(), ls.end(), l);
    };
    CHECK(count("BEGIN:VEVENT") == long(json["occurrences"].size()));
    CHECK(count("END:VEVENT") == long(json["occurrences"].size()));
    CHECK(feed.find("\r\nUID:evil") == std::string::npos);
    CHECK(feed.find("\r\nATTACH") == std::string::npos);
    CHECK(feed.find('\x07') == std::string::npos);
    CHECK(cycle::ical::libical_problems(feed, true).empty());

    // Both parsers read the note back as it was written (control characters dropped).
    const std::string note =
        "Anteckning: Rum: Älvsalen, plan 3; ta med dator \\\\ laddare.\\n"
        "END:VEVENT\\nBEGIN:VEVENT\\nUID:evil\\nSUMMARY:Hej\\nATTACH:http://x";
    for (const auto& out : {python_parse("'" + (dir / "feed.ics").string() + "'"),
                            icaljs_parse("'" + (dir / "feed.ics").string() + "'")}) {
        auto seminar = std::find_if(out.begin(), out.end(), [](const std::string& l) {
            return l.rfind("seminar.2026@", 0) == 0;
        });
        REQUIRE(seminar != out.end());
        CHECK(seminar->find(note) != std::string::npos);
    }
}

TEST_CASE("every feed of the 2025–2028 wheel: libical, python3-icalendar and ical.js agree",
          "[ical]") {
    temp_dir dir;
    auto r = run(epoch_2026 + "'" + CYCLE_CLI + "' export ics --cycle --all-audiences --out '" +
                 (dir / "feeds").string() + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir / "feeds"))
        if (e.path().extension() == ".ics") files.push_back(e.path().filename().string());
    std::sort(files.begin(), files.end());
    // all.ics and one per body of the calendar (31 bodies).
    REQUIRE(files.size() == 1 + 31);
    CHECK(std::find(files.begin(), files.end(), "all.ics") != files.end());
    CHECK(std::find(files.begin(), files.end(), "eda.ics") != files.end());
    CHECK(std::filesystem::exists(dir / "feeds" / "feed-state.tsv"));

    std::string args;
    for (const auto& f : files) {
        const auto feed = read_file(dir / "feeds" / f);
        INFO(f);
        CHECK(cycle::ical::libical_problems(feed, true).empty());
        CHECK(feed.find("X-LIC-ERROR") == std::string::npos);
        args += " '" + (dir / "feeds" / f).string() + "'";
    }
    const auto python = python_parse(args);
    const auto icaljs = icaljs_parse(args);
    CHECK(python.size() > files.size());
    CHECK(python == icaljs);

    // And both agree with the plan: one event per occurrence, same instants.
    std::map<std::string, std::vector<std::string>> events;  // feed -> lines
    std::string current;
    for (const auto& l : python) {
        if (l.rfind("FILE ", 0) == 0)
            current = split(l.substr(5), ' ').front();
        else
            events[current].push_back(l);
    }
    for (const std::string audience : {"", "eda", "vror", "principals"}) {
        auto json = nlohmann::json::parse(
            run_cycle("export json --cycle" + (audience.empty() ? "" : " --audience " + audience))
                .out);
        const auto& lines = events[(audience.empty() ? "all" : audience) + ".ics"];
        INFO(audience);
        REQUIRE(lines.size() == json["occurrences"].size());
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto& o = json["occurrences"][i];
            auto f = split(lines[i], '|');
            CHECK(f[1] == (o["all_day"].get<bool>() ? o["date"].get<std::string>()
                                                    : o["start_utc"].get<std::string>()));
            if (!o["all_day"].get<bool>()) CHECK(f[2] == o["end_utc"].get<std::string>());
            CHECK(f[5] == "\"" + o["title"].get<std::string>() + "\"");
        }
    }
}

TEST_CASE("events on daylight saving days have the right instants in every parser", "[ical]") {
    const auto feed = export_ics("--year 2026 --plan '" + data + "dst-plan.toml'");
    CHECK(cycle::ical::libical_problems(feed, true).empty());
    auto vror = event_with_uid(feed, "vror-dialogue.2026@nya-perspektiv-2025-2028");
    CHECK(field(vror, "DTSTART") == "DTSTART;TZID=Europe/Stockholm:20261025T013000");
    CHECK(field(vror, "DTEND") ==
          "DTEND;TZID=Europe/Stockholm:20261025T033000");  // 3 h later, clocks went back
    temp_dir dir;
    cycle::test::write_file(dir / "dst.ics", feed);
    const std::map<std::string, std::pair<std::string, std::string>> expected{
        {"seminar.2026@nya-perspektiv-2025-2028", {"2026-03-29T07:00:00Z", "2026-03-29T09:00:00Z"}},
        {"vror-dialogue.2026@nya-perspektiv-2025-2028",
         {"2026-10-24T23:30:00Z", "2026-10-25T02:30:00Z"}},
        {"inspirationskonferens.2026@nya-perspektiv-2025-2028",
         {"2026-10-25T08:00:00Z", "2026-10-25T09:00:00Z"}},
    };
    for (const auto& out : {python_parse("'" + (dir / "dst.ics").string() + "'"),
                            icaljs_parse("'" + (dir / "dst.ics").string() + "'")}) {
        int found = 0;
        for (const auto& l : out) {
            auto f = split(l, '|');
            if (auto it = expected.find(f[0]); it != expected.end()) {
                INFO(l);
                CHECK(f[1] == it->second.first);
                CHECK(f[2] == it->second.second);
                ++found;
            }
        }
        CHECK(found == 3);
    }
}

TEST_CASE("publishing again: same bytes, a moved date keeps its UID and raises SEQUENCE",
          "[ical]") {
    temp_dir dir;
    const auto feeds = (dir / "feeds").string();
    auto publish = [&](const std::string& epoch, const std::string& plan) {
        auto r = run("SOURCE_DATE_EPOCH=" + epoch + " '" + CYCLE_CLI +
                     "' export ics --cycle --all-audiences --out '" + feeds + "'" +
                     (plan.empty() ? "" : " --plan '" + plan + "'"));
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return read_file(dir / "feeds" / "eda.ics");
    };
    const auto first = publish("1767225600", "");  // 2026-01-01T00:00:00Z
    const auto again = publish("1767225600", "");
    CHECK(first == again);
    const std::string uid = "local-dialogue.2026.eda@nya-perspektiv-2025-2028";
    auto before = event_with_uid(first, uid);
    CHECK(field(before, "SEQUENCE") == "SEQUENCE:0");
    CHECK(field(before, "LAST-MODIFIED") == "LAST-MODIFIED:20260101T000000Z");

    // Nothing changed, published later: SEQUENCE, LAST-MODIFIED and DTSTAMP
    // (which with a feed state is LAST-MODIFIED) stay: the same bytes.
    const auto later = publish("1769904000", "");  // 2026-02-01T00:00:00Z
    CHECK(field(event_with_uid(later, uid), "SEQUENCE") == "SEQUENCE:0");
    CHECK(field(event_with_uid(later, uid), "LAST-MODIFIED") == "LAST-MODIFIED:20260101T000000Z");
    CHECK(field(event_with_uid(later, uid), "DTSTAMP") == "DTSTAMP:20260101T000000Z");
    CHECK(later == first);

    // Eda moves its dialogue to 13 October.
    cycle::test::write_file(dir / "plan.toml",
                            "calendar = \"nya-perspektiv-2025-2028\"\n"
                            "[[occurrence]]\nevent = \"local-dialogue\"\nmember = \"eda\"\n"
                            "year = 2026\ndate = 2026-10-13\n");
    const auto moved = publish("1772323200", (dir / "plan.toml").string());  // 2026-03-01T00:00:00Z
    auto after = event_with_uid(moved, uid);
    CHECK(field(after, "DTSTART") == "DTSTART;VALUE=DATE:20261013");
    CHECK(field(after, "SEQUENCE") == "SEQUENCE:1");
    CHECK(field(after, "LAST-MODIFIED") == "LAST-MODIFIED:20260301T000000Z");
    CHECK(field(after, "DTSTAMP") == "DTSTAMP:20260301T000000Z");
    // The same UID and sequence in the feed for everything.
    auto all = event_with_uid(read_file(dir / "feeds" / "all.ics"), uid);
    CHECK(field(all, "SEQUENCE") == "SEQUENCE:1");
    // An unchanged event keeps its sequence.
    auto seminar = event_with_uid(moved, "seminar.2026@nya-perspektiv-2025-2028");
    CHECK(field(seminar, "SEQUENCE") == "SEQUENCE:0");
    CHECK(field(seminar, "LAST-MODIFIED") == "LAST-MODIFIED:20260101T000000Z");
    CHECK(read_file(dir / "feeds" / "feed-state.tsv").find(uid + "\t1\t20260301T000000Z\t") !=
          std::string::npos);

    // A broken state file is an error with its line, and nothing is written.
    cycle::test::write_file(dir / "feeds" / "feed-state.tsv", "# header\nnot a state line\n");
    auto r = run_cycle("export ics --cycle --all-audiences --out '" + feeds + "'");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("feed-state.tsv:2:1: error: feed state:") != std::string::npos);
    CHECK(read_file(dir / "feeds" / "eda.ics") == moved);
}

TEST_CASE("export → import → export gives the same feed", "[ical]") {
    temp_dir dir;
    const auto feed = export_ics("--cycle");
    cycle::test::write_file(dir / "all.ics", feed);
    auto r = run_cycle("import ics '" + (dir / "all.ics").string() + "' --out '" +
                       (dir / "plan.toml").string() + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());  // everything matched
    CHECK(export_ics("--cycle --plan '" + (dir / "plan.toml").string() + "'") == feed);

    // With a cancelled occurrence and a note.
    const auto changed = export_ics("--year 2026 --plan '" + data + "injection-plan.toml'");
    cycle::test::write_file(dir / "2026.ics", changed);
    r = run_cycle("import ics '" + (dir / "2026.ics").string() + "' --out '" +
                  (dir / "2026.toml").string() + "'");
    REQUIRE(r.exit_code == 0);
    CHECK(export_ics("--year 2026 --plan '" + (dir / "2026.toml").string() + "'") == changed);
}

TEST_CASE("iana_zone: TZIDs as clients write them", "[ical]") {
    using cycle::ical::iana_zone;
    CHECK(iana_zone("Europe/Stockholm") == "Europe/Stockholm");
    CHECK(iana_zone("/freeassociation.sourceforge.net/Europe/Stockholm") == "Europe/Stockholm");
    CHECK(iana_zone("/freeassociation.sourceforge.net/Tzfile/Europe/Stockholm") ==
          "Europe/Stockholm");
    CHECK(iana_zone("/mozilla.org/20050126_1/Europe/Stockholm") == "Europe/Stockholm");
    CHECK(iana_zone("W. Europe Standard Time") == "Europe/Berlin");
    CHECK(iana_zone("Romance Standard Time") == "Europe/Paris");
    CHECK(iana_zone("UTC") == "Etc/UTC");
    CHECK_FALSE(iana_zone("Customized Time Zone").has_value());
    CHECK_FALSE(iana_zone("").has_value());
    CHECK_FALSE(iana_zone("Mars/Olympus").has_value());
}

TEST_CASE("vtimezone: yearly rules from the tz database, or a clear error", "[ical]") {
    using cycle::ical::vtimezone;
    auto stockholm = vtimezone("Europe/Stockholm", 2025, 2029);
    REQUIRE(stockholm.ok());
    // From the year before the first, so that January 2025 has an onset.
    CHECK(*stockholm ==
          "BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\nX-LIC-LOCATION:Europe/Stockholm\r\n"
          "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
          "DTSTART:20240331T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
          "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
          "DTSTART:20241027T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
          "END:VTIMEZONE\r\n");
    // Other rules: the second Sunday of March, the first of November.
    auto new_york = vtimezone("America/New_York", 2026, 2027);
    REQUIRE(new_york.ok());
    CHECK(new_york->find("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n") != std::string::npos);
    CHECK(new_york->find("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n") != std::string::npos);
    CHECK(new_york->find("TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n") != std::string::npos);
    // No daylight saving time: one standard observance.
    auto tokyo = vtimezone("Asia/Tokyo", 2026, 2027);
    REQUIRE(tokyo.ok());
    CHECK(tokyo->find("BEGIN:STANDARD\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\n") !=
          std::string::npos);
    CHECK(tokyo->find("RRULE") == std::string::npos);
    // Moscow dropped daylight saving time in 2011: not one pair of yearly rules.
    auto moscow = vtimezone("Europe/Moscow", 2009, 2012);
    REQUIRE_FALSE(moscow.ok());
    CHECK(moscow.errors().front().message.find("changes its daylight saving rules") !=
          std::string::npos);
    CHECK_FALSE(vtimezone("Mars/Olympus", 2026, 2026).ok());
}

TEST_CASE("an event that leaves a feed is published there as cancelled, for 90 days", "[ical]") {
    temp_dir dir;
    const auto feeds = (dir / "feeds").string();
    auto publish = [&](const std::string& epoch, const std::string& years) {
        auto r = run("SOURCE_DATE_EPOCH=" + epoch + " '" + CYCLE_CLI + "' export ics " + years +
                     " --all-audiences --out '" + feeds + "'");
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return r;
    };
    // What python3-icalendar reads: uid -> "STATUS|sequence".
    auto statuses = [&](const std::string& feed) {
        auto r = run(std::string(CYCLE_PYTHON) + " '" + CYCLE_SOURCE_DIR +
                     "/tests/tools/ics_status.py' '" + (dir / "feeds" / feed).string() + "'");
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        std::map<std::string, std::string> out;
        for (const auto& line : lines_of(r.out)) {
            auto bar = line.find('|');
            out[line.substr(0, bar)] = line.substr(bar + 1);
        }
        return out;
    };
    const std::string uid = "local-dialogue.2027.eda@nya-perspektiv-2025-2028";
    publish("1767225600", "--cycle");  // 2026-01-01: the whole cycle
    const auto whole = statuses("all.ics");
    CHECK(statuses("eda.ics").at(uid) == "CONFIRMED|0");

    // 2026-02-01: only 2026 into the same feeds.
    auto one_year = publish("1769904000", "--year 2026");
    const auto all = statuses("all.ics");
    std::size_t live = 0, cancelled = 0;
    for (const auto& [u, s] : all) (s.rfind("CANCELLED", 0) == 0 ? cancelled : live)++;
    CHECK(all.size() == whole.size());  // nothing vanished
    CHECK(cancelled > 20);
    CHECK(one_year.err ==
          fmt::format("cycle export: {} published events left the feeds: published as "
                      "cancelled (STATUS:CANCELLED) for 90 days, so subscribers' "
                      "calendars drop them (docs/feeds.md)\n",
                      cancelled));
    const auto eda = read_file(dir / "feeds" / "eda.ics");
    CHECK(statuses("eda.ics").at(uid) == "CANCELLED|1");
    auto tomb = event_with_uid(eda, uid);
    CHECK(field(tomb, "DTSTAMP") == "DTSTAMP:20260201T000000Z");
    CHECK(field(tomb, "DTSTART").rfind("DTSTART;VALUE=DATE:2027", 0) == 0);
    CHECK(field(tomb, "SUMMARY") == "SUMMARY:Lokal dialog – Eda kommun");
    // The real libical reads every feed with its cancellations.
    for (const auto& f : std::filesystem::directory_iterator(dir / "feeds"))
        if (f.path().extension() == ".ics") {
            INFO(f.path());
            CHECK(cycle::ical::libical_problems(read_file(f.path()), true).empty());
        }

    // Again, later: the same bytes, and nothing newly cancelled to tell.
    auto again = publish("1772323200", "--year 2026");  // 2026-03-01
    CHECK(again.err == "");
    CHECK(read_file(dir / "feeds" / "eda.ics") == eda);

    // 90 days after they left, the cancellations are no longer published.
    publish("1777680000", "--year 2026");  // 2026-05-02
    CHECK(statuses("eda.ics").count(uid) == 0);
    CHECK(statuses("all.ics").size() == live);

    // Back in the feed: a SEQUENCE above the cancellation, so it replaces it.
    publish("1777766400", "--cycle");
    CHECK(statuses("eda.ics").at(uid) == "CONFIRMED|2");
}
