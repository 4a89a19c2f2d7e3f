#include "county_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "cycle/occurrence_id.hpp"
#include "cycle/text.hpp"

namespace cycle::cli {
namespace {

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Columns of display text: UTF-8 characters, not bytes.
std::size_t width(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string cell_text(const county_cell& c) {
    if (c.rules.empty()) return c.status;
    return fmt::format("{} [{}]", c.status, fmt::join(c.rules, ", "));
}

}  // namespace

std::optional<county_view> make_county_view(const calendar& cal, const plan_file& plan,
                                            const std::vector<std::string>& plans,
                                            const std::vector<std::string>& calendar_ids,
                                            const findings& found, bool strict) {
    county_view v;
    std::map<std::string, std::string> prefix_of;  // plan file -> "eda:"
    for (std::size_t i = 0; i < plans.size() && i < calendar_ids.size(); ++i) {
        if (calendar_ids[i] == cal.id) continue;
        for (const auto& inc : cal.includes)
            if (inc.calendar_id == calendar_ids[i]) {
                prefix_of[plans[i]] = inc.prefix + ":";
                break;
            }
        v.rows.push_back({plans[i], calendar_ids[i], {}});
    }
    if (v.rows.empty()) return std::nullopt;

    // The county's events: those a municipal plan dates that are not its own.
    std::set<std::pair<std::string, std::string>> dated;  // (file, event)
    std::set<std::string> events;
    for (const auto& e : plan.entries) {
        auto p = prefix_of.find(e.where.file);
        if (p == prefix_of.end() || starts_with(e.event, p->second)) continue;
        events.insert(e.event);
        dated.insert({e.where.file, e.event});
    }
    v.events.assign(events.begin(), events.end());
    std::stable_sort(v.events.begin(), v.events.end(), [&](const auto& a, const auto& b) {
        return cal.event_index(a) < cal.event_index(b);
    });

    for (auto& row : v.rows) {
        for (const auto& event : v.events) {
            county_cell cell{dated.count({row.plan, event}) ? "keeps" : "-", {}};
            if (cell.status == "-") {
                row.cells.push_back(cell);
                continue;
            }
            std::set<std::string> rules;
            for (const auto& f : found) {
                if (f.waived || f.where.file != row.plan) continue;
                auto id = occurrence_id::parse(f.occurrence);
                if (!id || id->event != event) continue;
                const bool breaks =
                    f.level == severity::error || (strict && f.level == severity::warning);
                if (breaks)
                    cell.status = "breaks";
                else if (f.level == severity::warning && cell.status == "keeps")
                    cell.status = "warns";
                else
                    continue;
                rules.insert(f.rule);
            }
            cell.rules.assign(rules.begin(), rules.end());
            row.cells.push_back(std::move(cell));
        }
    }
    return v;
}

std::string format_county_text(const county_view& v) {
    std::vector<std::vector<std::string>> table;
    table.push_back({"county view"});
    for (const auto& e : v.events) table.front().push_back(e);
    for (const auto& row : v.rows) {
        std::vector<std::string> line{printable(row.plan)};
        for (const auto& c : row.cells) line.push_back(cell_text(c));
        table.push_back(std::move(line));
    }
    std::vector<std::size_t> widths(table.front().size(), 0);
    for (const auto& line : table)
        for (std::size_t i = 0; i < line.size(); ++i)
            widths[i] = std::max(widths[i], width(line[i]));
    std::string out = "\n";
    for (const auto& line : table) {
        std::string text;
        for (std::size_t i = 0; i < line.size(); ++i) {
            text += line[i];
            if (i + 1 < line.size()) text += std::string(widths[i] - width(line[i]) + 2, ' ');
        }
        out += text + '\n';
    }
    return out;
}

std::string format_county_junit_suite(const county_view& v, std::size_t& tests,
                                      std::size_t& failures) {
    std::string cases;
    std::size_t suite_tests = 0, suite_failures = 0;
    for (const auto& row : v.rows)
        for (std::size_t i = 0; i < v.events.size(); ++i) {
            const county_cell& c = row.cells[i];
            if (c.status == "-") continue;
            ++suite_tests;
            std::string name = xml_escape(fmt::format("{} {}", row.plan, v.events[i]));
            if (c.status == "breaks") {
                ++suite_failures;
                cases += fmt::format(
                    "    <testcase classname=\"county view\" name=\"{}\">\n"
                    "      <failure message=\"{}\" type=\"breaks\"/>\n    </testcase>\n",
                    name, xml_escape(cell_text(c)));
            } else {
                cases += fmt::format(
                    "    <testcase classname=\"county view\" name=\"{}\">\n"
                    "      <system-out>{}</system-out>\n    </testcase>\n",
                    name, xml_escape(cell_text(c)));
            }
        }
    tests += suite_tests;
    failures += suite_failures;
    return fmt::format(
        "  <testsuite name=\"county view\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
        "skipped=\"0\">\n{}  </testsuite>\n",
        suite_tests, suite_failures, cases);
}

}  // namespace cycle::cli
