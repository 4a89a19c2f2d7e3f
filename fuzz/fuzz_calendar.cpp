// Calendar loader: any bytes as a calendar file; what loads must plan (or
// say why not), and its plan must export and round-trip as a plan file.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cycle;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto cal = load_calendar_string(text, "fuzz.toml");
    if (!cal) return 0;
    auto p = make_plan(*cal, {.year = cal->first_year, .fixed = nullptr});
    if (!p) {
        fuzz::no_internal_error(p.errors());
        return 0;
    }
    fuzz::plan_file_round_trip(*cal, *p);
    fuzz::export_ics(*cal, *p);
    return 0;
}
