// The analysis view is a Boost graph: Boost's own algorithms run on it with no copy and agree
// with threatgraph's on the proceedings graph, whole, undirected, weighted and filtered.
#include "analysis/boost_graph.hpp"
#include "analysis/centrality.hpp"
#include "analysis/lens.hpp"
#include "analysis/paths.hpp"
#include "analysis/structure.hpp"
#include "io/graph_data_loader.hpp"

#include <boost/concept/assert.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/property_map/property_map.hpp>

#include <catch2/catch.hpp>

#include <limits>
#include <set>
#include <string>
#include <vector>

using namespace tg;

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<View>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<View>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<View>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<View>));
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<UndirectedView>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<UndirectedView>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<UndirectedView>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyMapConcept<ViewWeightMap, ViewEdge>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyMapConcept<ViewConfidenceMap, ViewEdge>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyMapConcept<ViewNameMap, Vertex32>));

namespace {

const KnowledgeGraph& proceedings() {
    static const auto graph = load_graph_data(std::string(TG_SOURCE_DIR) + "/graph-data");
    return graph;
}

Vertex32 vertex(const char* id) { return static_cast<Vertex32>(*proceedings().find(id)); }

// The views the comparisons run on: everything; the threat lens above confidence 0.6 with the
// FARC removed (entities and relations hidden by masks); weighted by confidence.
struct Views {
    GraphSnapshot snapshot{proceedings()};
    View all{snapshot};
    View filtered = [this] {
        ViewFilter filter;
        apply_lens(Lens::threat, proceedings().ontology(), filter);
        filter.min_confidence = 0.6;
        View v(snapshot, filter);
        v.deactivate_vertex(vertex("farc"));
        return v;
    }();
    View by_confidence{snapshot, {}, WeightSpec::parse("confidence")};
};

const Views& views() {
    static const Views v;
    return v;
}

template <class Graph>
std::vector<double> boost_betweenness(const Graph& g) {
    std::vector<double> centrality(num_vertices(g), 0.0);
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(centrality.begin(), get(boost::vertex_index, g)))
               .vertex_index_map(get(boost::vertex_index, g)));
    return centrality;
}

std::set<std::set<Vertex32>> as_sets(const std::vector<std::vector<Vertex32>>& groups) {
    std::set<std::set<Vertex32>> out;
    for (const auto& g : groups) out.emplace(g.begin(), g.end());
    return out;
}

} // namespace

TEST_CASE("a view's Boost edges are threatgraph's distinct neighbours, each weighing its lightest parallel arc", "[analysis][boost]") {
    const auto& v = views();
    for (const View* view : {&v.all, &v.filtered, &v.by_confidence}) {
        std::size_t shown = 0;
        for (auto [it, end] = vertices(*view); it != end; ++it) {
            ++shown;
            const Vertex32 u = *it;
            CHECK(view->active(u));
            for (const auto& [d, boost_edges] :
                 {std::pair{Direction::out, out_edges(u, *view)}, std::pair{Direction::in, in_edges(u, *view)}}) {
                std::vector<std::pair<Vertex32, double>> expected, got;
                view->for_each_neighbor(u, d, [&](Vertex32 w, double weight, std::size_t) { expected.emplace_back(w, weight); });
                for (auto e = boost_edges.first; e != boost_edges.second; ++e) {
                    const auto edge = *e;
                    CHECK((d == Direction::out ? source(edge, *view) : target(edge, *view)) == u);
                    got.emplace_back(d == Direction::out ? target(edge, *view) : source(edge, *view),
                                     get(get(boost::edge_weight, *view), edge));
                }
                CHECK(got == expected);
            }
            CHECK(out_degree(u, *view) == distinct_neighbours(*view, u, Direction::out).size());
        }
        CHECK(shown == view->active_count());
        CHECK(num_vertices(*view) == proceedings().entity_count());
        // Every edge once: each ordered pair directed, each unordered pair undirected.
        std::size_t ordered = 0, unordered = 0;
        for (auto [it, end] = vertices(*view); it != end; ++it) {
            const auto u = *it;
            ordered += out_degree(u, *view);
            view->for_each_neighbor(u, Direction::any, [&](Vertex32 w, double, std::size_t) { unordered += u <= w ? 1 : 0; });
        }
        CHECK(num_edges(*view) == ordered);
        CHECK(num_edges(UndirectedView{*view}) == unordered);
    }
    CHECK(v.filtered.active_count() < v.all.active_count());
    // The FARC is hidden: not listed, and no edge reaches it.
    const auto farc = vertex("farc");
    for (auto [it, end] = adjacent_vertices(vertex("colombia"), v.filtered); it != end; ++it) CHECK(*it != farc);
    // Names and confidences come through their maps.
    CHECK(get(get(boost::vertex_name, v.all), farc) == "farc");
    for (auto [e, end] = out_edges(farc, v.all); e != end; ++e) {
        const double c = get(confidence_map(v.all), *e);
        CHECK((c > 0 && c <= 1));
    }
    // Undirected: an edge and its reverse are one edge.
    const UndirectedView undirected{v.all};
    const auto [first, last] = out_edges(farc, undirected);
    REQUIRE(first != last);
    const auto edge = *first;
    bool found_back = false;
    for (auto [e, end] = out_edges(edge.head, undirected); e != end; ++e) found_back = found_back || *e == edge;
    CHECK(found_back);
}

