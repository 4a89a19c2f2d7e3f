// Terms of office of a body (term_reader.hpp).
#include "term_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cycle/constraint.hpp"
#include "cycle/occurrence.hpp"

namespace cycle::detail {
namespace {

constexpr int first_term_year = 1900, last_term_year = 2200;

bool in_range(const date::year_month_day& d) {
    return d.year() >= date::year{first_term_year} && d.year() <= date::year{last_term_year};
}

// One [[body.term]] table; none when its days are missing or wrong.
std::optional<body_term> read_term(table_reader& body_reader, const toml::table& t,
                                   const std::string& body_id,
                                   std::vector<calendar_reference>& references) {
    table_reader r(t, fmt::format("[[body]] '{}' term", body_id), body_reader.file(),
                   body_reader.errors_out(), {"from", "to", "people", "source", "assumed"});
    body_term term;
    term.where = r.where();
    auto from = r.date("from", true);
    auto to = r.date("to", true);
    for (const auto& [key, day] : {std::pair{"from", from}, std::pair{"to", to}})
        if (day && !in_range(*day))
            r.error_at_key(key, fmt::format("{}: '{}' must be a day of the years {}–{}", r.what(),
                                            key, first_term_year, last_term_year));
    if (auto people = r.strings("people"))
        for (auto& p : *people) term.people.push_back(std::move(p.value));
    if (const toml::table* s = r.table("source")) {
        table_reader sr(*s, fmt::format("{} source", r.what()), r.file(), r.errors_out(),
                        {"document", "section", "lines"});
        term.source.document = sr.reference("document", true).value_or("");
        references.push_back({calendar_reference::source, term.source.document,
                              sr.where("document"), "source.document"});
        term.source.section = sr.string("section").value_or("");
        term.source.lines = sr.string("lines").value_or("");
        sr.finish();
    }
    if (auto why = r.string("assumed")) {
        if (why->find_first_not_of(" \t\n") == std::string::npos)
            r.error_at_key("assumed", fmt::format("{}: 'assumed' says why the term is a guess; "
                                                  "it cannot be empty",
                                                  r.what()));
        term.assumed = std::move(*why);
        term.assumed_where = r.where("assumed");
    }
    std::optional<body_term> out;
    if (from && to && in_range(*from) && in_range(*to)) {
        term.first = date::sys_days{*from};
        term.last = date::sys_days{*to};
        if (term.last < term.first)
            r.error_at_key("to", fmt::format("{}: 'to' {} is before 'from' {}", r.what(),
                                             iso_date(term.last), iso_date(term.first)));
        else
            out = std::move(term);
    }
    r.finish();
    return out;
}

}  // namespace

void read_terms(table_reader& r, body& b, std::vector<calendar_reference>& references) {
    const toml::node* n = r.node("term");
    if (!n) return;
    const toml::array* arr = n->as_array();
    if (!arr || !arr->is_array_of_tables()) {
        r.error_at(*n, fmt::format("[[body]] '{}': 'term' must be an array of tables "
                                   "([[body.term]])",
                                   b.id));
        return;
    }
    for (const toml::node& t : *arr)
        if (auto term = read_term(r, *t.as_table(), b.id, references))
            b.terms.push_back(std::move(*term));
    std::stable_sort(b.terms.begin(), b.terms.end(),
                     [](const body_term& x, const body_term& y) { return x.first < y.first; });
    // Who sits on a day is one term's people: two terms may not share a day.
    // (`before`: of the terms that begin earlier, the one that ends last.)
    for (std::size_t i = 1, latest = 0; i < b.terms.size(); ++i) {
        const body_term& before = b.terms[latest];
        const body_term& term = b.terms[i];
        if (term.last > before.last) latest = i;
        if (term.first <= before.last)
            r.errors_out().push_back(
                {fmt::format("[[body]] '{}': the term {} – {} overlaps the term {} – {} at {}; a "
                             "term begins after the one before it ends",
                             b.id, iso_date(term.first), iso_date(term.last),
                             iso_date(before.first), iso_date(before.last),
                             before.where.to_string()),
                 term.where});
    }
}

namespace {

// Whether `id` sits at some occurrence of `e` (bodies_sitting, over every
// member of a per-member event and every variant of a recurring one).
bool sits_at(const calendar& cal, const event_template& e, const std::string& id) {
    auto has = [&](const std::vector<std::string>& list) {
        return std::find(list.begin(), list.end(), id) != list.end();
    };
    if (e.organiser == id || has(e.co_organisers)) return true;
    if (!attended_event(e)) return false;
    if (e.per_member) return id != e.per_member->body && cal.is_member_of(id, e.per_member->body);
    if (has(e.audiences)) return true;
    for (const auto& v : e.variants)
        if (has(v.audiences)) return true;
    return false;
}

}  // namespace

void check_terms(const calendar& cal, errors& out) {
    for (const auto& b : cal.bodies) {
        if (b.terms.empty()) continue;
        const bool sits = std::any_of(cal.events.begin(), cal.events.end(),
                                      [&](const event_template& e) { return sits_at(cal, e, b.id); });
        if (!sits)
            out.push_back({fmt::format("[[body]] '{}': its terms of office do nothing: it organises "
                                       "no event and is booked at no meeting, conference or "
                                       "dialogue; remove them",
                                       b.id),
                           b.terms.front().where});
    }
}

}  // namespace cycle::detail
