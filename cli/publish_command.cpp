// cycle publish and cycle serve: the CLI side. The site is made by
// site/publish.hpp and served by site/serve.hpp; here only arguments,
// calls and messages.
#include <date/tz.h>
#include <fmt/format.h>

#include <iostream>
#include <sstream>

#include "calendar_choice.hpp"
#include "commands.hpp"
#include "cycle/timezone.hpp"
#include "plan_files.hpp"
#include "publish.hpp"
#include "serve.hpp"

namespace cycle::cli {
namespace {

int report(const errors& errs, int status) {
    for (const auto& e : errs) std::cerr << e.to_string() << '\n';
    return status;
}

result<date::sys_days> day_of(const std::optional<std::string>& text, const std::string& zone) {
    if (!text) {
        return today_in(zone);
    }
    std::istringstream in(*text);
    date::sys_days d;
    in >> date::parse("%F", d);
    if (in.fail() || in.peek() != std::char_traits<char>::eof())
        return error{fmt::format("expected a day as YYYY-MM-DD, got '{}'", *text), {"--today"}};
    return d;
}

date::sys_seconds now() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long seconds = std::strtoll(epoch, &end, 10);
        if (end != epoch && *end == '\0' && seconds >= 0)
            return date::sys_seconds{std::chrono::seconds{seconds}};
    }
    return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

int publish_site(const registry& plugins, const publish_inputs& in, const std::string& out,
                 bool quiet) {
    auto choice = calendar_choice::read(in.calendar_file);
    if (!choice) return report(choice.errors(), exit_bad_input);
    const calendar& cal = choice->get();
    std::optional<plan_file> fixed;
    if (!in.plan_files.empty()) {
        auto pf = read_plans(in.plan_files, cal);
        if (!pf) return report(pf.errors(), exit_bad_input);
        fixed = std::move(pf).value();
    }
    auto today = day_of(in.today, cal.time_zone);
    if (!today) return report(today.errors(), exit_bad_input);
    auto holidays = plugins.holidays_for(cal);
    if (!holidays) return report(holidays.errors(), exit_bad_input);
    // Proposed dates are planned again around the confirmed and held ones, as
    // `cycle plan --plan` does.
    if (fixed) fixed = fixed_entries(*fixed);
    auto made =
        make_plan(cal, {.year = {}, .fixed = fixed ? &*fixed : nullptr, .holidays = *holidays});
    if (!made) return report(made.errors(), exit_unsatisfiable);
    site::publish_options options;
    options.out = out;
    options.base_url = in.base_url;
    options.today = *today;
    options.now = now();
    options.waiting = [&out](const std::filesystem::path& lock) {
        std::cerr << fmt::format(
            "{}: another cycle publish is writing this site; waiting for it ({})\n", out,
            lock.string());
    };
    auto published = site::publish(cal, *made, plugins, options);
    if (!published) return report(published.errors(), exit_bad_input);
    if (!quiet) {
        if (published->changed.empty())
            std::cout << fmt::format("{}: unchanged ({} files)\n", out, published->files);
        else
            std::cout << fmt::format("{}: {} files, {} changed; open {}/index.html\n", out,
                                     published->files, published->changed.size(), out);
    }
    return exit_ok;
}

int run_publish(const registry& plugins, const publish_command& command) {
    return publish_site(plugins, command.inputs, command.out, false);
}

int run_serve(const registry& plugins, const serve_command& command) {
    // Before any thread starts, so that the signal waiter receives SIGTERM.
    site::block_stop_signals();
    const bool publishing =
        !command.inputs.calendar_file.empty() || !command.inputs.plan_files.empty();
    site::serve_options options;
    options.dir = command.dir;
    options.bind = command.bind;
    options.port = command.port;
    options.threads = command.threads;
    if (publishing) {
        if (!command.inputs.calendar_file.empty())
            options.watch.emplace_back(command.inputs.calendar_file);
        else if (auto choice = calendar_choice::read({});
                 choice && choice->project() && choice->project()->calendar)
            options.watch.emplace_back(*choice->project()->calendar);  // named by cycle.toml
        for (const auto& p : command.inputs.plan_files) options.watch.emplace_back(p);
        options.republish = [&plugins, &command] {
            std::cout << "changed: publishing again\n" << std::flush;
            // A broken file is reported; the site that was there stays.
            publish_site(plugins, command.inputs, command.dir, false);
            std::cout << std::flush;
        };
    }
    // Made before the first publish reads the files: a change made while it
    // runs, or before the server is up, publishes again.
    site::preview_server server(options);
    if (publishing) {
        if (int status = publish_site(plugins, command.inputs, command.dir, false);
            status != exit_ok)
            return status;
    } else if (!std::filesystem::is_directory(command.dir)) {
        return report(
            {{"no such directory; publish a site there first (cycle publish --out DIR), or give "
              "--calendar/--plan to publish it now",
              {command.dir}}},
            exit_bad_input);
    }
    auto port = server.bind();
    if (!port) return report(port.errors(), exit_bad_input);
    std::cout << fmt::format("Serving {} at http://{}:{}/ (Ctrl-C or SIGTERM stops)\n", command.dir,
                             command.bind, *port)
              << std::flush;
    site::run_until_signalled(server);
    std::cout << "Stopped.\n";
    return exit_ok;
}

}  // namespace cycle::cli
