// cli/output_file.hpp: outputs streamed to temporary files and put in place
// together, or not at all (issue 12: an export streams each feed instead of
// holding every feed in memory).
#include "output_file.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;
using cycle::cli::staged_outputs;
using cycle::test::read_file;
using cycle::test::temp_dir;

namespace {

// The names in a directory, sorted.
std::string listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    std::string out;
    for (const auto& n : names) out += n + "\n";
    return out;
}

}  // namespace

TEST_CASE("staged outputs: streamed in pieces, in place only on commit", "[output]") {
    temp_dir dir;
    {
        staged_outputs staged;
        REQUIRE(staged.open((dir / "a.ics").string()));
        REQUIRE(staged.append("BEGIN:"));
        REQUIRE(staged.append("VCALENDAR\r\n"));
        REQUIRE(staged.add(dir / "b.txt", "state"));
        // Nothing is in place before the commit; only the temporary files are there.
        CHECK_FALSE(fs::exists(dir / "a.ics"));
        CHECK_FALSE(fs::exists(dir / "b.txt"));
        REQUIRE(staged.commit());
    }
    CHECK(read_file(dir / "a.ics") == "BEGIN:VCALENDAR\r\n");
    CHECK(read_file(dir / "b.txt") == "state");
    CHECK(listing(dir.path()) == "a.ics\nb.txt\n");

    // Not committed (the exporter failed half way): the old files stay, and
    // no temporary file is left behind.
    {
        staged_outputs staged;
        REQUIRE(staged.add(dir / "a.ics", "half"));
        REQUIRE(staged.open((dir / "b.txt").string()));
        REQUIRE(staged.append("half"));
    }
    CHECK(read_file(dir / "a.ics") == "BEGIN:VCALENDAR\r\n");
    CHECK(read_file(dir / "b.txt") == "state");
    CHECK(listing(dir.path()) == "a.ics\nb.txt\n");
}

TEST_CASE("staged outputs into a directory: replaced whole, other files kept", "[output]") {
    temp_dir dir;
    const fs::path feeds = dir / "feeds";
    fs::create_directory(feeds);
    cycle::test::write_file(feeds / "index.html", "kept");
    cycle::test::write_file(feeds / "all.ics", "old");
    {
        staged_outputs staged(feeds);
        REQUIRE(staged.open((feeds / "all.ics").string()));
        REQUIRE(staged.append("new"));
        // An output outside the directory, or the same one twice, is refused.
        CHECK_FALSE(staged.open((dir / "elsewhere.ics").string()));
        CHECK_FALSE(staged.open((feeds / "all.ics").string()));
        CHECK(read_file(feeds / "all.ics") == "old");
    }
    // Dropped uncommitted: the directory as it was, nothing beside it.
    CHECK(read_file(feeds / "all.ics") == "old");
    CHECK(listing(dir.path()) == "feeds\n");
    {
        staged_outputs staged(feeds);
        REQUIRE(staged.add(feeds / "all.ics", "new"));
        REQUIRE(staged.add(feeds / "eda.ics", "eda"));
        REQUIRE(staged.commit());
    }
    CHECK(listing(feeds) == "all.ics\neda.ics\nindex.html\n");
    CHECK(read_file(feeds / "all.ics") == "new");
    CHECK(read_file(feeds / "index.html") == "kept");
    CHECK(listing(dir.path()) == "feeds\n");
}
