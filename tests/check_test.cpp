// cycle check: the corpus under tests/data/plans (one plan per rule broken),
// the output formats, exit codes, and the planner's own plans, which must
// keep every rule. Real files and the real CLI.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "support.hpp"

namespace {

using cycle::test::read_file;
using cycle::test::run_cycle;
using cycle::test::temp_dir;
using cycle::test::write_file;

using cycle::test::contains;
using cycle::test::quoted;
const std::string& plans = cycle::test::test_plans;
const std::string& wheel = cycle::test::check_wheel;
const std::string wheel_2023 =
    std::string(CYCLE_SOURCE_DIR) + "/calendars/nya-perspektiv-2023.toml";

// "severity rule line:col" for each finding, in output order.
std::vector<std::string> findings_of(const std::string& json_text) {
    std::vector<std::string> out;
    auto doc = nlohmann::json::parse(json_text);
    for (const auto& f : doc["findings"])
        out.push_back(fmt::format(
            "{} {} {}:{}", f["waived"].get<bool>() ? "waived" : f["severity"].get<std::string>(),
            f["rule"].get<std::string>(), f["line"].get<int>(), f["column"].get<int>()));
    return out;
}

// The rule id of each finding, in output order.
std::vector<std::string> rules_of(const std::string& json_text) {
    std::vector<std::string> out;
    const auto doc = nlohmann::json::parse(json_text);
    for (const auto& f : doc["findings"]) out.push_back(f["rule"].get<std::string>());
    return out;
}

// A generated plan's entry for an event (and member) gets another date;
// "event#3" is a recurring event's third occurrence (its `index`).
std::string with_date(std::string plan, const std::string& event, const std::string& member,
                      const std::string& new_date) {
    std::string member_line = member.empty() ? "" : "member = \"" + member + "\"\n";
    const auto hash = event.find('#');
    const std::string index_line =
        hash == std::string::npos ? "" : "index = " + event.substr(hash + 1) + "\n";
    std::regex entry("event = \"" + event.substr(0, hash) + "\"\n" + member_line +
                     "year = \\d+\n" + index_line + "date = ");
    std::smatch m;
    REQUIRE(std::regex_search(plan, m, entry));
    const auto at = static_cast<std::size_t>(m.position(0) + m.length(0));
    return plan.replace(at, 10, new_date);
}

// A generated plan without an event's entry (for a member).
std::string without(std::string plan, const std::string& event, const std::string& member) {
    std::string member_line = member.empty() ? "" : "member = \"" + member + "\"\n";
    std::regex entry("\\[\\[occurrence\\]\\]\nevent = \"" + event + "\"\n" + member_line +
                     "year = \\d+\ndate = [0-9-]+\n(status = \"[a-z]+\"\n)?");
    std::string changed =
        std::regex_replace(plan, entry, "", std::regex_constants::format_first_only);
    REQUIRE(changed != plan);
    return changed;
}

std::string generated(const std::string& calendar_option, int year) {
    auto r = run_cycle(fmt::format("plan {} --format plan --year {}", calendar_option, year));
    REQUIRE(r.exit_code == 0);
    return r.out;
}

}  // namespace

