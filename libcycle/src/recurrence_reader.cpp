// Reads and checks recurring events and same-member chains
// (recurrence_reader.hpp).
#include "recurrence_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cycle/occurrence.hpp"
#include "suggest.hpp"
#include "value_parsing.hpp"

namespace cycle::detail {
namespace {

// { every = "month", weekday = "wed", nth = 2 } or { times = 2 }.
std::optional<repeat_form> read_repeat_table(table_reader& r, const toml::table& t,
                                             const event_template& e) {
    table_reader rt(t, fmt::format("[[event]] '{}' repeat", e.id), r.file(), r.errors_out(),
                    {"every", "weekday", "nth", "times"});
    std::optional<repeat_form> out;
    if (rt.has("every") == rt.has("times")) {
        rt.error(
            fmt::format("[[event]] '{}' repeat: give either every = \"month\" or times = n", e.id));
    } else if (rt.has("times")) {
        if (auto n = rt.integer("times", 2, 366)) out = times_repeat{static_cast<unsigned>(*n)};
        if (rt.has("weekday") || rt.has("nth"))
            rt.error_at_key(rt.has("weekday") ? "weekday" : "nth",
                            fmt::format("[[event]] '{}' repeat: weekday and nth name a day in each "
                                        "month; they do nothing with 'times'",
                                        e.id));
    } else if (auto every = rt.string("every")) {
        if (*every != "month") {
            rt.error_at_key("every", fmt::format("[[event]] '{}' repeat: every is \"month\", not "
                                                 "'{}'",
                                                 e.id, *every));
        } else {
            monthly_repeat m;
            if (rt.has("weekday") != rt.has("nth"))
                rt.error(
                    fmt::format("[[event]] '{}' repeat: give weekday and nth together "
                                "(nth = 2 for the second, -1 for the last)",
                                e.id));
            if (auto wd = rt.string("weekday")) {
                m.weekday = parse_weekday(*wd);
                if (!m.weekday)
                    rt.error_at_key(
                        "weekday",
                        fmt::format("[[event]] '{}' repeat: '{}' is not a weekday", e.id, *wd));
            }
            if (auto nth = rt.integer("nth", -1, 5)) {
                if (*nth == 0)
                    rt.error_at_key("nth", fmt::format("[[event]] '{}' repeat: nth is 1–5, or -1 "
                                                       "for the last",
                                                       e.id));
                m.nth = static_cast<int>(*nth);
            }
            if (m.weekday && m.nth)
                out = m;
            else if (!rt.has("weekday") && !rt.has("nth"))
                out = monthly_repeat{};
        }
    }
    rt.finish();
    return out;
}

void read_variant(table_reader& r, const toml::table& t, event_template& e) {
    table_reader v(t, fmt::format("[[event]] '{}' variant", e.id), r.file(), r.errors_out(),
                   {"every", "from", "numbers", "audiences", "title", "description"});
    occurrence_variant out;
    out.where = v.where();
    out.every = static_cast<unsigned>(v.integer("every", 2, 366).value_or(0));
    if (auto from = v.integer("from", 1, 366)) {
        out.from = static_cast<unsigned>(*from);
        if (!v.has("every"))
            v.error_at_key("from", fmt::format("[[event]] '{}' variant: 'from' does nothing "
                                               "without 'every'",
                                               e.id));
    }
    if (const toml::array* numbers = v.array("numbers")) {
        for (const toml::node& n : *numbers) {
            const auto* i = n.as_integer();
            if (!i || i->get() < 1 || i->get() > 366)
                v.error_at(n, fmt::format("[[event]] '{}' variant: each of 'numbers' is an "
                                          "occurrence number from 1",
                                          e.id));
            else
                out.numbers.push_back(static_cast<unsigned>(i->get()));
        }
    }
    if (!v.has("every") && !v.has("numbers"))
        v.error(
            fmt::format("[[event]] '{}' variant: say which occurrences with 'every' (and "
                        "'from') or 'numbers'",
                        e.id));
    if (auto audiences = v.strings("audiences"))
        for (auto& a : *audiences) out.audiences.push_back(std::move(a.value));
    out.title = v.string("title").value_or("");
    out.description = v.string("description").value_or("");
    if (out.audiences.empty() && out.title.empty() && out.description.empty())
        v.error(
            fmt::format("[[event]] '{}' variant: it changes nothing; give 'audiences', "
                        "'title' or 'description'",
                        e.id));
    v.finish();
    e.variants.push_back(std::move(out));
}

std::string timing_name(const timing_form& f) {
    if (std::holds_alternative<whole_month>(f)) return "month";
    if (std::holds_alternative<month_range>(f)) return "months";
    if (std::holds_alternative<iso_week_rule>(f)) return "week";
    if (std::holds_alternative<relative_rule>(f)) return "relative_to";
    return "a single day";
}

// The combinations a repeat cannot have, each with why.
void check_repeat(const event_template& e, errors& out) {
    const recurrence& rep = *e.repeat;
    auto fail = [&](std::string why) {
        out.push_back({fmt::format("[[event]] '{}': repeat {}", e.id, why), rep.where});
    };
    const bool monthly = std::holds_alternative<monthly_repeat>(rep.form);
    if (e.timing.relative())
        return fail(
            "needs a window of its own (months = [first, last]); an event placed "
            "relative to another occurs once");
    if (e.per_member)
        return fail(
            "and per_member together are not supported: give each member's meetings "
            "in a plan file");
    if (e.kind == event_kind::window || e.kind == event_kind::deadline)
        return fail(
            fmt::format("is for meetings, conferences, dialogues and milestones; a {} "
                        "spans or marks one window",
                        to_string(e.kind)));
    if (e.held) return fail("is not history: held = true marks one day that happened");
    if (monthly && !std::holds_alternative<month_range>(e.timing.form))
        return fail(
            fmt::format("= \"monthly\" needs months = [first, last] to cut into months, "
                        "not {}",
                        timing_name(e.timing.form)));
    const bool one_day = std::holds_alternative<fixed_day>(e.timing.form) ||
                         std::holds_alternative<nth_weekday>(e.timing.form) ||
                         std::holds_alternative<last_weekday>(e.timing.form) ||
                         (std::holds_alternative<iso_week_rule>(e.timing.form) &&
                          std::get<iso_week_rule>(e.timing.form).weekday);
    if (!monthly && one_day)
        return fail("needs a window of several days to cut into parts, not a single day");
}

}  // namespace

void read_recurrence(table_reader& r, event_template& e) {
    if (const toml::node* n = r.node("repeat")) {
        std::optional<repeat_form> form;
        if (const auto* s = n->as_string()) {
            if (s->get() == "monthly")
                form = monthly_repeat{};
            else
                r.error_at(*n, fmt::format("[[event]] '{}': repeat is \"monthly\", "
                                           "{{ every = \"month\", weekday = \"wed\", nth = 2 }} "
                                           "or {{ times = 2 }}, not '{}'",
                                           e.id, s->get()));
        } else if (const auto* t = n->as_table()) {
            form = read_repeat_table(r, *t, e);
        } else {
            r.error_at(*n, fmt::format("[[event]] '{}': repeat is \"monthly\" or a table such "
                                       "as {{ times = 2 }}",
                                       e.id));
        }
        if (form) e.repeat = recurrence{*form, r.where("repeat")};
    }
    const toml::node* variants = r.node("variant");
    if (!variants) return;
    const toml::array* arr = variants->as_array();
    if (!arr || !arr->is_array_of_tables()) {
        r.error_at(*variants, fmt::format("[[event]] '{}': 'variant' must be an array of tables "
                                          "([[event.variant]])",
                                          e.id));
        return;
    }
    for (const toml::node& t : *arr) read_variant(r, *t.as_table(), e);
    if (!r.has("repeat") && !e.variants.empty())
        r.error_at(*variants, fmt::format("[[event]] '{}': [[event.variant]] does nothing "
                                          "without repeat: the event occurs once a year",
                                          e.id));
}

void read_same_member(table_reader& r, event_template& e) {
    auto same = r.boolean("same_member");
    if (!same) return;
    e.same_member = *same;
    e.same_member_where = r.where("same_member");
    if (*same && !r.has("per_member"))
        r.error_at_key("same_member", fmt::format("[[event]] '{}': same_member does nothing "
                                                  "without per_member: the event has no "
                                                  "members",
                                                  e.id));
    else if (!*same)
        r.error_at_key("same_member", fmt::format("[[event]] '{}': same_member = false is the "
                                                  "default; remove it",
                                                  e.id));
}

void check_recurrences(const calendar& cal, errors& out) {
    std::vector<std::string> body_ids;
    for (const auto& e : cal.events) {
        if (!e.repeat) continue;
        const std::size_t before = out.size();
        check_repeat(e, out);
        if (out.size() != before) continue;
        unsigned fewest = 0;
        bool first = true;
        for (int y = cal.first_year; y <= cal.last_plannable_year(); ++y) {
            if (!e.years.selects(y - cal.first_year + 1, cal.cycle_length())) continue;
            const unsigned count = occurrence_count(e, y);
            fewest = first ? count : std::min(fewest, count);
            first = false;
            bool ok = true;
            for (unsigned i = 1; i <= count && ok; ++i)
                if (auto w = occurrence_window(e, y, i); !w) {
                    out.push_back(w.errors().front());
                    ok = false;
                } else if ((w->last - w->first).count() + 1 < static_cast<long>(e.days)) {
                    out.push_back({fmt::format("[[event]] '{}': a {}-day event does not fit the "
                                               "window of its occurrence {} ({})",
                                               e.id, e.days, i, window_text(*w)),
                                   e.repeat->where});
                    ok = false;
                }
            if (!ok) break;
        }
        for (const auto& v : e.variants) {
            for (unsigned n : v.numbers)
                if (n > fewest)
                    out.push_back({fmt::format("[[event]] '{}' variant: there is no occurrence "
                                               "number {} (the event has {} a year)",
                                               e.id, n, fewest),
                                   v.where});
            if (v.every && v.from > fewest)
                out.push_back({fmt::format("[[event]] '{}' variant: from = {} is past the last "
                                           "occurrence ({} a year)",
                                           e.id, v.from, fewest),
                               v.where});
            for (const auto& a : v.audiences) {
                if (cal.find_body(a)) continue;
                if (body_ids.empty())
                    for (const auto& b : cal.bodies) body_ids.push_back(b.id);
                out.push_back({fmt::format("unknown body '{}' in variant audiences{}", a,
                                           did_you_mean(a, body_ids)),
                               v.where});
            }
        }
    }
}

namespace {
// Whether `ref` (an after or relative_to of `e`) is a per-member event of the
// same body, named without a member: what same_member chains.
bool chains(const calendar& cal, const event_template& e, const std::string& ref) {
    const auto [event, member] = split_reference(ref);
    if (!member.empty() || !e.per_member) return false;
    const event_template* other = cal.find_event(cal.resolve_alias(event));
    return other && other->per_member && other->per_member->body == e.per_member->body;
}
}  // namespace

void check_same_member(const calendar& cal, errors& out) {
    for (const auto& e : cal.events) {
        if (!e.same_member) continue;
        bool any = std::any_of(e.after.begin(), e.after.end(),
                               [&](const std::string& a) { return chains(cal, e, a); });
        if (const relative_rule* rel = e.timing.relative())
            any = any || chains(cal, e, rel->anchor);
        if (!any)
            out.push_back({fmt::format("[[event]] '{}': same_member does nothing: no 'after' or "
                                       "'relative_to' names a per-member event of '{}' without "
                                       "a member",
                                       e.id, e.per_member ? e.per_member->body : ""),
                           e.same_member_where});
    }
}

std::string member_reference(const calendar& cal, const event_template& e, const std::string& ref,
                             const std::string& member) {
    if (!e.same_member || member.empty() || !chains(cal, e, ref)) return ref;
    return ref + "/" + member;
}

}  // namespace cycle::detail
