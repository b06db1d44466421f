#pragma once
// One function per command; each returns its exit code and throws tg::Error on failure.
#include "cli/context.hpp"
#include "cli/view_options.hpp"
#include "cli/worlds.hpp"
#include "query/centrality_statement.hpp"
#include "query/communities_statement.hpp"
#include "query/convergence_statement.hpp"
#include "query/counter_network_statement.hpp"
#include "query/disrupt_statement.hpp"
#include "query/export_statement.hpp"
#include "query/keyplayers_statement.hpp"
#include "query/paths_statement.hpp"
#include "query/render_statement.hpp"
#include "query/structure_statement.hpp"
#include "query/subnetwork_statement.hpp"

#include <optional>
#include <string>

namespace tg::cli {

int run_validate(Context& context);
int run_info(Context& context);

struct ShowArgs {
    std::string entity;
};
int run_show(Context& context, const ShowArgs& args);

using SearchArgs = query::SearchRequest;
int run_search(Context& context, const SearchArgs& args);

using PathsArgs = query::PathsRequest;
int run_paths(Context& context, const PathsArgs& args);

using ConnectArgs = query::ConnectRequest;
int run_connect(Context& context, const ConnectArgs& args);

using EgoArgs = query::EgoRequest;
int run_ego(Context& context, const EgoArgs& args);

using CentralityArgs = query::CentralityRequest;
int run_centrality(Context& context, const CentralityArgs& args);

using StructureArgs = query::StructureRequest;
int run_structure(Context& context, const StructureArgs& args);

using CommunitiesArgs = query::CommunitiesRequest;
int run_communities(Context& context, const CommunitiesArgs& args);

using KeyPlayersArgs = query::KeyPlayersRequest;
int run_keyplayers(Context& context, const KeyPlayersArgs& args);

using DisruptArgs = query::DisruptRequest;
int run_disrupt(Context& context, const DisruptArgs& args);

struct ConvergenceArgs : query::ConvergenceRequest {
    std::string diagram; // draw the nexus to this image
};
int run_convergence(Context& context, const ConvergenceArgs& args);

using RenderArgs = query::RenderRequest;
using query::check_drawable;
using query::kMaxDrawnEntities;
int run_render(Context& context, const RenderArgs& args);

struct ReportArgs {
    std::string path = "report.html"; // unless -o names another
    std::string title;
    std::size_t k = 5;
    std::size_t max_entities = kMaxDrawnEntities;
    ViewRequest view;
};
int run_report(Context& context, const ReportArgs& args);

using ExportArgs = query::ExportRequest;
int run_export(Context& context, const ExportArgs& args);

struct DiagramsArgs {
    std::string folder = "out";
    std::string type = "svg";
    std::size_t max_entities = kMaxDrawnEntities;
};
int run_diagrams(Context& context, const DiagramsArgs& args);

struct QueryArgs {
    std::vector<std::string> files;
    std::string expression;
    bool has_expression = false; // -e was given, even empty
    std::string out_dir = "out";
    bool interactive = false;
};
int run_query(Context& context, const QueryArgs& args);

struct ImportArgs {
    std::string path;
    std::string from;
};
int run_import(Context& context, const ImportArgs& args);

struct ExtractArgs {
    std::string text;          // the report, plain UTF-8 text
    bool evaluate = false;     // score the candidates against --data
    double min_confidence = 0; // relation proposals below are left out
};
int run_extract(Context& context, const ExtractArgs& args);

struct BuildArgs {
    std::string candidates; // the folder extract wrote, reviewed
    bool in_place = false;  // rewrite --data's files, after a backup
};
int run_build(Context& context, const BuildArgs& args);

struct ReviewArgs {
    std::string candidates;  // the folder extract wrote
    double accept_above = 2; // accept proposals at least this sure without asking (above 1: none)
    bool in_place = false;   // replace the folder, keeping a backup; otherwise -o NEW-DIR
};
int run_review(Context& context, const ReviewArgs& args);

using CounterNetworkArgs = query::CounterNetworkRequest;
int run_counter_network(Context& context, const CounterNetworkArgs& args);

} // namespace tg::cli