TEST_CASE("Boost's Brandes betweenness on a view equals threatgraph's, directed and undirected", "[analysis][boost]") {
    const auto& v = views();
    BetweennessOptions raw;
    raw.normalized = false;
    for (const View* view : {&v.all, &v.filtered}) {
        const auto ours = betweenness_centrality(*view, raw);
        const auto theirs = boost_betweenness(*view);
        REQUIRE(ours.size() == theirs.size());
        for (std::size_t i = 0; i < ours.size(); ++i) CHECK(theirs[i] == Approx(ours[i]).margin(1e-9));
        // Read without direction: Boost halves on undirected graphs, as threatgraph (NetworkX) does.
        const auto ours_undirected = betweenness_centrality(view->undirected(), raw);
        const auto theirs_undirected = boost_betweenness(UndirectedView{*view});
        for (std::size_t i = 0; i < ours.size(); ++i) CHECK(theirs_undirected[i] == Approx(ours_undirected[i]).margin(1e-9));
    }
    // Not a vacuous comparison: the proceedings have brokers.
    const auto theirs = boost_betweenness(v.all);
    CHECK(*std::max_element(theirs.begin(), theirs.end()) > 100);
}

TEST_CASE("Boost's Dijkstra on a view weighted by confidence finds threatgraph's most credible chains' costs", "[analysis][boost]") {
    const auto& view = views().by_confidence;
    for (const char* from : {"farc", "hezbollah", "ms13", "panama"}) {
        const auto s = vertex(from);
        std::vector<double> distance(num_vertices(view));
        boost::dijkstra_shortest_paths(
            view, s, boost::distance_map(boost::make_iterator_property_map(distance.begin(), get(boost::vertex_index, view))));
        std::size_t reached = 0;
        for (auto [it, end] = vertices(view); it != end; ++it) {
            const auto t = *it;
            if (t == s) continue;
            const auto paths = shortest_paths(view, s, t, PathOptions{}, 1);
            if (paths.empty()) {
                CHECK(distance[t] == std::numeric_limits<double>::max());
                continue;
            }
            ++reached;
            CHECK(distance[t] == Approx(paths.front().cost).margin(1e-12));
        }
        CHECK(reached > 0);
    }
}

TEST_CASE("Boost's strong components and breadth-first levels on a view equal threatgraph's", "[analysis][boost]") {
    const auto& v = views();
    for (const View* view : {&v.all, &v.filtered}) {
        std::vector<int> component(num_vertices(*view), -1);
        const int count =
            boost::strong_components(*view, boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, *view)));
        std::vector<std::vector<Vertex32>> groups(static_cast<std::size_t>(count));
        for (auto [it, end] = vertices(*view); it != end; ++it) groups[static_cast<std::size_t>(component[*it])].push_back(*it);
        CHECK(as_sets(groups) == as_sets(strong_components(*view)));
        CHECK(count > 1);

        for (auto [it, end] = vertices(*view); it != end; ++it) {
            const auto s = *it;
            std::vector<std::uint32_t> level(num_vertices(*view), kUnreached);
            level[s] = 0;
            boost::breadth_first_search(
                *view, s,
                boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                    boost::make_iterator_property_map(level.begin(), get(boost::vertex_index, *view)), boost::on_tree_edge()))));
            CHECK(level == hop_distances(*view, s, Direction::out));
        }
    }
}
