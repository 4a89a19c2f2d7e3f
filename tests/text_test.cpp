// cycle/text.hpp: the one XML/HTML escaper (the SVG wheel, the site's pages
// and JUnit findings use it). Checked by hand on the awkward cases, and by an
// independent XML parser (expat, through Debian's python3) on every byte and
// on broken UTF-8: whatever goes in, the output parses, and reads back as the
// text with only the characters XML cannot hold replaced.
#include "cycle/text.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "support.hpp"

namespace {

using cycle::xml_escape;
const std::string fffd = "\xEF\xBF\xBD";

// What a parser reads back from xml_escape(s).
std::string expected(std::string_view s) {
    std::string out;
    const std::string valid = cycle::valid_utf8(s);
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const auto c = static_cast<unsigned char>(valid[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out += fffd;
        } else if (valid.compare(i, 3, "\xEF\xBF\xBE") == 0 ||
                   valid.compare(i, 3, "\xEF\xBF\xBF") == 0) {
            out += fffd;
            i += 2;
        } else {
            out += valid[i];
        }
    }
    return out;
}

std::string hex(std::string_view s) {
    std::string out;
    for (unsigned char c : s) out += fmt::format("{:02x}", c);
    return out;
}

}  // namespace

TEST_CASE("xml_escape: markup, both quotes, and a carriage return kept as a reference", "[text]") {
    CHECK(xml_escape("<a href='x' title=\"y\">R&D</a>") ==
          "&lt;a href=&apos;x&apos; title=&quot;y&quot;&gt;R&amp;D&lt;/a&gt;");
    CHECK(xml_escape("Årjäng – Säffle") == "Årjäng – Säffle");
    CHECK(xml_escape("a\tb\nc\rd") == "a\tb\nc&#13;d");
    CHECK(xml_escape("&amp;") == "&amp;amp;");  // escaped again, never trusted
    CHECK(xml_escape("") == "");
}

TEST_CASE("xml_escape: control characters and broken UTF-8 become U+FFFD, never bytes XML forbids",
          "[text]") {
    CHECK(xml_escape(std::string("a\0b", 3)) == "a" + fffd + "b");
    CHECK(xml_escape("bell\x07 esc\x1b[31m") == "bell" + fffd + " esc" + fffd + "[31m");
    CHECK(xml_escape("Eda\x80") == "Eda" + fffd);                  // a lone continuation byte
    CHECK(xml_escape("\xC3") == fffd);                             // a sequence cut short
    CHECK(xml_escape("\xC0\xBC") == fffd + fffd);                  // an overlong '<' stays text
    CHECK(xml_escape("\xED\xA0\x80") == fffd + fffd + fffd);       // a surrogate
    CHECK(xml_escape("\xEF\xBF\xBE\xEF\xBF\xBF") == fffd + fffd);  // non-characters
    CHECK(xml_escape("\x7f\xC2\x85") == "\x7f\xC2\x85");           // allowed in XML 1.0
    for (int c = 0; c < 0x20; ++c) {
        const std::string out = xml_escape(std::string(1, char(c)));
        for (unsigned char b : out) CHECK((b >= 0x20 || b == '\t' || b == '\n'));
    }
}

TEST_CASE("xml_escape: an XML parser reads every escaped byte and broken sequence back", "[text]") {
    std::vector<std::string> inputs;
    for (int c = 0; c < 256; ++c) inputs.emplace_back(1, char(c));
    inputs.push_back("a<b>&\"'\r\n\t c");
    inputs.push_back("\xF4\x90\x80\x80 past U+10FFFF");
    inputs.push_back("\xF0\x9F\x93\x85 kalender");
    inputs.push_back("]]> <![CDATA[ x ]]>");
    inputs.push_back("\xE2\x82 cut, \xE2\x82\xAC whole");
    std::string doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<doc>\n";
    for (const auto& s : inputs) {
        const std::string e = xml_escape(s);
        REQUIRE(cycle::is_valid_utf8(e));
        doc += fmt::format("<t a=\"{}\" b='{}'>{}</t>\n", e, e, e);
    }
    doc += "</doc>\n";
    cycle::test::temp_dir dir;
    cycle::test::write_file(dir / "doc.xml", doc);
    // expat (strict XML 1.0) prints each element's text as hex, one a line.
    const auto r = cycle::test::run(
        "/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as ET\n"
        "for t in ET.parse(sys.argv[1]).getroot():\n"
        "    assert t.get(\"a\") == t.get(\"b\")\n"
        "    print((t.text or \"\").encode(\"utf-8\").hex())' " +
        cycle::test::quoted((dir / "doc.xml").string()));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::istringstream lines(r.out);
    std::size_t n = 0;
    for (std::string line; std::getline(lines, line); ++n) {
        REQUIRE(n < inputs.size());
        INFO("input " << hex(inputs[n]));
        CHECK(line == hex(expected(inputs[n])));
    }
    CHECK(n == inputs.size());
}
