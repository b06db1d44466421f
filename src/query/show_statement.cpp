#include "query/show_statement.hpp"

#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "query/describe.hpp"

#include <algorithm>

namespace tg::query {

namespace {

using Relating = EntityShown::Relating;

std::vector<Relating> relations_of(const KnowledgeGraph& graph, EntityIndex e) {
    std::vector<Relating> list;
    for (auto r : graph.out_relations(e)) list.push_back({r, true});
    for (auto r : graph.in_relations(e))
        if (graph.source_of(r) != graph.target_of(r)) list.push_back({r, false});
    // In an undirected network in and out mean nothing: order by type and name only.
    const bool directed = graph.directed();
    std::stable_sort(list.begin(), list.end(), [&](const Relating& a, const Relating& b) {
        if (directed && a.outgoing != b.outgoing) return a.outgoing;
        const auto& ra = graph.relation(a.relation);
        const auto& rb = graph.relation(b.relation);
        if (ra.type() != rb.type()) return ra.type() < rb.type();
        const auto oa = a.outgoing ? graph.target_of(a.relation) : graph.source_of(a.relation);
        const auto ob = b.outgoing ? graph.target_of(b.relation) : graph.source_of(b.relation);
        return std::string(graph.entity(oa).name()) < std::string(graph.entity(ob).name());
    });
    return list;
}

} // namespace

StatementResult find_shown(const KnowledgeGraph& graph, const std::string& name, const GraphOrigin& origin) {
    // An entity's id, name or alias first; a relation's id when no entity has it as its id.
    if (!graph.find(name))
        if (const auto r = find_relation(graph, name)) return RelationShown{*r, origin.network()};
    EntityIndex index = 0;
    try {
        index = graph.resolve(name);
    } catch (const DataError&) {
        // Named like a relation ("a-type-b") and close to one: say so.
        if (name.find('-') == std::string::npos || graph.relation_count() > 100000) throw;
        std::vector<std::string> ids;
        ids.reserve(graph.relation_count());
        for (RelationIndex r = 0; r < graph.relation_count(); ++r) ids.push_back(graph.relation(r).id());
        const auto hint = did_you_mean(name, ids);
        if (hint.empty()) throw;
        throw DataError("no entity or relation \"" + name + "\"", hint);
    }
    return EntityShown{index, relations_of(graph, index), origin.network()};
}

SummaryFound find_summary(const KnowledgeGraph& graph, const GraphOrigin& origin) { return {origin, summarize(graph)}; }

} // namespace tg::query
