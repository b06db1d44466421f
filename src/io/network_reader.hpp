#pragma once
// Networks a user brings instead of graph-data: whitespace edge lists, CSV edge lists (with an
// optional nodes file), CSV adjacency matrices, NetworkX node-link JSON, GraphML, GEXF, GML, Pajek .net, UCINET DL and
// ORA's DyNetML. Quirks of
// real files (BOMs, Latin-1 names, trailing spaces, ties listed twice, self-loops) are handled
// and reported, never silently.
#include "core/diagnostic.hpp"
#include "model/knowledge_graph.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tg {

enum class NetworkFormat { json, graphml, csv, edgelist, matrix, pajek, gexf, gml, ucinet, dynetml };

std::optional<NetworkFormat> parse_network_format(const std::string& name);
const char* network_format_name(NetworkFormat format);
// Every format's name, as --input-format takes it.
std::vector<std::string> network_format_names();

enum class SelfLoops { keep, drop };
// What the weight of a tie listed more than once becomes.
enum class MergeRule { first, last, sum, max };
std::optional<MergeRule> parse_merge_rule(const std::string& name);
const char* merge_rule_name(MergeRule rule);

struct NetworkOptions {
    std::string path;
    std::optional<NetworkFormat> format; // guessed from the name and content when not given
    std::string nodes_path;              // CSV of nodes for a CSV edge list
    bool undirected = false;
    SelfLoops self_loops = SelfLoops::keep;
    MergeRule merge = MergeRule::first;
};

struct NetworkImport {
    std::unique_ptr<KnowledgeGraph> graph;
    NetworkFormat format = NetworkFormat::edgelist;
    std::vector<Diagnostic> notices; // warnings and notes about what was merged, dropped or fixed
    std::vector<std::string> files;
    std::size_t merged_ties = 0;
    std::size_t self_loops = 0; // kept or dropped, as the options said
};

// Throws DataError (positioned) on malformed input and IoError when a file cannot be read.
NetworkImport read_network(const NetworkOptions& options);

} // namespace tg
