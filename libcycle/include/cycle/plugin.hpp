// plugin.hpp — exporters, checkers and importers, built in or loaded at run
// time, all through one interface (docs/plugins.md).
//
// A plugin is a C-linkage description with one registration function, in the
// manner of LLVM's pass plugins:
//
//   void register_markdown(cycle::registry& r) { r.add_exporter(std::make_unique<md>()); }
//
//   const cycle_plugin_info markdown_plugin{CYCLE_PLUGIN_API_VERSION, "markdown", "1.0",
//                                           "Agenda as Markdown", &register_markdown};
//   CYCLE_PLUGIN_ENTRY_POINT(markdown_plugin)
//
// CYCLE_PLUGIN_ENTRY_POINT defines `extern "C" cycle_plugin_info()`, the
// symbol the loader looks up, returning the description given.
// The host checks api_version before it calls anything else. Built-in plugins
// (ical, deadlines, ...) provide the same description and are added with
// registry::add_plugin, exactly as a loaded library is (plugin_loader.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/error.hpp"
#include "cycle/finding.hpp"
#include "cycle/holidays.hpp"
#include "cycle/plan.hpp"
#include "cycle/plan_file.hpp"
#include "cycle/state_store.hpp"

// Bumped whenever this header or the types it uses change incompatibly
// (docs/plugins.md, "Versioning").
// 2: exporter::write_all, export_options::{all_audiences, out, now}, importer
//    returns `imported` (plan file + findings for what it could not use).
// 3: calendar::checks (the [checks] table), check_options::partial.
// 4: holiday providers: registry::add_holiday_provider, plugin_kind::holidays,
//    calendar::holidays, check_options::holidays, plan_request::holidays;
//    export_options::state (state_store.hpp); checker::rules() (the host
//    applies levels and waivers, check_host.hpp); occurrence and plan_entry
//    derive from occurrence_id; timing_rule is a std::variant of timing
//    forms; calendar keeps an index (build_index).
// 5: output_sink, export_options::sink, export_output::streamed.
#define CYCLE_PLUGIN_API_VERSION 5

// C linkage and default visibility, whatever visibility the plugin is
// compiled with.
#define CYCLE_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))

// Defines a plugin library's entry point, the function `cycle_plugin_info`
// returning &description. (The function has the struct's name, which
// -Wshadow would point out in every plugin; the macro says it is meant.)
// clang-format off
#define CYCLE_PLUGIN_ENTRY_POINT(description)                                  \
    _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wshadow\"") \
    CYCLE_PLUGIN_EXPORT const struct cycle_plugin_info* cycle_plugin_info() {  \
        return &(description);                                                 \
    }                                                                          \
    _Pragma("GCC diagnostic pop")
// clang-format on

namespace cycle {
class registry;
}

extern "C" {
// What a plugin library exports, through the function `cycle_plugin_info`
// (the symbol the loader looks up; see CYCLE_PLUGIN_EXPORT).
struct cycle_plugin_info {
    std::uint32_t api_version;  // CYCLE_PLUGIN_API_VERSION the plugin was built with
    const char* name;           // e.g. "ical"
    const char* version;        // the plugin's own version, e.g. "1.0.0"
    const char* description;    // one line
    void (*register_plugin)(cycle::registry& r);  // adds its exporters/checkers/importers/
                                                  // holiday providers
};
typedef const cycle_plugin_info* (*cycle_plugin_info_function)();
}