TEST_CASE("check: the corpus, one plan per rule broken, exact rule ids, places and exit codes") {
    struct expectation {
        std::string file;
        std::vector<std::string> findings;
        int exit_code;
        std::string extra = "";
    };
    const std::vector<expectation> corpus{
        {"good-2026.toml", {}, 0},
        {"outside-window.toml", {"error outside-window 12:8"}, 1},
        {"deadline-missed.toml", {"error deadline-missed 26:8"}, 1},
        {"precedence.toml", {"error precedence 43:8"}, 1},
        {"offset.toml", {"error offset 7:8"}, 1},
        {"missing.toml", {"error missing 0:0", "error missing 0:0"}, 1},
        {"cancelled.toml", {"error missing 26:8"}, 1},
        {"duplicate.toml", {"error duplicate 26:8"}, 1},
        // The seminar's day is a Thursday, not its Tuesday, too.
        {"holiday.toml", {"error holiday 12:8", "warning weekday 12:8"}, 1},
        {"day-off.toml", {"warning day-off 43:8"}, 0},
        {"weekend.toml", {"warning weekday 20:8", "warning weekend 20:8"}, 0},
        {"weekend.toml", {"warning weekday 20:8", "warning weekend 20:8"}, 1, "--strict"},
        {"weekday.toml", {"warning weekday 20:8"}, 0},
        {"closure.toml", {"warning closure 26:8"}, 0},
        {"waived.toml", {"waived holiday 12:8", "warning weekday 12:8"}, 0},
        {"stale-waivers.toml", {"warning unused-waiver 22:1", "warning unknown-rule 26:1"}, 0},
        {"stale-waivers.toml",
         {"warning unused-waiver 22:1", "warning unknown-rule 26:1"},
         1,
         "--strict"},
        {"overdue.toml", {}, 0},
        {"overdue.toml", {"warning overdue 49:8"}, 0, "--today 2026-11-20"},
        {"overdue.toml", {"warning overdue 49:8"}, 1, "--today 2026-11-20 --strict"},
    };
    for (const auto& c : corpus) {
        INFO(c.file << " " << c.extra);
        auto r = run_cycle(fmt::format("check --calendar {} {} --format json {}", quoted(wheel),
                                       quoted(plans + c.file), c.extra));
        CHECK(r.err == "");
        CHECK(r.exit_code == c.exit_code);
        CHECK(findings_of(r.out) == c.findings);
    }
}

TEST_CASE("check: --partial plans fix only some dates: absent occurrences are not missing") {
    temp_dir dir;
    // One municipality's own file: its local dialogue only.
    write_file(dir / "alfa.toml",
               "calendar = \"check-wheel\"\n\n[[occurrence]]\nevent = \"local-dialogue\"\n"
               "member = \"alfa\"\nyear = 2026\ndate = 2026-10-27\n");
    const std::string alfa = quoted((dir / "alfa.toml").string());
    auto whole =
        run_cycle(fmt::format("check --calendar {} {} --format json", quoted(wheel), alfa));
    CHECK(whole.exit_code == 1);
    CHECK(findings_of(whole.out).size() == 8);  // 7 missing, and the closure
    auto partial = run_cycle(
        fmt::format("check --calendar {} {} --partial --format json", quoted(wheel), alfa));
    CHECK(partial.exit_code == 0);
    CHECK(findings_of(partial.out) == std::vector<std::string>{"warning closure 7:8"});
    // A cancelled occurrence is still missing.
    auto cancelled = run_cycle(fmt::format("check --calendar {} {} --partial --format json",
                                           quoted(wheel), quoted(plans + "cancelled.toml")));
    CHECK(findings_of(cancelled.out) == std::vector<std::string>{"error missing 26:8"});
}

TEST_CASE("check: missing names the occurrence, including an event of one cycle year only") {
    auto r = run_cycle(fmt::format("check --calendar {} {} --format json", quoted(wheel),
                                   quoted(plans + "missing.toml")));
    auto doc = nlohmann::json::parse(r.out);
    REQUIRE(doc["findings"].size() == 2);
    CHECK(doc["findings"][0]["occurrence"] == "local-dialogue/beta/2026");
    CHECK(doc["findings"][1]["occurrence"] == "revision-input/alfa/2026");
    CHECK(doc["findings"][0]["file"] == plans + "missing.toml");
}

TEST_CASE("check: text output is one line per finding, file:line:col: severity: message [rule]") {
    auto r = run_cycle(fmt::format("check --calendar {} {}", quoted(wheel),
                                   quoted(plans + "deadline-missed.toml")));
    CHECK(r.exit_code == 1);
    CHECK(r.out ==
          plans +
              "deadline-missed.toml:26:8: error: Lokal dialog – Beta kommun on 2026-11-03 is "
              "after its deadline 2026-10-31 (no later than, " +
              wheel +
              ":50:12) [deadline-missed]\n"
              "cycle check: 1 error in 1 plan file (8 occurrences)\n");
    auto waived = run_cycle(
        fmt::format("check --calendar {} {}", quoted(wheel), quoted(plans + "waived.toml")));
    CHECK(waived.exit_code == 0);
    CHECK(waived.out ==
          plans +
              "waived.toml:12:8: waived: Vårseminarium on 2026-05-14 is on a public holiday: "
              "Kristi himmelsfärdsdag [holiday] (waived: The only day the county hall was free)\n" +
              plans +
              "waived.toml:12:8: warning: Vårseminarium on 2026-05-14 is on a Thursday, not one "
              "of its weekdays (Tuesday; " +
              wheel +
              ":26:1) [weekday]\n"
              "cycle check: 1 warning, 1 waived in 1 plan file (8 occurrences)\n");
    auto clean = run_cycle(
        fmt::format("check --calendar {} {}", quoted(wheel), quoted(plans + "good-2026.toml")));
    CHECK(clean.out == "cycle check: no findings in 1 plan file (8 occurrences)\n");
}

