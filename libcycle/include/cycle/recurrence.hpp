// recurrence.hpp — an event that occurs several times in a cycle year.
//
// The documents say "sammanträder en gång i månaden" (meets once a month),
// "bjuds in till vart annat möte" (invited to every other meeting) and
// "minst två gånger per år" (at least twice a year). An [[event]] says it
// with `repeat` over its window (docs/calendar-format.md, "Recurring events"):
//
//   months = [8, 6], repeat = "monthly"      -> one in each month, August–June
//   months = [8, 6], repeat = { every = "month", weekday = "wed", nth = 2 }
//                                            -> the second Wednesday of each month
//   months = [1, 12], repeat = { times = 2 } -> two: one in each half of the year
//
// and [[event.variant]] says what some of the occurrences add:
//
//   [[event.variant]]
//   every = 2        # every other occurrence ...
//   from = 2         # ... from the second: 2, 4, 6, ...
//   audiences = ["samordnare"]
//   title = "Beredningsgruppens möte med samordnarna"
//
// Each occurrence has its own number in the cycle year (occurrence_id::index,
// from 1) and its own window: the month, the day the weekday rule names in
// it, or the n-th equal part of the event's window. Everything else (the
// working days, `weekdays`, `prefer`, `after`, the deadline) holds for each
// occurrence as for a single one.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cycle/error.hpp"
#include "cycle/rule.hpp"

namespace cycle {

struct event_template;

// One occurrence in each month of the window: `repeat = "monthly"`; with a
// weekday rule, the day it names in each month (nth 1..5, or -1 for the last).
struct monthly_repeat {
    std::optional<date::weekday> weekday;
    int nth = 0;  // with weekday: 1..5 or -1 (last); else 0
};
// `repeat = { times = n }`: n occurrences, the window cut into n equal parts.
struct times_repeat {
    unsigned times = 1;
};

using repeat_form = std::variant<monthly_repeat, times_repeat>;

struct recurrence {
    repeat_form form;
    source_region where;  // the `repeat` key
};

// What some occurrences of a recurring event add ([[event.variant]]): which
// ones (`every` n from `from`, or the `numbers` listed), and the audiences,
// title and description they add or replace.
struct occurrence_variant {
    unsigned every = 0;  // 0: only `numbers`
    unsigned from = 1;
    std::vector<unsigned> numbers;
    std::vector<std::string> audiences;  // added to the event's
    std::string title;                   // replaces the event's, when given
    std::string description;             // replaces the event's, when given
    source_region where;

    bool applies_to(unsigned index) const;
};

// How many occurrences a recurring event has in a cycle year (0 for an event
// that does not recur): the months its window touches, or `times`.
unsigned occurrence_count(const event_template& e, int cycle_year);

// The window of a recurring event's index-th occurrence (1-based) in a cycle
// year: its month of the window, the day the weekday rule names in that
// month, or its equal part of the window. An error when that day does not
// exist (no fifth Wednesday) or the index is out of range.
result<day_window> occurrence_window(const event_template& e, int cycle_year, unsigned index);

// The occurrence whose window holds day `d` (plan files without `index`,
// imported feeds), or 0 when none does.
unsigned occurrence_at(const event_template& e, int cycle_year, date::sys_days d);

// The title and description of one occurrence: a variant's, else the event's.
const std::string& title_for(const event_template& e, unsigned index);
const std::string& description_for(const event_template& e, unsigned index);
// The audiences of one occurrence: the event's and those its variants add.
std::vector<std::string> audiences_for(const event_template& e, unsigned index);

// "monthly", "monthly, the second Wednesday", "2 times": the rule in words.
std::string describe(const recurrence& r);

}  // namespace cycle
