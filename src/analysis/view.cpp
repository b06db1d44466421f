#include "analysis/view.hpp"

#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/huge_pages.hpp"
#include "core/pair_groups.hpp"
#include "core/text.hpp"
#include "model/period.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <thread>

namespace tg {

WeightSpec WeightSpec::parse(const std::string& text) {
    if (text.empty() || text == "hops") return {};
    if (text == "confidence") return {Kind::confidence, {}};
    return {Kind::attribute, text};
}

std::string WeightSpec::describe() const {
    switch (kind) {
    case Kind::hops: return "hops";
    case Kind::confidence: return "-ln(confidence)";
    case Kind::attribute: return "attribute \"" + attribute + "\"";
    }
    return "hops";
}

namespace {

constexpr std::size_t kParallelArcs = 100000;

// CSR of arcs grouped by `key` and, within a group, ordered by `other` (arcs with the same ends
// in arc order). arc[p] tells which arc landed at position p.
void build_adjacency(std::size_t n, const std::vector<Vertex32>& key, const std::vector<Vertex32>& other, std::vector<std::size_t>& offset,
                     std::vector<Vertex32>& neighbour, std::vector<std::uint32_t>& arc) {
    const std::size_t m = key.size();
    auto groups = group_pairs(n, m, [&](std::size_t a) { return std::pair{key[a], other[a]}; });
    offset = std::move(groups.offset);
    neighbour = huge_vector<Vertex32>(m);
    arc = huge_vector<std::uint32_t>(m);
    for (std::size_t p = 0; p < m; ++p) {
        neighbour[p] = PairGroups::second(groups.entry[p]);
        arc[p] = PairGroups::pair(groups.entry[p]);
    }
}

} // namespace

GraphSnapshot::GraphSnapshot(const KnowledgeGraph& graph) : graph_(&graph) {
    if (graph.entity_count() >= kNoVertex) throw DataError("the graph has too many entities for the analysis engine");
    n_ = static_cast<Vertex32>(graph.entity_count());
    // One arc per relation, and a second, reversed one for a relation of a symmetric type
    // ("borders", "cooperates with"), which graph-data stores once and means both ways.
    std::vector<Vertex32> from, to;
    std::vector<RelationIndex> relation;
    const auto& ontology = graph.ontology();
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        const auto a = static_cast<Vertex32>(graph.source_of(r));
        const auto b = static_cast<Vertex32>(graph.target_of(r));
        from.push_back(a), to.push_back(b), relation.push_back(r);
        const auto* type = ontology.relation_type(graph.relation(r).type);
        if (graph.directed() && type && type->symmetric && a != b) from.push_back(b), to.push_back(a), relation.push_back(r);
    }
    build(from, to, relation);
}

GraphSnapshot::GraphSnapshot(const PlainNetwork& network) : plain_(&network) {
    if (network.node_count() >= kNoVertex) throw DataError("the network has too many nodes for the analysis engine");
    n_ = static_cast<Vertex32>(network.node_count());
    build(network.source, network.target, {});
}

void GraphSnapshot::build(const std::vector<Vertex32>& from, const std::vector<Vertex32>& to, const std::vector<RelationIndex>& relation) {
    const std::size_t m = from.size();
    if (m >= std::numeric_limits<std::uint32_t>::max()) throw DataError("the graph has too many relations for the analysis engine");
    // Out-arcs sorted by (source, target), in-arcs by (target, source); the two directions are
    // laid out at once on two threads when the graph is large enough to gain from it.
    std::vector<std::uint32_t> out_arc;
    const auto lay_out = [&] { build_adjacency(n_, from, to, out_offset_, out_target_, out_arc); };
    const auto lay_in = [&] { build_adjacency(n_, to, from, in_offset_, in_source_, in_arc_); };
    if (m >= kParallelArcs) {
        std::thread helper(lay_in);
        lay_out();
        helper.join();
    } else {
        lay_out();
        lay_in();
    }
    for (Vertex32 v = 0; v < n_ && !parallel_arcs_; ++v)
        for (std::size_t p = out_offset_[v] + 1; p < out_offset_[v + 1]; ++p)
            if (out_target_[p] == out_target_[p - 1]) {
                parallel_arcs_ = true;
                break;
            }
    // in_arc_ holds arc numbers so far; turn them into out-positions.
    auto out_position = huge_vector<std::uint32_t>(m);
    for (std::size_t p = 0; p < m; ++p) out_position[out_arc[p]] = static_cast<std::uint32_t>(p);
    for (auto& a : in_arc_) a = out_position[a];
    if (relation.empty()) {
        out_relation_ = std::move(out_arc); // a plain network: arc a is tie a
    } else {
        out_relation_ = huge_vector<std::uint32_t>(m);
        for (std::size_t p = 0; p < m; ++p) out_relation_[p] = static_cast<std::uint32_t>(relation[out_arc[p]]);
    }
}