namespace cycle {

// Where write_all may stream its outputs instead of returning their bytes
// (export_options::sink), so that a large export is never held in memory
// whole. The host writes each output to a temporary file and puts them all
// in place only when write_all has succeeded: nothing a failed export
// started is ever seen.
class output_sink {
public:
    virtual ~output_sink();  // defined in libcycle
    // Starts the output `path` (a path write_all would return); the bytes
    // follow through append(). The previous output, if any, is complete.
    virtual result<bool> open(const std::string& path) = 0;
    virtual result<bool> append(std::string_view bytes) = 0;
};

struct export_options {
    std::string audience;                 // empty: everything
    std::vector<std::string> parameters;  // "key=value" pairs for the exporter
    bool all_audiences = false;           // write_all: one output for everything + one per body
    std::string out = "-";                // where the output goes: a file, "-" (standard
                                          // output) or, with all_audiences, a directory
    std::optional<date::sys_seconds> now;  // publishing time (e.g. DTSTAMP); none: the clock
    // What was published before (ics: SEQUENCE), read and updated by the
    // exporter; none: its files next to out (state_store.hpp).
    state_store* state = nullptr;
    // Where an exporter says what the user should know about a run (ics:
    // "27 published events left the feeds and are published as cancelled");
    // the host prints them. None: not asked.
    std::vector<std::string>* notices = nullptr;
    // Where write_all may stream outputs (see output_sink); none: every
    // output's bytes are returned in export_output::text. Never given with
    // out = "-".
    output_sink* sink = nullptr;
};

// One file an exporter produces: a path (under export_options::out) and its bytes.
struct export_output {
    std::string path;  // "-" for standard output
    std::string text;
    bool streamed = false;  // the bytes went to export_options::sink; text is empty
};

// Writes a plan in some format: one output (`write`) or several files
// (`write_all`, e.g. one feed per audience); exporters that only produce one
// output need not override write_all.
class exporter {
public:
    virtual ~exporter();  // defined in libcycle: its vtable and type_info live there
    virtual std::string name() const = 0;         // format name: "ics", "json", ...
    virtual std::string description() const = 0;
    virtual result<std::string> write(const calendar& cal, const plan& p,
                                      const export_options& options) const = 0;
    // Every output of one export, all made before any is written. The default
    // gives write() to options.out, or with all_audiences, `all.<name>` and
    // `<body id>.<name>` for each body in the directory options.out.
    virtual result<std::vector<export_output>> write_all(const calendar& cal, const plan& p,
                                                         const export_options& options) const;
};

struct check_options {
    std::optional<date::sys_days> today;  // for rules about what is due or overdue
    // The plan file fixes only some dates and a planner proposes the rest
    // (cycle plan --plan, the C API): an occurrence absent from it is not
    // missing.
    bool partial = false;
    // Public holidays and days off; none: the provider built into libcycle
    // that the calendar names (holidays_for, holidays.hpp).
    const holiday_provider* holidays = nullptr;
};

// A rule a checker declares: its stable id, the level it has unless the
// calendar's [checks] says otherwise, and what it means.
struct rule_info {
    std::string id;  // e.g. "deadline-missed"
    severity default_level = severity::error;
    std::string summary;
};

// Finds violations of its rules in a plan file, given the calendar it
// follows. The host (check_host.hpp) gives each finding its level from the
// calendar's [checks] or the rule's default, applies the plan's waivers and
// sorts: a checker only says which rule is broken, where, and for which
// occurrence (finding::occurrence, occurrence_id::to_string()).
class checker {
public:
    virtual ~checker();  // defined in libcycle: its vtable and type_info live there
    virtual std::string name() const = 0;
    virtual std::string description() const = 0;
    // Every rule id its findings use; [checks] and waivers may name them.
    virtual std::vector<rule_info> rules() const { return {}; }
    virtual findings check(const calendar& cal, const plan_file& plan,
                           const check_options& options) const = 0;
};

// What an importer read: the plan file, and findings (warnings) for every
// item it could not use, e.g. an event that matches no template.
struct imported {
    plan_file plan;
    findings unmatched;  // events not imported, and (rule "ics-changed") imported with a change
};

// Reads a plan from some format (e.g. an .ics export) into a plan file.
class importer {
public:
    virtual ~importer();  // defined in libcycle: its vtable and type_info live there
    virtual std::string name() const = 0;  // format name: "ics"
    virtual std::string description() const = 0;
    virtual result<imported> read(const calendar& cal, std::string_view bytes,
                                  std::string_view source_name) const = 0;
};

enum class plugin_kind { exporter, checker, importer, holidays };
const char* to_string(plugin_kind k);

// One loaded plugin and where it came from.
struct plugin_record {
    std::string name;
    std::string version;
    std::string description;
    std::string origin;  // "built-in" or the library's path
};

// A plugin's code threw: what it said, as an error at the plugin's library
// ("/usr/lib/cycle/plugins/md.so: error: exporter 'md' failed: ..."). Hosts
// that call plugin code catch it and report it as bad input (the CLI: exit
// 2, nothing written). Plugins themselves return errors, never throw
// (docs/plugins.md).
class plugin_error : public std::runtime_error {
public:
    explicit plugin_error(cycle::error e) : std::runtime_error(e.message), error_(std::move(e)) {}
    const cycle::error& located() const { return error_; }

private:
    cycle::error error_;
};

class registry;
// The error for a component that threw: "<kind> '<name>' failed: <what>",
// at its plugin's library path (or "<built-in plugin NAME>").
error plugin_failure(const registry& r, plugin_kind kind, std::string_view name,
                     std::string_view what);

// Runs `call` (plugin code); an exception it throws becomes a plugin_error.
template <class F>
auto call_plugin(const registry& r, plugin_kind kind, std::string_view name, F&& call)
    -> decltype(call()) {
    try {
        return call();
    } catch (const plugin_error&) {
        throw;
    } catch (const std::exception& e) {
        throw plugin_error(plugin_failure(r, kind, name, e.what()));
    } catch (...) {
        throw plugin_error(
            plugin_failure(r, kind, name, "an exception that is not a std::exception"));
    }
}

// All plugins of one run. An object the caller owns and passes in: no
// global registry.
class registry {
public:
    // Registers a plugin from its description: checks the API version, then
    // calls its registration function. `origin` is "built-in" or a path.
    // A registration function that throws leaves nothing behind: its
    // components are removed and the exception is returned as an error.
    result<bool> add_plugin(const cycle_plugin_info& info, std::string origin);

