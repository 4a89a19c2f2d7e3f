// The plan reader without a TOML tree (plan_scanner.hpp, issue 12) against
// the toml++ path it stands in for: the same plan, every field and place, or
// the same errors, for every plan file the tests have and for the forms TOML
// allows that the scanner leaves to toml++.
#include <catch2/catch.hpp>
#include <filesystem>

#include "cycle/plan_file.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace cycle;

std::string fixed_text(const std::optional<date::sys_days>& d) {
    return d ? date::format("%F", *d) : "-";
}

// Everything a read plan holds, as lines, or its errors.
std::vector<std::string> described(const result<plan_file>& pf) {
    std::vector<std::string> out;
    if (!pf) {
        for (const auto& e : pf.errors())
            out.push_back("error " + e.to_string() + ": " + e.message);
        return out;
    }
    out.push_back("calendar " + pf->calendar_id + " " + pf->where.to_string());
    for (const auto& e : pf->entries) {
        out.push_back(
            e.to_string() + " " + date::format("%F", e.date) + " " + fixed_text(e.end_date) + " " +
            (e.start_time ? std::to_string(e.start_time->count()) : "-") + " " +
            (e.duration ? std::to_string(e.duration->count()) : "-") + " " + to_string(e.status) +
            (e.proposed ? " proposed" : "") + " [" + e.note + "] " + e.where.to_string());
        for (const auto& w : e.waivers)
            out.push_back("  waive " + w.rule + " [" + w.reason + "] " + w.where.to_string());
    }
    return out;
}

// Both readers on the same text; whether the scanner read it alone.
bool same_both_ways(const std::string& text, const calendar& cal) {
    auto fast = load_plan_string(text, "p.toml", cal);
    auto slow = detail::load_plan_string_toml(text, "p.toml", cal);
    CHECK(described(fast) == described(slow));
    return static_cast<bool>(fast);
}

const std::string header = "calendar = \"nya-perspektiv-2025-2028\"\n";
const std::string entry =
    "[[occurrence]]\nevent = \"local-dialogue\"\nmember = \"eda\"\nyear = 2026\n"
    "date = 2026-10-12\nstart = \"13:00\"\nduration = \"3h\"\n";

}  // namespace

TEST_CASE("the scanner reads every plan file of the tests as toml++ does", "[plan-file][scanner]") {
    int read = 0;
    const fs::path data = CYCLE_TEST_DATA;
    auto check_wheel = load_calendar_file(data / "plans/check-wheel.toml");
    auto wheel_2023 =
        load_calendar_file(fs::path(CYCLE_SOURCE_DIR) / "calendars/nya-perspektiv-2023.toml");
    REQUIRE(check_wheel);
    REQUIRE(wheel_2023);
    for (const auto& f : fs::directory_iterator(data / "golden")) {
        const std::string name = f.path().filename().string();
        if (name.size() < 10 || name.substr(name.size() - 10) != ".plan.toml") continue;
        const calendar& cal = name.rfind("check-wheel", 0) == 0             ? *check_wheel
                              : name.find("2023-2023") != std::string::npos ? *wheel_2023
                                                                            : default_calendar();
        INFO(name);
        CHECK(same_both_ways(test::read_file(f.path()), cal));  // the writer's shape: scanned
        ++read;
    }
    for (const auto& f : fs::directory_iterator(data / "plans")) {
        if (f.path().filename() == "check-wheel.toml") continue;
        INFO(f.path().filename().string());
        same_both_ways(test::read_file(f.path()), *check_wheel);
        ++read;
    }
    CHECK(read > 20);
}

