// Golden outputs: the plans of every year of both wheels (and the test wheel),
// and the feeds of the built-in wheel, byte for byte as the tree produced them
// before the rule model was refactored (issue 10). tests/tools/make-golden.sh
// writes them with the CLI; this test makes them again through the library.
// A difference is a change of behaviour: accept it only on purpose, by
// running the script again and saying so in the commit.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "cycle/builtin_plugins.hpp"
#include "cycle/calendar.hpp"
#include "cycle/plan.hpp"
#include "cycle/plan_file.hpp"
#include "cycle/plan_output.hpp"
#include "cycle/plugin.hpp"
#include "ics_validate.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using cycle::test::read_file;

const fs::path golden = fs::path(CYCLE_TEST_DATA) / "golden";

struct wheel {
    const char* name;
    fs::path file;
};

std::vector<wheel> wheels() {
    return {{"nya-perspektiv-2025-2028", fs::path(CYCLE_SOURCE_DIR) / "calendars/nya-perspektiv-2025-2028.toml"},
            {"nya-perspektiv-2023", fs::path(CYCLE_SOURCE_DIR) / "calendars/nya-perspektiv-2023.toml"},
            {"check-wheel", fs::path(CYCLE_TEST_DATA) / "plans/check-wheel.toml"}};
}

// The UID lines of a feed, without the CR of the line ending.
std::vector<std::string> uids_of(const std::string& feed) {
    std::vector<std::string> out;
    std::istringstream in(feed);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind("UID:", 0) == 0) out.push_back(line);
    }
    return out;
}

}  // namespace

TEST_CASE("plans of every year of every wheel are byte-identical to the golden files", "[golden]") {
    int compared = 0;
    for (const auto& w : wheels()) {
        auto cal = cycle::load_calendar_file(w.file);
        REQUIRE(cal);
        for (int y = cal->first_year; y <= cal->last_plannable_year(); ++y) {
            INFO(w.name << " " << y);
            auto p = cycle::make_plan(*cal, {.year = y, .fixed = nullptr});
            REQUIRE(p);
            const std::string stem = std::string(w.name) + "-" + std::to_string(y);
            CHECK(cycle::format_json(*cal, *p) == read_file(golden / (stem + ".json")));
            CHECK(cycle::write_plan_file(*cal, *p) == read_file(golden / (stem + ".plan.toml")));
            CHECK(cycle::format_table(*cal, *p, {.explain = true, .audience = {}}) ==
                  read_file(golden / (stem + ".explain.txt")));
            ++compared;
        }
    }
    CHECK(compared == 5 + 1 + 2);  // 2025–2028 + the year after; 2023; 2025–2026
}

TEST_CASE("the JSON written directly is nlohmann's dump(2) of the same tree, byte for byte",
          "[golden][json]") {
    // format_json writes without building a tree (issue 12); its reference
    // is the tree it replaced, on every wheel and audience and on text that
    // needs escaping.
    int compared = 0;
    for (const auto& w : wheels()) {
        auto cal = cycle::load_calendar_file(w.file);
        REQUIRE(cal);
        auto p = cycle::make_plan(*cal, {.year = cal->first_year, .fixed = nullptr});
        REQUIRE(p);
        CHECK(cycle::format_json(*cal, *p) == cycle::detail::format_json_tree(*cal, *p));
        for (const auto& b : cal->bodies) {
            cycle::plan selected = *p;
            cycle::occurrence_query query;
            query.audience = b.id;
            selected.occurrences = cycle::select(*cal, *p, query);
            INFO(w.name << " " << b.id);
            CHECK(cycle::format_json(*cal, selected, b.id) ==
                  cycle::detail::format_json_tree(*cal, selected, b.id));
            ++compared;
        }
    }
    CHECK(compared > 20);
    const auto& cal = cycle::default_calendar();
    auto p = cycle::make_plan(cal, {.year = 2026, .fixed = nullptr});
    REQUIRE(p);
    REQUIRE(p->occurrences.size() > 2);
    p->occurrences[0].note = "\"quoted\" \\ back\x01\x1f\x7f\b\f\n\r\t Årjäng – € 𝄞";
    p->occurrences[1].audiences.clear();
    CHECK(cycle::format_json(cal, *p, "eda") == cycle::detail::format_json_tree(cal, *p, "eda"));
    cycle::plan empty = *p;
    empty.occurrences.clear();
    CHECK(cycle::format_json(cal, empty) == cycle::detail::format_json_tree(cal, empty));
    // Text that is not UTF-8 is refused as before (nlohmann throws).
    p->occurrences[0].note = "Eda\x80";
    CHECK_THROWS(cycle::format_json(cal, *p));
}

