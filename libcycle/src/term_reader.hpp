// term_reader.hpp — reads a body's terms of office, `[[body.term]]`
// (internal; docs/calendar-format.md, "Terms of office").
#pragma once

#include <vector>

#include "calendar_references.hpp"
#include "cycle/calendar.hpp"
#include "toml_reader.hpp"

namespace cycle::detail {

// The [[body.term]] tables of a [[body]]: from and to (TOML dates, from on
// or before to), people, source and assumed; terms of one body may not
// overlap. They are kept in order of their first day. A term's
// source.document is added to `references` for the loader to check.
void read_terms(table_reader& r, body& b, std::vector<calendar_reference>& references);

// Terms that do nothing: of a body that sits at no event (organises none,
// and is booked at no meeting, conference or dialogue), once the whole
// calendar is read. An error at the body's first term.
void check_terms(const calendar& cal, errors& out);

}  // namespace cycle::detail