TEST_CASE("the scanner reads the forms it knows, and leaves the rest to toml++",
          "[plan-file][scanner]") {
    const calendar& cal = default_calendar();
    // Read by the scanner: the same plan as toml++ reads.
    for (const std::string& text : std::vector<std::string>{
             header + entry,
             "# a comment: Årjäng – €\n\n" + header + "  " + entry +
                 "note = \"a \\\"b\\\" \\\\ c\\nd\\te\\r\"\n",
             header + "[[occurrence]]  # Eda\r\nevent=\"local-dialogue\"\r\nmember\t=\t\"eda\"\r\n"
                      "date = 2026-10-12   # vecka 42\r\nstatus = \"held\"\r\n",
             header + entry +
                 "[[occurrence.waive]]\nrule = \"weekend\"\nreason = \"Årjäng\"\n"
                 "[[occurrence.waive]]\nreason = \"b\"\nrule = \"closure\"\n" +
                 entry,
             header + entry + "status = \"proposed\"\nend = 2026-10-12",  // no final newline
             header + "\t[[occurrence]]\n\tevent = \"seminar\"\n\tdate\t=\t2026-05-05\n",
         }) {
        INFO(text);
        CHECK(same_both_ways(text, cal));
    }
    // Left to toml++ (or wrong): the same result, plan or errors.
    for (const std::string& text : std::vector<std::string>{
             "",
             header,
             entry,
             "calendar = \"other\"\n" + entry,
             header + header + entry,
             "\xEF\xBB\xBF" + header + entry,
             header + entry + "note = \"\\u00e5 \\b\"\n",
             header + entry + "note = '''literal'''\n",
             header + entry + "note = 'literal'\n",
             header + entry + "note = \"\"\"multi\nline\"\"\"\n",
             header + entry +
                 "note = \"a\x01"
                 "b\"\n",
             header + entry + "note = \"\x80\"\n",
             header + entry + "# \xC3\n",
             header + entry + "note = \"x\"# tight\n",
             header + entry + "note = \"unterminated\n",
             header + entry + "date = 2026-10-13\n",
             header + entry + "waive = []\n",
             header + entry + "unknown = 1\n",
             header + entry + "year = 02026\n",
             header + entry + "year = 2_026\n",
             header + entry + "year = +2026\n",
             header + "[[occurrence]]\nevent = \"local-dialogue\"\nmember = \"eda\"\ndate = "
                      "2026-10-12T10:00:00\n",
             header + "[[occurrence]]\nevent = \"local-dialogue\"\nmember = \"eda\"\ndate = "
                      "2026-10-12 10:00:00\n",
             header + "[[occurrence]]\nevent = \"local-dialogue\"\nmember = \"eda\"\ndate = "
                      "2026-02-30\n",
             header + "[[occurrence]]\nevent = \"local-dialogue\"\nmember = \"eda\"\ndate = "
                      "\"2026-10-12\"\n",
             header + "[[occurrence]]\nevent = \"local-dialogue\"\nmember = \"nobody\"\ndate = "
                      "2026-10-12\n",
             header + "[[occurrence]]\nevent = \"local-dialogue\"\nmember = \"eda\"\ndate = "
                      "2026-10-12\nyear = 2031\n",
             header + "[[ occurrence ]]\nevent = \"local-dialogue\"\nmember = \"eda\"\ndate = "
                      "2026-10-12\n",
             header + "[occurrence]\nevent = \"seminar\"\ndate = 2026-05-05\n",
             header + "occurrence = [{event = \"seminar\", date = 2026-05-05}]\n",
             header + "[[occurrence.waive]]\nrule = \"weekend\"\nreason = \"x\"\n" + entry,
             header + entry + "[[occurrence.waive]]\nrule = \"Weekend\"\nreason = \"x\"\n",
             header + entry + "[[occurrence.waive]]\nrule = \"weekend\"\nreason = \" \"\n",
             header + entry + "[[occurrence.waive]]\nrule = \"weekend\"\n",
             header + entry + "\rnote = \"x\"\n",
             header + entry + "note.x = \"x\"\n",
             header + entry + "start = \"25:00\"\n",
             header + entry + "duration = \"1000h\"\n",
         }) {
        INFO(text);
        same_both_ways(text, cal);
    }
}
