#include "cycle/rule.hpp"

#include <date/iso_week.h>
#include <fmt/format.h>

#include "calendar_names.hpp"

namespace cycle {
namespace {

using namespace date;

using detail::month_names;
using detail::weekday_names;
constexpr const char* ordinal_names[] = {"", "first", "second", "third", "fourth", "fifth"};

}  // namespace

result<date::sys_days> date_in(const month_day_rule& rule, date::year cycle_year) {
    year_month_day d{cycle_year + years{rule.year_offset}, month{rule.month}, day{rule.day}};
    if (!d.ok())
        return error{
            fmt::format("{:04}-{:02}-{:02} does not exist", int(d.year()), rule.month, rule.day),
            rule.where};
    return sys_days{d};
}

namespace {

using window_result = result<day_window>;

// "... does not exist in <year>", at the rule's event table.
error not_a_day(const std::string& what, year y, const source_region& where) {
    return error{fmt::format("{} does not exist in {}", what, int(y)), where};
}

// One window per form: a visitor over the timing forms.
struct window_of {
    year y;
    const source_region& where;

    window_result operator()(const whole_month& r) const {
        year_month ym{y, r.month};
        return day_window{sys_days{ym / 1}, sys_days{ym / last}};
    }
    window_result operator()(const month_range& r) const {
        year last_year = r.last < r.first ? y + years{1} : y;
        return day_window{sys_days{y / r.first / 1}, sys_days{last_year / r.last / last}};
    }
    window_result operator()(const fixed_day& r) const {
        year_month_day d{y / r.day};
        if (!d.ok())
            return not_a_day(fmt::format("{:04}-{:02}-{:02}", int(y), unsigned(r.day.month()),
                                         unsigned(r.day.day())),
                             y, where);
        return day_window{sys_days{d}, sys_days{d}};
    }
    window_result operator()(const nth_weekday& r) const {
        year_month_weekday w{y / r.day};
        if (!w.ok())
            return not_a_day(
                fmt::format("the {} {} of {}", ordinal_names[r.day.weekday_indexed().index()],
                            weekday_names[r.day.weekday_indexed().weekday().c_encoding()],
                            month_names[unsigned(r.day.month()) - 1]),
                y, where);
        return day_window{sys_days{w}, sys_days{w}};
    }
    window_result operator()(const last_weekday& r) const {
        sys_days d{y / r.day};
        return day_window{d, d};
    }
    window_result operator()(const iso_week_rule& r) const {
        iso_week::year_weeknum_weekday monday{iso_week::year{int(y)}, iso_week::weeknum{r.week},
                                              iso_week::mon};
        if (!monday.ok()) return not_a_day(fmt::format("ISO week {}", r.week), y, where);
        sys_days first{monday};
        if (r.weekday) {
            sys_days d = first + days{(r.weekday->iso_encoding() - 1)};
            return day_window{d, d};
        }
        return day_window{first, first + days{6}};
    }
    window_result operator()(const relative_rule&) const {
        return error{"a relative rule has no window of its own", where};
    }
};

// One description per form.
struct description_of {
    std::string operator()(const whole_month& r) const {
        return fmt::format("in {}", month_names[unsigned(r.month) - 1]);
    }
    std::string operator()(const month_range& r) const {
        return fmt::format("{}–{}", month_names[unsigned(r.first) - 1],
                           month_names[unsigned(r.last) - 1]);
    }
    std::string operator()(const fixed_day& r) const {
        return fmt::format("on {} {}", unsigned(r.day.day()),
                           month_names[unsigned(r.day.month()) - 1]);
    }
    std::string operator()(const nth_weekday& r) const {
        return fmt::format("the {} {} of {}", ordinal_names[r.day.weekday_indexed().index()],
                           weekday_names[r.day.weekday_indexed().weekday().c_encoding()],
                           month_names[unsigned(r.day.month()) - 1]);
    }
    std::string operator()(const last_weekday& r) const {
        return fmt::format("the last {} of {}",
                           weekday_names[r.day.weekday_last().weekday().c_encoding()],
                           month_names[unsigned(r.day.month()) - 1]);
    }
    std::string operator()(const iso_week_rule& r) const {
        return r.weekday
                   ? fmt::format("{} of week {}", weekday_names[r.weekday->c_encoding()], r.week)
                   : fmt::format("in week {}", r.week);
    }
    std::string operator()(const relative_rule& r) const {
        int n = r.offset_days < 0 ? -r.offset_days : r.offset_days;
        std::string amount = n % 7 == 0 && n != 0
                                 ? fmt::format("{} week{}", n / 7, n == 7 ? "" : "s")
                                 : fmt::format("{} day{}", n, n == 1 ? "" : "s");
        return fmt::format("{} {} {}", amount, r.offset_days < 0 ? "before" : "after", r.anchor);
    }
};

}  // namespace

result<day_window> window_in(const timing_rule& rule, date::year cycle_year) {
    return std::visit(window_of{cycle_year + years{rule.year_offset}, rule.where}, rule.form);
}

std::string describe(const timing_rule& rule) {
    std::string text = std::visit(description_of{}, rule.form);
    if (rule.relative()) return text;
    if (rule.year_offset == 1)
        text += " of the following year";
    else if (rule.year_offset > 1)
        text += fmt::format(" ({} years later)", rule.year_offset);
    return text;
}

}  // namespace cycle
