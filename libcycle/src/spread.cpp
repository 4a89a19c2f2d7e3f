// Spreading per-member occurrences over a window (spread.hpp).
#include "spread.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace cycle::detail {

using date::days;
using date::sys_days;

// One occurrence per open member, spread evenly over the main window
// (the window less its buffer) under the caps: from its target outwards,
// on one of the event's weekdays if any is free, then in the buffer,
// then on any weekday.
spread_days spread_over(const event_template& e, const member_tests& t, const day_window& allowed,
                        const caps_constraint& caps, const std::vector<occurrence>& fixed) {
    spread_days out;
    cap_counter counts(caps);
    for (const auto& o : fixed) counts.count(o.date);  // fixed dates count towards the caps
    out.main = allowed;
    if (caps.buffer_days && allowed.last - days{caps.buffer_days} >= allowed.first)
        out.main.last = allowed.last - days{caps.buffer_days};
    const day_window& main = out.main;
    const long span = (main.last - main.first).count() + 1;
    const long slots = static_cast<long>(t.tests.size());
    auto preferred = [&](sys_days d) {
        return std::find(e.preferred_weekdays.begin(), e.preferred_weekdays.end(),
                         date::weekday{d}) != e.preferred_weekdays.end();
    };
    for (long i = 0; i < slots; ++i) {
        const day_test& test = t.tests[static_cast<std::size_t>(i)];
        const sys_days target = main.first + days{(2 * i + 1) * span / (2 * slots)};
        std::optional<sys_days> chosen;
        bool used_buffer = false;
        // One of the event's weekdays if any is free; days to avoid
        // (test.soft) only when no other day is left.
        const int passes = e.preferred_weekdays.empty() ? 1 : 2;
        for (int round = 0; round < 2 * passes && !chosen; ++round) {
            const bool strict = round < passes;
            const bool any_weekday = passes == 1 || round % 2 == 1;
            auto ok = [&](sys_days d) {
                return (any_weekday || preferred(d)) && counts.fits(d) && !test.blocked(d) &&
                       !(strict && test.soft(d));
            };
            for (long step = 0; step < span && !chosen; ++step)
                for (sys_days d : {target + days{step}, target - days{step}})
                    if (!chosen && main.contains(d) && ok(d)) chosen = d;
            for (sys_days d = main.last + days{1}; !chosen && d <= allowed.last; d += days{1})
                if (ok(d)) chosen = d, used_buffer = true;
        }
        if (!chosen) {
            out.stuck = static_cast<std::size_t>(i);
            return out;
        }
        counts.count(*chosen);
        out.picks.push_back({*chosen, target, used_buffer});
    }
    return out;
}

// The smallest changes that would let every member find a day: a
// higher weekly or daily cap, or a later end of the window.
std::string smallest_fix(const event_template& e, const member_tests& t, const day_window& allowed,
                         const caps_constraint& caps, const std::vector<occurrence>& fixed) {
    std::vector<std::string> fixes;
    const unsigned most = static_cast<unsigned>(t.tests.size() + fixed.size());
    auto fits = [&](const day_window& w, const caps_constraint& c) {
        return !spread_over(e, t, w, c, fixed).stuck;
    };
    if (caps.max_per_week)
        for (unsigned n = caps.max_per_week + 1; n <= most; ++n) {
            caps_constraint c = caps;
            c.max_per_week = n;
            if (fits(allowed, c)) {
                fixes.push_back(fmt::format("raise max_per_week to {}", n));
                break;
            }
        }
    if (caps.max_per_day)
        for (unsigned n = caps.max_per_day + 1; n <= most; ++n) {
            caps_constraint c = caps;
            c.max_per_day = n;
            if (fits(allowed, c)) {
                fixes.push_back(fmt::format("raise max_per_day to {}", n));
                break;
            }
        }
    for (int more = 1; more <= 366; ++more) {
        const day_window w{allowed.first, allowed.last + days{more}};
        if (fits(w, caps)) {
            fixes.push_back(fmt::format("widen the window (and deadline) to {}", iso_date(w.last)));
            break;
        }
    }
    if (fixes.empty()) return {};
    return fmt::format("; smallest change that would work: {}", fmt::join(fixes, ", or "));
}

}  // namespace cycle::detail
