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
        case Kind::hops:
            return "hops";
        case Kind::confidence:
            return "-ln(confidence)";
        case Kind::attribute:
            return "attribute \"" + attribute + "\"";
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
    // ("borders", "cooperates with"), which graph-data stores once and means both ways. Without
    // such relations the arcs are the relations, laid out straight from the endpoint columns.
    std::vector<std::uint8_t> symmetric(graph.type_code_count(), 0);
    bool any_symmetric = false;
    if (graph.directed())
        for (std::uint32_t t = 0; t < graph.type_code_count(); ++t) {
            const auto* type = graph.ontology().relation_type(graph.type_name(t));
            symmetric[t] = type && type->symmetric;
            any_symmetric = any_symmetric || symmetric[t];
        }
    const auto& sources = graph.source_column();
    const auto& targets = graph.target_column();
    if (!any_symmetric) {
        build(sources, targets, {});
        return;
    }
    std::vector<Vertex32> from, to;
    std::vector<std::uint32_t> relation;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        const auto a = sources[r], b = targets[r];
        from.push_back(a), to.push_back(b), relation.push_back(static_cast<std::uint32_t>(r));
        if (symmetric[graph.type_code(r)] && a != b) from.push_back(b), to.push_back(a), relation.push_back(static_cast<std::uint32_t>(r));
    }
    build(from, to, relation);
}

void GraphSnapshot::build(const std::vector<Vertex32>& from, const std::vector<Vertex32>& to, const std::vector<std::uint32_t>& relation) {
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
        out_relation_ = std::move(out_arc); // arc a is relation a
    } else {
        out_relation_ = huge_vector<std::uint32_t>(m);
        for (std::size_t p = 0; p < m; ++p) out_relation_[p] = relation[out_arc[p]];
    }
}

void require_known_kinds(const Ontology& ontology, const std::vector<std::string>& kinds) {
    for (const auto& k : kinds)
        if (!ontology.kind(k))
            throw DataError("unknown kind \"" + k + "\"",
                            hint_for(k, ontology.kind_ids(), "kinds are " + join_quoted(ontology.kind_ids(), 40)));
}

