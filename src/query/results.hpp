#pragma once
// What a statement or a command found, as typed results: the executor and the CLI's commands
// return them, query/result_writer prints them as text, JSON or CSV.
#include "analysis/convergence.hpp"
#include "analysis/counter_network.hpp"
#include "analysis/disruption.hpp"
#include "analysis/keyplayer_worlds.hpp"
#include "analysis/keyplayers.hpp"
#include "analysis/paths.hpp"
#include "analysis/structure.hpp"
#include "analysis/summary.hpp"
#include "analysis/uncertainty.hpp"
#include "model/alias_index.hpp"
#include "model/knowledge_graph.hpp"
#include "query/worlds.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tg::query {

// Where the graph came from: a graph-data folder, or a network file brought with --input.
struct GraphOrigin {
    std::string path;
    std::string format;          // the network file's format; empty: a graph-data folder
    std::size_t merged_ties = 0; // ties of the file merged into one (parallel or both ways)
    bool network() const { return !format.empty(); }
};

// LET name = ...: the selection made and its size.
struct SelectionMade {
    std::string name;
    std::size_t entities = 0, relations = 0;
};

// FIND: the entities the filters keep, in the graph's order.
struct EntitiesFound {
    std::vector<EntityIndex> entities;
};

// STRUCTURE: the view's shape.
struct StructureFound {
    bool directed = true;
    std::vector<Vertex32> shown; // the view's entities, in the graph's order
    StructureReport report;
};

// COMMUNITIES: a partition of the view read without direction, largest community first.
struct CommunitiesFound {
    std::string method;
    std::uint64_t seed = 0; // Louvain's
    double modularity = 0;
    std::vector<std::vector<Vertex32>> communities;
    bool truncated = false; // Girvan-Newman stopped at its level limit
    // The attribute Louvain weighed ties by without being asked, as NetworkX's
    // louvain_communities does with "weight"; empty: as asked (hops unless told).
    std::string assumed_weight;
};

// SEARCH: names and aliases resembling a text, best first.
struct MatchesFound {
    std::string text;
    std::vector<NameMatch> matches;
};

// CENTRALITY: the entities (or, for edge betweenness, the linked pairs) by a measure, highest
// first, ties by id.
struct RankingFound {
    struct Row {
        std::string id, name, kind;
        double score = 0;
        std::string relations; // edge betweenness: the relations on the pair
        Spread spread{};       // over the worlds, when there are worlds
    };
    std::string measure;
    std::string lens; // the lens's name, and the line saying so (empty for the lens all)
    std::string lens_line;
    std::string weight; // how arcs weigh, as WeightSpec::describe() says it
    bool normalized = true, directed = true;
    std::size_t entities = 0; // in view
    std::vector<Row> rows;
    std::vector<std::pair<std::string, double>> restart; // PageRank's personalization: names and weights
    std::vector<std::string> restart_ids;
    WorldRequest worlds;   // worlds.worlds == 0: none
    std::size_t top_k = 0; // the k of the top-k share
};

// KEYPLAYERS: the set Borgatti's search found, and over the worlds when there are worlds.
struct KeyPlayersFound {
    std::size_t k = 0, steps = 1;
    std::string objective;
    bool reach = false;
    std::uint64_t seed = 0;
    std::string lens, lens_line;
    std::size_t entities = 0; // in view
    KeyPlayerSet set;
    double baseline = 0; // the objective's score with no one removed
    WorldRequest worlds; // worlds.worlds == 0: none
    KeyPlayerWorlds over_worlds;
    std::vector<Vertex32> members_somewhere; // in some world's own set, most often first (ties by id)
};

// CONVERGENCE: brokerage between threat domains (or groups of an attribute), Burt's constraint
// and effective size, a convergence score per entity and the nexus relations.
struct ConvergenceFound {
    Convergence convergence;
    std::string group_by; // the attribute grouping actors; empty: threat domains
    std::string lens, lens_line;
    bool directed = false;
    std::size_t top = 15; // rows of the text table; 0: all
    WorldRequest worlds;  // worlds.worlds == 0: none
    std::size_t top_k = 0;
    std::vector<Spread> spreads; // by vertex, with worlds
};

// COUNTER-NETWORK: the coalition set against the threat network, its silos and its coverage,
// and both networks measured side by side.
struct CounterNetworkFound {
    CounterNetwork analysis;
    std::vector<Vertex32> uncovered;                    // targets no member counters
    std::vector<std::vector<RelationIndex>> countering; // by coverage entry: the relations by which members counter it
};

// NEIGHBORS and CONNECT: a part of the network around the entities named, with its relations.
struct SubnetworkFound {
    std::string heading;  // "ego network of X to depth 2", "connecting network of A and B"
    std::string named_as; // "center" or "members": how the JSON lists the entities named
    std::vector<Vertex32> named;
    Subnetwork part;
    std::string lens, lens_line;
};

// SHOW of an entity: the entity and its relations, outgoing first, each by type then by the
// other end's name (in an undirected network by type and name only).
struct EntityShown {
    struct Relating {
        RelationIndex relation;
        bool outgoing = true;
    };
    EntityIndex entity = 0;
    std::vector<Relating> relations;
    bool network = false; // a network file: no confidences or gradings to show
};

// SHOW of a relation: its ends, grading, period, attributes and evidence.
struct RelationShown {
    RelationIndex relation = 0;
    bool network = false;
};

// SUMMARY: counts by kind and relation type, density, components, and where the graph came from.
struct SummaryFound {
    GraphOrigin origin;
    GraphSummary summary;
};

// PATHS: the shortest, the k shortest or every simple path between two entities, and with
// worlds how often the second is reached and the most reliable path.
struct PathsFound {
    Vertex32 from = 0, to = 0;
    std::string lens, lens_line;
    std::string weight; // how arcs weigh, as WeightSpec::describe() says it
    bool by_confidence = false, weighted = false;
    std::vector<Path> paths;
    bool truncated = false; // ALL stopped at its cap or its work limit
    std::size_t cap = 0;
    WorldRequest worlds; // worlds.worlds == 0: none
    Reachability reach;
    std::optional<Path> most_reliable;
};

// DISRUPT: each strategy's removals step by step and what was left of the network.
struct DisruptionFound {
    std::vector<Disruption> strategies;
    std::uint64_t seed = 0;   // the random runs' first seed
    std::size_t entities = 0; // in view
};

// EXPORT and RENDER: the file written.
struct FileWritten {
    std::string path;
    std::string format; // "graphml", "svg", ...
    std::size_t entities = 0, relations = 0;
};

using StatementResult = std::variant<SelectionMade, EntitiesFound, StructureFound, CommunitiesFound, MatchesFound, RankingFound,
                                     KeyPlayersFound, ConvergenceFound, CounterNetworkFound, SubnetworkFound, EntityShown, RelationShown,
                                     SummaryFound, PathsFound, DisruptionFound, FileWritten>;

} // namespace tg::query
