// calendar_references.hpp — what the calendar loader checks once every
// table is read: that every id a calendar names exists (with "did you
// mean"), and that neither bodies' membership nor events' precedence is a
// cycle. Each finding is a located error.
#pragma once

#include <string>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/error.hpp"

namespace cycle::detail {

// An id a calendar names, where it names it, and in which key.
struct calendar_reference {
    enum kind_t { body, event, source } kind;
    std::string id;
    source_region where;
    const char* role;
};

void check_references(const calendar& cal, const std::vector<calendar_reference>& references,
                      errors& errs);
void check_membership_cycles(const calendar& cal, errors& errs);
void check_precedence_cycles(const calendar& cal, errors& errs);

}  // namespace cycle::detail