const KnowledgeGraph& GraphSnapshot::graph() const {
    if (!graph_)
        throw DataError("this needs entity kinds and relation details, and the network was read as a plain edge list",
                        "read it without the lean reader to use kinds, types and evidence");
    return *graph_;
}

bool GraphSnapshot::directed() const { return graph_ ? graph_->directed() : plain_->directed; }

std::string_view GraphSnapshot::label(Vertex32 v) const { return graph_ ? std::string_view(graph_->entity(v).id) : plain_->labels[v]; }

Vertex32 GraphSnapshot::relation_source(RelationIndex r) const {
    return graph_ ? static_cast<Vertex32>(graph_->source_of(r)) : plain_->source[r];
}

double GraphSnapshot::relation_confidence(RelationIndex r) const { return graph_ ? graph_->relation(r).confidence : 1.0; }

void require_known_kinds(const Ontology& ontology, const std::vector<std::string>& kinds) {
    for (const auto& k : kinds)
        if (!ontology.kind(k))
            throw DataError("unknown kind \"" + k + "\"", hint_for(k, ontology.kind_ids(), "kinds are " + join_quoted(ontology.kind_ids(), 40)));
}

View::View(const GraphSnapshot& snapshot, const ViewFilter& filter, const WeightSpec& weight, bool directed)
    : snapshot_(&snapshot), directed_(directed), weight_(weight) {
    if (!snapshot.has_graph()) {
        init_plain(filter);
        return;
    }
    const auto& g = snapshot.graph();
    const auto& ontology = g.ontology();
    require_known_kinds(ontology, filter.kinds);
    for (const auto& d : filter.domains)
        if (!ontology.domain(d))
            throw DataError("unknown threat domain \"" + d + "\"", ontology.domain_ids().empty()
                                                                     ? "this graph declares no threat domains"
                                                                     : "domains are " + join_quoted(ontology.domain_ids()));
    for (const auto& t : filter.relation_types)
        if (!ontology.relation_type(t))
            throw DataError("unknown relation type \"" + t + "\"",
                            hint_for(t, ontology.relation_type_ids(), "relation types are " + join_quoted(ontology.relation_type_ids(), 40)));
    if (!filter.as_of.empty() && !is_valid_date(filter.as_of))
        throw DataError("\"" + filter.as_of + "\" is not a date", "use YYYY, YYYY-MM or YYYY-MM-DD");
    if (filter.min_confidence < 0 || filter.min_confidence > 1)
        throw DataError("a minimum confidence must lie in [0, 1]");

    const Vertex32 n = snapshot.vertex_count();
    vertex_active_.assign(n, 1);
    for (Vertex32 v = 0; v < n; ++v) {
        const auto& e = g.entity(v);
        bool keep = true;
        if (!filter.kinds.empty())
            keep = std::any_of(filter.kinds.begin(), filter.kinds.end(), [&](const std::string& k) { return ontology.is_a(e.kind, k); });
        if (keep && !filter.domains.empty())
            keep = std::any_of(filter.domains.begin(), filter.domains.end(), [&](const std::string& d) {
                return std::find(e.domains.begin(), e.domains.end(), d) != e.domains.end();
            });
        vertex_active_[v] = keep;
        active_count_ += keep;
    }
    const std::size_t m = snapshot.arc_count();
    arc_active_.assign(m, 1);
    arc_weight_.assign(m, 1.0);
    for (std::size_t p = 0; p < m; ++p) {
        const auto& r = g.relation(snapshot.out_relation(p));
        bool keep = r.confidence >= filter.min_confidence;
        if (keep && !filter.relation_types.empty())
            keep = std::find(filter.relation_types.begin(), filter.relation_types.end(), r.type) != filter.relation_types.end();
        if (keep && !filter.as_of.empty()) keep = valid_at(r, filter.as_of);
        double w = 1.0;
        if (weight_.kind == WeightSpec::Kind::confidence) {
            // The most credible chain is the shortest under -ln(confidence); confidence 0 is no link.
            if (r.confidence <= 0) keep = false;
            w = r.confidence > 0 ? -std::log(r.confidence) : 0.0;
        } else if (weight_.kind == WeightSpec::Kind::attribute) {
            const auto it = r.attributes.find(weight_.attribute);
            if (it != r.attributes.end()) {
                if (const auto* number = std::get_if<double>(&it->second.value)) {
                    w = *number;
                    if (keep && (std::isnan(w) || w < 0) && weight_problem_.empty())
                        weight_problem_ = "relation \"" + r.id + "\" has " + weight_.describe() + " " + format_value(it->second.value) +
                                          ": path weights must not be negative";
                } else if (keep && weight_problem_.empty()) {
                    weight_problem_ = "relation \"" + r.id + "\" has a non-numeric " + weight_.describe();
                }
            }
        }
        arc_active_[p] = keep;
        arc_weight_[p] = w;
    }
    every_arc_active_ = std::find(arc_active_.begin(), arc_active_.end(), 0) == arc_active_.end();
}