TEST_CASE("check: github annotations, junit XML and the JSON schema") {
    auto gh = run_cycle(fmt::format("check --calendar {} {} --format github", quoted(wheel),
                                    quoted(plans + "holiday.toml")));
    CHECK(gh.exit_code == 1);
    CHECK(gh.out ==
          "::error file=" + plans +
              "holiday.toml,line=12,col=8,title=cycle check [holiday]::"
              "Vårseminarium on 2026-05-14 is on a public holiday: Kristi himmelsfärdsdag\n"
              "::warning file=" +
              plans +
              "holiday.toml,line=12,col=8,title=cycle check [weekday]::Vårseminarium on "
              "2026-05-14 is on a Thursday, not one of its weekdays (Tuesday; " +
              wheel +
              ":26:1)\n"
              "cycle check: 1 error, 1 warning in 1 plan file (8 occurrences)\n");
    auto missing = run_cycle(fmt::format("check --calendar {} {} --format github", quoted(wheel),
                                         quoted(plans + "missing.toml")));
    CHECK(missing.out.rfind(
              "::error file=" + plans + "missing.toml,title=cycle check [missing]::no Lokal dialog",
              0) == 0);

    auto junit = run_cycle(fmt::format("check --calendar {} {} --format junit --strict",
                                       quoted(wheel), quoted(plans + "stale-waivers.toml")));
    CHECK(junit.exit_code == 1);
    CHECK(junit.out.rfind(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"cycle check\" "
              "tests=\"2\" failures=\"2\" errors=\"0\" skipped=\"0\">",  // unknown-rule: a warning
              0) == 0);
    CHECK(junit.out.find("<failure message=\"waiver for &apos;weekend&apos; is not needed") !=
          std::string::npos);

    auto json = run_cycle(fmt::format("check --calendar {} {} --format json --today 2026-11-20",
                                      quoted(wheel), quoted(plans + "overdue.toml")));
    auto doc = nlohmann::json::parse(json.out);
    CHECK(doc["schema"] == "cycle-check/1");
    CHECK(doc["calendar"] == "check-wheel");
    CHECK(doc["today"] == "2026-11-20");
    CHECK(doc["summary"] == nlohmann::json{{"occurrences", 8},
                                           {"errors", 0},
                                           {"warnings", 1},
                                           {"notes", 0},
                                           {"waived", 0},
                                           {"exit_code", 0}});
    CHECK(doc["findings"][0]["occurrence"] == "compilation/2026");
    CHECK(doc["findings"][0]["waiver_reason"].is_null());
}

