// The planner's order of events (dependency_order.hpp).
#include "dependency_order.hpp"

namespace cycle::detail {

std::vector<const event_template*> dependency_order(const calendar& cal) {
    std::vector<const event_template*> order;
    std::vector<bool> done(cal.events.size(), false);
    // Depth-first, post-order, with an explicit stack: a chain of
    // thousands of events must not grow the call stack.
    std::vector<std::pair<const event_template*, std::size_t>> stack;
    auto enter = [&](const event_template& e) {
        const auto at = static_cast<std::size_t>(&e - cal.events.data());
        if (done[at]) return;
        done[at] = true;
        stack.push_back({&e, 0});
    };
    for (const auto& root : cal.events) {
        enter(root);
        while (!stack.empty()) {
            auto& [e, next] = stack.back();
            const std::size_t deps = e->after.size();
            const relative_rule* relative = e->timing.relative();
            if (next < deps + (relative ? 1 : 0)) {
                const std::string& dep = next < deps ? e->after[next] : relative->anchor;
                ++next;
                enter(*cal.find_event(split_reference(dep).event));
                continue;
            }
            order.push_back(e);
            stack.pop_back();
        }
    }
    return order;
}

}  // namespace cycle::detail
