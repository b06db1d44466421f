#include "query/communities_statement.hpp"

#include "analysis/communities.hpp"
#include "core/error.hpp"

#include <algorithm>

namespace tg::query {

CommunitiesFound find_communities(const KnowledgeGraph& graph, const CommunitiesRequest& request, const RunHooks& hooks) {
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, request.view, "hops").undirected();
    CommunitiesFound found;
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
