#include "complete_command.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "calendar_choice.hpp"
#include "commands.hpp"

namespace cycle::cli {
namespace {

bool visible(const CLI::App* sub) {
    return !sub->get_group().empty();
}

const CLI::App* find_subcommand(const CLI::App& app, const std::string& name) {
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        if (sub->get_name() == name) return sub;
    return nullptr;
}

const CLI::Option* find_option(const CLI::App& app, const std::string& word) {
    for (const CLI::Option* opt : app.get_options()) {
        if (opt->get_positional()) continue;
        for (const auto& n : opt->get_lnames())
            if (word == "--" + n) return opt;
        for (const auto& n : opt->get_snames())
            if (word == "-" + n) return opt;
    }
    return nullptr;
}

// "TEXT:{table,json,plan}" -> table, json, plan (CLI::IsMember's description).
std::vector<std::string> member_values(const CLI::Option& opt) {
    std::vector<std::string> out;
    std::string type = opt.get_type_name();
    auto open = type.find('{'), close = type.find('}', open == std::string::npos ? 0 : open);
    if (open == std::string::npos || close == std::string::npos) return out;
    std::string list = type.substr(open + 1, close - open - 1);
    for (std::size_t start = 0; start <= list.size();) {
        auto comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        if (comma > start) out.push_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

// The calendar files installed with `cycle` (share/cycle/calendars next to
// the program's prefix).
std::vector<std::string> installed_calendars() {
    std::vector<std::string> out;
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return out;
    auto dir = exe.parent_path().parent_path() / "share" / "cycle" / "calendars";
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".toml") out.push_back(entry.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

// What the command line typed so far says: the subcommand, the --calendar
// given, and the option whose value is being typed (if any).
struct parsed_words {
    const CLI::App* command;
    std::string calendar_file;
    const CLI::Option* pending = nullptr;  // the previous word is this option, awaiting a value
    std::size_t positionals = 0;           // positional arguments of the subcommand so far
};

parsed_words parse_words(const CLI::App& app, const std::vector<std::string>& words) {
    parsed_words p{&app, {}};
    for (const std::string& word : words) {
        if (p.pending) {
            if (p.pending->check_lname("calendar")) p.calendar_file = word;
            p.pending = nullptr;
            continue;
        }
        if (word.size() > 1 && word[0] == '-') {
            auto eq = word.find('=');
            const CLI::Option* opt = find_option(*p.command, word.substr(0, eq));
            if (opt && opt->get_type_size() != 0 && eq == std::string::npos)
                p.pending = opt;
            else if (opt && eq != std::string::npos && opt->check_lname("calendar"))
                p.calendar_file = word.substr(eq + 1);
            continue;
        }
        if (p.command == &app) {
            if (const CLI::App* sub = find_subcommand(app, word)) {
                p.command = sub;
                continue;
            }
        }
        ++p.positionals;
    }
    return p;
}

// Values for an option: its fixed set, ids from the calendar, or file names.
std::vector<std::string> option_values(const CLI::Option& opt, const std::string& calendar_file) {
    if (auto members = member_values(opt); !members.empty()) return members;
    if (opt.check_lname("calendar")) {
        auto out = installed_calendars();
        out.push_back("@files");
        return out;
    }
    if (opt.check_lname("plugin-dir")) return {"@dirs"};
    const bool bodies =
        opt.check_lname("audience") || opt.check_lname("member") || opt.check_lname("body");
    const bool events = opt.check_lname("event");
    if (bodies || events) {
        std::vector<std::string> out;
        auto choice = calendar_choice::read(calendar_file);
        if (!choice) return out;
        if (bodies)
            for (const auto& b : choice->get().bodies) out.push_back(b.id);
        if (events)
            for (const auto& e : choice->get().events) out.push_back(e.id);
        return out;
    }
    if (opt.check_lname("year") || opt.check_lname("today") || opt.check_lname("within")) return {};
    return {"@files"};
}

std::vector<std::string> option_names(const CLI::App& command) {
    std::vector<std::string> out;
    for (const CLI::Option* opt : command.get_options()) {
        if (opt->get_positional() || opt->get_group().empty()) continue;
        for (const auto& n : opt->get_lnames()) out.push_back("--" + n);
        for (const auto& n : opt->get_snames()) out.push_back("-" + n);
    }
    return out;
}

// The first positional of `export` and `import` names a plugin component;
// a positional with a fixed set offers it; any other takes file names.
std::vector<std::string> positional_values(const CLI::App& command, std::size_t index,
                                           const registry& plugins) {
    std::vector<const CLI::Option*> positionals;
    for (const CLI::Option* opt : command.get_options())
        if (opt->get_positional()) positionals.push_back(opt);
    if (positionals.empty()) return {};
    const CLI::Option& opt = *positionals[std::min(index, positionals.size() - 1)];
    if (index >= positionals.size() && opt.get_items_expected_max() <= 1) return {};
    std::vector<std::string> out;
    if (index == 0 && command.get_name() == "export")
        for (const auto& e : plugins.exporters()) out.push_back(e->name());
    else if (index == 0 && command.get_name() == "import")
        for (const auto& i : plugins.importers()) out.push_back(i->name());
    else if (out = member_values(opt); out.empty())
        out.push_back("@files");
    return out;
}

}  // namespace

int run_complete(const CLI::App& app, const registry& plugins, const complete_command& command) {
    parsed_words p = parse_words(app, command.words);
    std::vector<std::string> out;
    if (p.pending) {
        out = option_values(*p.pending, p.calendar_file);
    } else if (!command.current.empty() && command.current[0] == '-') {
        out = option_names(*p.command);
    } else if (p.command == &app) {
        for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
            if (visible(sub)) out.push_back(sub->get_name());
    } else {
        out = positional_values(*p.command, p.positionals, plugins);
    }
    for (const auto& c : out) std::cout << c << '\n';
    return exit_ok;
}

}  // namespace cycle::cli
