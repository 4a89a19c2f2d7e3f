// Keys that are accepted where they have an effect only (idle_keys.hpp):
// one row per combination of a key and the events it does nothing on.
#include "idle_keys.hpp"

#include <fmt/format.h>

#include <set>
#include <string_view>
#include <variant>

namespace cycle::detail {
namespace {

// A window spans its window and a deadline marks its day: neither is
// placed on a chosen day.
bool spans_or_marks(const event_template& e) {
    return e.kind == event_kind::window || e.kind == event_kind::deadline;
}

// A rule that names its one day (a fixed day, the nth weekday, a weekday of
// a week) leaves the planner nothing to choose.
bool timing_names_one_day(const event_template& e) {
    return std::holds_alternative<fixed_day>(e.timing.form) ||
           std::holds_alternative<nth_weekday>(e.timing.form) ||
           std::holds_alternative<last_weekday>(e.timing.form) ||
           (std::holds_alternative<iso_week_rule>(e.timing.form) &&
            std::get<iso_week_rule>(e.timing.form).weekday);
}

// An event key that has no effect on some events (check_idle_keys).
struct idle_key_rule {
    const char* key;
    bool (*idle)(const event_template&);
    const char* why;
};

const std::vector<idle_key_rule>& idle_key_rules() {
    static const std::vector<idle_key_rule> rules{
        {"working_days_only", spans_or_marks,
         "does nothing on a window or deadline: a window spans its window and a deadline marks "
         "its day, on any day; remove it"},
        {"prefer", spans_or_marks,
         "does nothing on a window or deadline (it is not placed in its window); remove it"},
        {"weekdays", spans_or_marks,
         "does nothing on a window or deadline (it is not placed on a weekday); remove it"},
        {"days", spans_or_marks,
         "does nothing on a window or deadline (a window spans its window, a deadline is one "
         "day); remove it"},
        {"election_margin_days", spans_or_marks,
         "does nothing on a window or deadline (it is not placed); remove it"},
        {"prefer", [](const event_template& e) { return e.timing.relative() != nullptr; },
         "does nothing with 'relative_to': the offset names the day; remove it"},
        {"prefer", timing_names_one_day, "does nothing: the rule names one day; remove it"},
        {"weekdays", timing_names_one_day, "does nothing: the rule names one day; remove it"},
        {"gap_days", [](const event_template& e) { return e.after.empty(); },
         "does nothing without 'after' (a gap to what?); add after = [...] or remove it"},
        {"gap_working_days", [](const event_template& e) { return e.after.empty(); },
         "does nothing without 'after' (a gap to what?); add after = [...] or remove it"},
    };
    return rules;
}

}  // namespace

// Keys that would be accepted and do nothing on this event are errors at
// the key (docs/calendar-format.md, "Keys that do nothing"). One row per
// combination; tests/calendar_test.cpp walks every row.
void check_idle_keys(table_reader& r, const event_template& e) {
    std::set<std::string_view> reported;  // the first reason per key
    for (const auto& rule : idle_key_rules())
        if (r.has(rule.key) && rule.idle(e) && reported.insert(rule.key).second)
            r.error_at_key(rule.key,
                           fmt::format("[[event]] '{}': '{}' {}", e.id, rule.key, rule.why));
    const toml::table* pm = r.has("per_member") ? r.node("per_member")->as_table() : nullptr;
    if (pm && spans_or_marks(e))
        for (const char* key : {"max_per_day", "max_per_week", "buffer_days"})
            if (const toml::node* n = pm->get(key))
                r.error_at(*n, fmt::format("[[event]] '{}': per_member.{} does nothing on a "
                                           "{} (its occurrences are not placed, so there is "
                                           "nothing to cap); remove it",
                                           e.id, key, to_string(e.kind)));
}

}  // namespace cycle::detail
