// text.hpp — text from outside, made safe for the file or screen it goes to.
//
// Titles, names and notes come from calendars, plan files, .ics files and the
// command line. Before any of them is written into a generated file or a
// terminal, it is made valid UTF-8 and its control characters are shown, not
// obeyed: a newline in a title must not end a TOML comment and start a key.
//
//   cycle::valid_utf8("Eda\x80")        == "Eda\uFFFD"
//   cycle::printable("a\nb\x1b[31m")   == "a\\nb\\x1b[31m"
//   cycle::xml_escape("<a href='x'>")  == "&lt;a href=&apos;x&apos;&gt;"
#pragma once

#include <string>
#include <string_view>

namespace cycle {

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or
// code points past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// `text` with each invalid byte replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

// valid_utf8(text) with control characters (U+0000–U+001F, U+007F) written
// as escapes: "\n", "\r", "\t", "\x1b". For terminals and one-line
// comments; a backslash stays as it is.
std::string printable(std::string_view text);

// valid_utf8(text) made safe as XML 1.0 or HTML text and as an attribute value
// in either quote: & < > " ' become entities; a carriage return becomes
// "&#13;" (a parser would fold it); control characters XML forbids
// (U+0000–U+001F other than tab and newline) and the non-characters U+FFFE,
// U+FFFF become U+FFFD. The result is always well-formed XML character data.
// The SVG wheel, the published site and JUnit findings all use this one.
std::string xml_escape(std::string_view text);

}  // namespace cycle
