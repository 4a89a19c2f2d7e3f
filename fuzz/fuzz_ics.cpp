// .ics importer: any bytes as an .ics file read against the built-in wheel;
// what it imports must be writable as a plan file that loads again (what
// `cycle import ics` writes, `cycle check` reads).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <tuple>

#include "fuzz_support.hpp"

namespace {

// The imported entries as a plan, as `cycle import` does.
cycle::plan plan_of(const cycle::calendar& cal, const cycle::plan_file& pf) {
    cycle::plan p;
    p.calendar_id = pf.calendar_id;
    p.first_year = p.last_year = cal.first_year;
    for (const auto& e : pf.entries) {
        cycle::occurrence o;
        o.event = e.event;
        o.member = e.member;
        o.cycle_year = e.cycle_year;
        o.date = e.date;
        o.end_date = e.end_date.value_or(e.date);
        o.start_time = e.start_time;
        o.duration = e.duration.value_or(std::chrono::minutes{0});
        o.fixed = true;
        o.status = e.status;
        o.note = e.note;
        p.occurrences.push_back(std::move(o));
    }
    return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cycle;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const calendar& cal = default_calendar();
    auto read = fuzz::plugins().find_importer("ics")->read(cal, bytes, "fuzz.ics");
    if (!read) return 0;
    fuzz::plan_file_round_trip(cal, plan_of(cal, read->plan));
    return 0;
}
