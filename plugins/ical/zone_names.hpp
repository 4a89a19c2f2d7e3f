// zone_names.hpp — the IANA zone behind a TZID as clients write it.
//
//   "Europe/Stockholm"                                   -> Europe/Stockholm
//   "/freeassociation.sourceforge.net/Europe/Stockholm"  -> Europe/Stockholm (libical's prefix)
//   "/mozilla.org/20050126_1/Europe/Stockholm"           -> Europe/Stockholm (old Thunderbird)
//   "W. Europe Standard Time"                            -> Europe/Berlin (Outlook, Windows names,
//                                                           CLDR windowsZones "001" territory)
//
// An unknown name gives no zone; the importer then uses the file's own VTIMEZONE.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cycle::ical {

std::optional<std::string> iana_zone(std::string_view tzid);

}  // namespace cycle::ical
