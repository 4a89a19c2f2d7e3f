// [[include]]: a municipality's own wheel on top of the county wheel
// (docs/calendar-format.md, "Including other calendars"). The composed
// calendar, its errors (each naming both files), and the Eda example
// planned, checked, exported and published through the CLI.
#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "cycle/calendar.hpp"
#include "cycle/plan.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using cycle::test::contains;
using cycle::test::read_file;
using cycle::test::run_cycle;
using cycle::test::temp_dir;
using cycle::test::write_file;

namespace {

const std::string eda_toml = std::string(CYCLE_SOURCE_DIR) + "/calendars/examples/eda.toml";
const std::string eda_plan = std::string(CYCLE_SOURCE_DIR) + "/calendars/examples/eda-2026.toml";

std::string q(const fs::path& p) {
    return "'" + p.string() + "'";
}

// A small county wheel: two principals, a per-member dialogue.
const char* county_toml = R"(
[cycle]
id = "county"
title = "County"
first_year = 2025
last_year = 2028

[[source]]
id = "doc"
title = "Dokument"

[[body]]
id = "alfa"
name = "Alfa"

[[body]]
id = "beta"
name = "Beta"

[[body]]
id = "principals"
name = "Huvudmän"
members = ["alfa", "beta"]

[[event]]
id = "seminar"
title = "Seminarium"
kind = "conference"
audiences = ["principals"]
month = 5
source = { document = "doc" }

[[event]]
id = "local-dialogue"
title = "Lokal dialog"
kind = "dialogue"
months = [9, 10]
per_member = { body = "principals", max_per_day = 1 }

[[event]]
id = "revision-input"
title = "Medskick"
kind = "deadline"
years = [3]
month = 10
day = 31
)";

std::string local_toml(const std::string& include, const std::string& more = "",
                       const std::string& cycle = "first_year = 2025\nlast_year = 2028") {
    return "[cycle]\nid = \"alfa-wheel\"\ntitle = \"Alfa\"\n" + cycle + "\n\n" + include + "\n" +
           more;
}

const std::string include_county = "[[include]]\ncalendar = \"county.toml\"\nas = \"c\"\n";

const std::string budget_event = R"(
[[event]]
id = "budget"
title = "Budgetdialog"
kind = "meeting"
audiences = ["alfa"]
months = [9, 11]
after = ["c:local-dialogue/alfa"]
gap_days = 14
)";

std::string first_error(const cycle::result<cycle::calendar>& r) {
    return r ? std::string{} : r.errors().front().to_string();
}

std::string all_errors(const cycle::result<cycle::calendar>& r) {
    std::string text;
    if (!r)
        for (const auto& e : r.errors()) text += e.to_string() + "\n";
    return text;
}

}  // namespace

TEST_CASE("include: the included calendar's events are there under its namespace") {
    temp_dir dir;
    write_file(dir / "county.toml", county_toml);
    write_file(dir / "alfa.toml", local_toml(include_county, budget_event));
    auto cal = cycle::load_calendar_file(dir / "alfa.toml");
    INFO(all_errors(cal));
    REQUIRE(cal);
    CHECK(cal->find_event("c:seminar"));
    CHECK(cal->find_event("c:local-dialogue"));
    CHECK_FALSE(cal->find_event("seminar"));
    CHECK(cal->find_event("budget"));
    // Included events first, in their order, then the calendar's own.
    REQUIRE(cal->events.size() == 4);
    CHECK(cal->events.front().id == "c:seminar");
    CHECK(cal->events.back().id == "budget");
    // Bodies are shared, not prefixed; sources are prefixed with their events.
    CHECK(cal->find_body("alfa"));
    CHECK(cal->find_source("c:doc"));
    CHECK(cal->find_event("c:seminar")->source.document == "c:doc");
    // Each event keeps the place it was read from: the included file.
    CHECK(contains(cal->find_event("c:seminar")->where.file, "county.toml"));
    CHECK(contains(cal->find_event("budget")->where.file, "alfa.toml"));
    // The included file is only read.
    CHECK(read_file(dir / "county.toml") == county_toml);
}

