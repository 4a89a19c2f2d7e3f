// Proposed dates through the commands that read plan files: `cycle plan
// --update` adds the occurrences a file lacks as proposed entries, `cycle
// diff` shows proposed -> confirmed -> held, and `cycle due` marks a date
// that is only proposed. Real files, the real CLI, and find_due below it.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "cycle/due.hpp"
#include "cycle/plan.hpp"
#include "cycle/plan_file.hpp"
#include "support.hpp"

namespace {

using cycle::test::contains;
using cycle::test::quoted;
using cycle::test::read_file;
using cycle::test::run_cycle;
using cycle::test::temp_dir;
using cycle::test::write_file;

const std::string& wheel = cycle::test::check_wheel;
const std::string cal = "--calendar " + quoted(cycle::test::check_wheel);

// The entry of `event` (and member) as `cycle plan --format plan` wrote it,
// with the blank line before it: "\n# Title (v. 41)\n[[occurrence]]\n...\n".
std::string entry_block(const std::string& text, const std::string& event,
                        const std::string& member = "") {
    std::string key = "[[occurrence]]\nevent = \"" + event + "\"\n";
    if (!member.empty()) key += "member = \"" + member + "\"\n";
    const auto table = text.find(key);
    REQUIRE(table != std::string::npos);
    auto begin = text.rfind("\n\n# ", table);
    REQUIRE(begin != std::string::npos);
    ++begin;  // from the blank line
    auto end = text.find("\n\n", table);
    end = end == std::string::npos ? text.size() : end + 1;
    return text.substr(begin, end - begin);
}

std::string without(std::string text, const std::string& block) {
    const auto at = text.find(block);
    REQUIRE(at != std::string::npos);
    return text.erase(at, block.size());
}

std::string written_plan(const temp_dir& dir) {
    const auto plan = dir / "2026.toml";
    REQUIRE(run_cycle("plan " + cal + " --year 2026 --format plan --out " + quoted(plan.string()))
                .exit_code == 0);
    return read_file(plan);
}

}  // namespace

TEST_CASE("plan --update adds the occurrences a plan file lacks, as proposed, in plan order",
          "[plan-file][status][update]") {
    temp_dir dir;
    const auto plan = dir / "2026.toml";
    const std::string written = written_plan(dir);
    // The person removed Beta's dialogue and the kickoff (the last entry),
    // and wrote a comment of their own.
    const std::string beta = entry_block(written, "local-dialogue", "beta");
    const std::string kickoff = entry_block(written, "kickoff");
    REQUIRE(written.size() == written.find(kickoff) + kickoff.size());
    std::string edited = without(without(written, beta), kickoff);
    edited.insert(edited.find("\n[[occurrence]]") + 1, "# Frågor till Anna.\n");
    write_file(plan, edited);
    REQUIRE(edited != written);

    auto update =
        run_cycle("plan " + cal + " --year 2026 --plan " + quoted(plan.string()) + " --update");
    INFO(update.err);
    CHECK(update.exit_code == 0);
    CHECK(contains(update.err, plan.string() + ": local-dialogue/beta/2026: added 2026-"));
    CHECK(contains(update.err, plan.string() + ": kickoff/2026: added 2027-"));
    CHECK(contains(update.err,
                   "cycle plan: 0 proposed dates moved, 2 occurrences added in 1 file\n"));
    // Back where the planner writes them, byte for byte; the comment kept.
    std::string expected = written;
    expected.insert(expected.find("\n[[occurrence]]") + 1, "# Frågor till Anna.\n");
    CHECK(read_file(plan) == expected);
    CHECK(run_cycle("check " + cal + " " + quoted(plan.string())).exit_code == 0);

    // Nothing missing: nothing changes.
    auto again =
        run_cycle("plan " + cal + " --year 2026 --plan " + quoted(plan.string()) + " --update");
    CHECK(again.err == "cycle plan: 0 proposed dates moved in 0 files\n");
    CHECK(read_file(plan) == expected);

    // A file that ends in a blank line gets no second one.
    write_file(plan, without(written, kickoff) + "\n");
    REQUIRE(run_cycle("plan " + cal + " --year 2026 --plan " + quoted(plan.string()) + " --update")
                .exit_code == 0);
    CHECK(read_file(plan) == written);
}

TEST_CASE("plan --update: an occurrence of a year no plan file holds is counted, not added",
          "[plan-file][status][update]") {
    temp_dir dir;
    const auto plan = dir / "2026.toml";
    write_file(plan, "calendar = \"check-wheel\"\n");  // no entry of any year
    auto update =
        run_cycle("plan " + cal + " --year 2026 --plan " + quoted(plan.string()) + " --update");
    CHECK(update.exit_code == 0);
    CHECK(
        contains(update.err, "occurrences of cycle years no plan file has entries for not added"));
    CHECK(read_file(plan) == "calendar = \"check-wheel\"\n");
}

