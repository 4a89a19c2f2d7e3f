// The "svg" exporter: the wheel of one cycle year as an A4 SVG picture
// (docs/publish.md, "The wheel"). Sees only libcycle's public API.
//
//   cycle export svg --year 2027 --out wheel-2027.svg
//   cycle export svg --cycle --out wheels/        # wheel-2025.svg ... wheel-2028.svg
//   cycle export svg --audience eda --param today=2026-09-15
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <set>
#include <sstream>

#include "cycle/plan.hpp"
#include "cycle/plugin.hpp"
#include "cycle/texts.hpp"
#include "wheel_layout.hpp"
#include "wheel_svg.hpp"

namespace cycle::svg {
namespace {

struct svg_settings {
    std::optional<date::sys_days> today;
};

result<svg_settings> settings_of(const export_options& options) {
    svg_settings s;
    for (const auto& p : options.parameters) {
        auto eq = p.find('=');
        std::string key = p.substr(0, eq);
        std::string value = eq == std::string::npos ? "" : p.substr(eq + 1);
        if (key == "today") {
            std::istringstream in(value);
            date::sys_days d;
            in >> date::parse("%F", d);
            if (in.fail() || in.peek() != std::char_traits<char>::eof())
                return error{fmt::format("today: expected a day as YYYY-MM-DD, got '{}'", value),
                             {"--param"}};
            s.today = d;
        } else {
            return error{
                fmt::format("unknown parameter '{}' for svg; known: today=YYYY-MM-DD", key),
                {"--param"}};
        }
    }
    return s;
}

std::set<int> cycle_years_of(const plan& p) {
    std::set<int> years;
    for (const auto& o : p.occurrences) years.insert(o.cycle_year);
    if (years.empty()) years.insert(p.first_year);
    return years;
}

class svg_exporter final : public exporter {
public:
    std::string name() const override { return "svg"; }
    std::string description() const override {
        return "The wheel of a cycle year as an A4 SVG picture (docs/publish.md)";
    }

    result<std::string> write(const calendar& cal, const plan& p,
                              const export_options& options) const override {
        auto settings = settings_of(options);
        if (!settings) return settings.errors();
        auto years = cycle_years_of(p);
        if (years.size() > 1)
            return error{
                "the wheel shows one cycle year: give --year, or --cycle with --out DIR for one "
                "wheel per year",
                {"--out"}};
        return wheel(cal, p, *years.begin(), options.audience, *settings);
    }

    // One wheel per cycle year and audience: with several years, --out is a
    // directory of wheel-YEAR.svg (with --all-audiences, all-YEAR.svg and
    // ID-YEAR.svg).
    result<std::vector<export_output>> write_all(const calendar& cal, const plan& p,
                                                 const export_options& options) const override {
        auto years = cycle_years_of(p);
        if (years.size() == 1) return exporter::write_all(cal, p, options);
        if (options.out == "-")
            return error{"--cycle makes one wheel per cycle year: give a directory with --out",
                         {"--out"}};
        auto settings = settings_of(options);
        if (!settings) return settings.errors();
        std::filesystem::path dir(options.out);
        std::vector<std::pair<std::string, std::string>> audiences;  // (file prefix, audience)
        if (options.all_audiences) {
            audiences.emplace_back("all", "");
            for (const auto& b : cal.bodies) audiences.emplace_back(b.id, b.id);
        } else {
            audiences.emplace_back(options.audience.empty() ? "wheel" : options.audience,
                                   options.audience);
        }
        std::vector<export_output> out;
        for (const auto& [prefix, audience] : audiences)
            for (int y : years) {
                auto text = wheel(cal, p, y, audience, *settings);
                if (!text) return text.errors();
                out.push_back({(dir / fmt::format("{}-{}.svg", prefix, y)).string(),
                               std::move(text).value()});
            }
        return out;
    }

private:
    static result<std::string> wheel(const calendar& cal, const plan& p, int year,
                                     const std::string& audience, const svg_settings& settings) {
        const texts& t = texts_for(cal.language);
        std::vector<occurrence> chosen;
        for (const auto& o : p.occurrences)
            if (o.cycle_year == year && (audience.empty() || concerns(cal, o, audience)))
                chosen.push_back(o);
        auto l = make_layout(cal, chosen, year, settings.today, t);
        wheel_heading h;
        h.title = cal.title;
        int number = year - cal.first_year + 1;
        h.subtitle =
            number >= 1 && number <= cal.cycle_length()
                ? fmt::format(fmt::runtime(std::string(t.cycle_year)), number, cal.cycle_length()) +
                      fmt::format(" · {}", year)
                : std::to_string(year);
        if (!audience.empty()) h.subtitle += " · " + cal.body_label(audience);
        h.today = settings.today;
        return draw(l, h, t);
    }
};

void register_svg(registry& r) {
    r.add_exporter(std::make_unique<svg_exporter>());
}

}  // namespace
}  // namespace cycle::svg

extern "C" const cycle_plugin_info* cycle_svg_plugin_info() {
    static const cycle_plugin_info info{CYCLE_PLUGIN_API_VERSION, "svg", "1.0.0",
                                        "The wheel as an A4 SVG picture",
                                        &cycle::svg::register_svg};
    return &info;
}
