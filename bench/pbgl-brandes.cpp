// PBGL's distributed Brandes on its own, for a report to Boost.GraphParallel (see bench/RESULTS.md,
// "PBGL's distributed Brandes"): a random directed graph (n nodes, m ties, seed 1), PBGL's block
// distribution, every process given every edge, floating-point maps, every node a source. Not
// part of the build:
//
//   mpicxx -O1 -std=c++17 bench/pbgl-brandes.cpp -o /tmp/pbgl-brandes -lboost_graph_parallel -lboost_mpi -lboost_serialization
//   for p in 1 2 3 4; do time mpirun -np $p --oversubscribe /tmp/pbgl-brandes 500 300; done
//
// Here (2 cores): 0.7 s, 0.9 s, 20 s and 128 s.
#include <boost/graph/use_mpi.hpp>
// The PBGL headers after use_mpi.hpp.
#include <boost/graph/distributed/adjacency_list.hpp>
#include <boost/graph/distributed/betweenness_centrality.hpp>
#include <boost/graph/distributed/mpi_process_group.hpp>
#include <boost/graph/iteration_macros.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/pending/queue.hpp>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

using PG = boost::graph::distributed::mpi_process_group;
using Graph = boost::adjacency_list<boost::vecS, boost::distributedS<PG, boost::vecS>, boost::directedS>;

int main(int argc, char** argv) {
    boost::mpi::environment env(argc, argv);
    const std::size_t n = argc > 1 ? std::atoi(argv[1]) : 500, m = argc > 2 ? std::atoi(argv[2]) : 300;
    std::mt19937 random(1);
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    for (std::size_t i = 0; i < m; ++i) {
        const auto a = random() % n, b = random() % n;
        if (a != b) edges.emplace_back(a, b);
    }
    const Graph g(edges.begin(), edges.end(), n);
    using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
    const auto index = get(boost::vertex_index, g);
    const auto local = num_vertices(g);
    std::vector<double> centrality(local), dependency(local), paths(local);
    std::vector<std::size_t> distance(local);
    std::vector<std::vector<Vertex>> incoming(local);
    boost::queue<Vertex> sources; // empty: every vertex
    boost::brandes_betweenness_centrality(g, boost::make_iterator_property_map(centrality.begin(), index), boost::dummy_property_map(),
                                          boost::make_iterator_property_map(incoming.begin(), index),
                                          boost::make_iterator_property_map(distance.begin(), index),
                                          boost::make_iterator_property_map(dependency.begin(), index),
                                          boost::make_iterator_property_map(paths.begin(), index), index, sources, std::size_t{1});
    double top = 0;
    for (double c : centrality) top = std::max(top, c);
    std::printf("process %d: done, largest local score %g\n", process_id(process_group(g)), top);
}
