#include "model/ontology.hpp"

#include <algorithm>

namespace tg {

namespace {
template <class Map, class T>
void put(Map& map, std::vector<std::string>& order, T item) {
    const std::string id = item.id;
    if (map.find(id) == map.end()) order.push_back(id);
    map[id] = std::move(item);
}

template <class Map>
const typename Map::mapped_type* find_in(const Map& map, const std::string& id) {
    const auto it = map.find(id);
    return it == map.end() ? nullptr : &it->second;
}
} // namespace

void Ontology::add_kind(EntityKind kind) { put(kinds_, kind_order_, std::move(kind)); }
void Ontology::add_relation_type(RelationType type) { put(types_, type_order_, std::move(type)); }
void Ontology::add_domain(ThreatDomain domain) { put(domains_, domain_order_, std::move(domain)); }

const EntityKind* Ontology::kind(const std::string& id) const { return find_in(kinds_, id); }
const RelationType* Ontology::relation_type(const std::string& id) const { return find_in(types_, id); }
const ThreatDomain* Ontology::domain(const std::string& id) const { return find_in(domains_, id); }

bool Ontology::is_a(const std::string& kind, const std::string& ancestor) const {
    std::string current = kind;
    for (std::size_t steps = 0; steps <= kinds_.size() && !current.empty(); ++steps) {
        if (current == ancestor) return true;
        const auto* k = this->kind(current);
        if (!k) return false;
        current = k->parent;
    }
    return false;
}

std::vector<std::string> Ontology::lineage(const std::string& kind) const {
    std::vector<std::string> out;
    for (const auto* k = this->kind(kind); k && out.size() <= kinds_.size(); k = this->kind(k->parent)) {
        if (std::find(out.begin(), out.end(), k->id) != out.end()) break;
        out.push_back(k->id);
    }
    return out;
}

const EntityKind* Ontology::drawn_kind(const std::string& kind) const {
    for (const auto& id : lineage(kind)) {
        const auto* k = this->kind(id);
        if (!k->shape.empty() || !k->color.empty()) return k;
    }
    return nullptr;
}

bool Ontology::allows(const std::vector<std::string>& allowed, const std::string& kind) const {
    for (const auto& a : allowed)
        if (a == "*" || is_a(kind, a)) return true;
    return false;
}

bool Ontology::allows_source(const RelationType& type, const std::string& kind) const { return allows(type.source_kinds, kind); }

bool Ontology::allows_target(const RelationType& type, const std::string& kind) const { return allows(type.target_kinds, kind); }

Ontology Ontology::plain_network(bool undirected) {
    Ontology o;
    o.add_kind({"node", "Node", "", "ellipse", "#56B4E9"});
    o.add_relation_type({"tie", "tie", {"*"}, {"*"}, undirected, "solid", "#555555"});
    return o;
}

} // namespace tg
