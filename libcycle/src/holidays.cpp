// holidays.cpp — Swedish public holidays and de facto days off (see holidays.hpp).
#include "cycle/holidays.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string>

#include "cycle/calendar.hpp"

namespace cycle {

namespace {

// The first day on or after `from` that falls on weekday `wd`.
date::sys_days next_weekday_on_or_after(date::sys_days from, date::weekday wd) {
    return from + (wd - date::weekday{from});
}

date::year_month_day ymd(date::sys_days d) {
    return date::year_month_day{d};
}

error unsupported_year(date::year y) {
    return error{"year " + std::to_string(int{y}) +
                     " is not supported: holidays are computed under the law in force since " +
                     std::to_string(first_holiday_year) + " (years " +
                     std::to_string(first_holiday_year) + "–" + std::to_string(last_holiday_year) +
                     ")",
                 {}};
}

class swedish_provider final : public holiday_provider {
public:
    std::string name() const override { return "se"; }
    std::string description() const override { return "Swedish public holidays and days off"; }
    result<std::vector<holiday>> holidays_of(date::year y) const override {
        return swedish_holidays(y);
    }
};

}  // namespace

holiday_provider::~holiday_provider() = default;

const holiday_provider& swedish_holiday_provider() {
    static const swedish_provider se;  // immutable: no state to share
    return se;
}

const holiday_provider* builtin_holiday_provider(std::string_view name) {
    return name == "se" ? &swedish_holiday_provider() : nullptr;
}

result<const holiday_provider*> holidays_for(const calendar& cal, const holiday_provider* given) {
    if (given) return given;
    if (const holiday_provider* p = builtin_holiday_provider(cal.holidays)) return p;
    return error{fmt::format("no holiday provider '{}' (libcycle has \"se\"; plugins add others, "
                             "`cycle plugins` lists them)",
                             cal.holidays),
                 cal.holidays_where.file.empty() ? cal.where : cal.holidays_where};
}

date::year_month_day easter_sunday(date::year y) {
    // Anonymous Gregorian algorithm (Meeus, "Astronomical Algorithms", ch. 8).
    const int yr = int{y};
    const int a = yr % 19;  // position in the Metonic cycle
    const int b = yr / 100, c = yr % 100;
    const int d = b / 4, e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;                 // lunar (Metonic) correction
    const int h = (19 * a + b - d - g + 15) % 30;  // epact-derived offset of the full moon
    const int i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;  // days from full moon to Sunday
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return y / date::month{static_cast<unsigned>(month)} / date::day{static_cast<unsigned>(day)};
}

result<std::vector<holiday>> swedish_holidays(date::year y) {
    if (y < date::year{first_holiday_year} || y > date::year{last_holiday_year})
        return unsupported_year(y);

    using date::days;
    const auto P = holiday_kind::public_holiday;
    const auto D = holiday_kind::day_off;
    const date::sys_days easter{easter_sunday(y)};
    const auto midsommardagen = next_weekday_on_or_after(y / date::June / 20, date::Saturday);
    const auto alla_helgon = next_weekday_on_or_after(y / date::October / 31, date::Saturday);

    // Listed in calendar order as far as possible; the stable sort below
    // settles the movable feasts. Two entries can share a day (Kristi
    // himmelsfärdsdag on Första maj, e.g. 2008; Pingstdagen on Sveriges
    // nationaldag, e.g. 2049): both are kept, the fixed-date one first.
    std::vector<holiday> v{
        {y / date::January / 1, "Nyårsdagen", P},
        {y / date::January / 6, "Trettondedag jul", P},
        {ymd(easter - days{2}), "Långfredagen", P},
        {ymd(easter - days{1}), "Påskafton", D},
        {ymd(easter), "Påskdagen", P},
        {ymd(easter + days{1}), "Annandag påsk", P},
        {y / date::May / 1, "Första maj", P},
        {ymd(easter + days{39}), "Kristi himmelsfärdsdag", P},
        {y / date::June / 6, "Sveriges nationaldag", P},
        {ymd(easter + days{49}), "Pingstdagen", P},
        {ymd(midsommardagen - days{1}), "Midsommarafton", D},
        {ymd(midsommardagen), "Midsommardagen", P},
        {ymd(alla_helgon), "Alla helgons dag", P},
        {y / date::December / 24, "Julafton", D},
        {y / date::December / 25, "Juldagen", P},
        {y / date::December / 26, "Annandag jul", P},
        {y / date::December / 31, "Nyårsafton", D},
    };
    std::stable_sort(v.begin(), v.end(),
                     [](const holiday& x, const holiday& z) { return x.date < z.date; });
    return v;
}

result<holiday_calendar> holiday_calendar::for_years(const holiday_provider& provider,
                                                     date::year first, date::year last) {
    if (first > last)
        return error{
            "empty year range " + std::to_string(int{first}) + ".." + std::to_string(int{last}),
            {}};
    holiday_calendar cal;
    for (auto y = first; y <= last; ++y) {
        auto year_days = provider.holidays_of(y);
        if (!year_days) return year_days.errors();
        // A plugin's provider may list a year unsorted: sort it (stable, so
        // two on one day keep their order). Years are appended in order, so
        // the whole vector stays sorted.
        std::stable_sort(year_days->begin(), year_days->end(),
                         [](const holiday& x, const holiday& z) { return x.date < z.date; });
        cal.days_.insert(cal.days_.end(), std::make_move_iterator(year_days->begin()),
                         std::make_move_iterator(year_days->end()));
    }
    return cal;
}

const holiday* holiday_calendar::on(date::year_month_day d) const {
    // Binary search; lower_bound gives the first entry of the day if two share it.
    auto it = std::lower_bound(
        days_.begin(), days_.end(), d,
        [](const holiday& h, const date::year_month_day& x) { return h.date < x; });
    return it != days_.end() && it->date == d ? &*it : nullptr;
}

std::optional<date::sys_days> swedish_general_election(date::year y) {
    if (int(y) < 1994 || int(y) % 4 != 2) return std::nullopt;
    const unsigned nth = int(y) >= 2014 ? 2 : 3;
    return date::sys_days{y / date::September / date::Sunday[nth]};
}

const char* to_string(holiday_kind k) {
    switch (k) {
        case holiday_kind::public_holiday:
            return "public holiday";
        case holiday_kind::day_off:
            return "day off";
    }
    return "unknown";
}

}  // namespace cycle
