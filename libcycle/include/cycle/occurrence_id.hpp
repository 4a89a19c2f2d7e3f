// occurrence_id.hpp — what identifies one occurrence across plans, plan
// files, diffs, imports, findings and feeds: the event template, the member
// (per-member events), the cycle year and, for an event that recurs within a
// cycle year (`repeat`, recurrence.hpp), the number of the occurrence.
//
//   occurrence_id{"seminar", "", 2026}.to_string()             // "seminar/2026"
//   occurrence_id{"local-dialogue", "eda", 2026}.to_string()   // "local-dialogue/eda/2026"
//   occurrence_id::parse("local-dialogue/eda/2026")->member    // "eda"
//   occurrence_id{"local-dialogue", "eda", 2026}.uid("np")     // "local-dialogue.2026.eda@np"
//   occurrence_id{"meeting", "", 2023, 3}.to_string()           // "meeting#3/2023"
//   occurrence_id{"meeting", "", 2023, 3}.uid("np")             // "meeting#3.2023@np"
//
// The text forms are stable: feeds published with these UIDs must keep them
// (a subscriber's calendar would show every event twice otherwise). An
// occurrence that does not recur (index 0) has the forms it always had; the
// number of a recurring one follows the event id after '#', which no id has.
#pragma once

#include <compare>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cycle {

struct occurrence_id {
    std::string event;   // event template id
    std::string member;  // per-member events: the member's body id; else empty
    int cycle_year = 0;  // the calendar year of the cycle year it belongs to
    // A recurring event's occurrence: its number in the cycle year, from 1
    // ("the third meeting"); 0 for an event that occurs once a year.
    unsigned index = 0;

    // This identity (for the types that derive from it).
    const occurrence_id& id() const { return *this; }

    // "event/year" or "event/member/year" (X-CYCLE-OCCURRENCE, findings,
    // diffs); "event#3/year" for the third occurrence of a recurring event.
    std::string to_string() const;
    // The inverse of to_string; none for text of another shape.
    static std::optional<occurrence_id> parse(std::string_view text);

    // The iCalendar UID: "event.year@calendar" or "event.year.member@calendar"
    // ("event#3.year@calendar" for a recurring event's third).
    std::string uid(std::string_view calendar_id) const;
    // The inverse of uid, for a UID of that calendar; none otherwise.
    static std::optional<occurrence_id> parse_uid(std::string_view uid,
                                                  std::string_view calendar_id);

    friend bool operator==(const occurrence_id&, const occurrence_id&) = default;
    friend auto operator<=>(const occurrence_id&, const occurrence_id&) = default;
};

}  // namespace cycle

template <>
struct std::hash<cycle::occurrence_id> {
    std::size_t operator()(const cycle::occurrence_id& id) const noexcept {
        std::size_t h = std::hash<std::string>{}(id.event);
        h = h * 31 + std::hash<std::string>{}(id.member);
        h = h * 31 + std::hash<int>{}(id.cycle_year);
        return h * 31 + id.index;
    }
};
