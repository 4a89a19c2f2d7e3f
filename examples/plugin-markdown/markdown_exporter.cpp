// The "markdown" exporter: a plan as an agenda list in Markdown, one section
// per month, for an intranet page or a meeting invitation.
//
//   # Nya perspektiv – årshjul 2025–2028: 2026
//
//   ## 2026-09
//
//   - **2026-09-04** (v. 36): Lokal dialog – Eda kommun
#include <cycle/plan.hpp>
#include <cycle/plugin.hpp>
#include <memory>
#include <sstream>
#include <string>

namespace {

// Markdown's inline specials escaped, so titles stay text.
std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// "09:00"
std::string clock(std::chrono::minutes m) {
    const auto h = m.count() / 60, min = m.count() % 60;
    std::string text = "00:00";
    text[0] = static_cast<char>('0' + h / 10);
    text[1] = static_cast<char>('0' + h % 10);
    text[3] = static_cast<char>('0' + min / 10);
    text[4] = static_cast<char>('0' + min % 10);
    return text;
}

class markdown_exporter final : public cycle::exporter {
public:
    std::string name() const override { return "markdown"; }
    std::string description() const override { return "The plan as an agenda list in Markdown"; }

    cycle::result<std::string> write(const cycle::calendar& cal, const cycle::plan& p,
                                     const cycle::export_options& options) const override {
        std::vector<cycle::occurrence> items = p.occurrences;
        if (!options.audience.empty()) {
            if (!cal.find_body(options.audience))
                return cycle::error{"unknown audience '" + options.audience + "'", cal.where};
            items = cycle::select(cal, p, {.audience = options.audience, .from = {}, .to = {}});
        }
        std::ostringstream md;
        md << "# " << escaped(cal.title) << ": " << p.first_year;
        if (p.last_year != p.first_year) md << "–" << p.last_year;
        md << "\n";
        if (!options.audience.empty())
            md << "\nFor " << escaped(cal.body_label(options.audience)) << ".\n";
        std::string month;
        for (const auto& o : items) {
            if (auto m = date::format("%Y-%m", o.date); m != month) {
                md << "\n## " << m << "\n\n";
                month = m;
            }
            md << "- **" << date::format("%F", o.date) << "**";
            if (o.end_date != o.date) md << "–**" << date::format("%F", o.end_date) << "**";
            md << " (" << cycle::week_label(o.date);
            if (o.start_time) md << ", " << clock(*o.start_time);
            md << "): " << escaped(cycle::title_of(cal, o));
            if (!o.organiser.empty()) md << " — " << escaped(cal.body_label(o.organiser));
            if (o.status == cycle::occurrence_status::cancelled) md << " *(inställt)*";
            md << "\n";
        }
        if (items.empty()) md << "\nNothing planned.\n";
        return md.str();
    }
};

void register_markdown(cycle::registry& r) {
    r.add_exporter(std::make_unique<markdown_exporter>());
}

const cycle_plugin_info markdown_plugin{CYCLE_PLUGIN_API_VERSION, "markdown", PLUGIN_VERSION,
                                        "Agenda lists in Markdown", &register_markdown};

}  // namespace

CYCLE_PLUGIN_ENTRY_POINT(markdown_plugin)
