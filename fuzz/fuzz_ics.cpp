// .ics importer: any bytes as an .ics file read against the built-in wheel;
// what it imports must be writable as a plan file that loads again (what
// `cycle import ics` writes, `cycle check` reads).
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cycle;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const calendar& cal = default_calendar();
    auto read = fuzz::plugins().find_importer("ics")->read(cal, bytes, "fuzz.ics");
    if (!read) return 0;
    // The imported entries as a plan, as `cycle import` does (plan_of).
    fuzz::plan_file_round_trip(cal, plan_of(cal, read->plan));
    return 0;
}