View::View(const GraphSnapshot& snapshot, const ViewFilter& filter, const WeightSpec& weight, bool directed)
    : snapshot_(&snapshot), directed_(directed), weight_(weight) {
    const auto& g = snapshot.graph();
    const auto& ontology = g.ontology();
    require_known_kinds(ontology, filter.kinds);
    require_known_kinds(ontology, filter.not_kinds);
    for (const auto& d : filter.domains)
        if (!ontology.domain(d))
            throw DataError("unknown threat domain \"" + d + "\"", ontology.domain_ids().empty()
                                                                       ? "this graph declares no threat domains"
                                                                       : "domains are " + join_quoted(ontology.domain_ids()));
    for (const auto* types : {&filter.relation_types, &filter.not_relation_types})
        for (const auto& t : *types)
            if (!ontology.relation_type(t))
                throw DataError(
                    "unknown relation type \"" + t + "\"",
                    hint_for(t, ontology.relation_type_ids(), "relation types are " + join_quoted(ontology.relation_type_ids(), 40)));
    if (!filter.as_of.empty() && !is_valid_date(filter.as_of))
        throw DataError("\"" + filter.as_of + "\" is not a date", "use YYYY, YYYY-MM or YYYY-MM-DD");
    if (!(filter.min_confidence >= 0 && filter.min_confidence <= 1))
        throw ParameterError(parameter("min_confidence") + " must lie between 0 and 1");

    // Kinds and types are decided once per code, not once per entity or relation.
    std::vector<std::uint8_t> kind_kept(g.kind_code_count(), 1), type_kept(g.type_code_count(), 1);
    const auto is_any = [&](std::uint32_t k, const std::vector<std::string>& kinds) {
        return std::any_of(kinds.begin(), kinds.end(), [&](const std::string& kind) { return ontology.is_a(g.kind_name(k), kind); });
    };
    const auto listed = [](const std::vector<std::string>& list, const std::string& name) {
        return std::find(list.begin(), list.end(), name) != list.end();
    };
    for (std::uint32_t k = 0; k < g.kind_code_count(); ++k)
        kind_kept[k] = (filter.kinds.empty() || is_any(k, filter.kinds)) && (filter.lens_kinds.empty() || is_any(k, filter.lens_kinds)) &&
                       !is_any(k, filter.not_kinds);
    for (std::uint32_t t = 0; t < g.type_code_count(); ++t)
        type_kept[t] = (filter.relation_types.empty() || listed(filter.relation_types, g.type_name(t))) &&
                       !listed(filter.not_relation_types, g.type_name(t));

    const Vertex32 n = snapshot.vertex_count();
    vertex_active_.assign(n, 1);
    for (Vertex32 v = 0; v < n; ++v) {
        bool keep = kind_kept[g.kind_code(v)] != 0;
        if (keep && !filter.domains.empty()) {
            const auto e = g.entity(v);
            keep = std::any_of(filter.domains.begin(), filter.domains.end(), [&](const std::string& d) { return e.has_domain(d); });
        }
        vertex_active_[v] = keep;
        active_count_ += keep;
    }
    const bool relations_filtered =
        filter.min_confidence > 0 || !filter.relation_types.empty() || !filter.not_relation_types.empty() || !filter.as_of.empty();
    if (!relations_filtered && weight_.kind == WeightSpec::Kind::hops) return; // every arc shown, each weighing 1
    const std::size_t m = snapshot.arc_count();
    const auto& attributes = g.relation_attributes();
    // Relations without the attribute weigh 1, as in NetworkX; a column no relation has is none.
    constexpr std::size_t kNoColumn = std::numeric_limits<std::size_t>::max();
    std::size_t weight_column = kNoColumn;
    if (weight_.kind == WeightSpec::Kind::attribute) {
        weight_column = attributes.column(weight_.attribute).value_or(kNoColumn);
        if (weight_column == kNoColumn) {
            std::vector<std::string> names;
            for (std::size_t c = 0; c < attributes.column_count(); ++c) names.push_back(attributes.column_name(c));
            throw DataError("no relation has an attribute \"" + weight_.attribute + "\" to weigh by",
                            hint_for(weight_.attribute, names,
                                     names.empty() ? "weigh by hops or confidence: the relations have no attributes"
                                                   : "weigh by hops, confidence or a relation attribute: " + join_quoted(names, 40)));
        }
    }
    for (std::size_t p = 0; p < m; ++p) {
        const auto r = snapshot.out_relation(p);
        const double confidence = g.confidence_of(r);
        bool keep = confidence >= filter.min_confidence && type_kept[g.type_code(r)];
        if (keep && !filter.as_of.empty()) keep = valid_at(g.relation(r).period(), filter.as_of);
        double w = 1.0;
        if (weight_.kind == WeightSpec::Kind::confidence) {
            // The most credible chain is the shortest under -ln(confidence); confidence 0 is no link.
            if (confidence <= 0) keep = false;
            w = confidence > 0 ? -std::log(confidence) : 0.0;
        } else if (weight_column != kNoColumn && attributes.has(r, weight_column)) {
            if (const auto number = attributes.number(r, weight_column)) {
                w = *number;
                if (keep && (std::isnan(w) || w < 0) && weight_problem_.empty())
                    weight_problem_ = "relation \"" + g.relation(r).id() + "\" has " + weight_.describe() + " " +
                                      format_value(AttributeValue{w}) + ": path weights must not be negative";
            } else if (keep && weight_problem_.empty()) {
                weight_problem_ = "relation \"" + g.relation(r).id() + "\" has a non-numeric " + weight_.describe();
            }
        }
        // The masks and weights are made at the first arc that needs them.
        if (!keep) {
            if (arc_active_.empty()) arc_active_.assign(m, 1);
            arc_active_[p] = 0;
        }
        if (w != 1.0) {
            if (arc_weight_.empty()) arc_weight_.assign(m, 1.0);
            arc_weight_[p] = w;
        }
    }
    every_arc_active_ = arc_active_.empty();
}

std::vector<Vertex32> View::active_vertices() const {
    std::vector<Vertex32> out;
    out.reserve(active_count_);
    for (Vertex32 v = 0; v < vertex_count(); ++v)
        if (vertex_active_[v]) out.push_back(v);
    return out;
}

void View::deactivate_arc(std::size_t out_position) {
    if (arc_active_.empty()) arc_active_.assign(snapshot_->arc_count(), 1);
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
