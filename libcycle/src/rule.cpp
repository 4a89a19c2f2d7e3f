#include "cycle/rule.hpp"

#include <date/iso_week.h>
#include <fmt/format.h>

namespace cycle {
namespace {

using namespace date;

constexpr const char* month_names[] = {"January", "February", "March",     "April",
                                       "May",     "June",     "July",      "August",
                                       "September", "October", "November", "December"};
constexpr const char* weekday_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};
constexpr const char* ordinal_names[] = {"", "first", "second", "third", "fourth", "fifth"};

}  // namespace

result<date::sys_days> date_in(const month_day_rule& rule, date::year cycle_year) {
    year_month_day d{cycle_year + years{rule.year_offset}, month{rule.month}, day{rule.day}};
    if (!d.ok())
        return error{fmt::format("{:04}-{:02}-{:02} does not exist", int(d.year()), rule.month,
                                 rule.day),
                     rule.where};
    return sys_days{d};
}

result<day_window> window_in(const timing_rule& rule, date::year cycle_year) {
    const year y = cycle_year + years{rule.year_offset};
    const auto not_a_day = [&](const std::string& what) {
        return error{fmt::format("{} does not exist in {}", what, int(y)), rule.where};
    };
    switch (rule.kind) {
        case timing_rule::form::month: {
            year_month ym{y, month{rule.month}};
            return day_window{sys_days{ym / 1}, sys_days{ym / last}};
        }
        case timing_rule::form::month_range: {
            year last_year = rule.last_month < rule.month ? y + years{1} : y;
            return day_window{sys_days{y / month{rule.month} / 1},
                              sys_days{last_year / month{rule.last_month} / last}};
        }
        case timing_rule::form::fixed_day: {
            year_month_day d{y, month{rule.month}, day{rule.day}};
            if (!d.ok()) return not_a_day(fmt::format("{:04}-{:02}-{:02}", int(y), rule.month, rule.day));
            return day_window{sys_days{d}, sys_days{d}};
        }
        case timing_rule::form::nth_weekday: {
            sys_days d;
            if (rule.nth < 0) {
                d = sys_days{y / month{rule.month} / weekday_last{*rule.weekday}};
            } else {
                year_month_weekday w{y / month{rule.month} / (*rule.weekday)[static_cast<unsigned>(rule.nth)]};
                if (!w.ok())
                    return not_a_day(fmt::format("the {} {} of {}", ordinal_names[rule.nth],
                                                 weekday_names[rule.weekday->c_encoding()],
                                                 month_names[rule.month - 1]));
                d = sys_days{w};
            }
            return day_window{d, d};
        }
        case timing_rule::form::iso_week: {
            iso_week::year_weeknum_weekday monday{iso_week::year{int(y)},
                                                  iso_week::weeknum{rule.week}, iso_week::mon};
            if (!monday.ok()) return not_a_day(fmt::format("ISO week {}", rule.week));
            sys_days first{monday};
            if (rule.weekday) {
                sys_days d = first + days{(rule.weekday->iso_encoding() - 1)};
                return day_window{d, d};
            }
            return day_window{first, first + days{6}};
        }
        case timing_rule::form::relative:
            break;
    }
    return error{"a relative rule has no window of its own", rule.where};
}

std::string describe(const timing_rule& rule) {
    std::string text;
    switch (rule.kind) {
        case timing_rule::form::month:
            text = fmt::format("in {}", month_names[rule.month - 1]);
            break;
        case timing_rule::form::month_range:
            text = fmt::format("{}–{}", month_names[rule.month - 1],
                               month_names[rule.last_month - 1]);
            break;
        case timing_rule::form::fixed_day:
            text = fmt::format("on {} {}", rule.day, month_names[rule.month - 1]);
            break;
        case timing_rule::form::nth_weekday:
            text = fmt::format("the {} {} of {}", rule.nth < 0 ? "last" : ordinal_names[rule.nth],
                               weekday_names[rule.weekday->c_encoding()],
                               month_names[rule.month - 1]);
            break;
        case timing_rule::form::iso_week:
            text = rule.weekday ? fmt::format("{} of week {}",
                                              weekday_names[rule.weekday->c_encoding()], rule.week)
                                : fmt::format("in week {}", rule.week);
            break;
        case timing_rule::form::relative: {
            int n = rule.offset_days < 0 ? -rule.offset_days : rule.offset_days;
            std::string amount = n % 7 == 0 && n != 0 ? fmt::format("{} week{}", n / 7, n == 7 ? "" : "s")
                                                      : fmt::format("{} day{}", n, n == 1 ? "" : "s");
            return fmt::format("{} {} {}", amount, rule.offset_days < 0 ? "before" : "after",
                               rule.relative_to);
        }
    }
    if (rule.year_offset == 1) text += " of the following year";
    else if (rule.year_offset > 1) text += fmt::format(" ({} years later)", rule.year_offset);
    return text;
}

}  // namespace cycle
