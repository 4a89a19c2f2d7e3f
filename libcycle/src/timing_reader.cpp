#include "timing_reader.hpp"

#include <fmt/format.h>

#include "value_parsing.hpp"

namespace cycle::detail {
namespace {

// The keys of one event table that choose its timing form.
struct form_keys {
    bool month, months, week, relative;
    int count() const { return int(month) + int(months) + int(week) + int(relative); }
};

class timing_reader {
public:
    timing_reader(table_reader& r, const std::string& id) : r_(r), id_(id) {}

    timing_rule read() {
        timing_rule t;
        t.where = r_.where();
        const form_keys keys{r_.has("month"), r_.has("months"), r_.has("week"),
                             r_.has("relative_to")};
        if (keys.count() != 1) {
            r_.error(
                fmt::format("[[event]] '{}': give exactly one timing form: 'month', "
                            "'months', 'week' or 'relative_to' (found {})",
                            id_, keys.count()));
            return t;
        }
        if (auto offset = r_.integer("year_offset", 0, 10))
            t.year_offset = static_cast<int>(*offset);
        read_weekday();
        if (keys.relative) {
            t.form = read_relative();
            return t;
        }
        if (r_.has("offset"))
            r_.error_at_key("offset",
                            fmt::format("[[event]] '{}': 'offset' needs 'relative_to'", id_));
        if (keys.week)
            t.form = read_week();
        else if (keys.months)
            t.form = read_months();
        else
            t.form = read_month();
        return t;
    }

private:
    void read_weekday() {
        auto wd = r_.string("weekday");
        if (!wd) return;
        weekday_ = parse_weekday(*wd);
        if (!weekday_)
            r_.error_at_key("weekday", fmt::format("[[event]] '{}': '{}' is not a weekday "
                                                   "(mon, tue, wed, thu, fri, sat, sun)",
                                                   id_, *wd));
    }

    // Keys that a form does not take: an error each.
    void reject(std::initializer_list<const char*> keys, std::string_view form) {
        for (auto key : keys)
            if (r_.has(key))
                r_.error_at_key(
                    key, fmt::format("[[event]] '{}': '{}' does not go with {}", id_, key, form));
    }

    timing_form read_relative() {
        relative_rule rel;
        rel.anchor = r_.reference("relative_to").value_or("");
        if (auto offset = r_.string("offset", true)) {
            auto days = parse_offset_days(*offset);
            if (!days)
                r_.error_at_key("offset", fmt::format("[[event]] '{}': offset '{}' is not a "
                                                      "number of days or weeks such as "
                                                      "\"-6w\" or \"+14d\"",
                                                      id_, *offset));
            rel.offset_days = days.value_or(0);
        }
        reject({"day", "nth", "weekday", "year_offset"}, "'relative_to'");
        return rel;
    }

    timing_form read_week() {
        iso_week_rule w;
        w.week = static_cast<unsigned>(r_.integer("week", 1, 53).value_or(1));
        w.weekday = weekday_;
        reject({"day", "nth"}, "'week'");
        return w;
    }

    timing_form read_months() {
        month_range m;
        const toml::array* arr = r_.array("months");
        if (!arr) return m;
        if (arr->size() != 2 || !(*arr)[0].is_integer() || !(*arr)[1].is_integer()) {
            r_.error_at_key("months", fmt::format("[[event]] '{}': 'months' must be two month "
                                                  "numbers [first, last], e.g. [9, 10]",
                                                  id_));
            return m;
        }
        auto first = (*arr)[0].value<std::int64_t>().value_or(0);
        auto last = (*arr)[1].value<std::int64_t>().value_or(0);
        if (first < 1 || first > 12 || last < 1 || last > 12) {
            r_.error_at_key("months", fmt::format("[[event]] '{}': months must be 1–12", id_));
            return m;
        }
        m.first = date::month{static_cast<unsigned>(first)};
        m.last = date::month{static_cast<unsigned>(last)};
        reject({"day", "nth", "weekday"}, "'months'");
        return m;
    }

    // month alone, month + day, month + weekday + nth.
    timing_form read_month() {
        auto number = r_.integer("month", 1, 12);
        if (!number) return whole_month{};
        const date::month month{static_cast<unsigned>(*number)};
        if (r_.has("day")) return read_fixed_day(month);
        if (r_.has("nth") || r_.has("weekday")) return read_nth_weekday(month);
        return whole_month{month};
    }

    timing_form read_fixed_day(date::month month) {
        auto day = r_.integer("day", 1, 31);
        if (day && *day > max_day_of_month(unsigned(month)))
            r_.error_at_key("day", fmt::format("[[event]] '{}': day {} of month {} does not "
                                               "exist",
                                               id_, *day, unsigned(month)));
        reject({"nth", "weekday"}, "'day'");
        return fixed_day{month / date::day{static_cast<unsigned>(day.value_or(1))}};
    }

    timing_form read_nth_weekday(date::month month) {
        // `weekday` alone is usually meant as "on Mondays": say how to write that.
        if (r_.has("weekday") && !r_.has("nth")) {
            const std::string wd = r_.string("weekday").value_or("mon");
            r_.error_at_key(
                "weekday",
                fmt::format("[[event]] '{}': 'weekday' needs 'nth' (nth = 1 for the first, "
                            "-1 for the last {} of the month); for any {} of the month, "
                            "write weekdays = [\"{}\"]",
                            id_, wd, wd, wd));
            return nth_weekday{month / date::Monday[1]};
        }
        auto nth = r_.integer("nth", -1, 5, true);
        if (nth && *nth == 0)
            r_.error_at_key("nth", fmt::format("[[event]] '{}': 'nth' is 1–5, or -1 for the "
                                               "last",
                                               id_));
        if (!r_.has("weekday"))
            r_.error(fmt::format("[[event]] '{}': 'nth' needs a 'weekday'", id_));
        const date::weekday wd = weekday_.value_or(date::Monday);  // an error was reported
        const auto n = nth.value_or(1);
        if (n < 0) return last_weekday{month / wd[date::last]};
        return nth_weekday{month / wd[static_cast<unsigned>(n == 0 ? 1 : n)]};
    }

    table_reader& r_;
    const std::string& id_;
    std::optional<date::weekday> weekday_;
};

}  // namespace

timing_rule read_timing(table_reader& r, const std::string& event_id) {
    return timing_reader(r, event_id).read();
}

unsigned max_day_of_month(unsigned m) {
    // February allows 29: whether it exists is decided per year, when planning.
    static constexpr unsigned days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[m - 1];
}

}  // namespace cycle::detail
