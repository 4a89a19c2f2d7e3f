// publish-feed: a municipality's own system publishes its iCalendar feed
// and checks its plan with libcycle and the built-in plugins
// (cycle::plugins), without the `cycle` command.
//
//   publish-feed eda out/eda.ics                  # the whole cycle, planned
//   publish-feed eda out/eda.ics plans/2026.toml  # with the dates fixed in a plan file
//
// A plan file is checked first (the deadlines checker, as `cycle check
// --partial`): findings go to standard error, and errors stop the publish
// (exit 1). The feed's state (SEQUENCE and LAST-MODIFIED, docs/feeds.md) is
// kept in feed-state.tsv next to the feed, so that a date moved in the plan
// file updates the event in every subscriber's calendar. Exit 2: bad input.
#include <cstdio>
#include <cycle/builtin_plugins.hpp>
#include <cycle/calendar.hpp>
#include <cycle/plan.hpp>
#include <cycle/plan_file.hpp>
#include <cycle/plugin.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>

namespace {

int fail(const cycle::errors& errs, int status) {
    for (const auto& e : errs) std::cerr << e.to_string() << '\n';
    return status;
}

// Writes a file whole: into a temporary file next to it, then renamed over it.
bool write_whole(const std::string& path, const std::string& text) {
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!(out << text) || !out.flush()) return false;
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    return !ec;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4) {
        std::cerr << "usage: publish-feed AUDIENCE FEED.ics [PLAN.toml]\n";
        return 2;
    }
    const std::string audience = argv[1], feed = argv[2];
    const cycle::calendar& cal = cycle::default_calendar();
    if (!cal.find_body(audience)) {
        std::cerr << "error: '" << audience << "' is not a body of " << cal.id << '\n';
        return 2;
    }

    // The built-in plugins: the ics exporter and the deadlines checker.
    cycle::registry plugins;
    cycle::add_builtin_plugins(plugins);
    auto holidays = plugins.holidays_for(cal);  // the calendar's: "se"
    if (!holidays) return fail(holidays.errors(), 2);

    std::optional<cycle::plan_file> fixed;
    if (argc == 4) {
        auto read = cycle::load_plan_file(argv[3], cal);
        if (!read) return fail(read.errors(), 2);
        fixed = std::move(read).value();
        cycle::check_options options;
        options.partial = true;  // the planner proposes what the file leaves out
        options.holidays = *holidays;
        bool broken = false;
        for (const auto& checker : plugins.checkers())
            for (const auto& f : checker->check(cal, *fixed, options)) {
                std::cerr << f.to_string() << '\n';
                broken = broken || (f.level == cycle::severity::error && !f.waived);
            }
        if (broken) {
            std::cerr << "not published: the plan breaks the rules above\n";
            return 1;
        }
    }

    cycle::plan_request request;
    request.fixed = fixed ? &*fixed : nullptr;  // the whole cycle
    request.holidays = *holidays;
    auto plan = cycle::make_plan(cal, request);
    if (!plan) return fail(plan.errors(), 1);

    // One feed to a file: the exporter reads feed-state.tsv next to it and
    // gives back the feed and the new state, both written here.
    cycle::export_options options;
    options.audience = audience;
    options.out = feed;
    auto outputs = plugins.find_exporter("ics")->write_all(cal, *plan, options);
    if (!outputs) return fail(outputs.errors(), 2);
    for (const auto& o : *outputs)
        if (!write_whole(o.path, o.text)) {
            std::perror(o.path.c_str());
            return 2;
        }
    std::cout << "published " << feed << " for " << cal.body_label(audience) << '\n';
    return 0;
}
