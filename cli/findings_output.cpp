#include "findings_output.hpp"

#include "cycle/text.hpp"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

namespace cycle::cli {
namespace {

bool fails(const finding& f, bool strict) {
    if (f.waived) return false;
    return f.level == severity::error || (strict && f.level == severity::warning);
}

std::string plural(std::size_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string summary_line(const check_summary& s) {
    std::vector<std::string> parts;
    if (s.errors) parts.push_back(plural(s.errors, "error"));
    if (s.warnings) parts.push_back(plural(s.warnings, "warning"));
    if (s.notes) parts.push_back(plural(s.notes, "note"));
    if (s.waived) parts.push_back(fmt::format("{} waived", s.waived));
    return fmt::format(
        "cycle check: {} in {} ({}){}\n",
        parts.empty() ? std::string("no findings") : fmt::format("{}", fmt::join(parts, ", ")),
        plural(s.plans.size(), "plan file"), plural(s.occurrences, "occurrence"),
        s.exit_code ? (s.errors ? "" : " — failing: --strict") : "");
}

// GitHub workflow commands: message data and property values are escaped.
std::string github_data(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '%')
            out += "%25";
        else if (c == '\r')
            out += "%0D";
        else if (c == '\n')
            out += "%0A";
        else
            out += c;
    }
    return out;
}

std::string github_property(const std::string& s) {
    std::string out;
    for (char c : github_data(s)) {
        if (c == ':')
            out += "%3A";
        else if (c == ',')
            out += "%2C";
        else
            out += c;
    }
    return out;
}

std::string xml(const std::string& s) {
    return xml_escape(s);
}

}  // namespace

check_summary summarize(const findings& found, check_summary s) {
    for (const auto& f : found) {
        if (f.waived)
            ++s.waived;
        else if (f.level == severity::error)
            ++s.errors;
        else if (f.level == severity::warning)
            ++s.warnings;
        else
            ++s.notes;
        if (fails(f, s.strict)) s.exit_code = 1;
    }
    return s;
}

std::string format_text(const findings& found, const check_summary& s,
                        const county_view* county) {
    std::string out;
    for (const auto& f : found) out += printable(f.to_string()) + '\n';  // shown, not obeyed
    if (county) out += format_county_text(*county);
    return out + summary_line(s);
}

std::string format_github(const findings& found, const check_summary& s,
                          const county_view* county) {
    std::string out;
    for (const auto& f : found) {
        const char* command = f.waived                       ? "notice"
                              : f.level == severity::error   ? "error"
                              : f.level == severity::warning ? "warning"
                                                             : "notice";
        std::string props = fmt::format("file={}", github_property(f.where.file));
        if (f.where.line) props += fmt::format(",line={}", f.where.line);
        if (f.where.column) props += fmt::format(",col={}", f.where.column);
        props += fmt::format(",title={}", github_property(fmt::format("cycle check [{}]", f.rule)));
        std::string message = f.message;
        if (f.waived) message = fmt::format("waived: {} (reason: {})", message, f.waiver_reason);
        out += fmt::format("::{} {}::{}\n", command, props, github_data(message));
    }
    if (county) out += format_county_text(*county);  // plain lines in the job's log
    return out + summary_line(s);
}

std::string format_junit(const findings& found, const check_summary& s,
                         const county_view* county) {
    // One test suite per file; one test case per finding, and one passing
    // case for a plan file without findings.
    std::map<std::string, std::vector<const finding*>> by_file;
    for (const auto& p : s.plans) by_file[p];
    for (const auto& f : found) by_file[f.where.file].push_back(&f);
    std::size_t tests = 0, failures = 0, skipped = 0;
    std::string suites;
    for (const auto& [file, list] : by_file) {
        std::string cases;
        std::size_t suite_failures = 0, suite_skipped = 0;
        for (const finding* f : list) {
            std::string name = fmt::format("[{}] {}", f->rule, f->where.to_string());
            std::string body;
            if (f->waived) {
                ++suite_skipped;
                body = fmt::format("      <skipped message=\"{}\"/>\n",
                                   xml("waived: " + f->waiver_reason));
            } else if (fails(*f, s.strict)) {
                ++suite_failures;
                body = fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                                   xml(f->message), xml(to_string(f->level)), xml(f->to_string()));
            }
            body += fmt::format("      <system-out>{}</system-out>\n", xml(f->to_string()));
            cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\">\n{}    </testcase>\n",
                                 xml(file), xml(name), body);
        }
        std::size_t suite_tests = list.size();
        if (list.empty()) {
            suite_tests = 1;
            cases += fmt::format("    <testcase classname=\"{}\" name=\"{}: no findings\"/>\n",
                                 xml(file), xml(file));
        }
        tests += suite_tests;
        failures += suite_failures;
        skipped += suite_skipped;
        suites += fmt::format(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
            "skipped=\"{}\">\n{}  </testsuite>\n",
            xml(file), suite_tests, suite_failures, suite_skipped, cases);
    }
    if (county) suites += format_county_junit_suite(*county, tests, failures);
    return fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"cycle check\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
        "skipped=\"{}\">\n{}</testsuites>\n",
        tests, failures, skipped, suites);
}

}  // namespace cycle::cli
