#include "zone_names.hpp"

#include <utility>

#include "cycle/zone.hpp"

namespace cycle::ical {
namespace {

bool known(std::string_view name) {
    return locate_zone(name).ok();
}

// Windows time zone names (as Outlook and Exchange write them in TZID) for
// Europe and UTC, with the zone CLDR's windowsZones.xml maps them to.
constexpr std::pair<std::string_view, std::string_view> windows_zones[] = {
    {"W. Europe Standard Time", "Europe/Berlin"},
    {"Romance Standard Time", "Europe/Paris"},
    {"Central Europe Standard Time", "Europe/Budapest"},
    {"Central European Standard Time", "Europe/Warsaw"},
    {"GMT Standard Time", "Europe/London"},
    {"Greenwich Standard Time", "Atlantic/Reykjavik"},
    {"FLE Standard Time", "Europe/Kiev"},
    {"E. Europe Standard Time", "Europe/Chisinau"},
    {"GTB Standard Time", "Europe/Bucharest"},
    {"Russian Standard Time", "Europe/Moscow"},
    {"UTC", "Etc/UTC"},
    {"Coordinated Universal Time", "Etc/UTC"},
};

}  // namespace

std::optional<std::string> iana_zone(std::string_view tzid) {
    // Quoted TZIDs reach us unquoted; trim stray spaces.
    while (!tzid.empty() && tzid.front() == ' ') tzid.remove_prefix(1);
    while (!tzid.empty() && tzid.back() == ' ') tzid.remove_suffix(1);
    if (tzid.empty()) return std::nullopt;
    for (const auto& [windows, iana] : windows_zones)
        if (tzid == windows) return std::string(iana);
    // The name itself, or what follows any '/' of a vendor prefix.
    for (std::size_t from = 0; from < tzid.size();) {
        auto candidate = tzid.substr(from);
        if (candidate.front() != '/' && known(candidate)) return std::string(candidate);
        auto slash = tzid.find('/', from);
        if (slash == std::string_view::npos) break;
        from = slash + 1;
    }
    return std::nullopt;
}

}  // namespace cycle::ical