TEST_CASE("include: an included event keeps its own calendar's UID") {
    temp_dir dir;
    write_file(dir / "county.toml", county_toml);
    write_file(dir / "alfa.toml", local_toml(include_county, budget_event));
    auto cal = cycle::load_calendar_file(dir / "alfa.toml");
    REQUIRE(cal);
    CHECK(cal->uid_of({"c:local-dialogue", "alfa", 2026}) == "local-dialogue.2026.alfa@county");
    CHECK(cal->uid_of({"budget", "", 2026}) == "budget.2026@alfa-wheel");
}

TEST_CASE("include: 'event/member' means that member's occurrence, across calendars") {
    temp_dir dir;
    write_file(dir / "county.toml", county_toml);
    write_file(dir / "alfa.toml", local_toml(include_county, budget_event + R"(
[[event]]
id = "prep"
title = "Förberedelse"
kind = "milestone"
relative_to = "c:local-dialogue/alfa"
offset = "-1w"
)"));
    auto cal = cycle::load_calendar_file(dir / "alfa.toml");
    INFO(all_errors(cal));
    REQUIRE(cal);
    auto p = cycle::make_plan(*cal, {.year = 2026});
    INFO((p ? "" : p.errors().front().to_string()));
    REQUIRE(p);
    auto at = [&](const std::string& event, const std::string& member) {
        auto it = std::find_if(p->occurrences.begin(), p->occurrences.end(), [&](const auto& o) {
            return o.event == event && o.member == member;
        });
        REQUIRE(it != p->occurrences.end());
        return it->date;
    };
    const auto alfa = at("c:local-dialogue", "alfa");
    const auto beta = at("c:local-dialogue", "beta");
    // Alfa is spread first: its dialogue is before Beta's, and the budget
    // dialogue hangs on Alfa's, not on the last of all.
    REQUIRE(alfa < beta);
    CHECK(at("budget", "") >= alfa + date::days{15});
    CHECK(at("budget", "") < beta + date::days{15});
    CHECK(at("prep", "") <= alfa - date::days{7});
    CHECK(at("prep", "") > alfa - date::days{14});
}

TEST_CASE("include: cycle years are counted in the including calendar's cycle") {
    temp_dir dir;
    write_file(dir / "county.toml", county_toml);
    write_file(dir / "alfa.toml",
               local_toml(include_county, "", "first_year = 2026\nlast_year = 2027"));
    auto cal = cycle::load_calendar_file(dir / "alfa.toml");
    INFO(all_errors(cal));
    REQUIRE(cal);
    // County year 3 (2027) is year 2 of 2026–2027.
    const auto& input = cal->find_event("c:revision-input")->years;
    CHECK_FALSE(input.selects(1, 2));
    CHECK(input.selects(2, 2));
    auto p = cycle::make_plan(*cal, {.year = 2027});
    REQUIRE(p);
    CHECK(std::any_of(p->occurrences.begin(), p->occurrences.end(),
                      [](const auto& o) { return o.event == "c:revision-input"; }));
}

TEST_CASE("include: a built-in calendar by its id, and a path relative to the including file") {
    temp_dir dir;
    fs::create_directories(dir / "wheels" / "local");
    write_file(dir / "wheels" / "county.toml", county_toml);
    write_file(dir / "wheels" / "local" / "alfa.toml",
               local_toml("[[include]]\ncalendar = \"../county.toml\"\nas = \"c\"\n"));
    auto by_path = cycle::load_calendar_file(dir / "wheels" / "local" / "alfa.toml");
    INFO(all_errors(by_path));
    CHECK(by_path);
    auto built_in = cycle::load_calendar_string(
        local_toml("[[include]]\ncalendar = \"nya-perspektiv-2025-2028\"\nas = \"np\"\n"),
        (dir / "x.toml").string());
    INFO(all_errors(built_in));
    REQUIRE(built_in);
    CHECK(built_in->find_event("np:local-dialogue"));
    CHECK(built_in->find_body("eda"));
}

TEST_CASE("include: a calendar reached twice through nested includes is composed once") {
    temp_dir dir;
    write_file(dir / "county.toml", county_toml);
    write_file(dir / "alfa.toml", local_toml(include_county, budget_event));
    // The county view: the county wheel, and Alfa's wheel that includes it too.
    write_file(dir / "all.toml",
               "[cycle]\nid = \"all\"\ntitle = \"Alla\"\nfirst_year = 2025\nlast_year = 2028\n\n"
               "[[include]]\ncalendar = \"alfa.toml\"\nas = \"alfa\"\n\n" +
                   include_county);
    auto cal = cycle::load_calendar_file(dir / "all.toml");
    INFO(all_errors(cal));
    REQUIRE(cal);
    std::vector<std::string> ids;
    for (const auto& e : cal->events) ids.push_back(e.id);
    CHECK(ids == std::vector<std::string>{"alfa:budget", "c:seminar", "c:local-dialogue",
                                          "c:revision-input"});
    CHECK(cal->find_event("alfa:budget")->after ==
          std::vector<std::string>{"c:local-dialogue/alfa"});
    CHECK(cal->uid_of({"c:seminar", "", 2026}) == "seminar.2026@county");
    CHECK(cal->uid_of({"alfa:budget", "", 2026}) == "budget.2026@alfa-wheel");
    auto p = cycle::make_plan(*cal, {.year = 2026});
    REQUIRE(p);
    CHECK(std::count_if(p->occurrences.begin(), p->occurrences.end(),
                        [](const auto& o) { return o.event == "c:seminar"; }) == 1);
}

TEST_CASE("include errors: a cycle names every file of it") {
    temp_dir dir;
    write_file(dir / "a.toml", local_toml("[[include]]\ncalendar = \"b.toml\"\nas = \"b\"\n"));
    write_file(dir / "b.toml", local_toml("[[include]]\ncalendar = \"a.toml\"\nas = \"a\"\n"));
    auto cal = cycle::load_calendar_file(dir / "a.toml");
    REQUIRE_FALSE(cal);
    const std::string text = all_errors(cal);
    INFO(text);
    CHECK(std::regex_search(text, std::regex("b\\.toml:8:12: error: \\[\\[include\\]\\]: include "
                                             "cycle: .*a\\.toml -> .*b\\.toml -> .*a\\.toml")));
    CHECK(contains(text, "a.toml:7:1: error: [[include]]: the calendar"));
}

TEST_CASE("include errors: a missing file, at the [[include]], with where it was looked for") {
    temp_dir dir;
    write_file(dir / "alfa.toml", local_toml(include_county));
    auto cal = cycle::load_calendar_file(dir / "alfa.toml");
    REQUIRE_FALSE(cal);
    const std::string text = first_error(cal);
    INFO(text);
    CHECK(contains(text,
                   "alfa.toml:8:12: error: [[include]]: the calendar 'county.toml' does not "
                   "exist (looked for " +
                       (dir / "county.toml").string()));
    auto unknown = cycle::load_calendar_string(
        local_toml("[[include]]\ncalendar = \"nya-perspektiv-2025\"\nas = \"np\"\n"), "x.toml");
    REQUIRE_FALSE(unknown);
    CHECK(contains(first_error(unknown),
                   "x.toml:8:12: error: no built-in calendar "
                   "'nya-perspektiv-2025' (did you mean "
                   "'nya-perspektiv-2025-2028'?)"));
}

TEST_CASE("include errors: two calendars under one namespace") {
    temp_dir dir;
    write_file(dir / "county.toml", county_toml);
    write_file(dir / "alfa.toml",
               local_toml(include_county +
                          "[[include]]\ncalendar = \"nya-perspektiv-2025-2028\"\nas = \"c\"\n"));
    auto cal = cycle::load_calendar_file(dir / "alfa.toml");
    REQUIRE_FALSE(cal);
    const std::string text = first_error(cal);
    INFO(text);
    CHECK(contains(text,
                   "alfa.toml:12:6: error: [[include]]: the namespace 'c' is already taken "
                   "by " +
                       (dir / "county.toml").string() + " (included at " +
                       (dir / "alfa.toml").string() + ":7:1)"));
}

TEST_CASE("include errors: the same calendar included twice") {
    temp_dir dir;
    write_file(dir / "county.toml", county_toml);
    write_file(
        dir / "alfa.toml",
        local_toml(include_county + "[[include]]\ncalendar = \"./county.toml\"\nas = \"d\"\n"));
    auto cal = cycle::load_calendar_file(dir / "alfa.toml");
    REQUIRE_FALSE(cal);
    CHECK(contains(first_error(cal), "is already included as 'c'"));
}

TEST_CASE("include errors: an unknown reference names the included calendar") {
    temp_dir dir;
    write_file(dir / "county.toml", county_toml);
    write_file(dir / "alfa.toml", local_toml(include_county, R"(
[[event]]
id = "budget"
title = "Budgetdialog"
kind = "meeting"
months = [9, 11]
after = ["c:local-dialog"]

[[event]]
id = "other"
title = "Annat"
kind = "meeting"
months = [9, 11]
after = ["x:seminar", "c:seminar/alfa", "c:local-dialogue/gamma"]
)"));
    auto cal = cycle::load_calendar_file(dir / "alfa.toml");
    REQUIRE_FALSE(cal);
    const std::string text = all_errors(cal);
    INFO(text);
    const std::string county = (dir / "county.toml").string();
    CHECK(
        contains(text, "alfa.toml:17:10: error: unknown event 'c:local-dialog' in after ('c' is " +
                           county + ", included at "));
    CHECK(contains(text, "(did you mean 'c:local-dialogue'?)"));
    CHECK(contains(text, "unknown event 'x:seminar' in after (no calendar is included as 'x')"));
    CHECK(contains(text,
                   "'c:seminar/alfa' in after: event 'c:seminar' is not per member, so it "
                   "has no occurrence for 'alfa' (" +
                       county));
    CHECK(contains(text,
                   "'c:local-dialogue/gamma' in after: 'gamma' is not a member of "
                   "'principals' (event 'c:local-dialogue' at " +
                       county));
}

TEST_CASE("include errors: a body defined twice with different members names both files") {
    temp_dir dir;
    write_file(dir / "county.toml", county_toml);
    write_file(dir / "alfa.toml", local_toml(include_county, R"(
[[body]]
id = "gamma"
name = "Gamma"

[[body]]
id = "principals"
name = "Huvudmän"
members = ["alfa", "beta", "gamma"]

[[body]]
id = "alfa"
name = "Alfa kommun"
)"));
    auto cal = cycle::load_calendar_file(dir / "alfa.toml");
    REQUIRE_FALSE(cal);
    const std::string text = all_errors(cal);
    INFO(text);
    CHECK(contains(text,
                   "alfa.toml:16:1: error: [[body]] 'principals' is defined twice with "
                   "different members: here (members: alfa, beta, gamma) and at " +
                       (dir / "county.toml").string() + ":20:1 (members: alfa, beta)"));
    // The same body with the same members is the same organisation: no error.
    CHECK_FALSE(contains(text, "'alfa' is defined twice"));
}

TEST_CASE("include errors: an error inside the included file keeps its place there") {
    temp_dir dir;
    write_file(dir / "county.toml", std::string(county_toml) + "\n[[event]]\nid = \"x\"\n");
    write_file(dir / "alfa.toml", local_toml(include_county));
    auto cal = cycle::load_calendar_file(dir / "alfa.toml");
    REQUIRE_FALSE(cal);
    const std::string text = all_errors(cal);
    INFO(text);
    CHECK(contains(text, (dir / "county.toml").string() + ":48:1: error: [[event]]: missing "
                                                          "required key 'title'"));
    CHECK(contains(text, (dir / "alfa.toml").string() + ":7:1: error: [[include]]: the calendar " +
                             (dir / "county.toml").string() + " has errors (above)"));
}

TEST_CASE(
    "eda example: the composed wheel loads, plans 2026 and ties the budget to Eda's dialogue") {
    auto cal = cycle::load_calendar_file(eda_toml);
    INFO(all_errors(cal));
    REQUIRE(cal);
    CHECK(cal->find_event("np:local-dialogue"));
    CHECK(cal->includes.size() == 1);
    auto p = cycle::make_plan(*cal, {.year = 2026});
    INFO((p ? "" : p.errors().front().to_string()));
    REQUIRE(p);
    auto at = [&](const std::string& event, const std::string& member = "") {
        auto it = std::find_if(p->occurrences.begin(), p->occurrences.end(), [&](const auto& o) {
            return o.event == event && o.member == member;
        });
        REQUIRE(it != p->occurrences.end());
        return it->date;
    };
    const auto dialogue = at("np:local-dialogue", "eda");
    CHECK(at("ks-budget-dialogue") >= dialogue + date::days{15});
    CHECK(at("dialogue-preparation") <= dialogue - date::days{14});
    CHECK(at("kf-budget") > at("ks-budget-dialogue"));
}

namespace {

std::set<std::string> uids_in(const std::string& ics, const std::string& suffix) {
    std::set<std::string> out;
    std::regex uid("UID:([^\r\n]+)");
    for (auto it = std::sregex_iterator(ics.begin(), ics.end(), uid); it != std::sregex_iterator();
         ++it) {
        const std::string u = (*it)[1];
        if (u.size() >= suffix.size() &&
            u.compare(u.size() - suffix.size(), suffix.size(), suffix) == 0)
            out.insert(u);
    }
    return out;
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("eda example through the CLI: plan with the KF/KS plan file, write it, check it") {
    temp_dir dir;
    auto r = run_cycle("plan --calendar " + q(eda_toml) + " --year 2026 --plan " + q(eda_plan));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "KS budgetdialog"));
    CHECK(contains(r.out, "2026-02-10"));  // KS in February, as the plan file fixes it
    CHECK(contains(r.out, "Lokal dialog"));

    auto full = dir / "eda-full-2026.toml";
    r = run_cycle("plan --calendar " + q(eda_toml) + " --year 2026 --plan " + q(eda_plan) +
                  " --format plan --out " + q(full));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string plan_text = read_file(full);
    CHECK(contains(plan_text, "event = \"np:local-dialogue\""));

    r = run_cycle("check --calendar " + q(eda_toml) + " " + q(full));
    INFO(r.out + r.err);
    CHECK(r.exit_code == 0);
    r = run_cycle("check --partial --calendar " + q(eda_toml) + " " + q(eda_plan));
    INFO(r.out + r.err);
    CHECK(r.exit_code == 0);

    // Break a county date and leave out a local event: the findings name the
    // calendar file each rule comes from.
    std::string broken = plan_text;
    const std::regex eda_dialogue(
        "(event = \"np:local-dialogue\"\nmember = \"eda\"\n(?:[a-z]+ = [^\n]*\n)*?date = )"
        "[0-9-]+");
    broken = std::regex_replace(broken, eda_dialogue, "$012026-11-04",
                                std::regex_constants::format_first_only);
    REQUIRE(broken != plan_text);
    const std::regex kf_budget("\\[\\[occurrence\\]\\]\nevent = \"kf-budget\"\n");
    broken = std::regex_replace(broken, kf_budget, "[[occurrence]]\nevent = \"kf-budget-gone\"\n");
    write_file(dir / "broken.toml", broken);
    r = run_cycle("check --calendar " + q(eda_toml) + " " + q(dir / "broken.toml"));
    INFO(r.out + r.err);
    CHECK(r.exit_code != 0);
    CHECK(contains(r.out + r.err, "unknown event 'kf-budget-gone'"));
    const std::string no_budget =
        std::regex_replace(broken,
                           std::regex("\\[\\[occurrence\\]\\]\nevent = \"kf-budget-gone\"\n"
                                      "(?:[a-z]+ = [^\n]*\n)*"),
                           "");
    REQUIRE(no_budget != broken);
    write_file(dir / "broken.toml", no_budget);
    r = run_cycle("check --calendar " + q(eda_toml) + " " + q(dir / "broken.toml"));
    INFO(r.out + r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out,
                   "after its deadline 2026-10-31 (no later than, "
                   "<built-in>/nya-perspektiv-2025-2028.toml:"));
    CHECK(contains(r.out, "the calendar requires it (" + eda_toml + ":"));
}

TEST_CASE("eda example through the CLI: the feed keeps the county's UIDs") {
    temp_dir dir;
    auto r = run_cycle("export ics --year 2026 --audience eda --out " + q(dir / "county.ics"));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    r = run_cycle("export ics --calendar " + q(eda_toml) + " --year 2026 --audience eda --out " +
                  q(dir / "eda.ics"));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string county = read_file(dir / "county.ics");
    const std::string eda = read_file(dir / "eda.ics");
    const auto county_uids = uids_in(county, "@nya-perspektiv-2025-2028");
    const auto in_eda = uids_in(eda, "@nya-perspektiv-2025-2028");
    CHECK(county_uids.size() > 5);
    // Each county event once, with the same UID as in the county's feed.
    CHECK(in_eda == county_uids);
    CHECK(count_of(eda, "UID:") == in_eda.size() + uids_in(eda, "@eda-2025-2028").size());
    CHECK(uids_in(eda, "@eda-2025-2028").count("ks-budget-dialogue.2026@eda-2025-2028"));
    CHECK(in_eda.count("local-dialogue.2026.eda@nya-perspektiv-2025-2028"));
}

TEST_CASE("eda example through the CLI: publish, due, svg and diff work on the composed wheel") {
    temp_dir dir;
    auto site = dir / "site";
    auto r = run_cycle("publish --calendar " + q(eda_toml) +
                       " --today 2026-09-20 --base-url https://example.se/eda --out " + q(site));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(fs::is_regular_file(site / "feeds" / "eda.ics"));
    const std::string feed = read_file(site / "feeds" / "eda.ics");
    CHECK(contains(feed, "UID:local-dialogue.2026.eda@nya-perspektiv-2025-2028"));
    CHECK(contains(feed, "UID:ks-budget-dialogue.2026@eda-2025-2028"));
    CHECK(contains(read_file(site / "index.html"), "Eda kommun"));

    r = run_cycle("due --calendar " + q(eda_toml) + " --today 2026-09-01 --within 120d");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "KS budgetdialog"));

    r = run_cycle("export svg --calendar " + q(eda_toml) + " --year 2026 --out " +
                  q(dir / "wheel.svg"));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(read_file(dir / "wheel.svg"), "KS budgetdialog"));

    const std::string moved =
        std::regex_replace(read_file(eda_plan), std::regex("2026-09-08"), "2026-09-15");
    write_file(dir / "moved.toml", moved);
    r = run_cycle("diff --calendar " + q(eda_toml) + " " + q(eda_plan) + " " +
                  q(dir / "moved.toml"));
    INFO(r.err);
    CHECK(contains(r.out, "2026-09-08"));
    CHECK(contains(r.out, "2026-09-15"));
}

