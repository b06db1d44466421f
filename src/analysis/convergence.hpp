#pragma once
// Where crime and terror meet. Threat actors are split into groups by threat domain (each actor
// in the group of its first listed domain among those asked for); every other entity belongs to
// no group but may still join groups, as a shared commodity, activity or route does.
//  - Brokerage roles after Gould and Fernandez (1989): for each a -> b -> c with no tie a -> c and
//    a, c both in a group, b is a coordinator (a, b, c in one group), itinerant (a, c in one group,
//    b outside it), representative (a, b in one group, c in another), gatekeeper (b, c in one
//    group, a in another) or liaison (all three apart). In a view read without direction each tie
//    is an arc both ways, so each open triad counts once in each direction.
//  - Burt's (1992) constraint and effective size, as NetworkX computes them.
//  - The convergence score: the share of shortest paths between actors of different groups that
//    pass through the node (betweenness restricted to cross-group pairs, by hops).
//  - The nexus: every relation on a shortest path between two actors of different groups, the
//    paths along which the domains meet.
#include "analysis/centrality.hpp"
#include "analysis/view.hpp"
#include "core/progress.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace tg {

constexpr std::uint32_t kNoGroup = std::numeric_limits<std::uint32_t>::max();

struct Brokerage {
    std::size_t coordinator = 0, itinerant = 0, representative = 0, gatekeeper = 0, liaison = 0;
    std::size_t total() const { return coordinator + itinerant + representative + gatekeeper + liaison; }
};

// Role counts per vertex; group[v] is v's group or kNoGroup.
std::vector<Brokerage> brokerage_roles(const View& view, const std::vector<std::uint32_t>& group);

// NetworkX constraint and effective_size (unweighted; in a directed view the neighbours either
// way, a mutual tie weighing 2). NaN for a vertex without neighbours. One difference on a
// directed view: NetworkX gives NaN to a vertex without successors, this a value from its
// predecessors.
Scores burt_constraint(const View& view);
Scores effective_size(const View& view);

struct CrossGroupPaths {
    // Share of shortest paths between grouped vertices of different groups that run through each
    // vertex (along the view's direction); 0 everywhere when no such pair exists.
    Scores through;
    // The relations (indexes, sorted) along those paths: the nexus.
    std::vector<RelationIndex> relations;
};
CrossGroupPaths cross_group_paths(const View& view, const std::vector<std::uint32_t>& group, const ProgressMeter& progress = {});

struct ConvergenceNode {
    Vertex32 vertex = 0;
    std::uint32_t group = kNoGroup;
    Brokerage roles;
    double constraint = 0, effective_size = 0, score = 0;
};

struct Convergence {
    std::vector<std::string> domains;   // the groups, in order
    std::vector<std::size_t> members;   // actors per group
    std::size_t cross_pairs = 0;        // pairs of actors in different groups
    std::vector<ConvergenceNode> nodes; // every active vertex, highest score first (ties: more roles, then label)
    std::vector<RelationIndex> nexus;
};

// Groups by the threat domains of a graph-data view (all the ontology's domains when `domains`
// is empty), or, with `group_attribute`, by the values of that entity attribute (a faction column
// of a network brought with --input; `domains` then lists the values to keep, in order; all
// values, sorted, when empty). The group attribute "community", when no entity has such an
// attribute, stands for the Louvain communities (seed 0), "community 1", "community 2"... Throws DataError for an unknown domain (with
// suggestions), a domain or value no entity in the view carries, an attribute no entity has, or
// fewer than two groups with members.
Convergence analyze_convergence(const View& view, const std::vector<std::string>& domains, const std::string& group_attribute = {},
                                const ProgressMeter& progress = {});

} // namespace tg