void View::init_plain(const ViewFilter& filter) {
    const auto& network = *snapshot_->plain_network();
    if (!filter.kinds.empty() || !filter.domains.empty() || !filter.relation_types.empty() || filter.min_confidence > 0 ||
        !filter.as_of.empty())
        throw DataError("a plain network has no kinds, domains, relation types, confidence or dates to filter by",
                        "leave out the filters");
    if (weight_.kind == WeightSpec::Kind::attribute && weight_.attribute != "weight")
        throw DataError("a plain network has one tie attribute, \"weight\", not \"" + weight_.attribute + "\"", "use --weight weight");
    vertex_active_.assign(snapshot_->vertex_count(), 1);
    active_count_ = snapshot_->vertex_count();
    const std::size_t m = snapshot_->arc_count();
    arc_active_.assign(m, 1);
    every_arc_active_ = true;
    arc_weight_.assign(m, 1.0);
    // Ties carry confidence 1, so -ln(confidence) is 0, as for an edge list read in full.
    if (weight_.kind == WeightSpec::Kind::confidence) std::fill(arc_weight_.begin(), arc_weight_.end(), 0.0);
    if (weight_.kind != WeightSpec::Kind::attribute || network.weights.empty()) return;
    for (std::size_t p = 0; p < m; ++p) {
        const auto tie = snapshot_->out_relation(p);
        const double w = network.weights[tie];
        arc_weight_[p] = w;
        if ((std::isnan(w) || w < 0) && weight_problem_.empty())
            weight_problem_ = "tie " + std::string(network.labels[network.source[tie]]) + " " + std::string(network.labels[network.target[tie]]) +
                              " has weight " + format_value(AttributeValue{w}) + ": path weights must not be negative";
    }
}

std::vector<Vertex32> View::active_vertices() const {
    std::vector<Vertex32> out;
    out.reserve(active_count_);
    for (Vertex32 v = 0; v < vertex_count(); ++v)
        if (vertex_active_[v]) out.push_back(v);
    return out;
}

void View::deactivate_arc(std::size_t out_position) {
    arc_active_[out_position] = 0;
    every_arc_active_ = false;
}

void View::deactivate_vertex(Vertex32 v) {
    if (!vertex_active_[v]) return;
    vertex_active_[v] = 0;
    --active_count_;
}

void View::reactivate_vertex(Vertex32 v) {
    if (vertex_active_[v]) return;
    vertex_active_[v] = 1;
    ++active_count_;
}

std::vector<std::size_t> GraphSnapshot::arcs_between(Vertex32 a, Vertex32 b) const {
    std::vector<std::size_t> arcs;
    const auto collect = [&](Vertex32 from, Vertex32 to) {
        for (std::size_t p = out_begin(from); p < out_begin(from + 1); ++p)
            if (out_target(p) == to) arcs.push_back(p);
    };
    collect(a, b);
    if (a != b) collect(b, a);
    return arcs;
}

std::vector<Vertex32> distinct_neighbours(const View& view, Vertex32 v, Direction d) {
    std::vector<Vertex32> out;
    view.for_each_neighbor(v, d, [&](Vertex32 w, double, std::size_t) {
        if (w != v) out.push_back(w);
    });
    return out;
}

std::vector<RelationIndex> relations_in(const View& view) {
    const auto& s = view.snapshot();
    std::vector<RelationIndex> out;
    for (auto u : view.active_vertices())
        for (std::size_t p = s.out_begin(u); p < s.out_begin(u + 1); ++p)
            if (view.arc_active(p) && view.active(s.out_target(p))) out.push_back(s.out_relation(p));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

View relations_only(const View& view, const std::vector<RelationIndex>& relations) {
    View out = view;
    const auto& s = view.snapshot();
    std::vector<std::uint8_t> on(view.vertex_count(), 0);
    for (Vertex32 u = 0; u < view.vertex_count(); ++u)
        for (std::size_t p = s.out_begin(u); p < s.out_begin(u + 1); ++p) {
            if (std::binary_search(relations.begin(), relations.end(), s.out_relation(p)))
                on[u] = on[s.out_target(p)] = 1;
            else
                out.deactivate_arc(p);
        }
    for (Vertex32 v = 0; v < view.vertex_count(); ++v)
        if (!on[v]) out.deactivate_vertex(v);
    return out;
}

View without_isolates(const View& view) {
    View out = view;
    for (auto v : view.active_vertices())
        if (distinct_neighbours(view, v, Direction::any).empty()) out.deactivate_vertex(v);
    return out;
}

} // namespace tg