    // Keeps a loaded library open for as long as the registry lives (the
    // components it registered run its code); plugin_loader.hpp uses it.
    void keep_loaded(std::shared_ptr<void> library);

    void add_exporter(std::unique_ptr<exporter> e);
    void add_checker(std::unique_ptr<checker> c);
    void add_importer(std::unique_ptr<importer> i);
    // A holiday provider, for calendars that name it (`holidays = "xx"`).
    // Its name may not be one built into libcycle ("se").
    void add_holiday_provider(std::unique_ptr<holiday_provider> h);

    const exporter* find_exporter(std::string_view name) const;
    const importer* find_importer(std::string_view name) const;
    const holiday_provider* find_holiday_provider(std::string_view name) const;
    // The provider the calendar names: a registered one, else the one built
    // into libcycle; an error at the calendar's `holidays` key otherwise.
    result<const holiday_provider*> holidays_for(const calendar& cal) const;
    const std::vector<std::unique_ptr<exporter>>& exporters() const { return exporters_; }
    const std::vector<std::unique_ptr<checker>>& checkers() const { return checkers_; }
    const std::vector<std::unique_ptr<importer>>& importers() const { return importers_; }
    const std::vector<std::unique_ptr<holiday_provider>>& holiday_providers() const {
        return holiday_providers_;
    }
    const std::vector<plugin_record>& plugins() const { return plugins_; }

    // Which plugin registered a component ("" if added directly).
    struct component {
        plugin_kind kind;
        std::string name;
        std::string plugin;
    };
    const std::vector<component>& components() const { return components_; }

private:
    // First member, so destroyed last: after every component it provides.
    std::vector<std::shared_ptr<void>> libraries_;
    std::vector<std::unique_ptr<exporter>> exporters_;
    std::vector<std::unique_ptr<checker>> checkers_;
    std::vector<std::unique_ptr<importer>> importers_;
    std::vector<std::unique_ptr<holiday_provider>> holiday_providers_;
    std::vector<plugin_record> plugins_;
    std::vector<component> components_;
    std::string registering_;  // the plugin whose registration function runs
    std::string registering_origin_;  // and its library (or "built-in")
};

}  // namespace cycle
