// next-deadlines: what one principal (a municipality or the region) has to
// have done next — its own occurrences, such as its local dialogue, and the
// wheel's deadlines that concern it — from a day on, with the last day each
// may be held.
//
//   next-deadlines eda                       # from today, the next 6
//   next-deadlines eda 2026-09-01 4          # from 1 September 2026, the next 4
//   next-deadlines eda 2026-09-01 4 my-wheel.toml
//
// Uses only the public C++ API: load a calendar (or take the built-in one),
// plan the whole cycle, select an audience's occurrences from a date.
#include <chrono>
#include <cstdio>
#include <cycle/calendar.hpp>
#include <cycle/occurrence.hpp>
#include <cycle/plan.hpp>
#include <iostream>
#include <optional>
#include <string>

namespace {

std::optional<date::sys_days> parse_day(const std::string& text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char end = 0;
    if (std::sscanf(text.c_str(), "%d-%u-%u%c", &y, &m, &d, &end) != 3) return std::nullopt;
    date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return date::sys_days{ymd};
}

// Its own occurrences (its local dialogue, what it organises) and deadlines.
bool is_due(const cycle::calendar& cal, const cycle::occurrence& o, const std::string& principal) {
    const auto* e = cal.find_event(o.event);
    return o.member == principal || o.organiser == principal || o.deadline ||
           (e && e->kind == cycle::event_kind::deadline);
}

int usage() {
    std::cerr << "usage: next-deadlines PRINCIPAL [FROM-DATE [COUNT [CALENDAR.toml]]]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 5) return usage();
    const std::string principal = argv[1];
    date::sys_days from = date::floor<date::days>(std::chrono::system_clock::now());
    if (argc > 2) {
        auto day = parse_day(argv[2]);
        if (!day) return usage();
        from = *day;
    }
    const int count = argc > 3 ? std::atoi(argv[3]) : 6;

    std::optional<cycle::calendar> loaded;
    if (argc > 4) {
        auto cal = cycle::load_calendar_file(argv[4]);
        if (!cal) {
            for (const auto& e : cal.errors()) std::cerr << e.to_string() << '\n';
            return 2;
        }
        loaded = std::move(cal).value();
    }
    const cycle::calendar& cal = loaded ? *loaded : cycle::default_calendar();
    if (!cal.find_body(principal)) {
        std::cerr << "error: '" << principal << "' is not a body of " << cal.id << '\n';
        return 2;
    }

    auto plan = cycle::make_plan(cal, {.year = std::nullopt, .fixed = nullptr});  // the whole cycle
    if (!plan) {
        for (const auto& e : plan.errors()) std::cerr << e.to_string() << '\n';
        return 1;
    }

    std::cout << "Next deadlines for " << cal.body_label(principal) << " from "
              << date::format("%F", from) << ":\n";
    int shown = 0;
    for (const auto& o :
         cycle::select(cal, *plan, {.audience = principal, .from = from, .to = std::nullopt})) {
        if (shown == count) break;
        if (!is_due(cal, o, principal)) continue;
        ++shown;
        std::cout << "  " << date::format("%F", o.date) << "  " << cycle::week_label(o.date) << "  "
                  << cycle::title_of(cal, o);
        if (o.deadline)
            std::cout << "  (no later than " << date::format("%F", *o.deadline) << ')';
        else if (o.window && o.window->last != o.date)
            std::cout << "  (window ends " << date::format("%F", o.window->last) << ')';
        std::cout << '\n';
    }
    if (shown == 0) std::cout << "  nothing more in this cycle\n";
    return 0;
}
