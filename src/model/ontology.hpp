#pragma once
// The vocabulary of a graph: entity kinds (a tree through `parent`), relation types with the
// kinds they may join, and threat domains. Loaded from graph-data/ontology.json, so a user can
// add a kind or a relation type without recompiling.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tg {

struct EntityKind {
    std::string id;
    std::string label;
    std::string parent; // empty for a root kind
    std::string shape;  // Graphviz node shape
    std::string color;  // fill colour, #RRGGBB
};

struct RelationType {
    std::string id;
    std::string label;
    std::vector<std::string> source_kinds; // "*" allows every kind
    std::vector<std::string> target_kinds;
    bool symmetric = false;
    std::string style; // Graphviz line style: solid, dashed, dotted, bold
    std::string color;
};

struct ThreatDomain {
    std::string id;
    std::string label;
};

class Ontology {
public:
    // Later definitions with the same id replace earlier ones; the loader reports duplicates.
    void add_kind(EntityKind kind);
    void add_relation_type(RelationType type);
    void add_domain(ThreatDomain domain);

    const EntityKind* kind(const std::string& id) const;
    const RelationType* relation_type(const std::string& id) const;
    const ThreatDomain* domain(const std::string& id) const;

    // True when `kind` is `ancestor` or descends from it (parent cycles end the walk).
    bool is_a(const std::string& kind, const std::string& ancestor) const;
    // The kind and its ancestors, nearest first ("gang", "threat_actor"); stops at a cycle.
    std::vector<std::string> lineage(const std::string& kind) const;
    // The kind whose shape and colour `kind` is drawn with: itself or its nearest ancestor that
    // has either; null when none has.
    const EntityKind* drawn_kind(const std::string& kind) const;
    bool allows_source(const RelationType& type, const std::string& kind) const;
    bool allows_target(const RelationType& type, const std::string& kind) const;

    // Ids in declaration order.
    const std::vector<std::string>& kind_ids() const { return kind_order_; }
    const std::vector<std::string>& relation_type_ids() const { return type_order_; }
    const std::vector<std::string>& domain_ids() const { return domain_order_; }

    // The ontology of a network brought with --input: one kind "node", one type "tie".
    static Ontology plain_network(bool undirected);

private:
    bool allows(const std::vector<std::string>& allowed, const std::string& kind) const;

    std::map<std::string, EntityKind> kinds_;
    std::map<std::string, RelationType> types_;
    std::map<std::string, ThreatDomain> domains_;
    std::vector<std::string> kind_order_, type_order_, domain_order_;
};

} // namespace tg
