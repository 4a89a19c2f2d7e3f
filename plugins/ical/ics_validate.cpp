#include "ics_validate.hpp"

#include <fmt/format.h>

#include "libical_handle.hpp"

namespace cycle::ical {
namespace {

void collect(icalcomponent* c, bool no_organizer, std::vector<std::string>& out) {
    for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
        const char* text = icalproperty_get_xlicerror(p);
        if (no_organizer && text &&
            std::string_view(text) ==
                "Failed iTIP restrictions for ORGANIZER property. Expected 1 instances of the "
                "property and got 0")
            continue;
        out.push_back(fmt::format("{}: {}", icalcomponent_kind_to_string(icalcomponent_isa(c)),
                                  text ? text : "X-LIC-ERROR"));
    }
    for (icalcomponent* sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); sub;
         sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
        collect(sub, no_organizer, out);
}

}  // namespace

std::vector<std::string> libical_problems(std::string_view feed, bool no_organizer) {
    std::vector<std::string> out;
    auto root = parse_ical(feed);
    if (auto e = ical_error()) out.push_back("libical: " + *e);
    if (!root) {
        out.push_back("libical finds no iCalendar component");
        return out;
    }
    if (icalcomponent_isa(root.get()) != ICAL_VCALENDAR_COMPONENT)
        out.push_back(fmt::format("the top component is {}, not one VCALENDAR",
                                  icalcomponent_kind_to_string(icalcomponent_isa(root.get()))));
    clear_ical_error();
    icalrestriction_check(root.get());  // adds an X-LIC-ERROR for each restriction broken
    if (auto e = ical_error()) out.push_back("libical: " + *e);
    collect(root.get(), no_organizer, out);
    return out;
}

}  // namespace cycle::ical
