// Plan-file statuses (docs/plan-format.md): proposed dates are re-planned
// around confirmed and held ones, `cycle plan --plan FILE --update` edits only
// the lines that change, and `cycle mark` edits one status line. Real files,
// the real CLI.
#include <catch2/catch.hpp>
#include <string>

#include "support.hpp"

namespace {

using cycle::test::contains;
using cycle::test::quoted;
using cycle::test::read_file;
using cycle::test::run_cycle;
using cycle::test::temp_dir;
using cycle::test::write_file;

const std::string& wheel = cycle::test::check_wheel;

// `text` with the first `from` at or after `after` replaced by `to`.
std::string replaced(std::string text, const std::string& after, const std::string& from,
                     const std::string& to) {
    const auto start = text.find(after);
    REQUIRE(start != std::string::npos);
    const auto at = text.find(from, start);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE(
    "statuses: proposed dates move around a confirmed one, the file keeps its comments and order",
    "[plan-file][status]") {
    temp_dir dir;
    const auto plan = dir / "2026.toml";
    const std::string cal = "--calendar " + quoted(wheel);
    REQUIRE(run_cycle("plan " + cal + " --year 2026 --format plan --out " + quoted(plan.string()))
                .exit_code == 0);
    const std::string written = read_file(plan);
    CHECK(contains(written, "status = \"proposed\"\n"));
    // The planner's own dates, whatever they are: "date = YYYY-MM-DD".
    const auto date_line = [&](const std::string& text, const std::string& event) {
        const auto at = text.find("date = ", text.find("event = \"" + event + "\""));
        REQUIRE(at != std::string::npos);
        return text.substr(at, 17);
    };
    const std::string seminar_date = date_line(written, "seminar");
    const std::string invitation_date = date_line(written, "invitation");
    const std::string comment = "# Inbjudan till seminariet (";
    const auto comment_at = written.find(comment);
    REQUIRE(comment_at != std::string::npos);
    const std::string invitation_week = written.substr(
        comment_at + comment.size(), written.find(')', comment_at) - comment_at - comment.size());

    // The board decides the seminar on Tuesday 19 May; the coordinator notes why.
    std::string edited =
        replaced(written, "event = \"seminar\"", seminar_date, "date = 2026-05-19");
    edited = replaced(edited, "event = \"seminar\"", "status = \"proposed\"",
                      "status = \"confirmed\"   # decided by the board 2026-02-10");
    edited =
        replaced(edited, "calendar = ", "\n", "\n# Kept by the unit; ask Anna before changing.\n");
    write_file(plan, edited);

    // Planned from the file: the invitation (six weeks before) follows.
    auto shown = run_cycle("plan " + cal + " --year 2026 --plan " + quoted(plan.string()));
    CHECK(shown.exit_code == 0);
    CHECK(contains(shown.out, "2026-04-07"));

    auto update =
        run_cycle("plan " + cal + " --year 2026 --plan " + quoted(plan.string()) + " --update");
    INFO(update.err);
    CHECK(update.exit_code == 0);
    CHECK(update.out == "");
    CHECK(contains(update.err, "2026.toml:"));
    CHECK(contains(update.err, "invitation/2026: " + invitation_date.substr(0, 4) + " " +
                                   invitation_date.substr(7) + " -> 2026-04-07 (proposed)\n"));
    CHECK(contains(update.err, "cycle plan: 1 proposed date moved in 1 file\n"));
    // Exactly the invitation's date line and its week in the comment changed.
    std::string expected = replaced(edited, comment, invitation_week + ")", "v. 15)");
    expected = replaced(expected, "event = \"invitation\"", invitation_date, "date = 2026-04-07");
    CHECK(read_file(plan) == expected);
    // The plan file keeps the wheel's rules, and a second update changes nothing.
    CHECK(run_cycle("check " + cal + " " + quoted(plan.string())).exit_code == 0);
    auto again =
        run_cycle("plan " + cal + " --year 2026 --plan " + quoted(plan.string()) + " --update");
    CHECK(again.err == "cycle plan: 0 proposed dates moved in 0 files\n");
    CHECK(read_file(plan) == expected);

    // Marking the seminar held edits its status line only, comment kept.
    auto mark = run_cycle("mark held seminar/2026 " + cal + " --plan " + quoted(plan.string()));
    CHECK(mark.exit_code == 0);
    CHECK(contains(mark.out, "seminar/2026: status = \"held\"\n"));
    CHECK(read_file(plan) ==
          replaced(expected, "event = \"seminar\"", "status = \"confirmed\"", "status = \"held\""));
}

TEST_CASE("statuses: cycle mark adds a status line where there is none, and refuses bad input",
          "[plan-file][status]") {
    temp_dir dir;
    const auto plan = dir / "2026.toml";
    const std::string original = read_file(cycle::test::test_plans + "good-2026.toml");
    write_file(plan, original);
    const std::string cal = "--calendar " + quoted(wheel);
    auto mark = run_cycle("mark held local-dialogue/alfa/2026 compilation/2026 " + cal +
                          " --plan " + quoted(plan.string()));
    INFO(mark.err);
    CHECK(mark.exit_code == 0);
    std::string expected = replaced(original, "member = \"alfa\"", "date = 2026-09-15\n",
                                    "date = 2026-09-15\nstatus = \"held\"\n");
    expected = replaced(expected, "event = \"compilation\"", "date = 2026-11-17\n",
                        "date = 2026-11-17\nstatus = \"held\"\n");
    CHECK(read_file(plan) == expected);
    // Held: no longer past and unmarked.
    auto due =
        run_cycle("due " + cal + " " + quoted(plan.string()) + " --today 2026-11-20 --within 1d");
    CHECK_FALSE(contains(due.out, "compilation/2026"));

    for (const char* bad :
         {"mark held seminar-2026", "mark held seminar/2031", "mark done seminar/2026"}) {
        INFO(bad);
        auto r = run_cycle(std::string(bad) + " " + cal + " --plan " + quoted(plan.string()));
        CHECK(r.exit_code == 2);
        CHECK(r.out == "");
        CHECK(read_file(plan) == expected);
    }
    auto update_stdin = run_cycle("plan " + cal + " --plan - --update");
    CHECK(update_stdin.exit_code == 2);
}

TEST_CASE("statuses: proposed and confirmed read, other words are refused with the list",
          "[plan-file][status]") {
    temp_dir dir;
    const auto plan = dir / "p.toml";
    write_file(
        plan,
        "calendar = \"check-wheel\"\n[[occurrence]]\nevent = \"seminar\"\ndate = 2026-05-12\n"
        "status = \"decided\"\n");
    auto r = run_cycle("check --calendar " + quoted(wheel) + " " + quoted(plan.string()));
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err,
                   "p.toml:5:10: error: [[occurrence]]: status is \"proposed\", \"confirmed\", "
                   "\"held\" or \"cancelled\", not 'decided'"));
}
