// One engine on every path: a network read column by column (read_network, what --input does)
// and the same network added entity by entity and relation by relation (what graph-data's loader
// does) give the very same numbers; and graph-data itself, exported and read back with --input,
// gives the numbers the curated graph gives, read without direction.
#include "analysis/centrality.hpp"
#include "analysis/cohesion.hpp"
#include "analysis/communities.hpp"
#include "analysis/structure.hpp"
#include "io/graph_data_loader.hpp"
#include "io/network_reader.hpp"
#include "io/node_link_writer.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <numeric>

using namespace tg;
using namespace tg::test;

namespace {

// The same graph, built entity by entity and relation by relation.
KnowledgeGraph added_one_by_one(const KnowledgeGraph& g) {
    KnowledgeGraph out(g.ontology(), g.sources(), g.directed());
    for (EntityIndex e = 0; e < g.entity_count(); ++e) out.add_entity(g.entity(e).record());
    for (RelationIndex r = 0; r < g.relation_count(); ++r) out.add_relation(g.relation(r).record());
    return out;
}

void same_scores(const Scores& a, const Scores& b, double margin) {
    REQUIRE(a.size() == b.size());
    for (std::size_t v = 0; v < a.size(); ++v) CHECK(a[v] == Approx(b[v]).margin(margin));
}

// Every measure the engine has, on two views whose vertices are the same entities in the same
// order; `margin` 0 asks for the very same numbers.
void same_measures(const View& a, const View& b, double margin) {
    same_scores(degree_centrality(a, DegreeKind::total), degree_centrality(b, DegreeKind::total), margin);
    same_scores(betweenness_centrality(a), betweenness_centrality(b), margin);
    same_scores(closeness_centrality(a), closeness_centrality(b), margin);
    same_scores(harmonic_centrality(a), harmonic_centrality(b), margin);
    same_scores(pagerank(a), pagerank(b), std::max(margin, 1e-12));
    CHECK(weak_components(a) == weak_components(b));
    CHECK(strong_components(a) == strong_components(b));
    CHECK(articulation_points(a) == articulation_points(b));
    CHECK(bridges(a) == bridges(b));
    CHECK(core_numbers(a) == core_numbers(b));
    same_scores(clustering(a), clustering(b), margin);
    const auto sa = summarize_structure(a), sb = summarize_structure(b);
    CHECK(sa.path_lengths.diameter == sb.path_lengths.diameter);
    CHECK(sa.path_lengths.average == Approx(sb.path_lengths.average).margin(margin));
    CHECK(global_efficiency(a) == Approx(global_efficiency(b)).margin(margin));
    CHECK(modularity(a, louvain(a)) == Approx(modularity(b, louvain(b))).margin(std::max(margin, 1e-12)));
}

} // namespace

TEST_CASE("every shared network gives the same numbers read column by column as added entity by entity", "[analysis][shared]") {
    const std::string d = std::string(TG_SHARED_DIR) + "/datasets/";
    struct Case {
        std::string edges, nodes;
        bool undirected;
    };
    std::vector<Case> cases{{"montagna/Montagna_meetings_edgelist.csv", "", true},
                            {"montagna/Montagna_phonecalls_edgelist.csv", "", true},
                            {"madrid-train-bombing/train_edges.csv", "madrid-train-bombing/train_nodes.csv", true},
                            {"krebs-911/covert_2__1_edges.csv", "krebs-911/covert_2__1_nodes.csv", true},
                            {"jemaah-islamiyah-bali/covert_26_edges.csv", "jemaah-islamiyah-bali/covert_26_nodes.csv", true},
                            {"caviar/caviar_full_110_morselli.csv", "", false}};
    for (int k = 1; k <= 10; ++k)
        cases.push_back({"noordin-top/covert_34__" + std::to_string(k) + "_edges.csv",
                         "noordin-top/covert_34__" + std::to_string(k) + "_nodes.csv", true});
    for (const auto& c : cases) {
        CAPTURE(c.edges);
        NetworkOptions options;
        options.path = d + c.edges;
        options.nodes_path = c.nodes.empty() ? "" : d + c.nodes;
        options.undirected = c.undirected;
        const auto read = read_network(options);
        const auto& columns = *read.graph;
        const auto added = added_one_by_one(columns);
        REQUIRE(added.entity_count() == columns.entity_count());
        for (EntityIndex e = 0; e < columns.entity_count(); ++e) {
            REQUIRE(added.entity(e).id() == columns.entity(e).id());
            CHECK(added.entity(e).attributes().size() == columns.entity(e).attributes().size());
        }
        const GraphSnapshot fast(columns), knowledge(added);
        for (const bool directed : {true, false}) {
            CAPTURE(directed);
            const View a(fast, {}, {}, directed && columns.directed()), b(knowledge, {}, {}, directed && added.directed());
            same_measures(a, b, 0);
        }
        if (columns.relation_attributes().column("weight")) {
            const View a(fast, {}, WeightSpec::parse("weight"), columns.directed()),
                b(knowledge, {}, WeightSpec::parse("weight"), added.directed());
            same_scores(betweenness_centrality(a), betweenness_centrality(b), 0);
            same_scores(closeness_centrality(a), closeness_centrality(b), 0);
        }
    }
}

TEST_CASE("graph-data read back with --input from its export gives the numbers the curated graph gives, read without direction",
          "[analysis]") {
    const auto curated = load_graph_data(std::string(TG_SOURCE_DIR) + "/graph-data");
    std::vector<EntityIndex> entities(curated.entity_count());
    std::iota(entities.begin(), entities.end(), EntityIndex{0});
    std::vector<RelationIndex> relations(curated.relation_count());
    std::iota(relations.begin(), relations.end(), RelationIndex{0});
    TempDir dir;
    NetworkOptions options;
    options.path = dir.write("graph.json", write_node_link(curated, entities, relations));
    const auto read = read_network(options);
    const auto& network = *read.graph;
    REQUIRE(network.entity_count() == curated.entity_count());
    for (EntityIndex e = 0; e < curated.entity_count(); ++e) REQUIRE(network.entity(e).id() == curated.entity(e).id());
    // Relations of one pair merge into one tie, and symmetric types are plain ties: read without
    // direction and by hops, the networks are the same.
    CHECK(network.relation_count() < curated.relation_count());
    const GraphSnapshot fast(network), knowledge(curated);
    const View a(fast, {}, {}, false), b(knowledge, {}, {}, false);
    same_measures(a, b, 1e-12);
}
