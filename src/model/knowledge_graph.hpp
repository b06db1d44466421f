#pragma once
// The typed, sourced property graph: entities and relations held in a Boost.Graph
// adjacency_list with bundled properties, plus the ontology, the sources and the alias index.
// Boost types stay behind this interface (see graph_storage.hpp for model and analysis code).
#include "model/alias_index.hpp"
#include "model/entity.hpp"
#include "model/ontology.hpp"
#include "model/relation.hpp"
#include "model/source_document.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tg {

struct GraphStorage;

class KnowledgeGraph {
public:
    explicit KnowledgeGraph(Ontology ontology, std::vector<SourceDocument> sources = {},
                            bool directed = true);
    ~KnowledgeGraph();
    KnowledgeGraph(KnowledgeGraph&&) noexcept;
    KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;
    KnowledgeGraph(const KnowledgeGraph&) = delete;
    KnowledgeGraph& operator=(const KnowledgeGraph&) = delete;

    // Throws DataError when the id is taken.
    EntityIndex add_entity(Entity entity);
    // Throws DataError when an endpoint is unknown.
    RelationIndex add_relation(Relation relation);

    std::size_t entity_count() const;
    std::size_t relation_count() const;
    const Entity& entity(EntityIndex e) const;
    const Relation& relation(RelationIndex r) const;
    EntityIndex source_of(RelationIndex r) const;
    EntityIndex target_of(RelationIndex r) const;
    std::vector<RelationIndex> out_relations(EntityIndex e) const;
    std::vector<RelationIndex> in_relations(EntityIndex e) const;

    std::optional<EntityIndex> find(const std::string& id) const;
    // An id, a name or an alias; throws DataError with suggestions when nothing or more than
    // one entity matches.
    EntityIndex resolve(std::string_view text) const;
    const AliasIndex& aliases() const;

    const Ontology& ontology() const;
    const std::vector<SourceDocument>& sources() const;
    const SourceDocument* source(const std::string& id) const;
    // False for an undirected network brought with --input; graph-data is directed
    // (symmetric relation types are stored once and read both ways).
    bool directed() const;

    // For code in model/ and analysis/ that runs Boost.Graph algorithms.
    const GraphStorage& storage() const;

private:
    std::unique_ptr<GraphStorage> storage_;
};

} // namespace tg
