#include "dist/distributed_measures.hpp"

#include <boost/graph/use_mpi.hpp>
// The PBGL headers after use_mpi.hpp, in this order.
#include <boost/graph/distributed/adjacency_list.hpp>
#include <boost/graph/distributed/connected_components.hpp>
#include <boost/graph/distributed/mpi_process_group.hpp>
#include <boost/graph/iteration_macros.hpp>

#include <cmath>

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

// The graph of this process's ties (global numbers) spread as `numbering` says.
template <typename Graph>
Graph build(Exchange& exchange, const Numbering& numbering, const std::vector<std::pair<std::uint64_t, std::uint64_t>>& edges) {
    ProcessGroup pg;
    const typename Graph::base_distribution_type distribution(OwnedBlocks{numbering.starts, exchange.rank()});
    return Graph(edges.begin(), edges.end(), numbering.total(), pg, distribution);
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
