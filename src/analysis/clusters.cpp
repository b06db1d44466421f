#include "analysis/clusters.hpp"

#include "analysis/communities.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"

#include <map>
#include <set>

namespace tg {

namespace {

std::vector<std::string> by_country(const View& view) {
    const auto& graph = view.graph();
    const auto& ontology = graph.ontology();
    if (!ontology.kind("state"))
        throw DataError("clusters by country need entities of kind \"state\", which this graph does not declare",
                        "cluster by kind, community or an attribute instead");
    // Up: the places an entity is in or part of, and the states that lead it (all relations,
    // whatever the view keeps: where an agency sits does not depend on the filters).
    std::vector<std::vector<EntityIndex>> up(graph.entity_count());
    for (std::size_t r = 0; r < graph.relation_count(); ++r) {
        const auto& rel = graph.relation(r);
        const auto s = graph.source_of(r), t = graph.target_of(r);
        if (rel.type() == "located_in" || rel.type() == "part_of") up[s].push_back(t);
        if (rel.type() == "leads" && ontology.is_a(graph.entity(s).kind(), "state")) up[t].push_back(s);
    }
    std::vector<std::string> out(view.vertex_count());
    for (auto v : view.active_vertices()) {
        std::set<EntityIndex> states, seen{v};
        std::vector<EntityIndex> stack{v};
        while (!stack.empty()) {
            const auto e = stack.back();
            stack.pop_back();
            if (ontology.is_a(graph.entity(e).kind(), "state")) {
                states.insert(e);
                continue; // a state's own ties up (part of a union) do not change its country
            }
            for (auto next : up[e])
                if (seen.insert(next).second) stack.push_back(next);
        }
        if (states.size() == 1) out[v] = graph.entity(*states.begin()).name();
    }
    return out;
}

std::vector<std::string> by_domain(const View& view) {
    const auto& graph = view.graph();
    if (graph.ontology().domain_ids().empty())
        throw DataError("clusters by domain need threat domains, which this graph does not declare",
                        "cluster by kind, community or an attribute instead");
    std::vector<std::string> out(view.vertex_count());
    for (auto v : view.active_vertices()) {
        const auto& domains = graph.entity(v).domains();
        if (domains.empty()) continue;
        const auto* domain = graph.ontology().domain(domains.front());
        out[v] = domain && !domain->label.empty() ? domain->label : domains.front();
    }
    return out;
}

std::vector<std::string> by_kind(const View& view) {
    const auto& graph = view.graph();
    std::vector<std::string> out(view.vertex_count());
    for (auto v : view.active_vertices()) {
        const auto lineage = graph.ontology().lineage(graph.entity(v).kind());
        const auto* root = lineage.empty() ? nullptr : graph.ontology().kind(lineage.back());
        out[v] = root ? (root->label.empty() ? root->id : root->label) : graph.entity(v).kind();
    }
    return out;
}

std::vector<std::string> by_community(const View& view) {
    const auto partition = louvain(view);
    std::vector<std::string> out(view.vertex_count());
    for (auto v : view.active_vertices()) out[v] = "community " + std::to_string(partition[v] + 1);
    return out;
}

std::vector<std::string> by_attribute(const View& view, const std::string& name) {
    const auto& graph = view.graph();
    std::vector<std::string> out(view.vertex_count());
    bool any = false;
    for (auto v : view.active_vertices()) {
        const auto a = graph.entity(v).attribute(name);
        if (!a) continue;
        out[v] = format_value(a->value);
        any = any || !out[v].empty();
    }
    if (!any) {
        // A misspelt rule ("contry") gets the rule; otherwise the list of what there is.
        std::set<std::string> names{"country", "domain", "kind", "community"};
        const auto& attributes = graph.entity_attributes();
        for (std::size_t c = 0; c < attributes.column_count(); ++c) names.insert(attributes.column_name(c));
        throw DataError(
            "no entity in the view has a value for \"" + name + "\"",
            hint_for(name, {names.begin(), names.end()},
                     "cluster by country, domain, kind, community or an entity attribute (a column of " + parameter("nodes") + ")"));
    }
    return out;
}

} // namespace

std::vector<std::string> clusters_by(const View& view, const std::string& rule) {
    std::vector<std::string> out = rule == "country"     ? by_country(view)
                                   : rule == "domain"    ? by_domain(view)
                                   : rule == "kind"      ? by_kind(view)
                                   : rule == "community" ? by_community(view)
                                                         : by_attribute(view, rule);
    std::map<std::string, std::size_t> size;
    for (auto v : view.active_vertices())
        if (!out[v].empty()) ++size[out[v]];
    for (auto& label : out)
        if (!label.empty() && size[label] < 2) label.clear();
    return out;
}

} // namespace tg
