#pragma once
// What a statement or a command found, as typed results: the executor and the CLI's commands
// return them, query/result_writer prints them as text, JSON or CSV.
#include "analysis/convergence.hpp"
#include "analysis/counter_network.hpp"
#include "analysis/keyplayer_worlds.hpp"
#include "analysis/keyplayers.hpp"
#include "analysis/paths.hpp"
#include "analysis/structure.hpp"
#include "model/alias_index.hpp"
#include "model/knowledge_graph.hpp"
#include "query/worlds.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tg::query {

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

using StatementResult = std::variant<SelectionMade, EntitiesFound, StructureFound, CommunitiesFound, MatchesFound, RankingFound,
                                     KeyPlayersFound, ConvergenceFound, CounterNetworkFound, SubnetworkFound>;

} // namespace tg::query