TEST_CASE("include limits: a chain too deep, and includes that fan out, stop with an error") {
    temp_dir dir;
    // 20 files, each including the next.
    for (int i = 0; i < 20; ++i)
        write_file(dir / ("w" + std::to_string(i) + ".toml"),
                   "[cycle]\nid = \"w" + std::to_string(i) +
                       "\"\ntitle = \"W\"\nfirst_year = 2025\nlast_year = 2026\n\n" +
                       (i < 19 ? "[[include]]\ncalendar = \"w" + std::to_string(i + 1) +
                                     ".toml\"\nas = \"n\"\n"
                               : "[[event]]\nid = \"e\"\ntitle = \"E\"\nkind = \"meeting\"\n"
                                 "month = 5\n"));
    auto deep = cycle::load_calendar_file(dir / "w0.toml");
    REQUIRE_FALSE(deep);
    CHECK(contains(all_errors(deep),
                   "w15.toml:8:12: error: [[include]]: includes nest deeper "
                   "than 16"));
    // Ten levels, each file including the next level's four files: 4^10
    // reads without the limit.
    for (int level = 0; level < 10; ++level)
        for (int k = 0; k < 4; ++k) {
            std::string text = "[cycle]\nid = \"f" + std::to_string(level) + "-" +
                               std::to_string(k) +
                               "\"\ntitle = \"F\"\nfirst_year = 2025\nlast_year = 2026\n\n";
            if (level < 9)
                for (int j = 0; j < 4; ++j)
                    text += "[[include]]\ncalendar = \"f" + std::to_string(level + 1) + "-" +
                            std::to_string(j) + ".toml\"\nas = \"n" + std::to_string(j) + "\"\n\n";
            else
                text += "[[event]]\nid = \"e\"\ntitle = \"E\"\nkind = \"meeting\"\nmonth = 5\n";
            write_file(dir / ("f" + std::to_string(level) + "-" + std::to_string(k) + ".toml"),
                       text);
        }
    auto wide = cycle::load_calendar_file(dir / "f0-0.toml");
    REQUIRE_FALSE(wide);
    CHECK(contains(all_errors(wide), "or read more than 256 calendars in all"));
}