TEST_CASE(
    "check: the calendar's [checks] sets severities, and an unknown rule id is reported at its "
    "place") {
    temp_dir dir;
    const std::string base = read_file(wheel);
    write_file(dir / "strict.toml", base + "weekend = \"error\"\nclosure = \"off\"\n");
    auto weekend = run_cycle(fmt::format("check --calendar {} {} --format json",
                                         quoted((dir / "strict.toml").string()),
                                         quoted(plans + "weekend.toml")));
    CHECK(weekend.exit_code == 1);
    CHECK(findings_of(weekend.out) ==
          std::vector<std::string>{"warning weekday 20:8", "error weekend 20:8"});
    auto closure = run_cycle(fmt::format("check --calendar {} {} --format json",
                                         quoted((dir / "strict.toml").string()),
                                         quoted(plans + "closure.toml")));
    CHECK(closure.exit_code == 0);
    CHECK(findings_of(closure.out).empty());

    write_file(dir / "typo.toml", base + "weeknd = \"off\"\n");
    auto typo =
        run_cycle(fmt::format("check --calendar {} {}", quoted((dir / "typo.toml").string()),
                              quoted(plans + "good-2026.toml")));
    CHECK(typo.exit_code == 0);  // a warning: no loaded checker has the id
    CHECK(typo.out.rfind((dir / "typo.toml").string() + ":90:1: warning: [checks] names rule 'weeknd'",
                         0) == 0);
    write_file(dir / "typo-error.toml", base + "weeknd = \"off\"\nunknown-rule = \"error\"\n");
    auto typo_error =
        run_cycle(fmt::format("check --calendar {} {}", quoted((dir / "typo-error.toml").string()),
                              quoted(plans + "good-2026.toml")));
    CHECK(typo_error.exit_code == 1);
}

TEST_CASE(
    "check: unreadable input exits 2 with file:line:col and prints nothing on standard output") {
    auto bad = run_cycle(
        fmt::format("check --calendar {} {}", quoted(wheel), quoted(plans + "unreadable.toml")));
    CHECK(bad.exit_code == 2);
    CHECK(bad.out == "");
    CHECK(
        bad.err.find(plans +
                     "unreadable.toml:26:1: error: [[occurrence]]: unknown key 'dat' (did you mean "
                     "'date'?)") != std::string::npos);
    auto absent = run_cycle("check /nonexistent/plan.toml");
    CHECK(absent.exit_code == 2);
    CHECK(absent.out == "");
    CHECK(absent.err.find("/nonexistent/plan.toml: error: cannot read plan") != std::string::npos);
    auto wrong_calendar = run_cycle("check " + quoted(plans + "good-2026.toml"));
    CHECK(wrong_calendar.exit_code == 2);
    CHECK(wrong_calendar.err.find("the plan is for calendar 'check-wheel'") != std::string::npos);
    // One line for the mismatch, however many entries and files, saying what to do.
    CHECK(std::count(wrong_calendar.err.begin(), wrong_calendar.err.end(), '\n') == 1);
    CHECK(wrong_calendar.err.find("--calendar FILE") != std::string::npos);
    auto three = run_cycle("check " + quoted(plans + "good-2026.toml") + " " +
                           quoted(plans + "holiday.toml") + " " + quoted(plans + "weekend.toml"));
    CHECK(three.exit_code == 2);
    CHECK(std::count(three.err.begin(), three.err.end(), '\n') == 1);
    CHECK(three.err.find("(and 2 more plan files like it)") != std::string::npos);
    auto bad_day = run_cycle(fmt::format("check --calendar {} {} --today 2026-02-30", quoted(wheel),
                                         quoted(plans + "good-2026.toml")));
    CHECK(bad_day.exit_code == 2);
    CHECK(bad_day.err == "error: --today: '2026-02-30' is not a day like 2026-10-20\n");
    auto no_year = run_cycle(fmt::format("check --calendar {} {} --year 2025", quoted(wheel),
                                         quoted(plans + "good-2026.toml")));
    CHECK(no_year.exit_code == 2);
    CHECK(no_year.out == "");
}

TEST_CASE("check: a plan on standard input, and several plan files as one plan") {
    auto r = run_cycle(
        fmt::format("check --calendar {} - < {}", quoted(wheel), quoted(plans + "good-2026.toml")));
    CHECK(r.exit_code == 0);
    temp_dir dir;
    const std::string good = read_file(plans + "good-2026.toml");
    const auto split = good.find("[[occurrence]]\nevent = \"local-dialogue\"");
    write_file(dir / "spring.toml", good.substr(0, split));
    write_file(dir / "autumn.toml", "calendar = \"check-wheel\"\n\n" + good.substr(split));
    auto both = run_cycle(fmt::format("check --calendar {} {} {}", quoted(wheel),
                                      quoted((dir / "spring.toml").string()),
                                      quoted((dir / "autumn.toml").string())));
    CHECK(both.out == "cycle check: no findings in 2 plan files (8 occurrences)\n");
    auto spring = run_cycle(fmt::format("check --calendar {} {} --format json", quoted(wheel),
                                        quoted((dir / "spring.toml").string())));
    CHECK(findings_of(spring.out).size() == 6);  // the autumn's six entries are missing
}

