#include "analysis/graph_fixtures.hpp"

#include <set>

namespace tg::test {

KnowledgeGraph network(std::initializer_list<Tie> ties, bool undirected, std::initializer_list<std::string> extra_nodes) {
    Ontology ontology = Ontology::plain_network(undirected);
    ontology.add_relation_type({"link", "link", {"*"}, {"*"}, false, "solid", ""});
    ontology.add_relation_type({"border", "border", {"*"}, {"*"}, true, "dotted", ""});
    ontology.add_kind({"hub", "Hub", "node", "", ""});
    KnowledgeGraph g(std::move(ontology), {}, !undirected);
    std::set<std::string> names(extra_nodes);
    for (const auto& t : ties) names.insert(t.from), names.insert(t.to);
    for (const auto& name : names) {
        Entity e;
        e.id = name, e.name = name, e.kind = name.rfind("hub", 0) == 0 ? "hub" : "node";
        g.add_entity(e);
    }
    int n = 0;
    for (const auto& t : ties) {
        Relation r;
        r.id = "r" + std::to_string(n++), r.source = t.from, r.target = t.to, r.type = t.type, r.confidence = t.confidence;
        if (!t.valid_from.empty() || !t.valid_to.empty()) r.period = Period{t.valid_from, t.valid_to};
        if (t.weight != -1) r.attributes["weight"] = Attribute{t.weight, {}, std::nullopt, {}, {}};
        g.add_relation(r);
    }
    return g;
}

} // namespace tg::test
