// The bash completion (completions/cycle.bash) driven as bash drives it:
// bash-completion loaded, COMP_WORDS and COMP_CWORD set, _cycle called,
// COMPREPLY read. Its candidates come from `cycle complete`, so every
// subcommand `cycle --help` lists must complete without the script naming it.
#include <algorithm>
#include <catch2/catch.hpp>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "complete_command.hpp"
#include "support.hpp"

namespace {

const std::string source_dir = CYCLE_SOURCE_DIR;

// COMPREPLY for the words after `cycle`; the last word is the one completed.
std::set<std::string> complete(const std::vector<std::string>& words) {
    std::string array = "'" + std::string(CYCLE_CLI) + "'";
    for (const auto& w : words) array += " '" + w + "'";
    std::string script =
        "source /usr/share/bash-completion/bash_completion || exit 3; "
        "source '" +
        source_dir +
        "/completions/cycle.bash' || exit 4; "
        "COMP_WORDS=(" +
        array + "); COMP_CWORD=" + std::to_string(words.size()) +
        "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _cycle; "
        "printf '%s\\n' \"${COMPREPLY[@]}\"";
    auto r = cycle::test::run("cd '" + source_dir + "' && bash -c '" + [&] {
        std::string escaped;
        for (char c : script) escaped += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return escaped;
    }() + "'");
    REQUIRE(r.exit_code == 0);
    std::set<std::string> out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) out.insert(line);
    return out;
}

// The subcommands `cycle --help` lists.
std::vector<std::string> help_subcommands() {
    auto help = cycle::test::run_cycle("--help");
    std::vector<std::string> out;
    auto at = help.out.find("Subcommands:");
    REQUIRE(at != std::string::npos);
    std::istringstream lines(help.out.substr(at));
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
        if (line.size() < 3 || line[0] != ' ' || line[2] == ' ') continue;
        std::istringstream words(line);
        std::string name;
        words >> name;
        out.push_back(name);
    }
    return out;
}

}  // namespace

TEST_CASE("completion: every subcommand of --help, and no hidden one") {
    auto subs = help_subcommands();
    REQUIRE(subs.size() >= 9);
    auto got = complete({""});
    for (const auto& s : subs) {
        INFO(s);
        CHECK(got.count(s) == 1);
    }
    CHECK(got.size() == subs.size());
    CHECK(got.count("complete") == 0);
    CHECK(complete({"ch"}) == std::set<std::string>{"check"});
    CHECK(complete({"sch"}) == std::set<std::string>{"schema"});
}

TEST_CASE("completion: options of the subcommand and their fixed values") {
    auto options = complete({"check", "--"});
    for (auto o :
         {"--calendar", "--format", "--strict", "--partial", "--today", "--year", "--help"}) {
        INFO(o);
        CHECK(options.count(o) == 1);
    }
    CHECK(options.count("--explain") == 0);  // plan's, not check's
    CHECK(complete({"check", "--f"}) == std::set<std::string>{"--format"});
    CHECK(complete({"check", "--format", ""}) ==
          std::set<std::string>{"text", "json", "github", "junit"});
    CHECK(complete({"plan", "--format", "j"}) == std::set<std::string>{"json"});
    CHECK(complete({"schema", ""}) == std::set<std::string>{"calendar", "plan", "project"});
    CHECK(complete({"export", ""}) == std::set<std::string>{"ics", "json", "svg"});
    CHECK(complete({"import", ""}) == std::set<std::string>{"ics"});
    CHECK(complete({"--"}).count("--plugin-dir") == 1);
}

TEST_CASE("completion: audience ids of the calendar in use") {
    auto built_in = complete({"plan", "--audience", ""});
    for (auto id : {"eda", "arvika", "vror", "region-varmland", "principals"}) {
        INFO(id);
        CHECK(built_in.count(id) == 1);
    }
    CHECK(complete({"plan", "--audience", "ed"}) == std::set<std::string>{"eda"});
    auto other =
        complete({"due", "--calendar", "tests/data/plans/check-wheel.toml", "--audience", ""});
    CHECK(other.count("eda") == 0);
    CHECK(other.count("alfa") == 1);
    auto unreadable = complete({"plan", "--calendar", "no-such-file.toml", "--audience", ""});
    CHECK(unreadable.empty());
}

TEST_CASE("completion: event ids for an option named --event") {
    // No subcommand of cycle takes an event id yet; run_complete offers the
    // calendar's event ids for any option named --event, so one added later
    // completes as --audience does. Driven here on a command line that has one.
    CLI::App app{"test", "cycle"};
    std::string calendar, event;
    auto* show = app.add_subcommand("show", "Show one event");
    show->add_option("--calendar", calendar, "Calendar file");
    show->add_option("--event", event, "Event id");
    cycle::registry plugins;
    auto candidates = [&](std::vector<std::string> words, std::string current = "") {
        std::ostringstream out;
        auto* old = std::cout.rdbuf(out.rdbuf());
        int status = cycle::cli::run_complete(app, plugins, {std::move(current), std::move(words)});
        std::cout.rdbuf(old);
        CHECK(status == 0);
        return out.str();
    };
    CHECK(candidates({"show", "--calendar", source_dir + "/tests/data/plans/check-wheel.toml",
                      "--event"}) ==
          "seminar\ninvitation\nlocal-dialogue\nrevision-input\ncompilation\nkickoff\n");
    auto built_in = candidates({"show", "--event"});
    CHECK(built_in.find("local-dialogue\n") != std::string::npos);
    CHECK(built_in.find("seminar\n") != std::string::npos);
    CHECK(candidates({"show"}, "--") == "--help\n-h\n--calendar\n--event\n");
}

TEST_CASE("completion: calendar and plan files") {
    auto calendars = complete({"plan", "--calendar", "calendars/nya"});
    CHECK(calendars == std::set<std::string>{"calendars/nya-perspektiv-2020.toml",
                                             "calendars/nya-perspektiv-2023.toml",
                                             "calendars/nya-perspektiv-2025-2028.toml"});
    auto plans = complete({"check", "examples/ci/plans/202"});
    CHECK(plans ==
          std::set<std::string>{"examples/ci/plans/2026.toml", "examples/ci/plans/2027.toml"});
    CHECK(complete({"holidays", "--year", ""}).empty());
}
