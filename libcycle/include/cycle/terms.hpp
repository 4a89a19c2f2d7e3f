// terms.hpp — who sits when: the terms of office ([[body.term]],
// docs/calendar-format.md) an occurrence falls in.
//
// A body with terms sits only within them: "Politisk styrgrupp 5 maj 2023 –
// 31 december 2026" (seed 001, line 155). For an occurrence, each body that
// sits at it (bodies_sitting, constraint.hpp: its organisers, and the bodies
// a meeting, conference or dialogue books) and has terms is shown with the
// term of its first day:
//
//   for (const auto& s : cycle::terms_of(cal, o))
//       cycle::term_text(cal, s);  // "Politisk styrgrupp 2023-05-05 – 2026-12-31"
//
// `cycle plan --explain`, the JSON "terms" and plan files say so; a day
// outside every term is a `cycle check` finding (out-of-term).
#pragma once

#include <string>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/occurrence.hpp"

namespace cycle {

struct sitting_term {
    std::string body;                 // a body that sits at the occurrence and has terms
    const body_term* term = nullptr;  // the term of its first day; nullptr: outside every term
};

// The bodies with terms that sit at `o`, in bodies_sitting order; empty
// when none has terms (every calendar without [[body.term]]).
std::vector<sitting_term> terms_of(const calendar& cal, const occurrence& o);

// In the calendar's language: "Politisk styrgrupp 2023-05-05 – 2026-12-31",
// with " (preliminärt)" for an assumed term, or "Politisk styrgrupp –
// utanför alla mandatperioder".
std::string term_text(const calendar& cal, const sitting_term& s);

}  // namespace cycle
