#include "query/executor.hpp"

#include "analysis/paths.hpp"
#include "core/error.hpp"
#include "io/file_guard.hpp"
#include "io/text_file.hpp"
#include "query/centrality_statement.hpp"
#include "query/communities_statement.hpp"
#include "query/convergence_statement.hpp"
#include "query/counter_network_statement.hpp"
#include "query/disrupt_statement.hpp"
#include "query/export_statement.hpp"
#include "query/keyplayers_statement.hpp"
#include "query/paths_statement.hpp"
#include "query/show_statement.hpp"
#include "query/structure_statement.hpp"
#include "query/subnetwork_statement.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <utility>

namespace tg::query {

namespace {

// The statements the executor runs besides LET, each from its clauses to its request and result.
using Run = StatementResult (*)(const Executor& executor, const KnowledgeGraph& graph, const BoundStatement& b, const ExecutorSetup& setup);

StatementResult run_find(const Executor& executor, const KnowledgeGraph& graph, const BoundStatement& b, const ExecutorSetup&) {
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, executor.view_request(b), "hops");
    EntitiesFound found;
    for (auto v : view.active_vertices()) found.entities.push_back(v);
    if (b.has("limit") && found.entities.size() > b.count("limit", 0)) found.entities.resize(b.count("limit", 0));
    return found;
}

StatementResult run_search(const Executor&, const KnowledgeGraph& graph, const BoundStatement& b, const ExecutorSetup&) {
    return find_matches(graph, {b.arguments.front(), b.count("limit", 10)});
}

StatementResult run_structure(const Executor& executor, const KnowledgeGraph& graph, const BoundStatement& b, const ExecutorSetup& setup) {
    return find_structure(graph, {false, executor.view_request(b)}, setup.hooks);
}

StatementResult run_communities(const Executor& executor, const KnowledgeGraph& graph, const BoundStatement& b,
                                const ExecutorSetup& setup) {
    return find_communities(
        graph, {b.value("method", "louvain"), b.count("seed", 0), b.count("max levels", 1000), executor.view_request(b)}, setup.hooks);
}

StatementResult run_centrality(const Executor& executor, const KnowledgeGraph& graph, const BoundStatement& b, const ExecutorSetup& setup) {
    CentralityRequest request;
    request.measure = b.arguments.front();
    request.top = b.count("top", 0);
    request.raw = b.has("raw");
    request.samples = b.count("samples", 0);
    request.seed = b.count("seed", 0);
    request.view = executor.view_request(b);
    return find_centrality(graph, request, setup.hooks);
}

StatementResult run_keyplayers(const Executor& executor, const KnowledgeGraph& graph, const BoundStatement& b, const ExecutorSetup& setup) {
    KeyPlayersRequest request;
    request.k = std::stoul(b.arguments.front());
    request.objective = b.value("objective", "fragmentation");
    request.steps = b.count("steps", 1);
    request.seed = b.count("seed", 0);
    request.view = executor.view_request(b);
    return find_key_players(graph, request, setup.hooks);
}

StatementResult run_convergence(const Executor& executor, const KnowledgeGraph& graph, const BoundStatement& b,
                                const ExecutorSetup& setup) {
    ConvergenceRequest request;
    if (b.has("domains")) request.domains = b.values.at("domains");
    request.group_by = b.value("group by");
    request.top = b.count("top", 15);
    request.directed = b.has("directed");
    request.view = executor.view_request(b);
    const GraphSnapshot snapshot(graph);
    return find_convergence(convergence_view(snapshot, request), request, setup.hooks);
}

StatementResult run_counter_network(const Executor&, const KnowledgeGraph& graph, const BoundStatement& b, const ExecutorSetup&) {
    using Kinds = std::vector<std::string> CounterNetworkRequest::*;
    CounterNetworkRequest request;
    for (const auto& [keyword, member] : {std::pair<const char*, Kinds>{"coalition", &CounterNetworkRequest::coalition},
                                          {"threats", &CounterNetworkRequest::threats},
                                          {"targets", &CounterNetworkRequest::targets},
                                          {"via", &CounterNetworkRequest::via},
                                          {"cooperation", &CounterNetworkRequest::cooperation}})
        if (b.has(keyword)) request.*member = b.values.at(keyword);
    request.view.min_confidence = b.number("min confidence", 0);
    request.view.as_of = b.value("as of");
    return find_counter_network(graph, request);
}

StatementResult run_neighbors(const Executor& executor, const KnowledgeGraph& graph, const BoundStatement& b, const ExecutorSetup&) {
    return find_ego_network(graph, {b.arguments.front(), b.count("depth", 1), b.value("direction", "any"), executor.view_request(b)});
}

StatementResult run_connect(const Executor& executor, const KnowledgeGraph& graph, const BoundStatement& b, const ExecutorSetup&) {
    ConnectRequest request;
    request.members = b.arguments;
    request.direction = b.value("direction", "any");
    if (b.has("through")) request.through = b.values.at("through");
    request.max_hops = std::min<std::size_t>(b.count("max hops", 0), graph.entity_count());
    request.view = executor.view_request(b);
    return find_connecting_network(graph, request);
}

StatementResult run_show(const Executor&, const KnowledgeGraph& graph, const BoundStatement& b, const ExecutorSetup& setup) {
    return find_shown(graph, b.arguments.front(), setup.origin);
}

StatementResult run_summary(const Executor&, const KnowledgeGraph& graph, const BoundStatement&, const ExecutorSetup& setup) {
    return find_summary(graph, setup.origin);
}

StatementResult run_paths(const Executor& executor, const KnowledgeGraph& graph, const BoundStatement& b, const ExecutorSetup& setup) {
    PathsRequest request;
    request.from = b.value("from");
    request.to = b.value("to");
    request.k = b.count("k", 1);
    request.max_hops = b.count("max hops", 0);
    request.all = b.has("all");
    request.cap = b.count("cap", 100);
    request.direction = b.value("direction", "out");
    if (b.has("through")) request.through = b.values.at("through");
    request.view = executor.view_request(b);
    return find_paths(graph, request, setup.hooks);
}

// A file a statement names, inside the output folder.
std::string output_file(const ExecutorSetup& setup, const BoundStatement& b, const std::string& keyword) {
    return (std::filesystem::path(setup.output_folder) / b.value(keyword)).string();
}

StatementResult run_disrupt(const Executor& executor, const KnowledgeGraph& graph, const BoundStatement& b, const ExecutorSetup& setup) {
    DisruptRequest request;
    if (b.has("strategy")) request.strategies = b.values.at("strategy");
    request.remove = b.value("remove", "entities");
    if (b.has("targets")) request.targets = b.values.at("targets");
    if (b.has("steps")) request.steps = b.count("steps", 10);
    request.seeds = b.count("seeds", 10);
    request.seed = b.count("seed", 0);
    request.samples = b.count("samples", 0);
    if (b.has("chart")) request.chart = output_file(setup, b, "chart");
    request.view = executor.view_request(b);
    const auto* drawings = request.chart.empty() ? nullptr : &drawing_engine(setup.drawings.get(), "CHART");
    auto found = find_disruption(graph, request, setup.hooks);
    if (drawings) {
        const ConfinedOutputs confined(setup.output_folder);
        drawings->disruption(graph, request, found, setup.hooks);
    }
    return found;
}

StatementResult run_export(const Executor& executor, const KnowledgeGraph& graph, const BoundStatement& b, const ExecutorSetup& setup) {
    const auto path = output_file(setup, b, "to");
    const auto exported =
        export_network(graph, {b.has("as") ? b.value("as") : export_format_for(path), executor.view_request(b)}, setup.drawings.get());
    const ConfinedOutputs confined(setup.output_folder);
    write_file_atomically(path, exported.text);
    return FileWritten{path, exported.format, exported.entities.size(), exported.relations.size()};
}

StatementResult run_render(const Executor& executor, const KnowledgeGraph& graph, const BoundStatement& b, const ExecutorSetup& setup) {
    RenderRequest request;
    request.path = output_file(setup, b, "to");
    request.layout = b.value("layout", "auto");
    request.title = b.value("title");
    if (b.has("highlight")) request.highlight = b.values.at("highlight");
    if (b.has("path")) request.paths = {b.values.at("path").at(0) + "--" + b.values.at("path").at(1)};
    request.size_by = b.value("size by");
    request.cluster_by = b.value("cluster by");
    request.view = executor.view_request(b);
    const auto& drawings = drawing_engine(setup.drawings.get(), "RENDER");
    const ConfinedOutputs confined(setup.output_folder);
    return drawings.network(graph, request, setup.hooks);
}

const std::map<std::string, Run>& statements() {
    static const std::map<std::string, Run> table{
        {"find", run_find},
        {"search", run_search},
        {"structure", run_structure},
        {"communities", run_communities},
        {"centrality", run_centrality},
        {"keyplayers", run_keyplayers},
        {"convergence", run_convergence},
        {"counter-network", run_counter_network},
        {"neighbors", run_neighbors},
        {"connect", run_connect},
        {"show", run_show},
        {"summary", run_summary},
        {"paths", run_paths},
        {"disrupt", run_disrupt},
        {"export", run_export},
        {"render", run_render},
    };
    return table;
}

} // namespace

