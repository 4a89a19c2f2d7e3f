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

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cycle::ical {

// A TEXT value with \\, \;, \, and \n escaped and other control characters dropped.
std::string escape_text(std::string_view text);
// The same, appended to `out`.
void append_escaped_text(std::string& out, std::string_view text);

// A list of TEXT values (CATEGORIES), each escaped, joined by commas.
std::string escape_text_list(const std::vector<std::string>& values);

// A parameter value: quoted when it holds ':', ';' or ','; double quotes and
// control characters (which a parameter value cannot hold) dropped.
std::string param_value(std::string_view value);

// A URI or other non-TEXT value: control characters dropped.
std::string strip_controls(std::string_view value);

// One logical line ("NAME;PARAM=x:value"), folded at 75 octets, with CRLF.
std::string fold(std::string_view line);
// The same, appended to `out`.
void append_folded(std::string& out, std::string_view line);

// Builds a component's content lines: name, parameters, value (already
// escaped as its type needs). Lines are folded into one growing text, with
// no allocation per line once its buffers have grown.
class content_lines {
public:
    using params = std::initializer_list<std::pair<std::string_view, std::string_view>>;
    void add(std::string_view name, std::string_view value) { add(name, {}, value); }
    void add(std::string_view name, params parameters, std::string_view value);
    void add_text(std::string_view name, std::string_view text);
    void append(const content_lines& other) { text_ += other.text_; }
    const std::string& str() const { return text_; }
    // Empties the text and keeps its buffer, for the next component.
    void clear() { text_.clear(); }

private:
    void begin_line(std::string_view name, params parameters);
    std::string text_;
    std::string line_;  // the line being built, unfolded
};

}  // namespace cycle::ical
