#include "query/communities_statement.hpp"

#include "analysis/communities.hpp"
#include "core/error.hpp"

#include <algorithm>

namespace tg::query {

CommunitiesFound find_communities(const KnowledgeGraph& graph, const CommunitiesRequest& request, const RunHooks& hooks) {
    const GraphSnapshot snapshot(graph);
    CommunitiesFound found;
    // NetworkX's louvain_communities weighs ties by their "weight" attribute unless told
    // otherwise: so does Louvain here, saying so, when the ties have one and no weight was asked.
    auto view_request = request.view;
    if (request.method == "louvain" && view_request.weight.empty() && graph.relation_attributes().column("weight")) {
        view_request.weight = "weight";
        try {
            make_view(snapshot, view_request, "hops");
            found.assumed_weight = "weight";
        } catch (const Error&) {
            view_request.weight.clear(); // not a number everywhere: hops, as asked
        }
    }
    const View view = make_view(snapshot, view_request, "hops").undirected();
    found.method = request.method;
    found.seed = request.seed;
    Partition partition;
    if (request.method == "louvain") {
        LouvainOptions options;
        options.seed = request.seed;
        partition = louvain(view, options);
    } else if (request.method == "girvan-newman") {
        if (hooks.progress) hooks.progress("removing edges by betweenness ...");
        const auto result = girvan_newman(view, request.max_levels, hooks.meter);
        partition = result.best;
        found.truncated = result.truncated;
    } else {
        throw ParameterError("unknown " + parameter("method") + " \"" + request.method + "\"", "use louvain or girvan-newman");
    }
    found.modularity = modularity(view, partition);
    found.communities = communities_of(partition);
    std::stable_sort(found.communities.begin(), found.communities.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return found;
}

MatchesFound find_matches(const KnowledgeGraph& graph, const SearchRequest& request) {
    if (request.limit == 0) throw ParameterError(parameter("limit") + " must be at least 1");
    return {request.text, graph.aliases().search(request.text, request.limit)};
}

} // namespace tg::query