TEST_CASE("check: the planner's plans keep every rule, every year of both wheels") {
    temp_dir dir;
    struct wheel_years {
        std::string option;
        int first, last;
    };
    for (const auto& w :
         {wheel_years{"", 2025, 2029}, wheel_years{"--calendar " + quoted(wheel_2023), 2023, 2023},
          wheel_years{"--calendar " + quoted(wheel), 2025, 2026}}) {
        for (int year = w.first; year <= w.last; ++year) {
            INFO(w.option << " " << year);
            write_file(dir / "plan.toml", generated(w.option, year));
            auto r = run_cycle(fmt::format("check {} {} --strict", w.option,
                                           quoted((dir / "plan.toml").string())));
            CHECK(r.exit_code == 0);
            CHECK(r.out.find("cycle check: no findings in 1 plan file") == 0);
        }
    }
}

TEST_CASE("check: the rules on the 2025–2028 wheel") {
    temp_dir dir;
    const std::string plan_2026 = generated("", 2026);
    auto check = [&](const std::string& text, const std::string& extra = "") {
        write_file(dir / "plan.toml", text);
        auto r = run_cycle(
            fmt::format("check {} --format json {}", quoted((dir / "plan.toml").string()), extra));
        return rules_of(r.out);
    };
    using rules = std::vector<std::string>;
    // A local dialogue on 4 November: after the 31 October deadline.
    CHECK(check(with_date(plan_2026, "local-dialogue", "eda", "2026-11-04")) ==
          rules{"deadline-missed"});
    // A local dialogue in August: outside its September–October window, and
    // the instructions now come less than three weeks before the first one.
    CHECK(check(with_date(plan_2026, "local-dialogue", "eda", "2026-08-25")) ==
          rules{"offset", "outside-window"});
    // The seminar on Kristi himmelsfärdsdag: an error, as the wheel's [checks] says.
    CHECK(check(with_date(plan_2026, "seminar", "", "2026-05-14")) == rules{"holiday"});
    // The December dialogue before the compilation of the local dialogues.
    CHECK(check(with_date(plan_2026, "vror-dialogue", "", "2026-11-05")) ==
          rules{"outside-window", "precedence"});
    // The inriktningsmöte on Trettondedag jul.
    CHECK(check(with_date(plan_2026, "inriktningsmote", "", "2027-01-06")) == rules{"holiday"});
    // Instructions sent less than three weeks before the first local dialogue.
    CHECK(check(with_date(plan_2026, "dialogue-instructions", "", "2026-08-31")) ==
          rules{"offset"});
    // A principal with no local dialogue.
    CHECK(check(without(plan_2026, "local-dialogue", "torsby")) == rules{"missing"});
    // Höstlov (week 44) for a municipality, but not for the region.
    CHECK(check(with_date(plan_2026, "local-dialogue", "kil", "2026-10-27")) == rules{"closure"});
    CHECK(check(with_date(plan_2026, "local-dialogue", "region-varmland", "2026-10-27")).empty());
    // A conference on a Saturday, not one of its Tuesdays to Thursdays.
    CHECK(check(with_date(plan_2026, "aktualitetskonferens", "", "2026-08-22")) ==
          rules{"weekday", "weekend"});
    // On a Monday: only its weekdays.
    CHECK(check(with_date(plan_2026, "aktualitetskonferens", "", "2026-08-24")) ==
          rules{"weekday"});
    // Year 3: a principal's revision input missing in 2027.
    CHECK(check(without(generated("", 2027), "revision-input", "eda")) == rules{"missing"});
    // With --today, what was due and is not marked held.
    CHECK(check(plan_2026, "--today 2026-05-20") == rules{"overdue"});  // the seminar of 19 May
}

