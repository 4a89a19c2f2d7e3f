// Who sits when (terms.hpp).
#include "cycle/terms.hpp"

#include <fmt/format.h>

#include "cycle/constraint.hpp"
#include "cycle/texts.hpp"

namespace cycle {

std::vector<sitting_term> terms_of(const calendar& cal, const occurrence& o) {
    std::vector<sitting_term> out;
    const event_template* e = cal.has_terms() ? cal.find_event(o.event) : nullptr;
    if (!e) return out;
    for (auto& id : bodies_sitting(*e, o.member, o.index)) {
        const body* b = cal.find_body(id);
        if (!b || b->terms.empty()) continue;
        out.push_back({std::move(id), b->term_on(o.date)});
    }
    return out;
}

std::string term_text(const calendar& cal, const sitting_term& s) {
    const texts& t = texts_for(cal.language);
    const std::string who = cal.body_label(s.body);
    if (!s.term) return fmt::format("{} – {}", who, t.outside_term);
    return fmt::format("{} {} – {}{}", who, iso_date(s.term->first), iso_date(s.term->last),
                       s.term->assumed.empty() ? "" : fmt::format(" ({})", t.preliminary));
}

}  // namespace cycle
