// Recurring events (recurrence.hpp): how many occurrences a cycle year has
// and the window of each.
#include "cycle/recurrence.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cycle/calendar.hpp"
#include "cycle/occurrence.hpp"

namespace cycle {
namespace {

using date::days;
using date::sys_days;

// The months the window touches, the first one's year and month.
struct month_span {
    date::year_month first;
    unsigned count = 0;
};

month_span months_of(const day_window& w) {
    const date::year_month_day a{w.first}, b{w.last};
    const date::year_month first{a.year(), a.month()}, last{b.year(), b.month()};
    return {first, static_cast<unsigned>((last - first).count() + 1)};
}

const char* ordinal(int nth) {
    static constexpr const char* names[] = {"", "first", "second", "third", "fourth", "fifth"};
    return nth == -1 ? "last" : (nth >= 1 && nth <= 5 ? names[nth] : "");
}

const char* weekday_word(date::weekday wd) {
    static constexpr const char* names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                            "Thursday", "Friday", "Saturday"};
    return names[wd.c_encoding()];
}

}  // namespace

bool occurrence_variant::applies_to(unsigned index) const {
    if (std::find(numbers.begin(), numbers.end(), index) != numbers.end()) return true;
    return every && index >= from && (index - from) % every == 0;
}

unsigned occurrence_count(const event_template& e, int cycle_year) {
    if (!e.repeat) return 0;
    if (const auto* t = std::get_if<times_repeat>(&e.repeat->form)) return t->times;
    auto window = window_in(e.timing, date::year{cycle_year});
    return window ? months_of(*window).count : 0;
}

result<day_window> occurrence_window(const event_template& e, int cycle_year, unsigned index) {
    auto window = window_in(e.timing, date::year{cycle_year});
    if (!window) return window.errors();
    const unsigned count = occurrence_count(e, cycle_year);
    if (!e.repeat || index < 1 || index > count)
        return error{fmt::format("[[event]] '{}' has no occurrence number {} in {}", e.id, index,
                                 cycle_year),
                     e.repeat ? e.repeat->where : e.where};
    if (const auto* t = std::get_if<times_repeat>(&e.repeat->form)) {
        const long length = (window->last - window->first).count() + 1;
        const sys_days first = window->first + days{(index - 1) * length / t->times};
        const sys_days last = window->first + days{index * length / t->times - 1};
        if (last < first)
            return error{fmt::format("[[event]] '{}': {} occurrences do not fit in {} days ({})",
                                     e.id, t->times, length, window_text(*window)),
                         e.repeat->where};
        return day_window{first, last};
    }
    const auto& monthly = std::get<monthly_repeat>(e.repeat->form);
    const date::year_month ym = months_of(*window).first + date::months{index - 1};
    day_window month{std::max(window->first, sys_days{ym / 1}),
                     std::min(window->last, sys_days{ym / date::last})};
    if (!monthly.weekday) return month;
    const date::year_month_day day =
        monthly.nth == -1
            ? date::year_month_day{ym / date::weekday_last{*monthly.weekday}}
            : date::year_month_day{
                  ym / date::weekday_indexed{*monthly.weekday, static_cast<unsigned>(monthly.nth)}};
    if (!day.ok() || !month.contains(sys_days{day}))
        return error{fmt::format("[[event]] '{}': {} has no {} {} in its window", e.id,
                                 date::format("%Y-%m", ym), ordinal(monthly.nth),
                                 weekday_word(*monthly.weekday)),
                     e.repeat->where};
    return day_window{sys_days{day}, sys_days{day}};
}

unsigned occurrence_at(const event_template& e, int cycle_year, date::sys_days d) {
    const unsigned count = occurrence_count(e, cycle_year);
    for (unsigned i = 1; i <= count; ++i) {
        auto w = occurrence_window(e, cycle_year, i);
        if (w && w->contains(d)) return i;
    }
    return 0;
}

const std::string& title_for(const event_template& e, unsigned index) {
    for (const auto& v : e.variants)
        if (!v.title.empty() && v.applies_to(index)) return v.title;
    return e.title;
}

const std::string& description_for(const event_template& e, unsigned index) {
    for (const auto& v : e.variants)
        if (!v.description.empty() && v.applies_to(index)) return v.description;
    return e.description;
}

std::vector<std::string> audiences_for(const event_template& e, unsigned index) {
    std::vector<std::string> out = e.audiences;
    for (const auto& v : e.variants)
        if (v.applies_to(index))
            for (const auto& a : v.audiences)
                if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    return out;
}

std::string describe(const recurrence& r) {
    if (const auto* t = std::get_if<times_repeat>(&r.form))
        return fmt::format("{} times, one in each {} of the window", t->times,
                           t->times == 2 ? "half" : fmt::format("1/{}", t->times));
    const auto& m = std::get<monthly_repeat>(r.form);
    if (!m.weekday) return "monthly, one in each month of the window";
    return fmt::format("monthly, the {} {} of each month", ordinal(m.nth),
                       weekday_word(*m.weekday));
}

}  // namespace cycle
