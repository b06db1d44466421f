#include "analysis/summary.hpp"

#include <algorithm>
#include <numeric>

namespace tg {

namespace {

// Union-find with path halving and union by size: weak components in O(m α(n)).
class Partition {
public:
    explicit Partition(std::size_t n) : parent_(n), size_(n, 1) { std::iota(parent_.begin(), parent_.end(), std::size_t{0}); }
    std::size_t find(std::size_t x) {
        while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
        return x;
    }
    void unite(std::size_t a, std::size_t b) {
        a = find(a), b = find(b);
        if (a == b) return;
        if (size_[a] < size_[b]) std::swap(a, b);
        parent_[b] = a;
        size_[a] += size_[b];
    }
    std::size_t size_of_root(std::size_t root) const { return size_[root]; }

private:
    std::vector<std::size_t> parent_, size_;
};

} // namespace

GraphSummary summarize(const KnowledgeGraph& graph) {
    GraphSummary s;
    s.entities = graph.entity_count();
    s.relations = graph.relation_count();
    s.directed = graph.directed();
    const auto& ontology = graph.ontology();

    std::map<std::string, std::size_t> kinds, types, domains;
    for (EntityIndex e = 0; e < s.entities; ++e) {
        ++kinds[graph.entity(e).kind()];
        for (const auto& d : graph.entity(e).domains()) ++domains[d];
    }
    for (RelationIndex r = 0; r < s.relations; ++r) ++types[graph.relation(r).type()];
    for (const auto& k : ontology.kind_ids())
        if (kinds.count(k)) s.by_kind.emplace_back(k, kinds[k]);
    for (const auto& t : ontology.relation_type_ids())
        if (types.count(t)) s.by_relation_type.emplace_back(t, types[t]);
    for (const auto& d : ontology.domain_ids())
        if (domains.count(d)) s.by_domain.emplace_back(d, domains[d]);

    if (s.entities > 1) {
        const double n = static_cast<double>(s.entities);
        s.density = static_cast<double>(s.relations) / (n * (n - 1)) * (s.directed ? 1.0 : 2.0);
    }

    Partition partition(s.entities);
    std::vector<bool> touched(s.entities, false);
    for (RelationIndex r = 0; r < s.relations; ++r) {
        const auto a = graph.source_of(r), b = graph.target_of(r);
        if (a == b) ++s.self_loops;
        touched[a] = touched[b] = true;
        partition.unite(a, b);
    }
    for (EntityIndex e = 0; e < s.entities; ++e) {
        if (!touched[e]) ++s.isolates;
        if (partition.find(e) == e) {
            ++s.components;
            s.largest_component = std::max(s.largest_component, partition.size_of_root(e));
        }
    }
    return s;
}

} // namespace tg
