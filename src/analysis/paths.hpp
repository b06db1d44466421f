#pragma once
// Paths between entities: shortest by hops or by cost (by default -ln(confidence), so the
// shortest path is the most credible chain), the k shortest simple paths (Yen 1971), all simple
// paths up to a hop limit with a cap, the connecting network of a set (i2's Find Connecting
// Network) and ego networks. Every path carries the relations it runs along.
#include "analysis/view.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace tg {

struct PathOptions {
    Direction direction = Direction::out;   // follow arrows, go against them, or either way
    std::vector<std::string> through_kinds; // kinds allowed as intermediates (with descendants); empty: any
    std::size_t max_hops = 0;               // 0: no limit
};

struct Hop {
    Vertex32 from = 0, to = 0;
    RelationIndex relation = 0;          // the relation the hop runs along (the lightest)
    bool along = true;                   // true when the relation points from -> to
    std::vector<RelationIndex> parallel; // other relations joining the same pair the same way
    double weight = 0;
};

struct Path {
    std::vector<Vertex32> vertices;
    std::vector<Hop> hops;
    double cost = 0; // sum of hop weights (hops when unweighted)
};

// The k shortest simple paths from s to t, shortest first (ties: fewer hops, then by vertex ids).
// Fewer than k when fewer exist; none when t cannot be reached. Throws DataError for k < 1 or
// negative weights.
std::vector<Path> shortest_paths(const View& view, Vertex32 s, Vertex32 t, const PathOptions& options, std::size_t k = 1);

struct PathList {
    std::vector<Path> paths;
    bool truncated = false; // the cap or the work limit cut the list
};

// Every simple path from s to t with at most max_hops hops (required, >= 1), at most `cap` of
// them, in depth-first order by neighbour id; stops with `truncated` rather than run away.
PathList all_simple_paths(const View& view, Vertex32 s, Vertex32 t, const PathOptions& options, std::size_t cap);

// The union of the shortest paths between every pair of `members` (both directions when the
// options say Direction::out in a directed view); members that cannot be reached add nothing.
struct Subnetwork {
    std::vector<Vertex32> vertices;       // sorted
    std::vector<RelationIndex> relations; // sorted, the relations of the hops
};
Subnetwork connecting_network(const View& view, const std::vector<Vertex32>& members, const PathOptions& options);

// Hops from `source` to every vertex along `direction`, by breadth-first search, going no
// deeper than max_depth; kUnreached for a vertex it does not reach (every vertex when the source
// is inactive or out of range).
constexpr std::uint32_t kUnreached = std::numeric_limits<std::uint32_t>::max();
std::vector<std::uint32_t> hop_distances(const View& view, Vertex32 source, Direction direction, std::uint32_t max_depth = kUnreached);

// Every vertex within `depth` hops of `center` and every active relation among them (once, even
// when a symmetric type gives it an arc each way).
Subnetwork ego_network(const View& view, Vertex32 center, std::size_t depth, Direction direction);

// Weight check shared by the weighted measures: throws DataError naming the first bad relation.
void require_usable_weights(const View& view);

} // namespace tg