TEST_CASE("diff shows proposed -> confirmed -> held, also with a move, in text and JSON",
          "[diff][status]") {
    temp_dir dir;
    const std::string proposed = written_plan(dir);
    const auto seminar = proposed.find("event = \"seminar\"");
    REQUIRE(seminar != std::string::npos);
    auto status_at = [&](std::string text, const std::string& event, const std::string& to) {
        const auto at = text.find("status = \"proposed\"", text.find("event = \"" + event + "\""));
        return text.replace(at, std::string("status = \"proposed\"").size(),
                            "status = \"" + to + "\"");
    };
    const std::string confirmed = status_at(proposed, "seminar", "confirmed");
    const std::string held = status_at(proposed, "seminar", "held");
    write_file(dir / "a.toml", proposed);
    write_file(dir / "b.toml", confirmed);
    write_file(dir / "c.toml", held);
    auto diff = [&](const char* a, const char* b, const char* format = "text") {
        return run_cycle("diff " + cal + " " + quoted((dir / a).string()) + " " +
                         quoted((dir / b).string()) + " --format " + format);
    };
    auto first = diff("a.toml", "b.toml");
    INFO(first.out << first.err);
    CHECK(contains(first.out, "status   Vårseminarium (2026): 2026-"));
    CHECK(contains(first.out, ": proposed -> confirmed  ["));
    CHECK(contains(first.out, "cycle diff: 1 change: 1 status\n"));
    CHECK(contains(diff("b.toml", "c.toml").out, ": confirmed -> held  ["));
    auto json = nlohmann::json::parse(diff("a.toml", "b.toml", "json").out);
    REQUIRE(json["changes"].size() == 1);
    CHECK(json["changes"][0]["change"] == "status");
    CHECK(json["changes"][0]["old"]["status"] == "proposed");
    CHECK(json["changes"][0]["new"]["status"] == "confirmed");

    // Confirmed on another day: a move that says its status too.
    std::string moved = confirmed;
    const auto date_at = moved.find("date = ", moved.find("event = \"seminar\""));
    moved.replace(date_at, 17, "date = 2026-05-26");
    write_file(dir / "d.toml", moved);
    auto both = diff("a.toml", "d.toml");
    CHECK(contains(both.out, "-> 2026-05-26 09:00 (7h) (proposed -> confirmed)  ["));
    auto both_json = nlohmann::json::parse(diff("a.toml", "d.toml", "json").out);
    CHECK(both_json["changes"][0]["change"] == "moved");
    CHECK(both_json["changes"][0]["new"]["status"] == "confirmed");
}

TEST_CASE("due marks a date that is only proposed, and never counts it as a deadline missed",
          "[due][status]") {
    auto cal_file = cycle::load_calendar_file(wheel);
    REQUIRE(cal_file);
    const cycle::calendar& c = *cal_file;
    // Alfa's dialogue proposed after its deadline (31 October), Beta's
    // decided after it.
    auto pf = cycle::load_plan_string(R"(calendar = "check-wheel"

[[occurrence]]
event = "local-dialogue"
member = "alfa"
year = 2026
date = 2026-11-03
status = "proposed"

[[occurrence]]
event = "local-dialogue"
member = "beta"
year = 2026
date = 2026-11-04
status = "confirmed"
)",
                                      "plan.toml", c);
    REQUIRE(pf);
    auto found = cycle::find_due(c, {.today = date::sys_days{date::year{2026} / 11 / 2},
                                     .within_days = 7,
                                     .fixed = &*pf,
                                     .audience = {},
                                     .holidays = nullptr});
    REQUIRE(found);
    REQUIRE(found->missed.size() == 1);
    CHECK(found->missed[0].member == "beta");
    CHECK_FALSE(found->missed[0].proposed);
    const cycle::occurrence* alfa = nullptr;
    for (const auto& o : found->due)
        if (o.event == "local-dialogue" && o.member == "alfa") alfa = &o;
    REQUIRE(alfa);
    CHECK(alfa->proposed);

    temp_dir dir;
    write_file(dir / "plan.toml", R"(calendar = "check-wheel"

[[occurrence]]
event = "local-dialogue"
member = "alfa"
year = 2026
date = 2026-11-03
status = "proposed"
)");
    const std::string args = "due " + cal + " " + quoted((dir / "plan.toml").string()) +
                             " --today 2026-11-02 --within 7d";
    auto text = run_cycle(args);
    INFO(text.out << text.err);
    CHECK(text.exit_code == 0);
    CHECK(contains(text.out, "2026-11-03"));
    CHECK(contains(text.out, "(förslag)\n"));
    auto json = nlohmann::json::parse(run_cycle(args + " --format json").out);
    bool seen = false;
    for (const auto& item : json["due"])
        if (item["occurrence"] == "local-dialogue/alfa/2026") {
            seen = true;
            CHECK(item["proposed"] == true);
            CHECK(item["fixed"] == false);
        }
    CHECK(seen);
    CHECK(json["missed"].empty());
}
