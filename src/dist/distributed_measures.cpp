#include "dist/distributed_measures.hpp"

#include <boost/graph/use_mpi.hpp>
// The PBGL headers after use_mpi.hpp, in this order.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/distributed/adjacency_list.hpp>
#include <boost/graph/distributed/betweenness_centrality.hpp>
#include <boost/graph/distributed/breadth_first_search.hpp>
#include <boost/graph/distributed/connected_components.hpp>
#include <boost/graph/distributed/delta_stepping_shortest_paths.hpp>
#include <boost/graph/distributed/mpi_process_group.hpp>
#include <boost/graph/iteration_macros.hpp>
#include <boost/graph/visitors.hpp>
#include <boost/pending/queue.hpp>

#include <cmath>
#include <limits>

namespace tg::dist {

namespace {

using ProcessGroup = boost::graph::distributed::mpi_process_group;

// PBGL's distribution of node numbers over processes, as Numbering made it: process r owns
// starts[r] .. starts[r + 1] - 1, and a process may own none (PBGL's own uneven_block assumes it
// owns some).
struct OwnedBlocks {
    std::vector<std::uint64_t> starts;
    int me = 0;

    template <typename Id, typename Size>
    Size block_size(Id id, Size) const {
        return static_cast<Size>(starts[static_cast<std::size_t>(id) + 1] - starts[static_cast<std::size_t>(id)]);
    }
    template <typename Size>
    Size operator()(Size i) const {
        return static_cast<Size>(std::upper_bound(starts.begin(), starts.end() - 1, static_cast<std::uint64_t>(i)) - starts.begin() - 1);
    }
    template <typename Size>
    Size local(Size i) const {
        return static_cast<Size>(static_cast<std::uint64_t>(i) - starts[static_cast<std::size_t>((*this)(i))]);
    }
    template <typename Size>
    Size global(Size i) const {
        return global(me, i);
    }
    template <typename Id, typename Size>
    Size global(Id id, Size i) const {
        return static_cast<Size>(starts[static_cast<std::size_t>(id)] + static_cast<std::uint64_t>(i));
    }
};

// What a remote node's share adds to its owner's value: a sum.
struct Sum {
    BOOST_STATIC_CONSTANT(bool, non_default_resolver = true);
    template <typename Key>
    double operator()(const Key&) const {
        return 0;
    }
    template <typename Key>
    double operator()(const Key&, double x, double y) const {
        return x + y;
    }
};

// `loops`: per local node, 1 for a self-loop kept outside the graph (an undirected PBGL graph lists
// a self-loop twice, NetworkX once), or empty.
template <typename Graph>
PagerankRun iterate(Exchange& exchange, const Graph& g, std::uint64_t nodes, const std::vector<std::uint8_t>& loops,
                    const PagerankOptions& options) {
    ProcessGroup pg = process_group(g);
    std::vector<double> a(num_vertices(g)), b(num_vertices(g));
    const auto index = get(boost::vertex_index, g);
    auto from = boost::make_iterator_property_map(a.begin(), index);
    auto to = boost::make_iterator_property_map(b.begin(), index);
    for (auto* map : {&from, &to}) {
        map->set_reduce(Sum());
        map->set_consistency_model(boost::parallel::cm_flush | boost::parallel::cm_reset);
    }
    const auto n = static_cast<double>(nodes);
    BGL_FORALL_VERTICES_T(v, g, Graph) put(from, v, 1.0 / n);
    PagerankRun run;
    for (; run.iterations < options.max_iterations && !run.converged;) {
        ++run.iterations;
        double dangling = 0;
        const auto degree_of = [&](auto v) { return static_cast<double>(out_degree(v, g)) + (loops.empty() ? 0.0 : loops[get(index, v)]); };
        BGL_FORALL_VERTICES_T(v, g, Graph) if (degree_of(v) == 0) dangling += get(from, v);
        MPI_Allreduce(MPI_IN_PLACE, &dangling, 1, MPI_DOUBLE, MPI_SUM, exchange.comm());
        const double base = (1 - options.alpha) / n + options.alpha * dangling / n;
        BGL_FORALL_VERTICES_T(v, g, Graph) put(to, v, base);
        BGL_FORALL_VERTICES_T(u, g, Graph) {
            const auto degree = degree_of(u);
            if (degree == 0) continue;
            const double share = options.alpha * get(from, u) / degree;
            BGL_FORALL_ADJ_T(u, v, g, Graph) put(to, v, get(to, v) + share);
            if (!loops.empty() && loops[get(index, u)]) put(to, u, get(to, u) + share);
        }
        synchronize(pg); // the shares for other processes' nodes are summed at their owners
        double change = 0;
        BGL_FORALL_VERTICES_T(v, g, Graph) change += std::fabs(get(to, v) - get(from, v));
        MPI_Allreduce(MPI_IN_PLACE, &change, 1, MPI_DOUBLE, MPI_SUM, exchange.comm());
        std::swap(from, to);
        run.converged = change < n * options.tolerance;
    }
    // `from` holds the last iteration; by local number, as the graph's vertices run.
    run.scores.reserve(num_vertices(g));
    BGL_FORALL_VERTICES_T(v, g, Graph) run.scores.push_back(get(from, v));
    return run;
}

template <typename Graph>
PagerankRun pagerank_on(Exchange& exchange, const Numbering& numbering, const OwnTies& ties, bool directed,
                        const PagerankOptions& options) {
    ProcessGroup pg;
    OwnedBlocks blocks{numbering.starts, exchange.rank()};
    const auto first = numbering.starts[static_cast<std::size_t>(exchange.rank())];
    std::vector<std::uint8_t> loops;
    if (!directed) loops.assign(numbering.own_labels.size(), 0);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> edges;
    edges.reserve(ties.from.size());
    for (std::size_t i = 0; i < ties.from.size(); ++i) {
        if (!directed && ties.from[i] == ties.to[i])
            loops[ties.from[i] - first] = 1;
        else
            edges.emplace_back(ties.from[i], ties.to[i]);
    }
    const typename Graph::base_distribution_type distribution(blocks);
    const Graph g(edges.begin(), edges.end(), numbering.total(), pg, distribution);
    return iterate(exchange, g, numbering.total(), loops, options);
}

using Directed = boost::adjacency_list<boost::vecS, boost::distributedS<ProcessGroup, boost::vecS>, boost::directedS>;
using Undirected = boost::adjacency_list<boost::vecS, boost::distributedS<ProcessGroup, boost::vecS>, boost::undirectedS>;
using Length = boost::property<boost::edge_weight_t, double>;
using SequentialDirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using SequentialUndirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using DirectedLengths =
    boost::adjacency_list<boost::vecS, boost::distributedS<ProcessGroup, boost::vecS>, boost::directedS, boost::no_property, Length>;
using UndirectedLengths =
    boost::adjacency_list<boost::vecS, boost::distributedS<ProcessGroup, boost::vecS>, boost::undirectedS, boost::no_property, Length>;

// The graph of this process's ties (global numbers) spread as `numbering` says.
template <typename Graph>
Graph build(Exchange& exchange, const Numbering& numbering, const std::vector<std::pair<std::uint64_t, std::uint64_t>>& edges) {
    ProcessGroup pg;
    const typename Graph::base_distribution_type distribution(OwnedBlocks{numbering.starts, exchange.rank()});
    return Graph(edges.begin(), edges.end(), numbering.total(), pg, distribution);
}

// The ties as edges, without self-loops (which lie on no shortest path), with their lengths.
struct Edges {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ends;
    std::vector<double> length;
};

Edges edges_without_loops(const OwnTies& ties) {
    Edges out;
    for (std::size_t i = 0; i < ties.from.size(); ++i) {
        if (ties.from[i] == ties.to[i]) continue;
        out.ends.emplace_back(ties.from[i], ties.to[i]);
        if (!ties.length.empty()) out.length.push_back(ties.length[i]);
    }
    return out;
}

// Brandes from this process's share of `sources` (every p-th) on the whole network, which every
// process holds: PBGL's non_distributed_brandes_betweenness_centrality, whose sums it adds up
// across processes. `all` holds every process's ties.
template <typename Graph>
std::vector<double> brandes_on(const Numbering& numbering, const Edges& all, const std::vector<std::uint64_t>& sources) {
    const Graph g(all.ends.begin(), all.ends.end(), numbering.total());
    using Vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
    using Edge = typename boost::graph_traits<Graph>::edge_descriptor;
    const auto index = get(boost::vertex_index, g);
    const auto n = num_vertices(g);
    // PBGL's own maps count path counts in whole numbers, which outgrow 64 bits on large
    // networks; these are floating point, as NetworkX's are.
    std::vector<double> centrality(n, 0.0), dependency(n, 0.0), path_count(n, 0.0);
    std::vector<std::uint64_t> distance(n, 0);
    std::vector<std::vector<Edge>> incoming(n);
    boost::queue<Vertex> queue;
    for (const auto s : sources) queue.push(static_cast<Vertex>(s));
    ProcessGroup pg;
    boost::non_distributed_brandes_betweenness_centrality(
        pg, g, boost::make_iterator_property_map(centrality.begin(), index), boost::dummy_property_map(),
        boost::make_iterator_property_map(incoming.begin(), index), boost::make_iterator_property_map(distance.begin(), index),
        boost::make_iterator_property_map(dependency.begin(), index), boost::make_iterator_property_map(path_count.begin(), index), index,
        queue);
    return centrality;
}

// Hops from `from`: PBGL's breadth-first search, each tree edge putting its target one hop past
// its source; a node reached from several processes keeps the least it is told.
template <typename Graph>
std::vector<double> hops_on(Exchange& exchange, const Numbering& numbering, const Edges& edges, std::uint64_t from) {
    const auto g = build<Graph>(exchange, numbering, edges.ends);
    const auto index = get(boost::vertex_index, g);
    const auto unreached = std::numeric_limits<std::uint64_t>::max();
    std::vector<std::uint64_t> hops(num_vertices(g), unreached);
    auto map = boost::make_iterator_property_map(hops.begin(), index);
    map.set_reduce(boost::graph::distributed::choose_min_reducer<std::uint64_t>());
    const auto s = vertex(from, g);
    if (get(get(boost::vertex_owner, g), s) == process_id(process_group(g))) put(map, s, 0);
    boost::breadth_first_search(g, s, boost::visitor(boost::make_bfs_visitor(boost::record_distances(map, boost::on_tree_edge()))));
    std::vector<double> out;
    out.reserve(num_vertices(g));
    BGL_FORALL_VERTICES_T(v, g, Graph) {
        const auto h = get(map, v);
        out.push_back(h == unreached ? std::numeric_limits<double>::infinity() : static_cast<double>(h));
    }
    return out;
}

// Lengths from `from`: PBGL's delta-stepping, with the bucket width it chooses (the longest tie
// over the largest degree).
template <typename Graph>
std::vector<double> lengths_on(Exchange& exchange, const Numbering& numbering, const Edges& edges, std::uint64_t from) {
    ProcessGroup pg;
    const typename Graph::base_distribution_type distribution(OwnedBlocks{numbering.starts, exchange.rank()});
    const Graph g(edges.ends.begin(), edges.ends.end(), edges.length.begin(), numbering.total(), pg, distribution);
    const auto index = get(boost::vertex_index, g);
    std::vector<double> distance(num_vertices(g), std::numeric_limits<double>::max());
    auto map = boost::make_iterator_property_map(distance.begin(), index);
    boost::graph::distributed::delta_stepping_shortest_paths(g, vertex(from, g), boost::dummy_property_map(), map,
                                                             get(boost::edge_weight, g));
    std::vector<double> out;
    out.reserve(num_vertices(g));
    BGL_FORALL_VERTICES_T(v, g, Graph) {
        const auto d = get(map, v);
        out.push_back(d == std::numeric_limits<double>::max() ? std::numeric_limits<double>::infinity() : d);
    }
    return out;
}

// Component numbers per local node, from a map PBGL filled.
template <typename Graph, typename Map>
std::vector<std::uint64_t> per_node(const Graph& g, const Map& map) {
    std::vector<std::uint64_t> out;
    out.reserve(num_vertices(g));
    BGL_FORALL_VERTICES_T(v, g, Graph) out.push_back(static_cast<std::uint64_t>(get(map, v)));
    return out;
}

} // namespace

ComponentsRun distributed_components(Exchange& exchange, const Numbering& numbering, const OwnTies& ties) {
    ComponentsRun run;
    if (numbering.total() == 0) return run;
    // The ties without direction (a tie listed both ways is then two parallel edges, which
    // changes no component).
    std::vector<std::pair<std::uint64_t, std::uint64_t>> edges(ties.from.size());
    for (std::size_t i = 0; i < edges.size(); ++i) edges[i] = {ties.from[i], ties.to[i]};
    const auto g = build<Undirected>(exchange, numbering, edges);
    std::vector<std::size_t> weak(num_vertices(g));
    auto map = boost::make_iterator_property_map(weak.begin(), get(boost::vertex_index, g));
    run.weak_count = static_cast<std::uint64_t>(boost::graph::distributed::connected_components(g, map));
    run.weak = per_node(g, map);
    return run;
}

std::vector<double> distributed_betweenness(Exchange& exchange, const Numbering& numbering, const OwnTies& ties, bool directed,
                                            const std::vector<std::uint64_t>& sources, bool normalized) {
    if (numbering.total() == 0) return {};
    // Every process's ties to every process.
    const auto own = edges_without_loops(ties);
    std::vector<std::uint64_t> flat;
    flat.reserve(own.ends.size() * 2);
    for (const auto& [a, b] : own.ends) flat.push_back(a), flat.push_back(b);
    const std::vector<std::vector<std::uint64_t>> outgoing(static_cast<std::size_t>(exchange.ranks()), flat);
    Edges all;
    for (const auto& from : exchange.all_to_all(outgoing))
        for (std::size_t i = 0; i + 1 < from.size(); i += 2) all.ends.emplace_back(from[i], from[i + 1]);
    flat = {};
    const auto whole =
        directed ? brandes_on<SequentialDirected>(numbering, all, sources) : brandes_on<SequentialUndirected>(numbering, all, sources);
    const auto first = numbering.starts[static_cast<std::size_t>(exchange.rank())];
    std::vector<double> score(whole.begin() + static_cast<std::ptrdiff_t>(first),
                              whole.begin() + static_cast<std::ptrdiff_t>(numbering.starts[static_cast<std::size_t>(exchange.rank()) + 1]));
    // PBGL halves an undirected graph's sums (each pair once); NetworkX's rescaling starts from the
    // sums over ordered pairs.
    const double n = static_cast<double>(numbering.total());
    const auto k = sources.size();
    double scale = directed ? 1.0 : 2.0;
    bool rescaled = false;
    if (normalized) {
        if (n > 2) scale /= (n - 1) * (n - 2), rescaled = true;
    } else if (!directed) {
        scale *= 0.5, rescaled = true;
    }
    // As in NetworkX, sampling rescales only a score that is rescaled anyway.
    if (rescaled && k > 0 && k < numbering.total()) scale *= n / static_cast<double>(k);
    for (auto& value : score) value *= scale;
    return score;
}

std::vector<double> distributed_distances(Exchange& exchange, const Numbering& numbering, const OwnTies& ties, bool directed,
                                          std::uint64_t from) {
    const auto edges = edges_without_loops(ties);
    if (ties.length.empty())
        return directed ? hops_on<Directed>(exchange, numbering, edges, from) : hops_on<Undirected>(exchange, numbering, edges, from);
    return directed ? lengths_on<DirectedLengths>(exchange, numbering, edges, from)
                    : lengths_on<UndirectedLengths>(exchange, numbering, edges, from);
}

PagerankRun distributed_pagerank(Exchange& exchange, const Numbering& numbering, const OwnTies& ties, bool directed,
                                 const PagerankOptions& options) {
    if (numbering.total() == 0) {
        PagerankRun none;
        none.converged = true; // nothing to rank
        return none;
    }
    return directed ? pagerank_on<Directed>(exchange, numbering, ties, true, options)
                    : pagerank_on<Undirected>(exchange, numbering, ties, false, options);
}

} // namespace tg::dist
