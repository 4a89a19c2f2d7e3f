// The manual pages (cmake/make-man-pages.sh, help2man at build time):
// cycle.1 and one page per subcommand `cycle --help` lists, each rendering
// with man(1) without warnings and saying what its --help says.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path man_dir = CYCLE_MAN_DIR;

// man -l, as a reader sees it: plain text, no hyphenation or adjusting.
cycle::test::process_result render(const fs::path& page) {
    return cycle::test::run(
        "MANWIDTH=200 MAN_KEEP_FORMATTING= LC_ALL=C.UTF-8 man --warnings -E UTF-8 -l '" +
        page.string() + "' | col -b");
}

std::string squeeze(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else if (c != '-' && c != '\xe2' && c != '\x80' && c != '\x90') {
            out += c;  // hyphens may be rendered as U+2010 or dropped at line ends
        }
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> help_subcommands() {
    auto help = cycle::test::run_cycle("--help");
    std::vector<std::pair<std::string, std::string>> out;
    auto at = help.out.find("Subcommands:");
    REQUIRE(at != std::string::npos);
    std::istringstream lines(help.out.substr(at));
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
        if (line.size() < 3 || line[0] != ' ' || line[2] == ' ') continue;
        std::istringstream words(line);
        std::string name, description;
        words >> name;
        std::getline(words, description);
        out.emplace_back(name, description.substr(description.find_first_not_of(' ')));
    }
    return out;
}

}  // namespace

TEST_CASE("man cycle describes every subcommand, each has its own page") {
    auto subs = help_subcommands();
    REQUIRE(subs.size() >= 9);
    auto main_page = render(man_dir / "cycle.1.gz");
    REQUIRE(main_page.exit_code == 0);
    CHECK(main_page.err.empty());
    const std::string text = squeeze(main_page.out);
    CHECK(text.find("cycle multiyear meeting wheels") != std::string::npos);
    for (const auto& [name, description] : subs) {
        INFO(name << ": " << description);
        CHECK(text.find(squeeze(name + " " + description.substr(0, 40))) != std::string::npos);
        CHECK(text.find(squeeze("cycle-" + name + "(1)")) != std::string::npos);  // SEE ALSO
        auto page = render(man_dir / ("cycle-" + name + ".1.gz"));
        CHECK(page.exit_code == 0);
        CHECK(page.err.empty());
        auto help = cycle::test::run_cycle(name + " --help");
        // The subcommand page carries its options as --help lists them.
        std::istringstream lines(help.out);
        for (std::string line; std::getline(lines, line);) {
            auto dash = line.find("--");
            if (dash == std::string::npos || line.find_first_not_of(' ') != dash) continue;
            std::string option = line.substr(dash, line.find_first_of(" \t", dash) - dash);
            INFO(option);
            CHECK(squeeze(page.out).find(squeeze(option)) != std::string::npos);
        }
    }
    CHECK_FALSE(fs::exists(man_dir / "cycle-complete.1.gz"));  // hidden
}
