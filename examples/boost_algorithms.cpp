// threatgraph's analysis view is a Boost graph: any Boost.Graph algorithm runs on it, with no
// copy. This program loads a graph-data folder, looks at it through the threat lens, and asks
// Boost for two things: the brokers of the threat network (Brandes betweenness, read without
// direction) and the most credible chain between two entities (Dijkstra over -ln(confidence),
// so the shortest chain is the one whose confidences multiply to the most).
//
//   example_boost_algorithms graph-data farc hezbollah
#include "analysis/boost_graph.hpp"
#include "analysis/lens.hpp"
#include "core/error.hpp"
#include "io/graph_data_loader.hpp"

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <limits>
#include <numeric>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: example_boost_algorithms GRAPH_DATA_DIR FROM TO\n";
        return 2;
    }
    try {
        const tg::KnowledgeGraph graph = tg::load_graph_data(argv[1]);
        const auto from = static_cast<tg::Vertex32>(graph.resolve(argv[2]));
        const auto to = static_cast<tg::Vertex32>(graph.resolve(argv[3]));
        const tg::GraphSnapshot snapshot(graph);
        tg::ViewFilter threat;
        tg::apply_lens(tg::Lens::threat, graph.ontology(), threat);
        const tg::View view(snapshot, threat, tg::WeightSpec::parse("confidence"));
        const auto index = get(boost::vertex_index, view);

        // Brokers: Boost's Brandes betweenness, by hops, either way along the relations.
        const tg::UndirectedView undirected{view};
        std::vector<double> betweenness(num_vertices(undirected), 0.0);
        boost::brandes_betweenness_centrality(
            undirected, boost::centrality_map(boost::make_iterator_property_map(betweenness.begin(), index)).vertex_index_map(index));
        std::vector<tg::Vertex32> order(betweenness.size());
        std::iota(order.begin(), order.end(), tg::Vertex32{0});
        std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return betweenness[a] > betweenness[b]; });
        std::cout << "brokers of the threat network (Boost's Brandes betweenness, undirected):\n";
        for (std::size_t i = 0; i < 5 && i < order.size(); ++i)
            std::cout << "  " << std::fixed << std::setprecision(1) << std::setw(7) << betweenness[order[i]] << "  "
                      << get(get(boost::vertex_name, view), order[i]) << "\n";

        // The most credible chain: Boost's Dijkstra along the arrows, weights -ln(confidence).
        std::vector<double> cost(num_vertices(view));
        std::vector<tg::Vertex32> previous(num_vertices(view));
        boost::dijkstra_shortest_paths(view, from,
                                       boost::distance_map(boost::make_iterator_property_map(cost.begin(), index))
                                           .predecessor_map(boost::make_iterator_property_map(previous.begin(), index)));
        if (cost[to] == std::numeric_limits<double>::max()) {
            std::cout << argv[3] << " cannot be reached from " << argv[2] << " along the arrows through the threat lens\n";
            return 0;
        }
        std::vector<tg::Vertex32> chain{to};
        while (chain.back() != from) chain.push_back(previous[chain.back()]);
        std::reverse(chain.begin(), chain.end());
        std::cout << "most credible chain (Boost's Dijkstra), confidence " << std::setprecision(3) << std::exp(-cost[to]) << ":\n  ";
        for (std::size_t i = 0; i < chain.size(); ++i) std::cout << (i ? " -> " : "") << get(get(boost::vertex_name, view), chain[i]);
        std::cout << "\n";
        return 0;
    } catch (const tg::DataError& e) {
        std::cerr << "error: " << e.what() << "\n";
        if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << "\n";
        return 1;
    } catch (const tg::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 3;
    }
}
