// enum_names.hpp — the one to/from-text table of each of the library's
// enums (internal): to_string, the loaders' readers and their "did you mean"
// suggestions all read the same rows.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/finding.hpp"
#include "cycle/occurrence.hpp"
#include "cycle/plan_diff.hpp"

namespace cycle::detail {

template <class E>
struct enum_name {
    E value;
    const char* name;
};

template <class E, std::size_t N>
const char* name_of(const std::array<enum_name<E>, N>& table, E value) {
    for (const auto& row : table)
        if (row.value == value) return row.name;
    return "?";
}

template <class E, std::size_t N>
std::optional<E> parse_name(const std::array<enum_name<E>, N>& table, std::string_view text) {
    for (const auto& row : table)
        if (text == row.name) return row.value;
    return std::nullopt;
}

template <class E, std::size_t N>
std::vector<std::string> names_of(const std::array<enum_name<E>, N>& table) {
    std::vector<std::string> out;
    for (const auto& row : table) out.emplace_back(row.name);
    return out;
}

inline constexpr std::array<enum_name<event_kind>, 6> event_kind_names{{
    {event_kind::meeting, "meeting"},
    {event_kind::conference, "conference"},
    {event_kind::dialogue, "dialogue"},
    {event_kind::deadline, "deadline"},
    {event_kind::window, "window"},
    {event_kind::milestone, "milestone"},
}};

inline constexpr std::array<enum_name<placement>, 3> placement_names{{
    {placement::start, "start"},
    {placement::middle, "middle"},
    {placement::end, "end"},
}};

inline constexpr std::array<enum_name<day_off_policy>, 4> day_off_policy_names{{
    {day_off_policy::previous, "previous"},
    {day_off_policy::next, "next"},
    {day_off_policy::keep, "keep"},
    {day_off_policy::error, "error"},
}};

inline constexpr std::array<enum_name<check_level>, 3> check_level_names{{
    {check_level::off, "off"},
    {check_level::warning, "warning"},
    {check_level::error, "error"},
}};

// A plan file's `status` words for these are read in plan_file.cpp
// ("confirmed" and "proposed" are not statuses of an occurrence).
inline constexpr std::array<enum_name<occurrence_status>, 3> occurrence_status_names{{
    {occurrence_status::planned, "planned"},
    {occurrence_status::held, "held"},
    {occurrence_status::cancelled, "cancelled"},
}};

inline constexpr std::array<enum_name<severity>, 3> severity_names{{
    {severity::note, "note"},
    {severity::warning, "warning"},
    {severity::error, "error"},
}};

inline constexpr std::array<enum_name<change_kind>, 4> change_kind_names{{
    {change_kind::added, "added"},
    {change_kind::removed, "removed"},
    {change_kind::moved, "moved"},
    {change_kind::status, "status"},
}};

}  // namespace cycle::detail