StatementResult Executor::run(const BoundStatement& b) {
    if (!b.statement->assign_to.empty()) {
        auto selection = select(b);
        SelectionMade made{b.statement->assign_to};
        for (auto e : selection.entities) made.entities += e;
        for (auto r : selection.relations) made.relations += r;
        selections_[made.name] = std::move(selection);
        return made;
    }
    const auto& verb = b.spec->verb;
    if (verb == "select") throw QueryError("SELECT makes a selection: name it with LET name = SELECT ...");
    const auto statement = statements().find(verb);
    if (statement == statements().end()) throw InternalError("the executor has no " + verb + " statement");
    return statement->second(*this, graph_, b, setup_);
}

std::vector<std::string> Executor::selection_names() const {
    std::vector<std::string> out;
    for (const auto& [name, s] : selections_) out.push_back(name);
    return out;
}

ViewRequest Executor::view_request(const BoundStatement& b) const {
    ViewRequest v;
    if (b.has("via")) v.via = b.values.at("via");
    if (b.has("not via")) v.not_via = b.values.at("not via");
    v.lens = b.value("lens");
    if (b.spec->verb == "convergence") v.default_lens = Lens::threat;
    v.min_confidence = b.number("min confidence", 0);
    v.as_of = b.value("as of");
    v.weight = b.value("weight");
    v.ignore_direction = b.has("ignore direction");
    const Selection* in = nullptr;
    if (!b.selection.empty() && selections_.count(b.selection)) in = &selections_.at(b.selection);
    const auto where = b.entities;
    if (in || where) v.keep_entity = [in, where](EntityIndex e) { return (!in || in->entities[e]) && (!where || where(e)); };
    const auto relations = b.relations;
    if (in || relations)
        v.keep_relation = [in, relations](RelationIndex r) { return (!in || in->relations[r]) && (!relations || relations(r)); };
    return v;
}

