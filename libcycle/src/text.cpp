#include "cycle/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace cycle {
namespace {

// Length of the valid UTF-8 sequence at text[i], or 0 if there is none.
std::size_t sequence_at(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c == 0xE0)
        n = 3, low = 0xA0;
    else if (c == 0xED)
        n = 3, high = 0x9F;  // no surrogates
    else if (c >= 0xE1 && c <= 0xEF)
        n = 3;
    else if (c == 0xF0)
        n = 4, low = 0x90;
    else if (c == 0xF4)
        n = 4, high = 0x8F;  // not past U+10FFFF
    else if (c >= 0xF1 && c <= 0xF3)
        n = 4;
    else
        return 0;
    if (i + n > text.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    return n;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequence_at(text, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string valid_utf8(std::string_view text) {
    if (is_valid_utf8(text)) return std::string(text);  // the usual case: one copy
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequence_at(text, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string printable(std::string_view text) {
    // The usual case, a title of printable text, is returned as it is (a
    // plan file has one per occurrence).
    if (std::none_of(text.begin(), text.end(),
                     [](char ch) {
                         const auto c = static_cast<unsigned char>(ch);
                         return c < 0x20 || c == 0x7f;
                     }) &&
        is_valid_utf8(text))
        return std::string(text);
    std::string out;
    for (char ch : valid_utf8(text)) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (c < 0x20 || c == 0x7f)
            out += fmt::format("\\x{:02x}", c);
        else
            out += ch;
    }
    return out;
}

std::string xml_escape(std::string_view text) {
    static constexpr std::string_view replacement = "\xEF\xBF\xBD";
    const std::string valid = valid_utf8(text);
    std::string out;
    out.reserve(valid.size());
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const char ch = valid[i];
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&':
                out += "&amp;";
                continue;
            case '<':
                out += "&lt;";
                continue;
            case '>':
                out += "&gt;";
                continue;
            case '"':
                out += "&quot;";
                continue;
            case '\'':
                out += "&apos;";
                continue;
            case '\r':
                out += "&#13;";
                continue;
            case '\t':
            case '\n':
                out += ch;
                continue;
            default:
                break;
        }
        if (c < 0x20) {
            out += replacement;
        } else if (c == 0xEF && i + 2 < valid.size() && valid[i + 1] == '\xBF' &&
                   (valid[i + 2] == '\xBE' || valid[i + 2] == '\xBF')) {
            out += replacement;  // U+FFFE, U+FFFF: not XML characters
            i += 2;
        } else {
            out += ch;
        }
    }
    return out;
}

}  // namespace cycle