TEST_CASE("check: the rules on the 2023 wheel") {
    temp_dir dir;
    const std::string plan_2023 = generated("--calendar " + quoted(wheel_2023), 2023);
    auto check = [&](const std::string& text) {
        write_file(dir / "plan.toml", text);
        auto r = run_cycle(fmt::format("check --calendar {} {} --format json", quoted(wheel_2023),
                                       quoted((dir / "plan.toml").string())));
        return rules_of(r.out);
    };
    using rules = std::vector<std::string>;
    // The invitation after the programme: outside its February, and the
    // programme approved before it.
    CHECK(check(with_date(plan_2023, "invitation", "", "2024-04-29")) ==
          rules{"outside-window", "precedence"});
    CHECK(check(with_date(plan_2023, "programme-approved", "", "2024-02-01")) ==
          rules{"outside-window", "precedence"});
    // The seminar on Kristi himmelsfärdsdag 2024 (9 May).
    CHECK(check(with_date(plan_2023, "seminar", "", "2024-05-09")) == rules{"holiday"});
    // Midsommarafton 2024.
    CHECK(check(with_date(plan_2023, "document-owner-appointed", "", "2024-06-21")) ==
          rules{"day-off"});
    // A fixed VR meeting moved.
    CHECK(check(with_date(plan_2023, "vr-2023-09", "", "2023-09-14")) == rules{"outside-window"});
    CHECK(check(without(plan_2023, "or-2023-10", "")) == rules{"missing"});
}

// Issue 13, "Dates a coordinator would reject", on the real wheels: each rule
// finds the date the issue names, and the planner no longer proposes it.
TEST_CASE("check: dates a coordinator would reject, on the 2025–2028 wheel") {
    temp_dir dir;
    auto check = [&](const std::string& text) {
        write_file(dir / "plan.toml", text);
        auto r = run_cycle(fmt::format("check {} --format json", quoted((dir / "plan.toml").string())));
        return rules_of(r.out);
    };
    using rules = std::vector<std::string>;
    const std::string plan_2026 = generated("", 2026);
    const std::string plan_2027 = generated("", 2027);
    const std::string plan_2028 = generated("", 2028);
    auto date_of = [](const std::string& plan, const std::string& event) {
        std::smatch m;
        REQUIRE(std::regex_search(plan, m, std::regex("event = \"" + event + "\"\nyear = \\d+\ndate = ([0-9-]+)")));
        return m[1].str();
    };
    SECTION("the day before a holiday is a short day for a full-day event") {
        // 2026-05-13, the eve of Kristi himmelsfärdsdag: the seminar (09:00, 7h).
        CHECK(check(with_date(plan_2026, "seminar", "", "2026-05-13")) == rules{"short-day"});
        CHECK(date_of(plan_2026, "seminar") == "2026-05-19");
        // A sending is no full-day event: the instructions may go out on an eve.
        CHECK(check(with_date(plan_2026, "dialogue-instructions", "", "2026-06-05")) !=
              rules{"short-day"});
    }
    SECTION("summer leave: no instructions in week 32") {
        CHECK(date_of(plan_2027, "dialogue-instructions") != "2027-08-12");
        CHECK(date_of(plan_2028, "dialogue-instructions") != "2028-08-11");
        CHECK(check(with_date(plan_2027, "dialogue-instructions", "", "2027-08-12")) ==
              rules{"closure"});
        CHECK(check(with_date(plan_2028, "dialogue-instructions", "", "2028-08-11")) ==
              rules{"closure"});
    }
    SECTION("too close: the compilation and the Inspirationskonferens, and the working days before December") {
        CHECK(date_of(plan_2028, "compilation") != date_of(plan_2028, "inspirationskonferens"));
        CHECK(check(with_date(plan_2028, "inspirationskonferens", "",
                              date_of(plan_2028, "compilation"))) == rules{"body-clash"});
        // Ten working days between the compilation (30 Nov) and the December
        // dialogue: 3 December is too soon, 15 December is the first day
        // (a Tuesday: not one of the dialogue's weekdays, Thursday and Friday).
        const std::string late = with_date(plan_2026, "compilation", "", "2026-11-30");
        CHECK(check(with_date(late, "vror-dialogue", "", "2026-12-03")) == rules{"precedence"});
        CHECK(check(with_date(late, "vror-dialogue", "", "2026-12-15")) == rules{"weekday"});
        CHECK(check(with_date(late, "vror-dialogue", "", "2026-12-17")).empty());
        CHECK(check(with_date(late, "vror-dialogue", "", "2026-12-14")) ==
              rules{"precedence", "weekday"});
    }
    SECTION("election: no local dialogue in the election week 2026 (election day 2026-09-13)") {
        CHECK(check(with_date(plan_2026, "local-dialogue", "eda", "2026-09-10")) ==
              rules{"election-day"});
        for (int d = 7; d <= 19; ++d)
            CHECK_FALSE(contains(plan_2026, fmt::format("date = 2026-09-{:02}", d)));
    }
}

