#include "model/knowledge_graph.hpp"

#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <limits>
#include <mutex>

namespace tg {

struct KnowledgeGraph::Lookup {
    std::mutex mutex;
    std::unique_ptr<AliasIndex> aliases;
};

std::uint32_t KnowledgeGraph::Codes::code(const std::string& name) {
    const auto [it, added] = codes_.try_emplace(name, static_cast<std::uint32_t>(names_.size()));
    if (added) names_.push_back(name);
    return it->second;
}

KnowledgeGraph::KnowledgeGraph(Ontology ontology, std::vector<SourceDocument> sources, bool directed)
    : ontology_(std::move(ontology)), sources_(std::move(sources)), directed_(directed), lookup_(std::make_unique<Lookup>()) {}

KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

KnowledgeGraph KnowledgeGraph::from_network(NetworkTable&& network) {
    KnowledgeGraph g(Ontology::plain_network(!network.directed), {}, network.directed);
    const std::size_t n = network.labels.size(), m = network.source.size();
    if (!network.names.empty() && network.names.size() != n) throw InternalError("a network's names must be one per node");
    if (network.target.size() != m) throw InternalError("a network's ties need both ends");
    g.ids_ = std::move(network.labels);
    g.names_ = std::move(network.names);
    const auto node = g.kinds_.code("node");
    for (std::size_t i = 0; i < n; ++i) g.kind_code_.push_back(node);
    g.aliases_.push_empty_rows(n);
    g.domains_.push_empty_rows(n);
    g.entity_evidence_.push_empty_rows(n);
    g.entity_attributes_ = std::move(network.node_attributes);

    g.source_ = std::move(network.source);
    g.target_ = std::move(network.target);
    const auto tie = g.types_.code("tie");
    for (std::size_t i = 0; i < m; ++i) {
        g.type_code_.push_back(tie);
        g.confidence_.push_back(1.0);
    }
    g.relation_evidence_.push_empty_rows(m);
    g.relation_attributes_ = std::move(network.tie_attributes);
    return g;
}

EntityIndex KnowledgeGraph::add_entity(const Entity& entity) {
    id_index_.catch_up(ids_);
    if (id_index_.find(ids_, entity.id) != StringIndex::kNone) throw DataError("duplicate entity id \"" + entity.id + "\"");
    const auto index = static_cast<EntityIndex>(ids_.size());
    if (index >= std::numeric_limits<std::uint32_t>::max() - 1) throw DataError("the graph has more entities than it can hold (2^32 - 2)");
    ids_.push_back(entity.id);
    id_index_.add_last(ids_);
    const bool own_name = !entity.name.empty() && entity.name != entity.id;
    if (own_name || (index > 0 && names_.size() == index)) { // stored from the first entity with a name of its own
        while (names_.size() < index) names_.push_back({});
        names_.push_back(own_name ? std::string_view(entity.name) : std::string_view());
    }
    kind_code_.push_back(kinds_.code(entity.kind));
    aliases_.push_row(std::vector<std::string>(entity.aliases));
    domains_.push_row(std::vector<std::string>(entity.domains));
    entity_evidence_.push_row(std::vector<Evidence>(entity.evidence));
    if (!entity.note.empty()) entity_notes_[index] = entity.note;
    for (const auto& [name, attribute] : entity.attributes) entity_attributes_.set(index, name, attribute);
    lookup_->aliases.reset();
    return index;
}

RelationIndex KnowledgeGraph::add_relation(const Relation& relation) {
    id_index_.catch_up(ids_);
    const auto from = id_index_.find(ids_, relation.source);
    const auto to = id_index_.find(ids_, relation.target);
    if (from == StringIndex::kNone || to == StringIndex::kNone) {
        const auto& missing = from == StringIndex::kNone ? relation.source : relation.target;
        throw DataError("relation \"" + relation.id + "\" refers to unknown entity \"" + missing + "\"");
    }
    const auto index = static_cast<RelationIndex>(source_.size());
    if (index >= std::numeric_limits<std::uint32_t>::max() - 1) throw DataError("the graph has more relations than it can hold (2^32 - 2)");
    // Ids are stored from the first relation whose id is not the made-up one.
    if ((index > 0 && relation_ids_.size() == index) || relation.id != "e" + std::to_string(index)) {
        while (relation_ids_.size() < index) relation_ids_.push_back("e" + std::to_string(relation_ids_.size()));
        relation_ids_.push_back(relation.id);
    }
    source_.push_back(from);
    target_.push_back(to);
    type_code_.push_back(types_.code(relation.type));
    confidence_.push_back(relation.confidence);
    if (relation.grading) grading_[index] = *relation.grading;
    if (relation.period) period_[index] = *relation.period;
    relation_evidence_.push_row(std::vector<Evidence>(relation.evidence));
    if (!relation.note.empty()) relation_notes_[index] = relation.note;
    for (const auto& [name, attribute] : relation.attributes) relation_attributes_.set(index, name, attribute);
    return index;
}

std::vector<RelationIndex> KnowledgeGraph::out_relations(EntityIndex e) const {
    std::vector<RelationIndex> out;
    for (RelationIndex r = 0; r < source_.size(); ++r)
        if (source_[r] == e) out.push_back(r);
    return out;
}

std::vector<RelationIndex> KnowledgeGraph::in_relations(EntityIndex e) const {
    std::vector<RelationIndex> in;
    for (RelationIndex r = 0; r < target_.size(); ++r)
        if (target_[r] == e) in.push_back(r);
    return in;
}

std::optional<EntityIndex> KnowledgeGraph::find(std::string_view id) const {
    std::lock_guard<std::mutex> lock(lookup_->mutex);
    id_index_.catch_up(ids_);
    const auto row = id_index_.find(ids_, id);
    if (row == StringIndex::kNone) return std::nullopt;
    return row;
}

const AliasIndex& KnowledgeGraph::aliases() const {
    std::lock_guard<std::mutex> lock(lookup_->mutex);
    if (!lookup_->aliases) {
        auto index = std::make_unique<AliasIndex>();
        for (EntityIndex e = 0; e < entity_count(); ++e) {
            const auto ref = entity(e);
            index->add(ref.name(), e);
            index->add(ref.id(), e);
            for (const auto& alias : ref.aliases()) index->add(alias, e);
        }
        lookup_->aliases = std::move(index);
    }
    return *lookup_->aliases;
}

EntityIndex KnowledgeGraph::resolve(std::string_view text) const {
    if (const auto exact = find(text)) return *exact;
    const auto found = aliases().lookup(text);
    if (found.size() == 1) return found.front();
    if (found.empty()) {
        std::string hint = did_you_mean(aliases().suggestions(text));
        if (hint.empty()) hint = "use 'threatgraph search TEXT' to find names";
        throw DataError("unknown entity \"" + std::string(text) + "\"", hint);
    }
    std::vector<std::string> ids;
    for (auto e : found) ids.emplace_back(id_of(e));
    throw DataError("\"" + std::string(text) + "\" names more than one entity: " + join_quoted(ids), "use the id to say which");
}

const SourceDocument* KnowledgeGraph::source(const std::string& id) const {
    for (const auto& s : sources_)
        if (s.id == id) return &s;
    return nullptr;
}

// EntityRef

std::string_view EntityRef::name() const {
    if (g_->names_.empty()) return id();
    const auto own = g_->names_[e_];
    return own.empty() ? id() : own;
}

Span<std::string> EntityRef::aliases() const { return g_->aliases_[e_]; }
Span<std::string> EntityRef::domains() const { return g_->domains_[e_]; }

bool EntityRef::has_domain(std::string_view domain) const {
    for (const auto& d : domains())
        if (d == domain) return true;
    return false;
}

Attributes EntityRef::attributes() const { return g_->entity_attributes_.row(e_); }
std::optional<Attribute> EntityRef::attribute(std::string_view name) const { return g_->entity_attributes_.attribute(e_, name); }
Span<Evidence> EntityRef::evidence() const { return g_->entity_evidence_[e_]; }

std::string_view EntityRef::note() const {
    const auto it = g_->entity_notes_.find(e_);
    return it == g_->entity_notes_.end() ? std::string_view() : std::string_view(it->second);
}

Entity EntityRef::record() const {
    Entity out;
    out.id = std::string(id());
    out.kind = kind();
    out.name = std::string(name());
    out.aliases = aliases().to_vector();
    out.domains = domains().to_vector();
    out.attributes = attributes();
    out.evidence = evidence().to_vector();
    out.note = std::string(note());
    return out;
}

// RelationRef

std::string RelationRef::id() const {
    if (g_->relation_ids_.empty()) return "e" + std::to_string(r_);
    return std::string(g_->relation_ids_[r_]);
}

std::optional<Grading> RelationRef::grading() const {
    const auto it = g_->grading_.find(r_);
    if (it == g_->grading_.end()) return std::nullopt;
    return it->second;
}

const Period* RelationRef::period() const {
    const auto it = g_->period_.find(r_);
    return it == g_->period_.end() ? nullptr : &it->second;
}

Attributes RelationRef::attributes() const { return g_->relation_attributes_.row(r_); }
std::optional<Attribute> RelationRef::attribute(std::string_view name) const { return g_->relation_attributes_.attribute(r_, name); }
Span<Evidence> RelationRef::evidence() const { return g_->relation_evidence_[r_]; }

std::string_view RelationRef::note() const {
    const auto it = g_->relation_notes_.find(r_);
    return it == g_->relation_notes_.end() ? std::string_view() : std::string_view(it->second);
}

Relation RelationRef::record() const {
    Relation out;
    out.id = id();
    out.source = std::string(source());
    out.type = type();
    out.target = std::string(target());
    out.confidence = confidence();
    out.grading = grading();
    if (const auto* p = period()) out.period = *p;
    out.attributes = attributes();
    out.evidence = evidence().to_vector();
    out.note = std::string(note());
    return out;
}

} // namespace tg
