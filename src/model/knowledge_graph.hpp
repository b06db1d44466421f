#pragma once
// The typed, sourced property graph: entities and relations held column by column (ids in one
// block of text, kinds and types as codes, endpoints as numbers, attributes in typed columns,
// aliases and evidence only for the rows that have them), plus the ontology, the sources and
// the indexes that resolve names. The curated proceedings graph and a network of millions of
// ties brought with --input are the same structure; the analysis engine lays its snapshot out
// from the endpoint columns (analysis/view.hpp). EntityRef and RelationRef read one row, joining
// the columns only when a command prints it.
#include "core/span.hpp"
#include "model/alias_index.hpp"
#include "model/attribute_table.hpp"
#include "model/entity.hpp"
#include "model/network_table.hpp"
#include "model/ontology.hpp"
#include "model/relation.hpp"
#include "model/row_lists.hpp"
#include "model/source_document.hpp"
#include "model/string_column.hpp"
#include "model/string_index.hpp"
#include "model/uniform_column.hpp"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tg {

class KnowledgeGraph;

// One entity of a graph; valid while the graph lives and gains no entity.
class EntityRef {
public:
    EntityRef(const KnowledgeGraph& graph, EntityIndex e) : g_(&graph), e_(e) {}
    EntityIndex index() const { return e_; }
    std::string_view id() const;
    std::string_view name() const; // the id when the entity has no name of its own
    const std::string& kind() const;
    Span<std::string> aliases() const;
    Span<std::string> domains() const; // ThreatDomain ids
    bool has_domain(std::string_view domain) const;
    Attributes attributes() const;
    std::optional<Attribute> attribute(std::string_view name) const;
    Span<Evidence> evidence() const;
    std::string_view note() const;
    // Every field, copied.
    Entity record() const;

private:
    const KnowledgeGraph* g_;
    EntityIndex e_;
};

// One relation of a graph; valid while the graph lives and gains no relation.
class RelationRef {
public:
    RelationRef(const KnowledgeGraph& graph, RelationIndex r) : g_(&graph), r_(r) {}
    RelationIndex index() const { return r_; }
    // The curated id, or "e<index>" for a tie of a network that gave none.
    std::string id() const;
    std::string_view source() const; // the endpoints' entity ids
    std::string_view target() const;
    const std::string& type() const; // a RelationType id
    double confidence() const;
    std::optional<Grading> grading() const;
    const Period* period() const; // null when the relation always holds
    Attributes attributes() const;
    std::optional<Attribute> attribute(std::string_view name) const;
    Span<Evidence> evidence() const;
    std::string_view note() const;
    // Every field, copied.
    Relation record() const;

private:
    const KnowledgeGraph* g_;
    RelationIndex r_;
};

class KnowledgeGraph {
public:
    explicit KnowledgeGraph(Ontology ontology, std::vector<SourceDocument> sources = {}, bool directed = true);
    // A network as a reader found it: every node of kind "node", every tie of type "tie" with
    // confidence 1, under Ontology::plain_network.
    static KnowledgeGraph from_network(NetworkTable&& network);
    ~KnowledgeGraph();
    KnowledgeGraph(KnowledgeGraph&&) noexcept;
    KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;
    KnowledgeGraph(const KnowledgeGraph&) = delete;
    KnowledgeGraph& operator=(const KnowledgeGraph&) = delete;

    // Throws DataError when the id is taken.
    EntityIndex add_entity(const Entity& entity);
    // Throws DataError when an endpoint is unknown.
    RelationIndex add_relation(const Relation& relation);

    std::size_t entity_count() const { return ids_.size(); }
    std::size_t relation_count() const { return source_.size(); }
    EntityRef entity(EntityIndex e) const { return EntityRef(*this, e); }
    RelationRef relation(RelationIndex r) const { return RelationRef(*this, r); }
    EntityIndex source_of(RelationIndex r) const { return source_[r]; }
    EntityIndex target_of(RelationIndex r) const { return target_[r]; }
    // Relations leaving or reaching e, in relation order (a scan of the relations).
    std::vector<RelationIndex> out_relations(EntityIndex e) const;
    std::vector<RelationIndex> in_relations(EntityIndex e) const;

