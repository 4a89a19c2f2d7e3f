#include "cycle/timezone.hpp"

#include <fmt/format.h>

#include "cycle/zone.hpp"

namespace cycle {

result<date::sys_seconds> to_utc(std::string_view zone, date::local_seconds local) {
    auto tz = locate_zone(zone);
    if (!tz) return tz.errors();
    date::local_info info = (*tz)->get_info(local);
    switch (info.result) {
        case date::local_info::unique:
            return date::sys_seconds{local.time_since_epoch() - info.first.offset};
        case date::local_info::ambiguous:
            // The earlier instant: the first pass through the repeated hour.
            return date::sys_seconds{local.time_since_epoch() - info.first.offset};
        case date::local_info::nonexistent:
            break;
    }
    return error{
        fmt::format("{} does not exist in {}: the clocks go forward from {} to {}",
                    date::format("%F %R", local), zone,
                    date::format("%R", date::local_seconds{info.first.end.time_since_epoch() +
                                                           info.first.offset}),
                    date::format("%R", date::local_seconds{info.second.begin.time_since_epoch() +
                                                           info.second.offset})),
        {}};
}

date::local_seconds to_local(std::string_view zone, date::sys_seconds instant) {
    return (*locate_zone(zone))->to_local(instant);
}

date::sys_days today_in(std::string_view zone) {
    const auto now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return date::sys_days{date::floor<date::days>(to_local(zone, now)).time_since_epoch()};
}

std::chrono::seconds utc_offset(std::string_view zone, date::sys_seconds instant) {
    return (*locate_zone(zone))->get_info(instant).offset;
}

}  // namespace cycle
