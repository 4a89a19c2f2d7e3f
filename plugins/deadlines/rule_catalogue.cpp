#include "rule_catalogue.hpp"

namespace cycle::deadlines {

const std::vector<rule_info>& rule_catalogue() {
    static const std::vector<rule_info> rules{
        {"outside-window", severity::error, "an occurrence outside the window its rule allows"},
        {"deadline-missed", severity::error, "an occurrence that ends after its deadline"},
        {"precedence", severity::error,
         "an occurrence not after every occurrence of an event in its 'after'"},
        {"offset", severity::error, "a lead time (relative_to + offset) not kept"},
        {"missing", severity::error, "a required occurrence absent from the plan, or cancelled"},
        {"duplicate", severity::error, "the same occurrence (event, member, year) twice"},
        {"holiday", severity::warning, "a meeting on a Swedish public holiday"},
        {"day-off", severity::warning,
         "a meeting on a de facto day off (Midsommarafton, Julafton, ...)"},
        {"weekend", severity::warning, "a meeting on a Saturday or Sunday"},
        {"closure", severity::warning, "a meeting while a body concerned is closed (e.g. höstlov)"},
        {"short-day", severity::warning,
         "a full-day event on the eve of a public holiday (a short working day)"},
        {"election-day", severity::warning,
         "an event closer to a general election than its election_margin_days"},
        // A warning: a new term usually follows the last one written down;
        // the calendar is then missing it, rather than the plan being wrong.
        {"out-of-term", severity::warning,
         "a body meeting or organising on a day outside every one of its terms of office "
         "([[body.term]])"},
        {"body-clash", severity::warning,
         "a body booked twice on one day, or a member expected at two events"},
        {"time-overlap", severity::error, "two events of one body at overlapping times on one day"},
        {"weekday", severity::warning,
         "a meeting whose first day is not one of its event's weekdays (weekdays = [...])"},
        // A warning: caps protect the people who attend (one dialogue a day for
        // the unit's staff), not a rule of the wheel; a plan may knowingly
        // hold two the same day, and the planner keeps them anyway.
        {"caps", severity::warning,
         "more occurrences of a per-member event on one day or ISO week than max_per_day / "
         "max_per_week allow"},
        {"overdue", severity::warning, "with --today: due before today and not marked held"},
    };
    return rules;
}

}  // namespace cycle::deadlines
