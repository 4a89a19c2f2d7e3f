// id_graph.hpp — cycles in a graph of ids (bodies' members, events'
// precedence), found without recursion: a calendar a user wrote may hold a
// chain of 40,000 events, and each walk is linear in the graph.
#pragma once

#include <string>
#include <vector>

namespace cycle::detail {

struct id_graph {
    std::vector<std::string> nodes;              // in calendar order
    std::vector<std::vector<std::size_t>> next;  // edges, by position in `nodes`
};

// The first node (in `nodes` order) that lies on a cycle, as the path
// start -> ... -> start that a depth-first search following `next` in order
// finds; empty when the graph has no cycle.
std::vector<std::string> first_cycle(const id_graph& g);

}  // namespace cycle::detail
