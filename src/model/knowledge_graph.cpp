#include "model/knowledge_graph.hpp"

#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/text.hpp"
#include "model/graph_storage.hpp"

namespace tg {

KnowledgeGraph::KnowledgeGraph(Ontology ontology, std::vector<SourceDocument> sources, bool directed)
    : storage_(std::make_unique<GraphStorage>()) {
    storage_->ontology = std::move(ontology);
    storage_->sources = std::move(sources);
    storage_->directed = directed;
}

KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

EntityIndex KnowledgeGraph::add_entity(Entity entity) {
    auto& s = *storage_;
    if (s.by_id.count(entity.id)) throw DataError("duplicate entity id \"" + entity.id + "\"");
    const auto index = static_cast<EntityIndex>(boost::num_vertices(s.graph));
    s.aliases.add(entity.name, index);
    s.aliases.add(entity.id, index);
    for (const auto& alias : entity.aliases) s.aliases.add(alias, index);
    s.by_id.emplace(entity.id, index);
    boost::add_vertex(std::move(entity), s.graph);
    return index;
}

RelationIndex KnowledgeGraph::add_relation(Relation relation) {
    auto& s = *storage_;
    const auto from = s.by_id.find(relation.source);
    const auto to = s.by_id.find(relation.target);
    if (from == s.by_id.end() || to == s.by_id.end()) {
        const auto& missing = from == s.by_id.end() ? relation.source : relation.target;
        throw DataError("relation \"" + relation.id + "\" refers to unknown entity \"" + missing + "\"");
    }
    const auto index = static_cast<RelationIndex>(s.edges.size());
    const auto [edge, added] = boost::add_edge(from->second, to->second, std::move(relation), s.graph);
    (void)added; // parallel edges are allowed
    s.edges.push_back(edge);
    s.edge_index.emplace(&s.graph[edge], index);
    return index;
}

std::size_t KnowledgeGraph::entity_count() const { return boost::num_vertices(storage_->graph); }
std::size_t KnowledgeGraph::relation_count() const { return storage_->edges.size(); }

const Entity& KnowledgeGraph::entity(EntityIndex e) const { return storage_->graph[e]; }

const Relation& KnowledgeGraph::relation(RelationIndex r) const {
    return storage_->graph[storage_->edges.at(r)];
}

EntityIndex KnowledgeGraph::source_of(RelationIndex r) const {
    return boost::source(storage_->edges.at(r), storage_->graph);
}

EntityIndex KnowledgeGraph::target_of(RelationIndex r) const {
    return boost::target(storage_->edges.at(r), storage_->graph);
}

std::vector<RelationIndex> KnowledgeGraph::out_relations(EntityIndex e) const {
    std::vector<RelationIndex> out;
    for (const auto& edge : boost::make_iterator_range(boost::out_edges(e, storage_->graph)))
        out.push_back(storage_->index_of(edge));
    return out;
}

std::vector<RelationIndex> KnowledgeGraph::in_relations(EntityIndex e) const {
    std::vector<RelationIndex> in;
    for (const auto& edge : boost::make_iterator_range(boost::in_edges(e, storage_->graph)))
        in.push_back(storage_->index_of(edge));
    return in;
}

std::optional<EntityIndex> KnowledgeGraph::find(const std::string& id) const {
    const auto it = storage_->by_id.find(id);
    if (it == storage_->by_id.end()) return std::nullopt;
    return it->second;
}

EntityIndex KnowledgeGraph::resolve(std::string_view text) const {
    if (const auto exact = find(std::string(text))) return *exact;
    const auto found = storage_->aliases.lookup(text);
    if (found.size() == 1) return found.front();
    if (found.empty()) {
        std::string hint = did_you_mean(storage_->aliases.suggestions(text));
        if (hint.empty()) hint = "use 'threatgraph search TEXT' to find names";
        throw DataError("unknown entity \"" + std::string(text) + "\"", hint);
    }
    std::vector<std::string> ids;
    for (auto e : found) ids.push_back(entity(e).id);
    throw DataError("\"" + std::string(text) + "\" names more than one entity: " + join_quoted(ids),
                    "use the id to say which");
}

const AliasIndex& KnowledgeGraph::aliases() const { return storage_->aliases; }
const Ontology& KnowledgeGraph::ontology() const { return storage_->ontology; }
const std::vector<SourceDocument>& KnowledgeGraph::sources() const { return storage_->sources; }

const SourceDocument* KnowledgeGraph::source(const std::string& id) const {
    for (const auto& s : storage_->sources)
        if (s.id == id) return &s;
    return nullptr;
}

bool KnowledgeGraph::directed() const { return storage_->directed; }
const GraphStorage& KnowledgeGraph::storage() const { return *storage_; }

} // namespace tg
