// cycle publish: the static site. Deterministic (publishing again changes no
// byte and touches no file), atomic (a new site replaces the old one whole;
// unchanged files keep their inode), and never replacing a directory it did
// not write.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <map>
#include <regex>

#include "site_files.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using cycle::test::read_file;
using cycle::test::run_cycle;

namespace {

struct file_id {
    ino_t inode;
    std::string bytes;
};

std::map<std::string, file_id> snapshot(const fs::path& dir) {
    std::map<std::string, file_id> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        struct stat st {};
        ::stat(e.path().c_str(), &st);
        out[fs::relative(e.path(), dir).string()] = {st.st_ino, read_file(e.path())};
    }
    return out;
}

std::string quoted(const fs::path& p) {
    return "'" + p.string() + "'";
}

}  // namespace

TEST_CASE("publish: the site's files, in Swedish, with subscribe links") {
    cycle::test::temp_dir dir;
    auto site = dir / "site";
    auto r = run_cycle("publish --today 2026-09-20 --base-url https://example.se/arshjul --out " +
                       quoted(site));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    for (const char* f :
         {"index.html", "plan.json", "feeds/all.ics", "feeds/eda.ics", "feeds/vror.ics",
          "feeds/feed-state.tsv", "audience/eda.html", "audience/vror.html", "wheel-2025.svg",
          "wheel-2026.svg", "wheel-2027.svg", "wheel-2028.svg", ".cycle-site"}) {
        INFO(f);
        CHECK(fs::is_regular_file(site / f));
    }
    auto index = read_file(site / "index.html");
    CHECK(index.find("<html lang=\"sv\">") != std::string::npos);
    CHECK(index.find("Kommande") != std::string::npos);
    CHECK(index.find("<svg") != std::string::npos);     // the current year's wheel, inline
    CHECK(index.find("<script") == std::string::npos);  // works without JavaScript
    CHECK(index.find("name=\"viewport\"") != std::string::npos);
    CHECK(index.find("@media print") != std::string::npos);
    auto eda = read_file(site / "audience/eda.html");
    CHECK(eda.find("href=\"webcal://example.se/arshjul/feeds/eda.ics\"") != std::string::npos);
    CHECK(eda.find("href=\"https://example.se/arshjul/feeds/eda.ics\"") != std::string::npos);
    CHECK(eda.find("https://outlook.office.com/calendar/0/"
                   "addfromweb?url=https%3A%2F%2Fexample.se%2Farshjul%2Ffeeds%2Feda.ics") !=
          std::string::npos);
    CHECK(eda.find("https://calendar.google.com/calendar/"
                   "r?cid=webcal%3A%2F%2Fexample.se%2Farshjul%2Ffeeds%2Feda.ics") !=
          std::string::npos);
    CHECK(eda.find("Lokal dialog – Eda kommun") != std::string::npos);
    CHECK(eda.find("v. ") != std::string::npos);  // ISO weeks
    // The feed is the ics exporter's, for Eda only.
    auto feed = read_file(site / "feeds/eda.ics");
    CHECK(feed.find("UID:local-dialogue.2026.eda@nya-perspektiv-2025-2028") != std::string::npos);
    CHECK(feed.find(".karlstad@") == std::string::npos);
}

