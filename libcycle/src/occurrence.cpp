#include "cycle/occurrence.hpp"

#include <date/iso_week.h>
#include <fmt/format.h>

namespace cycle {

const char* to_string(occurrence_status s) {
    switch (s) {
        case occurrence_status::planned: return "planned";
        case occurrence_status::held: return "held";
        case occurrence_status::cancelled: return "cancelled";
    }
    return "?";
}

unsigned occurrence::iso_week() const {
    return unsigned(iso_week::year_weeknum_weekday{date}.weeknum());
}

std::string week_label(date::sys_days d) {
    return fmt::format("v. {}", unsigned(iso_week::year_weeknum_weekday{d}.weeknum()));
}

}  // namespace cycle
