// Plan loader: any bytes as a plan file of the built-in wheel; what loads
// must plan, export as ics, and round-trip as a plan file.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cycle;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const calendar& cal = default_calendar();
    auto pf = load_plan_string(text, "fuzz.toml", cal);
    if (!pf) return 0;
    const int year = pf->entries.empty() ? cal.first_year : pf->entries.front().cycle_year;
    auto p = make_plan(cal, {.year = year, .fixed = &*pf});
    if (!p) {
        fuzz::no_internal_error(p.errors());
        return 0;
    }
    fuzz::plan_file_round_trip(cal, *p);
    fuzz::export_ics(cal, *p);
    return 0;
}