    // Column access for code that reads every row.
    const std::vector<std::uint32_t>& source_column() const { return source_; }
    const std::vector<std::uint32_t>& target_column() const { return target_; }
    std::string_view id_of(EntityIndex e) const { return ids_[e]; }
    std::uint32_t kind_code(EntityIndex e) const { return kind_code_[e]; }
    std::uint32_t type_code(RelationIndex r) const { return type_code_[r]; }
    const std::string& kind_name(std::uint32_t code) const { return kinds_.name(code); }
    const std::string& type_name(std::uint32_t code) const { return types_.name(code); }
    std::size_t kind_code_count() const { return kinds_.size(); }
    std::size_t type_code_count() const { return types_.size(); }
    double confidence_of(RelationIndex r) const { return confidence_[r]; }
    // Whether every relation has the same confidence, type, kind: nothing to filter by then.
    bool uniform_confidence() const { return confidence_.uniform(); }
    bool any_period() const { return !period_.empty(); }
    const AttributeTable& entity_attributes() const { return entity_attributes_; }
    const AttributeTable& relation_attributes() const { return relation_attributes_; }

    std::optional<EntityIndex> find(std::string_view id) const;
    // An id, a name or an alias; throws DataError with suggestions when nothing or more than
    // one entity matches.
    EntityIndex resolve(std::string_view text) const;
    // Built on first use: a network of a million nodes that is never searched by name never
    // pays for it.
    const AliasIndex& aliases() const;

    const Ontology& ontology() const { return ontology_; }
    const std::vector<SourceDocument>& sources() const { return sources_; }
    const SourceDocument* source(const std::string& id) const;
    // False for an undirected network brought with --input; graph-data is directed
    // (symmetric relation types are stored once and read both ways).
    bool directed() const { return directed_; }

private:
    friend class EntityRef;
    friend class RelationRef;

    // Names used by many rows (kinds, relation types), each stored once and numbered.
    class Codes {
    public:
        std::uint32_t code(const std::string& name);
        const std::string& name(std::uint32_t code) const { return names_[code]; }
        std::size_t size() const { return names_.size(); }

    private:
        std::deque<std::string> names_; // a deque: names stay where they are as codes are added
        std::unordered_map<std::string, std::uint32_t> codes_;
    };
    struct Lookup; // the alias index, built on first use

    Ontology ontology_;
    std::vector<SourceDocument> sources_;
    bool directed_ = true;

    // Entities, a row each.
    StringColumn ids_;
    // Every row of ids_ once catch_up ran (add_entity keeps it so; find() fills it in for a
    // network taken over whole): a cache, hence mutable.
    mutable StringIndex id_index_;
    StringColumn names_; // empty while every name is its id; "" for such a row
    Codes kinds_;
    UniformColumn<std::uint32_t> kind_code_;
    RowLists<std::string> aliases_, domains_;
    RowLists<Evidence> entity_evidence_;
    std::unordered_map<EntityIndex, std::string> entity_notes_;
    AttributeTable entity_attributes_;

    // Relations, a row each.
    StringColumn relation_ids_; // empty while every relation has a made-up id
    std::vector<std::uint32_t> source_, target_;
    Codes types_;
    UniformColumn<std::uint32_t> type_code_;
    UniformColumn<double> confidence_;
    std::unordered_map<RelationIndex, Grading> grading_;
    std::unordered_map<RelationIndex, Period> period_;
    RowLists<Evidence> relation_evidence_;
    std::unordered_map<RelationIndex, std::string> relation_notes_;
    AttributeTable relation_attributes_;

    mutable std::unique_ptr<Lookup> lookup_;
};

inline std::string_view EntityRef::id() const { return g_->ids_[e_]; }
inline const std::string& EntityRef::kind() const { return g_->kinds_.name(g_->kind_code_[e_]); }
inline std::string_view RelationRef::source() const { return g_->ids_[g_->source_[r_]]; }
inline std::string_view RelationRef::target() const { return g_->ids_[g_->target_[r_]]; }
inline const std::string& RelationRef::type() const { return g_->types_.name(g_->type_code_[r_]); }
inline double RelationRef::confidence() const { return g_->confidence_[r_]; }

} // namespace tg