TEST_CASE(
    "publish: publishing again changes no byte and touches no file, a change rewrites only what "
    "changed") {
    cycle::test::temp_dir dir;
    auto site = dir / "site";
    const std::string args = "publish --today 2026-09-20 --out " + quoted(site);
    auto at = [&](const std::string& epoch, const std::string& more) {
        return cycle::test::run("SOURCE_DATE_EPOCH=" + epoch + " '" + CYCLE_CLI + "' " + args +
                                more);
    };
    REQUIRE(at("1780000000", "").exit_code == 0);
    auto first = snapshot(site);
    // Later, by the clock: still the same bytes (DTSTAMP and LAST-MODIFIED
    // come from the feed state), and the very same files.
    auto again = run_cycle(args);
    REQUIRE(again.exit_code == 0);
    CHECK(again.out.find("unchanged") != std::string::npos);
    auto second = snapshot(site);
    REQUIRE(first.size() == second.size());
    for (const auto& [path, f] : first) {
        INFO(path);
        CHECK(second[path].bytes == f.bytes);
        CHECK(second[path].inode == f.inode);
    }

    // Eda fixes its 2026 dialogue on another day: Eda's feed, all.ics, the
    // state, plan.json and the pages that show it change; the political
    // bodies' feeds keep their bytes and their inodes.
    auto plan = dir / "eda.toml";
    cycle::test::write_file(
        plan,
        "calendar = \"nya-perspektiv-2025-2028\"\n\n[[occurrence]]\nevent = \"local-dialogue\"\n"
        "member = \"eda\"\nyear = 2026\ndate = 2026-10-14\n");
    auto changed = at("1790000000", " --plan " + quoted(plan));
    INFO(changed.err);
    REQUIRE(changed.exit_code == 0);
    auto third = snapshot(site);
    CHECK(third["feeds/eda.ics"].bytes != first["feeds/eda.ics"].bytes);
    CHECK(third["feeds/all.ics"].bytes != first["feeds/all.ics"].bytes);
    for (const char* unchanged :
         {"feeds/vror.ics", "feeds/styrgrupp.ics", "audience/styrgrupp.html"}) {
        INFO(unchanged);
        CHECK(third[unchanged].bytes == first[unchanged].bytes);
        CHECK(third[unchanged].inode == first[unchanged].inode);
    }
    auto eda = third["feeds/eda.ics"].bytes;
    auto uid = eda.find("UID:local-dialogue.2026.eda@");
    REQUIRE(uid != std::string::npos);
    auto event = eda.substr(uid, eda.find("END:VEVENT", uid) - uid);
    CHECK(event.find("DTSTAMP:20260921T141320Z") !=
          std::string::npos);  // SOURCE_DATE_EPOCH 1790000000
    CHECK(event.find("SEQUENCE:1") != std::string::npos);
    // The same directory written as "site/" is replaced the same way.
    auto slash =
        cycle::test::run(std::string("'") + CYCLE_CLI + "' publish --today 2026-09-21 --plan " +
                         quoted(plan) + " --out '" + site.string() + "/'");
    INFO(slash.err);
    CHECK(slash.exit_code == 0);
    CHECK(slash.out.find("changed") != std::string::npos);
    CHECK(read_file(site / "index.html").find("21 september 2026") != std::string::npos);
    // Nothing half-written or left over next to the site: only the (empty)
    // lock file publishers take turns on.
    for (const auto& e : fs::directory_iterator(dir.path())) {
        INFO(e.path());
        CHECK((e.path().filename() == "site" || e.path().filename() == "eda.toml" ||
               e.path().filename() == ".site.lock"));
    }
    CHECK(fs::file_size(dir / ".site.lock") == 0);
}

TEST_CASE("publish: a directory it did not write is never replaced") {
    cycle::test::temp_dir dir;
    auto mine = dir / "mine";
    fs::create_directories(mine);
    cycle::test::write_file(mine / "notes.txt", "my own file\n");
    auto r = run_cycle("publish --out " + quoted(mine));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("not written by cycle publish") != std::string::npos);
    CHECK(read_file(mine / "notes.txt") == "my own file\n");
    CHECK(!fs::exists(mine / "index.html"));
}

TEST_CASE("publish: both built-in wheels publish, bad input names the file and writes nothing") {
    cycle::test::temp_dir dir;
    auto r = run_cycle("publish --calendar '" + std::string(CYCLE_SOURCE_DIR) +
                       "/calendars/nya-perspektiv-2023.toml' --today 2023-10-01 --out " +
                       quoted(dir / "site23"));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(fs::exists(dir / "site23/wheel-2023.svg"));
    CHECK(read_file(dir / "site23/index.html").find("Ordföranderådet") != std::string::npos);

    cycle::test::write_file(
        dir / "bad.toml",
        "calendar = \"nya-perspektiv-2025-2028\"\n[[occurrence]]\nevent = \"nope\"\n");
    r = run_cycle("publish --plan " + quoted(dir / "bad.toml") + " --out " + quoted(dir / "site"));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("bad.toml:") != std::string::npos);
    CHECK(!fs::exists(dir / "site"));
}

namespace {

// The built-in wheel with the Aktualitetskonferens renamed: every one of its
// occurrences changes in the feeds.
fs::path renamed_wheel(const fs::path& dir, const std::string& name) {
    auto text =
        read_file(std::string(CYCLE_SOURCE_DIR) + "/calendars/nya-perspektiv-2025-2028.toml");
    const std::string from = "title = \"Aktualitetskonferens\"";
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), "title = \"" + name + "\"");
    auto file = dir / (name + ".toml");
    cycle::test::write_file(file, text);
    return file;
}

