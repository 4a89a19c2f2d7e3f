// ics_validate.hpp — what libical says about a feed: every X-LIC-ERROR its
// parser adds for a line it cannot read, and every RFC 5545 restriction
// (icalrestriction_check: properties required, allowed once, allowed under
// METHOD, RFC 5546) the feed breaks. The tests check every feed they
// generate with it; the exporter does not re-parse what it writes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cycle::ical {

// Empty when libical reads the feed without a complaint. iTIP (RFC 5546)
// wants an ORGANIZER in every published event, but ORGANIZER must be an
// address; a feed published without one may pass `no_organizer` to accept
// exactly that restriction.
std::vector<std::string> libical_problems(std::string_view feed, bool no_organizer = false);

}  // namespace cycle::ical