TEST_CASE("the JSON of a whole cycle and in pieces is format_json's, byte for byte",
          "[golden][json]") {
    // Each event's narrowings are put into words once while its occurrences
    // share them (explanation_words): a whole cycle has each event's window
    // change from year to year.
    for (const auto& w : wheels()) {
        auto cal = cycle::load_calendar_file(w.file);
        REQUIRE(cal);
        auto p = cycle::make_plan(*cal, {.year = std::nullopt, .fixed = nullptr});
        REQUIRE(p);
        INFO(w.name);
        CHECK(cycle::format_json(*cal, *p) == cycle::detail::format_json_tree(*cal, *p));
    }
    // write_json hands the same bytes over in pieces of about a megabyte.
    const auto& cal = cycle::default_calendar();
    auto p = cycle::make_plan(cal, {.year = std::nullopt, .fixed = nullptr});
    REQUIRE(p);
    const auto one = p->occurrences;
    for (int i = 0; i < 11; ++i) p->occurrences.insert(p->occurrences.end(), one.begin(), one.end());
    const std::string whole = cycle::format_json(cal, *p, "eda");
    REQUIRE(whole.size() > 2 * (std::size_t{1} << 20));
    std::string joined;
    int pieces = 0;
    CHECK(cycle::write_json(cal, *p, "eda", [&](std::string_view piece) {
        joined += piece;
        ++pieces;
        return true;
    }));
    CHECK(pieces > 2);
    CHECK(joined == whole);
    // A sink that fails stops it; so does text that is not UTF-8.
    pieces = 0;
    CHECK_FALSE(cycle::write_json(cal, *p, "", [&](std::string_view) { return ++pieces < 2; }));
    CHECK(pieces == 2);
    p->occurrences.back().note = "Eda\x80";
    CHECK_FALSE(cycle::write_json(cal, *p, "", [](std::string_view) { return true; }));
}

TEST_CASE("a plan with fixed dates is byte-identical to the golden file", "[golden]") {
    auto cal = cycle::load_calendar_file(fs::path(CYCLE_TEST_DATA) / "plans/check-wheel.toml");
    REQUIRE(cal);
    auto fixed = cycle::load_plan_file(fs::path(CYCLE_TEST_DATA) / "plans/good-2026.toml", *cal);
    REQUIRE(fixed);
    auto p = cycle::make_plan(*cal, {.year = 2026, .fixed = &*fixed});
    REQUIRE(p);
    // The CLI was run from the source directory with a relative plan path.
    std::string table = cycle::format_table(*cal, *p, {.explain = true, .audience = {}});
    std::string json = cycle::format_json(*cal, *p);
    const std::string abs = (fs::path(CYCLE_TEST_DATA) / "plans/good-2026.toml").string();
    for (std::string* text : {&table, &json})
        for (auto at = text->find(abs); at != std::string::npos; at = text->find(abs))
            text->replace(at, abs.size(), "tests/data/plans/good-2026.toml");
    CHECK(table == read_file(golden / "fixed-2026.explain.txt"));
    CHECK(json == read_file(golden / "fixed-2026.json"));
}

// Every audience's feed of the built-in wheel's whole plan, at a fixed time.
cycle::result<std::vector<cycle::export_output>> export_builtin_feeds(
    const cycle::test::temp_dir& dir, cycle::output_sink* sink) {
    cycle::registry plugins;
    cycle::add_builtin_plugins(plugins);
    const cycle::exporter* ics = plugins.find_exporter("ics");
    REQUIRE(ics);
    const cycle::calendar& cal = cycle::default_calendar();
    auto p = cycle::make_plan(cal, {});
    REQUIRE(p);
    cycle::export_options options;
    options.all_audiences = true;
    options.out = dir.path().string();
    options.now = date::sys_seconds{std::chrono::seconds{1767225600}};
    options.sink = sink;
    return ics->write_all(cal, *p, options);
}

TEST_CASE("feeds of the built-in wheel keep their bytes and UIDs", "[golden]") {
    cycle::test::temp_dir dir;
    auto outputs = export_builtin_feeds(dir, nullptr);
    REQUIRE(outputs);

    std::string uids;
    std::vector<std::pair<std::string, std::string>> by_file;
    for (const auto& o : *outputs) {
        const std::string name = fs::path(o.path).filename().string();
        // The exporter does not re-parse its feeds (issue 12): libical does it here.
        if (fs::path(name).extension() == ".ics") {
            INFO(name);
            CHECK(cycle::ical::libical_problems(o.text, true).empty());
        }
        if (name == "all.ics") {
            CHECK(o.text == read_file(golden / "feeds/all.ics"));
            continue;
        }
        if (fs::path(name).extension() != ".ics") continue;  // the feed state
        by_file.emplace_back(name, o.text);
    }
    std::sort(by_file.begin(), by_file.end());
    for (const auto& [name, text] : by_file)
        for (const auto& uid : uids_of(text)) uids += name + " " + uid + "\n";
    CHECK(uids == read_file(golden / "feed-uids.txt"));
}

// A sink that keeps what is streamed to it, output by output.
class memory_sink final : public cycle::output_sink {
public:
    cycle::result<bool> open(const std::string& path) override {
        outputs.emplace_back(path, std::string());
        return true;
    }
    cycle::result<bool> append(std::string_view bytes) override {
        outputs.back().second += bytes;
        return true;
    }
    std::vector<std::pair<std::string, std::string>> outputs;
};

TEST_CASE("feeds streamed to a sink have the same bytes", "[golden]") {
    cycle::test::temp_dir dir;
    memory_sink sink;
    auto outputs = export_builtin_feeds(dir, &sink);
    REQUIRE(outputs);
    int streamed = 0;
    for (const auto& o : *outputs) {
        if (!o.streamed) continue;
        CHECK(o.text.empty());
        ++streamed;
    }
    // all.ics, one per body, and the feed state (streamed too since issue 12)
    CHECK(streamed == int(cycle::default_calendar().bodies.size()) + 2);
    REQUIRE(sink.outputs.size() == std::size_t(streamed));
    CHECK(fs::path(sink.outputs.front().first).filename() == "all.ics");
    CHECK(sink.outputs.front().second == read_file(golden / "feeds/all.ics"));
    CHECK(fs::path(sink.outputs.back().first).filename() == "feed-state.tsv");
}
