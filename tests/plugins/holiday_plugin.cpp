// A holiday provider from a plugin, for the seam tests: "test-land", whose
// only holiday is Testdagen, 13 October, and whose only day off is
// Testafton, 12 October, in every year. The Swedish holidays do not apply
// in test-land: a calendar with `holidays = "test-land"` plans on Första maj.
#include <date/date.h>

#include <memory>

#include "cycle/plugin.hpp"

namespace {

class test_land final : public cycle::holiday_provider {
public:
    std::string name() const override { return "test-land"; }
    std::string description() const override { return "Holidays of test-land"; }
    cycle::result<std::vector<cycle::holiday>> holidays_of(date::year y) const override {
        // Unsorted on purpose: holiday_calendar sorts what a provider gives.
        return std::vector<cycle::holiday>{
            {y / date::October / 13, "Testdagen", cycle::holiday_kind::public_holiday},
            {y / date::October / 12, "Testafton", cycle::holiday_kind::day_off},
        };
    }
};

void register_test_land(cycle::registry& r) {
    r.add_holiday_provider(std::make_unique<test_land>());
}

}  // namespace

const cycle_plugin_info test_land_plugin{CYCLE_PLUGIN_API_VERSION, "test-land", "1.0",
                                         "Holidays of test-land", &register_test_land};
CYCLE_PLUGIN_ENTRY_POINT(test_land_plugin)
