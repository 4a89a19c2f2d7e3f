// content_line.hpp — RFC 5545 content lines, byte by byte (section 3.1, 3.3.11).
//
// Every line ends in CRLF and is folded so that no line is longer than 75
// octets: a continuation line starts with one space. A fold never splits a
// UTF-8 character. TEXT values escape backslash, semicolon, comma and
// newline; other control characters are dropped, so text from a calendar or
// plan can never start a new property or component:
//
//   escape_text("Hur går det?\nBEGIN:VEVENT")  -> "Hur går det?\\nBEGIN:VEVENT"
//   fold("SUMMARY:" + 80 × "å") -> "SUMMARY:åååå…\r\n åå…\r\n" (each line ≤ 75 octets)
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cycle::ical {

// A TEXT value with \\, \;, \, and \n escaped and other control characters dropped.
std::string escape_text(std::string_view text);

// A list of TEXT values (CATEGORIES), each escaped, joined by commas.
std::string escape_text_list(const std::vector<std::string>& values);

// A parameter value: quoted when it holds ':', ';' or ','; double quotes and
// control characters (which a parameter value cannot hold) dropped.
std::string param_value(std::string_view value);

// A URI or other non-TEXT value: control characters dropped.
std::string strip_controls(std::string_view value);

// One logical line ("NAME;PARAM=x:value"), folded at 75 octets, with CRLF.
std::string fold(std::string_view line);

// Builds a component's content lines: name, parameters, value (already
// escaped as its type needs).
class content_lines {
public:
    void add(std::string_view name, std::string_view value);
    void add(std::string_view name, const std::vector<std::pair<std::string, std::string>>& params,
             std::string_view value);
    void add_text(std::string_view name, std::string_view text) { add(name, escape_text(text)); }
    void append(const content_lines& other) { text_ += other.text_; }
    const std::string& str() const { return text_; }

private:
    std::string text_;
};

}  // namespace cycle::ical
