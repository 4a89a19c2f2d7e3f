#include "content_line.hpp"

namespace cycle::ical {
namespace {

bool is_control(unsigned char c) {
    return c < 0x20 || c == 0x7f;
}

}  // namespace

// The bytes escape_text changes or drops, looked up rather than compared
// one by one: a feed escapes most of its bytes (issue 12).
namespace {
struct special_bytes {
    bool is[256] = {};
    constexpr special_bytes() {
        for (int c = 0; c < 0x20; ++c) is[c] = true;
        is[0x7f] = is[static_cast<unsigned char>('\\')] = is[static_cast<unsigned char>(';')] =
            is[static_cast<unsigned char>(',')] = true;
    }
};
constexpr special_bytes text_specials;
}  // namespace

void append_escaped_text(std::string& out, std::string_view text) {
    std::size_t plain = 0;  // the start of a run of bytes copied as they are
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (!text_specials.is[c]) continue;
        out.append(text.substr(plain, i - plain));
        plain = i + 1;
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF: one newline
                out += "\\n";
                break;
            case '\t':
                out += ' ';
                break;
            default:
                break;  // other control characters are dropped
        }
    }
    out.append(text.substr(plain));
}

std::string escape_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_escaped_text(out, text);
    return out;
}

std::string escape_text_list(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += ',';
        out += escape_text(v);
    }
    return out;
}

std::string param_value(std::string_view value) {
    std::string clean;
    bool quote = false;
    for (unsigned char c : value) {
        if (c == '"' || is_control(c)) continue;
        if (c == ':' || c == ';' || c == ',') quote = true;
        clean += static_cast<char>(c);
    }
    return quote ? "\"" + clean + "\"" : clean;
}

std::string strip_controls(std::string_view value) {
    std::string out;
    for (unsigned char c : value)
        if (!is_control(c)) out += static_cast<char>(c);
    return out;
}

std::string fold(std::string_view line) {
    std::string out;
    append_folded(out, line);
    return out;
}

void append_folded(std::string& out, std::string_view line) {
    constexpr std::size_t max_octets = 75;
    std::size_t pos = 0;
    bool first = true;
    while (true) {
        const std::size_t room = first ? max_octets : max_octets - 1;  // the leading space
        if (line.size() - pos <= room) {
            if (!first) out += ' ';
            out.append(line.substr(pos));
            out += "\r\n";
            return;
        }
        std::size_t cut = pos + room;
        // Never between the bytes of one UTF-8 character: back up to its lead byte.
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        // A run of continuation bytes with no lead byte (invalid UTF-8) has no
        // character boundary to back up to: cut where the octets run out, so
        // the loop always moves on.
        if (cut == pos) cut = pos + room;
        if (!first) out += ' ';
        out.append(line.substr(pos, cut - pos));
        out += "\r\n";
        pos = cut;
        first = false;
    }
}

void content_lines::begin_line(std::string_view name, params parameters) {
    line_.assign(name);
    for (const auto& [key, v] : parameters) {
        line_ += ';';
        line_ += key;
        line_ += '=';
        line_ += param_value(v);
    }
    line_ += ':';
}

void content_lines::add(std::string_view name, params parameters, std::string_view value) {
    begin_line(name, parameters);
    line_ += value;
    append_folded(text_, line_);
}

void content_lines::add_text(std::string_view name, std::string_view text) {
    begin_line(name, {});
    append_escaped_text(line_, text);
    append_folded(text_, line_);
}

}  // namespace cycle::ical
