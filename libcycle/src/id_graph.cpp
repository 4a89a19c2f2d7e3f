#include "id_graph.hpp"

#include <algorithm>
#include <limits>

namespace cycle::detail {
namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

// Tarjan's strongly connected components, with an explicit stack: a node is
// on a cycle when its component has more than one node or an edge to itself.
std::vector<bool> on_cycle(const id_graph& g) {
    const std::size_t n = g.nodes.size();
    std::vector<std::size_t> index(n, none), low(n, 0);
    std::vector<bool> on_stack(n, false), cyclic(n, false);
    std::vector<std::size_t> component;
    std::vector<std::pair<std::size_t, std::size_t>> work;  // node, next edge to follow
    std::size_t counter = 0;
    for (std::size_t root = 0; root < n; ++root) {
        if (index[root] != none) continue;
        work.push_back({root, 0});
        while (!work.empty()) {
            auto& [v, edge] = work.back();
            if (edge == 0 && index[v] == none) {
                index[v] = low[v] = counter++;
                component.push_back(v);
                on_stack[v] = true;
            }
            if (edge < g.next[v].size()) {
                const std::size_t w = g.next[v][edge++];
                if (w == v) cyclic[v] = true;
                if (index[w] == none)
                    work.push_back({w, 0});
                else if (on_stack[w])
                    low[v] = std::min(low[v], index[w]);
                continue;
            }
            const std::size_t done = v;
            work.pop_back();
            if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[done]);
            if (low[done] != index[done]) continue;
            std::size_t size = 0, first = component.size();
            do {
                --first;
                ++size;
            } while (component[first] != done);
            for (std::size_t i = first; i < component.size(); ++i) {
                on_stack[component[i]] = false;
                if (size > 1) cyclic[component[i]] = true;
            }
            component.resize(first);
        }
    }
    return cyclic;
}

// The path back to `start` a depth-first search in edge order finds.
std::vector<std::string> path_back(const id_graph& g, std::size_t start) {
    std::vector<bool> done(g.nodes.size(), false), on_path(g.nodes.size(), false);
    std::vector<std::pair<std::size_t, std::size_t>> path{{start, 0}};
    on_path[start] = true;
    while (!path.empty()) {
        auto& [v, edge] = path.back();
        if (edge == g.next[v].size()) {
            on_path[v] = false;
            if (v != start) done[v] = true;
            path.pop_back();
            continue;
        }
        const std::size_t w = g.next[v][edge++];
        if (w == start) {
            std::vector<std::string> out;
            for (const auto& step : path) out.push_back(g.nodes[step.first]);
            out.push_back(g.nodes[start]);
            return out;
        }
        if (done[w] || on_path[w]) continue;
        on_path[w] = true;
        path.push_back({w, 0});
    }
    return {};
}

}  // namespace

std::vector<std::string> first_cycle(const id_graph& g) {
    const auto cyclic = on_cycle(g);
    for (std::size_t i = 0; i < g.nodes.size(); ++i)
        if (cyclic[i]) return path_back(g, i);
    return {};
}

}  // namespace cycle::detail
