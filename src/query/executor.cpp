#include "query/executor.hpp"

#include "analysis/paths.hpp"
#include "core/error.hpp"
#include "query/centrality_statement.hpp"
#include "query/communities_statement.hpp"
#include "query/convergence_statement.hpp"
#include "query/counter_network_statement.hpp"
#include "query/keyplayers_statement.hpp"
#include "query/structure_statement.hpp"
#include "query/subnetwork_statement.hpp"

#include <algorithm>

namespace tg::query {

bool Executor::runs(const BoundStatement& b) {
    const auto& verb = b.spec->verb;
    return !b.statement->assign_to.empty() || verb == "find" || verb == "select" || verb == "search" || verb == "structure" ||
           verb == "communities" || verb == "centrality" || verb == "keyplayers" || verb == "convergence" || verb == "counter-network" ||
           verb == "neighbors" || verb == "connect";
}

StatementResult Executor::run(const BoundStatement& b) {
    const auto& verb = b.spec->verb;
    if (!b.statement->assign_to.empty()) {
        auto selection = select(b);
        SelectionMade made{b.statement->assign_to};
        for (auto e : selection.entities) made.entities += e;
        for (auto r : selection.relations) made.relations += r;
        selections_[made.name] = std::move(selection);
        return made;
    }
    if (verb == "select") throw QueryError("SELECT makes a selection: name it with LET name = SELECT ...");
    if (verb == "structure") return find_structure(graph_, {false, view_request(b)}, hooks_);
    if (verb == "centrality") {
        CentralityRequest request;
        request.measure = b.arguments.front();
        request.top = b.count("top", 0);
        request.raw = b.has("raw");
        request.samples = b.count("samples", 0);
        request.seed = b.count("seed", 0);
        request.view = view_request(b);
        return find_centrality(graph_, request, hooks_);
    }
    if (verb == "keyplayers") {
        KeyPlayersRequest request;
        request.k = std::stoul(b.arguments.front());
        request.objective = b.value("objective", "fragmentation");
        request.steps = b.count("steps", 1);
        request.seed = b.count("seed", 0);
        request.view = view_request(b);
        return find_key_players(graph_, request, hooks_);
    }
    if (verb == "convergence") {
        ConvergenceRequest request;
        if (b.has("domains")) request.domains = b.values.at("domains");
        request.group_by = b.value("group by");
        request.top = b.count("top", 15);
        request.directed = b.has("directed");
        request.view = view_request(b);
        const GraphSnapshot snapshot(graph_);
        return find_convergence(convergence_view(snapshot, request), request, hooks_);
    }
    if (verb == "counter-network") {
        CounterNetworkRequest request;
        for (const char* k : {"coalition", "threats", "targets", "via", "cooperation"}) {
            if (!b.has(k)) continue;
            const std::string key(k);
            auto& into = key == "coalition" ? request.coalition
                         : key == "threats" ? request.threats
                         : key == "targets" ? request.targets
                         : key == "via"     ? request.via
                                            : request.cooperation;
            into = b.values.at(k);
        }
        request.view.min_confidence = b.number("min confidence", 0);
        request.view.as_of = b.value("as of");
        return find_counter_network(graph_, request);
    }
    if (verb == "neighbors")
        return find_ego_network(graph_, {b.arguments.front(), b.count("depth", 1), b.value("direction", "any"), view_request(b)});
    if (verb == "connect") {
        ConnectRequest request;
        request.members = b.arguments;
        request.direction = b.value("direction", "any");
        if (b.has("through")) request.through = b.values.at("through");
        request.max_hops = std::min<std::size_t>(b.count("max hops", 0), graph_.entity_count());
        request.view = view_request(b);
        return find_connecting_network(graph_, request);
    }
    if (verb == "search") return find_matches(graph_, {b.arguments.front(), b.count("limit", 10)});
    if (verb == "communities")
        return find_communities(graph_, {b.value("method", "louvain"), b.count("seed", 0), b.count("max levels", 1000), view_request(b)},
                                hooks_);
    if (verb != "find") throw InternalError("the executor does not run " + verb + " statements yet");
    const GraphSnapshot snapshot(graph_);
    const View view = make_view(snapshot, view_request(b), "hops");
    EntitiesFound found;
    for (auto v : view.active_vertices()) found.entities.push_back(v);
    if (b.has("limit") && found.entities.size() > b.count("limit", 0)) found.entities.resize(b.count("limit", 0));
    return found;
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
