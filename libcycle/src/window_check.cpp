// The loader's check that every window exists and holds its event in every
// year of the cycle (window_check.hpp).
#include "window_check.hpp"

#include <fmt/format.h>

#include "cycle/occurrence.hpp"

namespace cycle::detail {
namespace {

// The window's last day, or the deadline when it comes first; none (and
// an error) for a deadline that does not exist or is before the window.
std::optional<date::sys_days> last_day_by_deadline(const event_template& e, int y,
                                                   const day_window& window, errors& out) {
    if (!e.deadline) return window.last;
    auto deadline = date_in(*e.deadline, date::year{y});
    if (!deadline) {
        out.push_back({fmt::format("[[event]] '{}' deadline: {}", e.id,
                                       deadline.errors().front().message),
                           e.deadline->where});
        return std::nullopt;
    }
    if (*deadline < window.first) {
        out.push_back({fmt::format("[[event]] '{}': the deadline {} is before "
                                       "its window opens ({})",
                                       e.id, iso_date(*deadline), iso_date(window.first)),
                           e.deadline->where});
        return std::nullopt;
    }
    return std::min(window.last, *deadline);
}

// One year: the window exists, the deadline exists and does not come
// before the window opens, and the event's days fit.
bool check_window_in(const event_template& e, int y, errors& out) {
    auto window = window_in(e.timing, date::year{y});
    if (!window) {
        for (auto err : window.errors()) {
            err.message = fmt::format("[[event]] '{}': {}", e.id, err.message);
            out.push_back(std::move(err));
        }
        return false;
    }
    auto last = last_day_by_deadline(e, y, *window, out);
    if (!last) return false;
    auto length = (*last - window->first).count() + 1;
    if (length >= static_cast<long>(e.days)) return true;
    out.push_back({fmt::format("[[event]] '{}': a {}-day event does not fit "
                                   "its window of {} day{} in {}",
                                   e.id, e.days, length, length == 1 ? "" : "s", y),
                       e.where});
    return false;
}

}  // namespace

// Each window must exist and be able to hold its event in every year;
// the first year that fails is reported.
void check_windows(const calendar& cal, errors& out) {
    for (const auto& e : cal.events) {
        if (e.timing.relative()) continue;
        for (int y = cal.first_year; y <= cal.last_year + 1; ++y) {
            if (!e.years.selects(y - cal.first_year + 1, cal.cycle_length())) continue;
            if (!check_window_in(e, y, out)) break;
        }
    }
}

}  // namespace cycle::detail
