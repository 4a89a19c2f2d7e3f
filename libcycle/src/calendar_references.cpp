// The checks of a whole calendar once every table is read
// (calendar_references.hpp): references, and cycles in membership and
// precedence.
#include "calendar_references.hpp"

#include <fmt/format.h>

#include "calendar_include.hpp"
#include "id_graph.hpp"
#include "suggest.hpp"

namespace cycle::detail {
namespace {

void check_member_reference(const calendar& cal, const calendar_reference& ref, errors& errs) {
    const auto [event, member] = split_reference(ref.id);
    const event_template* e = cal.find_event(event);
    if (!e) {
        std::vector<std::string> ids;
        for (const auto& ev : cal.events) ids.push_back(ev.id);
        errs.push_back(
            {fmt::format("unknown event '{}' in {}{}{}", event, ref.role, include_note(cal, event),
                         did_you_mean(std::string(event), ids)),
             ref.where});
    } else if (!e->per_member) {
        errs.push_back({fmt::format("'{}' in {}: event '{}' is not per member, so it has "
                                    "no occurrence for '{}' ({}); write '{}'",
                                    ref.id, ref.role, event, member, e->where.to_string(), event),
                        ref.where});
    } else if (cal.member_index(e->per_member->body, member) < 0) {
        errs.push_back({fmt::format("'{}' in {}: '{}' is not a member of '{}' (event '{}' "
                                    "at {})",
                                    ref.id, ref.role, member, e->per_member->body, event,
                                    e->where.to_string()),
                        ref.where});
    }
}

std::string join_path(const std::vector<std::string>& path) {
    std::string text;
    for (const auto& p : path) text += (text.empty() ? "" : " -> ") + p;
    return text;
}

}  // namespace

void check_references(const calendar& cal, const std::vector<calendar_reference>& references,
                      errors& errs) {
    for (const auto& ref : references) {
        if (ref.kind == calendar_reference::event && !split_reference(ref.id).member.empty()) {
            check_member_reference(cal, ref, errs);
            continue;
        }
        const bool known = ref.kind == calendar_reference::body ? cal.find_body(ref.id) != nullptr
                           : ref.kind == calendar_reference::event
                               ? cal.find_event(ref.id) != nullptr
                               : cal.find_source(ref.id) != nullptr;
        if (known) continue;
        std::vector<std::string> ids;
        if (ref.kind == calendar_reference::body)
            for (const auto& b : cal.bodies) ids.push_back(b.id);
        else if (ref.kind == calendar_reference::event)
            for (const auto& e : cal.events) ids.push_back(e.id);
        else
            for (const auto& src : cal.sources) ids.push_back(src.id);
        const char* what = ref.kind == calendar_reference::body    ? "body"
                           : ref.kind == calendar_reference::event ? "event"
                                                                   : "source document";
        errs.push_back({fmt::format("unknown {} '{}' in {}{}{}", what, ref.id, ref.role,
                                    include_note(cal, ref.id), did_you_mean(ref.id, ids)),
                        ref.where});
    }
    for (const auto& e : cal.events) {
        if (e.per_member) {
            const body* b = cal.find_body(e.per_member->body);
            if (b && b->members.empty())
                errs.push_back({fmt::format("[[event]] '{}': per_member body '{}' has no "
                                            "members",
                                            e.id, b->id),
                                e.where});
        }
        if (std::find(e.after.begin(), e.after.end(), e.id) != e.after.end())
            errs.push_back({fmt::format("[[event]] '{}' cannot come after itself", e.id), e.where});
    }
}

void check_membership_cycles(const calendar& cal, errors& errs) {
    id_graph g;
    for (const auto& b : cal.bodies) {
        g.nodes.push_back(b.id);
        auto& edges = g.next.emplace_back();
        for (const auto& m : b.members)
            edges.push_back(static_cast<std::size_t>(cal.find_body(m) - cal.bodies.data()));
    }
    auto cycle = first_cycle(g);
    if (cycle.empty()) return;
    const body& b = *cal.find_body(cycle.front());
    errs.push_back(
        {fmt::format("[[body]] '{}' is a member of itself: {}", b.id, join_path(cycle)), b.where});
}

void check_precedence_cycles(const calendar& cal, errors& errs) {
    id_graph g;
    for (const auto& e : cal.events) {
        g.nodes.push_back(e.id);
        auto& edges = g.next.emplace_back();
        for (const auto& dep : e.after)
            edges.push_back(static_cast<std::size_t>(cal.event_index(split_reference(dep).event)));
        if (const relative_rule* rel = e.timing.relative())
            edges.push_back(
                static_cast<std::size_t>(cal.event_index(split_reference(rel->anchor).event)));
    }
    auto cycle = first_cycle(g);
    if (cycle.empty()) return;
    const event_template& e = *cal.find_event(cycle.front());
    errs.push_back({fmt::format("cyclic precedence: [[event]] '{}' depends on "
                                "itself: {}",
                                e.id, join_path(cycle)),
                    e.where});
}

}  // namespace cycle::detail