// The SEQUENCE the site's feed state holds for a UID.
int sequence_of(const fs::path& site, const std::string& uid) {
    std::istringstream in(read_file(site / "feeds/feed-state.tsv"));
    for (std::string line; std::getline(in, line);)
        if (line.rfind(uid + "\t", 0) == 0) return std::stoi(line.substr(uid.size() + 1));
    return -1;
}

}  // namespace

TEST_CASE(
    "publish: two processes publishing into one site at once take turns, and nothing is lost") {
    cycle::test::temp_dir dir;
    auto site = dir / "site";
    const std::string args = " --today 2026-09-20 --out " + quoted(site);
    auto both = [&](const std::string& a, const std::string& b) {
        // Two real cycle processes started together; each one's status and stderr.
        auto r =
            cycle::test::run("cd " + quoted(dir.path()) + " && { ('" + CYCLE_CLI + "' publish " +
                             a + args + " 2>a.err; echo $? >a.rc) & ('" + CYCLE_CLI + "' publish " +
                             b + args + " 2>b.err; echo $? >b.rc) & wait; }");
        REQUIRE(r.exit_code == 0);
        INFO(read_file(dir / "a.err") << read_file(dir / "b.err"));
        CHECK(read_file(dir / "a.rc") == "0\n");
        CHECK(read_file(dir / "b.rc") == "0\n");
    };
    // Into a new directory: without the lock the second swap finds the
    // first one's site in its place.
    both("", "");
    REQUIRE(fs::exists(site / ".cycle-site"));
    CHECK(fs::exists(site / "feeds/all.ics"));
    const std::string uid = "aktualitetskonferens.2026@nya-perspektiv-2025-2028";
    CHECK(sequence_of(site, uid) == 0);

    // Two different changes of one event at once: published one after the
    // other, the event's SEQUENCE goes up twice (0, 1, 2), whichever came
    // first; a lost update would leave 1, and subscribers who saw the first
    // change would never get the second.
    both("--calendar " + quoted(renamed_wheel(dir.path(), "Konferens A")),
         "--calendar " + quoted(renamed_wheel(dir.path(), "Konferens B")));
    CHECK(sequence_of(site, uid) == 2);
    const auto all = read_file(site / "feeds/all.ics");
    CHECK((all.find("SUMMARY:Konferens A") != std::string::npos) !=
          (all.find("SUMMARY:Konferens B") != std::string::npos));
    // Nothing left behind but the site and its lock file.
    for (const auto& e : fs::directory_iterator(dir.path())) {
        const auto name = e.path().filename().string();
        INFO(name);
        CHECK(name.rfind(".site.new", 0) != 0);
    }
    CHECK(fs::exists(dir / ".site.lock"));
}

TEST_CASE("publish: while another process holds the site's lock, publish says so and waits") {
    cycle::test::temp_dir dir;
    auto site = dir / "site";
    // flock(1) from util-linux holds the lock for two seconds.
    auto r =
        cycle::test::run("cd " + quoted(dir.path()) +
                         " && (flock .site.lock sh -c 'touch held; sleep 2' &) && "
                         "while [ ! -e held ]; do sleep 0.05; done && date +%s.%N >start && '" +
                         CYCLE_CLI +
                         "' publish --today 2026-09-20 --out site; echo $? >rc; "
                         "date +%s.%N >end");
    INFO(r.err);
    CHECK(read_file(dir / "rc") == "0\n");
    CHECK(r.err.find("another cycle publish is writing this site; waiting for it") !=
          std::string::npos);
    CHECK(r.err.find(".site.lock") != std::string::npos);
    const double waited = std::stod(read_file(dir / "end")) - std::stod(read_file(dir / "start"));
    CHECK(waited >= 1.5);
    CHECK(fs::exists(site / "index.html"));
}

TEST_CASE("publish: a publisher that cannot get the lock in time gives up with a clear message") {
    cycle::test::temp_dir dir;
    auto r =
        cycle::test::run("cd " + quoted(dir.path()) +
                         " && (flock .site.lock sh -c 'touch held; sleep 3' >/dev/null 2>&1 &) && "
                         "while [ ! -e held ]; do sleep 0.05; done");
    REQUIRE(r.exit_code == 0);
    int told = 0;
    auto lock = cycle::site::site_lock::acquire(dir / "site", std::chrono::milliseconds{300},
                                                [&](const fs::path&) { ++told; });
    REQUIRE(!lock);
    const auto message = lock.errors().front().to_string();
    INFO(message);
    CHECK(message.find("another cycle publish is writing this site") != std::string::npos);
    CHECK(message.find(".site.lock") != std::string::npos);
    CHECK(told == 1);
    CHECK(!fs::exists(dir / "site"));
}