// The entities and relations a LET statement names.
Executor::Selection Executor::select(const BoundStatement& b) const {
    const auto& graph = graph_;
    const GraphSnapshot snapshot(graph);
    const auto& verb = b.spec->verb;
    auto args = view_request(b);
    if (verb == "paths") default_to_threat_lens_between(args, graph, {b.value("from"), b.value("to")});
    if (verb == "connect") default_to_threat_lens_between(args, graph, b.arguments);
    const View view = make_view(snapshot, args, verb == "paths" ? "confidence" : "hops");
    Selection s;
    s.entities.assign(graph.entity_count(), 0);
    s.relations.assign(graph.relation_count(), 0);
    // An entity outside the view is the mistake the statement's command reports, not an empty selection.
    const auto vertex = [&](const std::string& id) { return resolve_in_view(view, id); };
    const std::size_t hop_limit = std::min<std::size_t>(b.count("max hops", 0), graph.entity_count());
    Subnetwork part;
    if (verb == "select" || verb == "find") {
        part.vertices = view.active_vertices();
        if (b.has("limit") && part.vertices.size() > b.count("limit", 0)) part.vertices.resize(b.count("limit", 0));
        std::vector<std::uint8_t> kept(graph.entity_count(), 0);
        for (auto v : part.vertices) kept[v] = 1;
        for (auto r : relations_in(view))
            if (kept[snapshot.relation_source(r)] && kept[static_cast<Vertex32>(graph.target_of(r))]) part.relations.push_back(r);
    } else if (verb == "neighbors") {
        part = ego_network(view, vertex(b.arguments.front()), b.count("depth", 1), parse_direction(b.value("direction", "any")));
    } else if (verb == "connect") {
        std::vector<Vertex32> members;
        for (const auto& id : b.arguments) members.push_back(vertex(id));
        PathOptions options;
        options.direction = parse_direction(b.value("direction", "any"));
        if (b.has("through")) options.through_kinds = b.values.at("through");
        options.max_hops = hop_limit;
        part = connecting_network(view, members, options);
    } else if (verb == "paths") {
        PathOptions options;
        options.direction = parse_direction(b.value("direction", "out"));
        if (b.has("through")) options.through_kinds = b.values.at("through");
        options.max_hops = hop_limit;
        const auto from = vertex(b.value("from")), to = vertex(b.value("to"));
        const auto paths = b.has("all") ? all_simple_paths(view, from, to, options, b.count("cap", 100)).paths
                                        : shortest_paths(view, from, to, options, b.count("k", 1));
        if (paths.empty())
            throw DataError("no path from \"" + std::string(graph.entity(from).name()) + "\" to \"" + std::string(graph.entity(to).name()) +
                                "\" in this view",
                            "try DIRECTION any, or loosen the filters");
        for (const auto& path : paths) {
            part.vertices.insert(part.vertices.end(), path.vertices.begin(), path.vertices.end());
            for (const auto& hop : path.hops) part.relations.push_back(hop.relation);
        }
    }
    for (auto v : part.vertices) s.entities[v] = 1;
    for (auto r : part.relations) s.relations[r] = 1;
    return s;
}

} // namespace tg::query
