// fuzz_support.hpp — what the harnesses share: the built-in wheel, a plugin
// registry, and a check that fails loudly (a fuzzer finding) when a promise
// of the library is broken on an input it accepted.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cycle/builtin_plugins.hpp"
#include "cycle/calendar.hpp"
#include "cycle/plan.hpp"
#include "cycle/plan_file.hpp"
#include "cycle/plugin.hpp"

namespace cycle::fuzz {

inline const registry& plugins() {
    static const registry r = [] {
        registry out;
        add_builtin_plugins(out);
        return out;
    }();
    return r;
}

// A promise broken: print what and abort, so libFuzzer keeps the input.
[[noreturn]] inline void broken(std::string_view what, const errors& errs = {}) {
    std::fprintf(stderr, "broken promise: %.*s\n", static_cast<int>(what.size()), what.data());
    for (const auto& e : errs) std::fprintf(stderr, "  %s\n", e.to_string().c_str());
    std::abort();
}

// Something the tool would print as "internal error ... please report it".
inline void no_internal_error(const errors& errs) {
    for (const auto& e : errs)
        if (e.message.find("internal error") != std::string::npos) broken("internal error", errs);
}

// A plan written as a plan file must load again (what `cycle plan --format
// plan` and `cycle import` write, `cycle check` reads).
inline void plan_file_round_trip(const calendar& cal, const plan& p) {
    const std::string text = write_plan_file(cal, p);
    auto again = load_plan_string(text, "written.toml", cal);
    if (!again) broken("a written plan file does not load:\n" + text, again.errors());
}

// The ics feed of a plan: never an internal error.
inline void export_ics(const calendar& cal, const plan& p) {
    const exporter* e = plugins().find_exporter("ics");
    export_options options;
    options.now = date::sys_seconds{std::chrono::seconds{1780000000}};
    auto text = e->write(cal, p, options);
    if (!text) no_internal_error(text.errors());
}

}  // namespace cycle::fuzz
