#pragma once
// The graph as the algorithms see it: a compact, immutable snapshot (CSR adjacency in both
// directions, 32-bit indices) laid out once from a KnowledgeGraph's endpoint columns, and views
// of it that filter entities and relations with masks instead of copying the graph.
//
// Conventions, as NetworkX's on a simple (Di)Graph built from the relations (a relation of a
// symmetric type such as "borders" giving arcs both ways): parallel relations between the same ordered
// pair count as one arc, whose weight is the smallest of theirs; in an undirected view a and b
// are neighbours when a relation joins them either way.
#include "model/knowledge_graph.hpp"

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tg {

using Vertex32 = std::uint32_t;
constexpr Vertex32 kNoVertex = std::numeric_limits<Vertex32>::max();

// Which entities and relations an analysis sees.
struct ViewFilter {
    std::vector<std::string> kinds;              // entity kinds kept, with their descendants; empty keeps all
    std::vector<std::string> lens_kinds;         // and of these (a lens's), with their descendants; empty keeps all
    std::vector<std::string> not_kinds;          // entity kinds left out, with their descendants
    std::vector<std::string> domains;            // entities carrying any of these threat domains; empty keeps all
    std::vector<std::string> relation_types;     // empty keeps all
    std::vector<std::string> not_relation_types; // relation types left out
    double min_confidence = 0;                   // relations below are left out
    std::string as_of;                           // relations valid at this date ("2018", "2018-06-07"); empty: any
};

// What an arc costs when a path is measured.
struct WeightSpec {
    enum class Kind { hops, confidence, attribute };
    Kind kind = Kind::hops;
    std::string attribute;                            // for Kind::attribute; relations without it weigh 1, as in NetworkX
    static WeightSpec parse(const std::string& text); // "hops", "confidence" or an attribute name
    std::string describe() const;
};

// Every relation as an arc (a relation of a symmetric type as two, one each way); the arcs of a
// vertex sorted by the other end. The graph it was built from must outlive it.
class GraphSnapshot {
public:
    explicit GraphSnapshot(const KnowledgeGraph& graph);

    const KnowledgeGraph& graph() const { return *graph_; }
    bool directed() const { return graph_->directed(); }
    // The entity's id.
    std::string_view label(Vertex32 v) const { return graph_->id_of(v); }
    // Where relation r starts, and its confidence.
    Vertex32 relation_source(RelationIndex r) const { return static_cast<Vertex32>(graph_->source_of(r)); }
    double relation_confidence(RelationIndex r) const { return graph_->confidence_of(r); }
    Vertex32 vertex_count() const { return n_; }
    std::size_t arc_count() const { return out_target_.size(); }

    // Out-arcs of v: positions [out_begin(v), out_begin(v + 1)) of out_target/out_arc.
    std::size_t out_begin(Vertex32 v) const { return out_offset_[v]; }
    Vertex32 out_target(std::size_t position) const { return out_target_[position]; }
    // In-arcs, likewise; in_arc(position) is the arc (= relation) index.
    std::size_t in_begin(Vertex32 v) const { return in_offset_[v]; }
    Vertex32 in_source(std::size_t position) const { return in_source_[position]; }
    std::uint32_t in_arc(std::size_t position) const { return in_arc_[position]; }
    // The in-arcs as arrays, for kernels that gather along them: in_offsets()[v] is in_begin(v).
    const std::vector<std::size_t>& in_offsets() const { return in_offset_; }
    const std::vector<Vertex32>& in_sources() const { return in_source_; }
    // Whether two arcs join the same ordered pair (two relations a -> b).
    bool has_parallel_arcs() const { return parallel_arcs_; }
    // The relation behind an out-arc position.
    RelationIndex out_relation(std::size_t position) const { return out_relation_[position]; }
    // Out-positions of every arc between a and b, either way.
    std::vector<std::size_t> arcs_between(Vertex32 a, Vertex32 b) const;

private:
    // Lays out the arcs from -> to, arc a standing for relation[a] (for arc a itself when
    // relation is empty).
    void build(const std::vector<Vertex32>& from, const std::vector<Vertex32>& to, const std::vector<std::uint32_t>& relation);

    const KnowledgeGraph* graph_ = nullptr;
    Vertex32 n_ = 0;
    std::vector<std::size_t> out_offset_, in_offset_;
    std::vector<Vertex32> out_target_, in_source_;
    std::vector<std::uint32_t> out_relation_; // fewer than 2^32 relations, checked when built
    std::vector<std::uint32_t> in_arc_;       // out-arc position of each in-arc
    bool parallel_arcs_ = false;
};

enum class Direction { out, in, any };
class View;

// The distinct active neighbours of v along d, in increasing order, without v itself (a self-loop
// makes no neighbour).
std::vector<Vertex32> distinct_neighbours(const View& view, Vertex32 v, Direction d);

// Throws DataError naming the first kind the ontology does not declare, with the closest ones.
void require_known_kinds(const Ontology& ontology, const std::vector<std::string>& kinds);

// A filtered, weighted view of a snapshot. Cheap to make: one byte per vertex and per arc plus
// one weight per arc.
class View {
public:
    // Throws DataError for an unknown kind, domain or relation type (with suggestions) and for a
    // bad date; weights must be finite and non-negative for path measures (checked by them).
    View(const GraphSnapshot& snapshot, const ViewFilter& filter = {}, const WeightSpec& weight = {}, bool directed = true);

    const GraphSnapshot& snapshot() const { return *snapshot_; }
    const KnowledgeGraph& graph() const { return snapshot_->graph(); }
    Vertex32 vertex_count() const { return snapshot_->vertex_count(); }
    bool directed() const { return directed_; }
    bool weighted() const { return weight_.kind != WeightSpec::Kind::hops; }
    const WeightSpec& weight_spec() const { return weight_; }

    bool active(Vertex32 v) const { return vertex_active_[v] != 0; }
    bool every_arc_active() const { return every_arc_active_; }
    // No vertex and no arc of the snapshot hidden.
    bool shows_everything() const { return every_arc_active_ && active_count_ == vertex_count(); }
    std::size_t active_count() const { return active_count_; }
    std::vector<Vertex32> active_vertices() const;

    // Calls f(neighbour, weight, out_position) once per distinct active neighbour of v, in
    // increasing neighbour order; the weight is the smallest over parallel arcs, out_position
    // that arc's out-position (for relation lookup). Direction::any merges both lists.
    template <class F>
    void for_each_neighbor(Vertex32 v, Direction d, F&& f) const;

    // How many arcs of the snapshot v has along d, shown or hidden: what walking them costs.
    std::size_t arc_count(Vertex32 v, Direction d) const {
        const auto& s = *snapshot_;
        return (d != Direction::in ? s.out_begin(v + 1) - s.out_begin(v) : 0) +
               (d != Direction::out ? s.in_begin(v + 1) - s.in_begin(v) : 0);
    }

    // Calls f(neighbour) for the far end of every shown arc of v along d, in snapshot order: once
    // per arc, so a neighbour joined by parallel arcs, or both ways under Direction::any, comes
    // more than once. Cheaper than for_each_neighbor where repeats do no harm (searches).
    template <class F>
    void for_each_arc_end(Vertex32 v, Direction d, F&& f) const;

    // Direction::out in a directed view, Direction::any in an undirected one.
    Direction forward() const { return directed_ ? Direction::out : Direction::any; }
    Direction backward() const { return directed_ ? Direction::in : Direction::any; }

    // The first problem found with the weights (negative, not a number), or empty.
    std::string weight_problem() const { return weight_problem_; }

    // The same view read without direction.
    View undirected() const {
        View copy = *this;
        copy.directed_ = false;
        return copy;
    }

    // Hides one arc: Girvan-Newman removes links from its own copy of a view.
    void deactivate_arc(std::size_t out_position);
    // Hides or shows one vertex: disruption and key-player searches remove nodes from their own
    // copy of a view. Showing a vertex the filter left out is the caller's mistake.
    void deactivate_vertex(Vertex32 v);
    void reactivate_vertex(Vertex32 v);
    bool arc_active(std::size_t out_position) const { return arc_active_.empty() || arc_active_[out_position] != 0; }
    double arc_weight(std::size_t out_position) const { return arc_weight_.empty() ? 1.0 : arc_weight_[out_position]; }

private:
    const GraphSnapshot* snapshot_;
    bool directed_;
    WeightSpec weight_;
    std::vector<std::uint8_t> vertex_active_;
    std::vector<std::uint8_t> arc_active_; // empty while no arc is hidden
    bool every_arc_active_ = true;         // arc_active_ is empty: neighbour walks need not read it
    std::vector<double> arc_weight_;       // empty while every arc weighs 1 (hops)
    std::size_t active_count_ = 0;
    std::string weight_problem_;
};

template <class F>
void View::for_each_neighbor(Vertex32 v, Direction d, F&& f) const {
    const auto& s = *snapshot_;
    std::size_t o = d == Direction::in ? 0 : s.out_begin(v), o_end = d == Direction::in ? 0 : s.out_begin(v + 1);
    std::size_t i = d == Direction::out ? 0 : s.in_begin(v), i_end = d == Direction::out ? 0 : s.in_begin(v + 1);
    // Skip masked arcs and arcs to masked vertices.
    const bool check_arcs = !every_arc_active_;
    const double* weights = arc_weight_.empty() ? nullptr : arc_weight_.data();
    const auto next_out = [&] {
        while (o < o_end && ((check_arcs && !arc_active_[o]) || !vertex_active_[s.out_target(o)])) ++o;
    };
    const auto next_in = [&] {
        while (i < i_end && ((check_arcs && !arc_active_[s.in_arc(i)]) || !vertex_active_[s.in_source(i)])) ++i;
    };
    next_out();
    next_in();
    while (o < o_end || i < i_end) {
        const Vertex32 a = o < o_end ? s.out_target(o) : kNoVertex;
        const Vertex32 b = i < i_end ? s.in_source(i) : kNoVertex;
        const Vertex32 u = a < b ? a : b;
        double best = std::numeric_limits<double>::infinity();
        std::size_t best_position = 0;
        while (o < o_end && s.out_target(o) == u) {
            const double w = weights ? weights[o] : 1.0;
            if (w < best) best = w, best_position = o;
            ++o;
            next_out();
        }
        while (i < i_end && s.in_source(i) == u) {
            const auto arc = s.in_arc(i);
            const double w = weights ? weights[arc] : 1.0;
            if (w < best) best = w, best_position = arc;
            ++i;
            next_in();
        }
        f(u, best, best_position);
    }
}

template <class F>
void View::for_each_arc_end(Vertex32 v, Direction d, F&& f) const {
    const auto& s = *snapshot_;
    const bool check_arcs = !every_arc_active_;
    if (d != Direction::in)
        for (std::size_t o = s.out_begin(v), end = s.out_begin(v + 1); o < end; ++o) {
            const auto w = s.out_target(o);
            if (vertex_active_[w] && (!check_arcs || arc_active_[o])) f(w);
        }
    if (d != Direction::out)
        for (std::size_t i = s.in_begin(v), end = s.in_begin(v + 1); i < end; ++i) {
            const auto w = s.in_source(i);
            if (vertex_active_[w] && (!check_arcs || arc_active_[s.in_arc(i)])) f(w);
        }
}

// Every relation the view keeps, once (a symmetric type has an arc each way), sorted.
std::vector<RelationIndex> relations_in(const View& view);

// The view cut down to `relations` (sorted) and the entities they join.
View relations_only(const View& view, const std::vector<RelationIndex>& relations);

// The view without the entities it leaves with no relation to another.
View without_isolates(const View& view);

} // namespace tg
