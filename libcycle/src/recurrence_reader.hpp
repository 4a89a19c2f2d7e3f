// recurrence_reader.hpp — reads `repeat`, [[event.variant]] and
// `same_member` of an [[event]] (internal; docs/calendar-format.md,
// "Recurring events" and "A chain within one member"), and checks them
// against the whole calendar once it is read.
#pragma once

#include "cycle/calendar.hpp"
#include "toml_reader.hpp"

namespace cycle::detail {

// repeat = "monthly" | { every = "month", weekday, nth } | { times = n },
// and the [[event.variant]] tables.
void read_recurrence(table_reader& r, event_template& e);
// same_member = true.
void read_same_member(table_reader& r, event_template& e);

// What only the whole calendar shows: a repeat over a timing form it cannot
// cut, keys that do nothing with it (variants without repeat, a variant
// number it never reaches), unknown bodies in a variant, and a same_member
// that names no per-member event of the same body.
void check_recurrences(const calendar& cal, errors& out);
void check_same_member(const calendar& cal, errors& out);

// The reference an occurrence of `e` for `member` depends on: "ref/member"
// when e.same_member and `ref` names a per-member event over the same body
// (without a member of its own); `ref` otherwise.
std::string member_reference(const calendar& cal, const event_template& e, const std::string& ref,
                             const std::string& member);

}  // namespace cycle::detail