TEST_CASE("check: body-clash on the 2023 wheel's facts, and the planner keeps them apart") {
    temp_dir dir;
    const std::string plan_2023 = generated("--calendar " + quoted(wheel_2023), 2023);
    auto check = [&](const std::string& text) {
        write_file(dir / "plan.toml", text);
        auto r = run_cycle(fmt::format("check --calendar {} {} --format json", quoted(wheel_2023),
                                       quoted((dir / "plan.toml").string())));
        return rules_of(r.out);
    };
    using rules = std::vector<std::string>;
    CHECK(check(plan_2023).empty());
    // Beredningsgruppen meets on the day of its own Inspirationskonferens
    // (2023-11-15) and of the seminar (2024-05-16).
    CHECK(check(with_date(with_date(plan_2023, "beredningsgrupp-meeting#4", "", "2023-11-15"),
                          "inspirationskonferens", "", "2023-11-15")) == rules{"body-clash"});
    CHECK(check(with_date(with_date(plan_2023, "seminar", "", "2024-05-16"),
                          "beredningsgrupp-meeting#10", "", "2024-05-16")) == rules{"body-clash"});
    // On the VR (2023-09-15) and OR (2023-12-15) days it is no clash by the
    // wheel's data: no body is at both (the seed does not put beredningsgruppen
    // in VR/OR's meetings).
    CHECK(check(with_date(plan_2023, "beredningsgrupp-meeting#2", "", "2023-09-15")).empty());
    CHECK(check(with_date(plan_2023, "beredningsgrupp-meeting#5", "", "2023-12-15")).empty());
}

TEST_CASE("check: time-overlap of one body's meetings, and the planner avoids it") {
    temp_dir dir;
    write_file(dir / "wheel.toml", R"([cycle]
id = "overlap"
title = "Overlap"
first_year = 2026
last_year = 2026

[[body]]
id = "eda"
name = "Eda kommun"

[[event]]
id = "ks"
title = "Kommunstyrelsen"
kind = "meeting"
organiser = "eda"
month = 9
day = 15
start = "13:00"
duration = "4h"

[[event]]
id = "dialogue"
title = "Lokal dialog"
kind = "dialogue"
audiences = ["eda"]
month = 9
prefer = "middle"
start = "13:00"
duration = "3h"
)");
    const std::string cal = quoted((dir / "wheel.toml").string());
    auto check = [&](const std::string& dialogue_day, const std::string& start) {
        write_file(dir / "plan.toml",
                   fmt::format("calendar = \"overlap\"\n\n[[occurrence]]\nevent = \"ks\"\nyear = "
                               "2026\ndate = 2026-09-15\n\n[[occurrence]]\nevent = "
                               "\"dialogue\"\nyear = 2026\ndate = {}\nstart = \"{}\"\n",
                               dialogue_day, start));
        auto r = run_cycle(fmt::format("check --calendar {} {} --format json", cal,
                                       quoted((dir / "plan.toml").string())));
        return rules_of(r.out);
    };
    using rules = std::vector<std::string>;
    CHECK(check("2026-09-15", "13:00") == rules{"time-overlap"});
    CHECK(check("2026-09-15", "09:00") == rules{"body-clash"});  // one day, not the same hours
    CHECK(check("2026-09-16", "13:00").empty());
    // The planner's middle of September is the 15th, the KS day: it takes
    // the nearest other day.
    auto plan = run_cycle(fmt::format("plan --calendar {} --format plan --year 2026", cal));
    REQUIRE(plan.exit_code == 0);
    CHECK(contains(plan.out, "event = \"dialogue\"\nyear = 2026\ndate = 2026-09-14"));
}
