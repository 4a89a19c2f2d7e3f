// explanation_words.hpp — explain(cal, o) for many occurrences: the words of
// each event's narrowings ("window 2026-05-01 – 2026-05-31 (May)") made once
// and kept while its occurrences share them, as the members of a per-member
// event do (a JSON plan of 100,000 occurrences made them 100,000 times).
#pragma once

#include <string>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/explanation.hpp"
#include "cycle/occurrence.hpp"

namespace cycle::detail {

class explanation_words {
public:
    explicit explanation_words(const calendar& cal) : cal_(cal) {}
    // The same text as explain(cal, o).
    std::string explain(const occurrence& o);

private:
    struct kept {
        bool made = false;
        std::vector<narrowing> narrowed;
        std::string text;
    };
    const calendar& cal_;
    std::vector<kept> kept_;  // by the event's place in cal.events
};

}  // namespace cycle::detail
