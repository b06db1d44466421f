#pragma once
// A view as a Boost graph: the graph threatgraph analyses, handed to any Boost.Graph algorithm
// with no copy. Include this header only where a Boost algorithm runs (it pulls in Boost's graph
// and iterator headers); the analyses themselves do not need it.
//
//   tg::View view(snapshot);                       // or with a filter, a weight, undirected
//   boost::breadth_first_search(view, source, ...); // a tg::View models the graph concepts
//   boost::brandes_betweenness_centrality(tg::UndirectedView{view}, centrality);
//
// What Boost sees, with threatgraph's own conventions (those of NetworkX on a simple graph):
//  - Vertices are entity indices (Vertex32). vertices() lists the entities the view shows;
//    num_vertices() is the snapshot's count, the bound of every index, as for
//    boost::filtered_graph, so vertex-indexed maps sized by it fit a view that hides entities.
//  - A tg::View is a directed graph (BidirectionalGraph, AdjacencyGraph, VertexListGraph).
//    out_edges(v) holds one edge per distinct neighbour along the view's forward direction (the
//    arrows in a directed view; both ways in an undirected one), in_edges(v) along its backward
//    one. Parallel relations between the same ordered pair are one edge whose weight is the
//    smallest of theirs; hidden entities and relations are left out.
//  - tg::UndirectedView reads a view without direction as Boost's undirected_tag: out_edges(v)
//    holds one edge per distinct neighbour either way. Use it where an algorithm treats
//    undirected graphs apart (Brandes halves betweenness on them, as NetworkX does).
//  - get(boost::vertex_index, g) is the identity; get(boost::edge_weight, g) the view's arc
//    weight (1 by hops, -ln(confidence) by confidence, or the attribute); get(boost::vertex_name,
//    g) the entity's id; confidence_map(g) an edge's relation's confidence.
#include "analysis/view.hpp"

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/filter_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <boost/property_map/property_map.hpp>

#include <cstddef>
#include <limits>
#include <string_view>
#include <utility>

namespace tg {

// A view read without direction, as a Boost undirected graph. The view must outlive it.
struct UndirectedView {
    const View& view;
};

// An edge as Boost sees it: from tail to head along the lightest of the arcs joining them that
// way (`arc` is its out-position in the snapshot). In an undirected graph (a, b) and (b, a) are
// one edge.
struct ViewEdge {
    Vertex32 tail = kNoVertex, head = kNoVertex;
    std::size_t arc = 0;
    bool undirected = false;

    friend bool operator==(const ViewEdge& a, const ViewEdge& b) {
        return (a.tail == b.tail && a.head == b.head) || (a.undirected && a.tail == b.head && a.head == b.tail);
    }
    friend bool operator!=(const ViewEdge& a, const ViewEdge& b) { return !(a == b); }
};

// The edges of one vertex: one per distinct shown neighbour along a direction, in increasing
// neighbour order, as View::for_each_neighbor walks them.
class ViewEdgeIterator : public boost::iterator_facade<ViewEdgeIterator, ViewEdge, boost::forward_traversal_tag, ViewEdge> {
public:
    ViewEdgeIterator() = default;
    // The first edge of v along d; `into` makes v each edge's head (in_edges), else its tail.
    ViewEdgeIterator(const View& view, Vertex32 v, Direction d, bool into, bool undirected)
        : view_(&view), v_(v), into_(into), undirected_(undirected) {
        const auto& s = view.snapshot();
        if (d != Direction::in) o_ = s.out_begin(v), o_end_ = s.out_begin(v + 1);
        if (d != Direction::out) i_ = s.in_begin(v), i_end_ = s.in_begin(v + 1);
        settle();
    }
    // Past the last edge of v along d.
    static ViewEdgeIterator end_of(const View& view, Vertex32 v, Direction d) {
        ViewEdgeIterator it;
        it.view_ = &view;
        it.v_ = v;
        const auto& s = view.snapshot();
        if (d != Direction::in) it.o_ = it.o_end_ = s.out_begin(v + 1);
        if (d != Direction::out) it.i_ = it.i_end_ = s.in_begin(v + 1);
        it.done_ = true;
        return it;
    }

private:
    friend class boost::iterator_core_access;

    ViewEdge dereference() const { return current_; }
    bool equal(const ViewEdgeIterator& other) const { return o_ == other.o_ && i_ == other.i_ && done_ == other.done_; }
    void increment() { settle(); }

    // Reads the next neighbour's run of arcs (both lists), leaving o_ and i_ past it.
    void settle() {
        const auto& s = view_->snapshot();
        while (o_ < o_end_ && !(view_->arc_active(o_) && view_->active(s.out_target(o_)))) ++o_;
        while (i_ < i_end_ && !(view_->arc_active(s.in_arc(i_)) && view_->active(s.in_source(i_)))) ++i_;
        if (o_ == o_end_ && i_ == i_end_) {
            done_ = true;
            return;
        }
        const Vertex32 a = o_ < o_end_ ? s.out_target(o_) : kNoVertex;
        const Vertex32 b = i_ < i_end_ ? s.in_source(i_) : kNoVertex;
        const Vertex32 u = a < b ? a : b;
        double best = std::numeric_limits<double>::infinity();
        std::size_t best_arc = 0;
        const auto consider = [&](std::size_t arc) {
            if (!view_->arc_active(arc)) return;
            const double w = view_->arc_weight(arc);
            if (w < best) best = w, best_arc = arc;
        };
        for (; o_ < o_end_ && s.out_target(o_) == u; ++o_) consider(o_);
        for (; i_ < i_end_ && s.in_source(i_) == u; ++i_) consider(s.in_arc(i_));
        current_ = into_ ? ViewEdge{u, v_, best_arc, undirected_} : ViewEdge{v_, u, best_arc, undirected_};
    }

    const View* view_ = nullptr;
    Vertex32 v_ = 0;
    bool into_ = false, undirected_ = false, done_ = false;
    std::size_t o_ = 0, o_end_ = 0, i_ = 0, i_end_ = 0;
    ViewEdge current_;
};

// Every edge of a graph: the out-edges of each shown vertex in turn; in an undirected graph each
// edge once, from its smaller end.
class ViewAllEdgesIterator : public boost::iterator_facade<ViewAllEdgesIterator, ViewEdge, boost::forward_traversal_tag, ViewEdge> {
public:
    ViewAllEdgesIterator() = default;
    // From vertex v on; `d` the direction out_edges walks, `undirected` the graph's reading.
    ViewAllEdgesIterator(const View& view, Vertex32 v, Direction d, bool undirected) : view_(&view), v_(v), d_(d), undirected_(undirected) {
        start_vertex();
    }

private:
    friend class boost::iterator_core_access;

    ViewEdge dereference() const { return *edge_; }
    bool equal(const ViewAllEdgesIterator& other) const { return v_ == other.v_ && (v_ == end_vertex() || edge_ == other.edge_); }
    void increment() {
        ++edge_;
        settle();
    }

    Vertex32 end_vertex() const { return view_ ? view_->vertex_count() : 0; }
    void start_vertex() {
        for (; v_ < end_vertex(); ++v_) {
            if (!view_->active(v_)) continue;
            edge_ = ViewEdgeIterator(*view_, v_, d_, false, undirected_);
            edge_end_ = ViewEdgeIterator::end_of(*view_, v_, d_);
            settle_in_vertex();
            if (edge_ != edge_end_) return;
        }
    }
    void settle_in_vertex() {
        while (edge_ != edge_end_ && undirected_ && (*edge_).head < v_) ++edge_;
    }
    void settle() {
        settle_in_vertex();
        if (edge_ != edge_end_) return;
        ++v_;
        start_vertex();
    }

    const View* view_ = nullptr;
    Vertex32 v_ = 0;
    Direction d_ = Direction::out;
    bool undirected_ = false;
    ViewEdgeIterator edge_, edge_end_;
};

// Adjacency: the heads of out_edges.
struct EdgeHead {
    Vertex32 operator()(const ViewEdge& e) const { return e.head; }
};

// Whether the view shows a vertex: the filter of vertices().
struct ShownVertex {
    const View* view = nullptr;
    bool operator()(Vertex32 v) const { return view->active(v); }
};
using ViewVertexIterator = boost::filter_iterator<ShownVertex, boost::counting_iterator<Vertex32>>;

// Both graph types share everything but their direction.
template <class Directed>
struct ViewGraphTraits {
    struct traversal_category : boost::vertex_list_graph_tag,
                                boost::edge_list_graph_tag,
                                boost::bidirectional_graph_tag,
                                boost::adjacency_graph_tag {};
    using vertex_descriptor = Vertex32;
    using edge_descriptor = ViewEdge;
    using directed_category = Directed;
    using edge_parallel_category = boost::disallow_parallel_edge_tag; // parallel relations are one edge
    using out_edge_iterator = ViewEdgeIterator;
    using in_edge_iterator = ViewEdgeIterator;
    using vertex_iterator = ViewVertexIterator;
    using edge_iterator = ViewAllEdgesIterator;
    using adjacency_iterator = boost::transform_iterator<EdgeHead, ViewEdgeIterator, Vertex32, Vertex32>;
    using degree_size_type = std::size_t;
    using vertices_size_type = Vertex32;
    using edges_size_type = std::size_t;
    static vertex_descriptor null_vertex() { return kNoVertex; }
};

// Vertex-list functions.
inline std::pair<ViewVertexIterator, ViewVertexIterator> vertices(const View& g) {
    const ShownVertex shown{&g};
    const boost::counting_iterator<Vertex32> first(0), last(g.vertex_count());
    return {ViewVertexIterator(shown, first, last), ViewVertexIterator(shown, last, last)};
}
inline Vertex32 num_vertices(const View& g) { return g.vertex_count(); }
inline std::pair<ViewVertexIterator, ViewVertexIterator> vertices(const UndirectedView& g) { return vertices(g.view); }
inline Vertex32 num_vertices(const UndirectedView& g) { return g.view.vertex_count(); }

// Incidence and bidirectional functions.
inline Vertex32 source(const ViewEdge& e, const View&) { return e.tail; }
inline Vertex32 target(const ViewEdge& e, const View&) { return e.head; }
inline Vertex32 source(const ViewEdge& e, const UndirectedView&) { return e.tail; }
inline Vertex32 target(const ViewEdge& e, const UndirectedView&) { return e.head; }

inline std::pair<ViewEdgeIterator, ViewEdgeIterator> out_edges(Vertex32 v, const View& g) {
    return {ViewEdgeIterator(g, v, g.forward(), false, false), ViewEdgeIterator::end_of(g, v, g.forward())};
}
inline std::pair<ViewEdgeIterator, ViewEdgeIterator> in_edges(Vertex32 v, const View& g) {
    return {ViewEdgeIterator(g, v, g.backward(), true, false), ViewEdgeIterator::end_of(g, v, g.backward())};
}
inline std::pair<ViewEdgeIterator, ViewEdgeIterator> out_edges(Vertex32 v, const UndirectedView& g) {
    return {ViewEdgeIterator(g.view, v, Direction::any, false, true), ViewEdgeIterator::end_of(g.view, v, Direction::any)};
}
inline std::pair<ViewEdgeIterator, ViewEdgeIterator> in_edges(Vertex32 v, const UndirectedView& g) {
    return {ViewEdgeIterator(g.view, v, Direction::any, true, true), ViewEdgeIterator::end_of(g.view, v, Direction::any)};
}

inline std::size_t count_edges(const std::pair<ViewEdgeIterator, ViewEdgeIterator>& range) {
    std::size_t n = 0;
    for (auto it = range.first; it != range.second; ++it) ++n;
    return n;
}
inline std::size_t out_degree(Vertex32 v, const View& g) { return count_edges(out_edges(v, g)); }
inline std::size_t in_degree(Vertex32 v, const View& g) { return count_edges(in_edges(v, g)); }
inline std::size_t degree(Vertex32 v, const View& g) { return out_degree(v, g) + in_degree(v, g); }
inline std::size_t out_degree(Vertex32 v, const UndirectedView& g) { return count_edges(out_edges(v, g)); }
inline std::size_t in_degree(Vertex32 v, const UndirectedView& g) { return out_degree(v, g); }
inline std::size_t degree(Vertex32 v, const UndirectedView& g) { return out_degree(v, g); }

using ViewAdjacencyIterator = ViewGraphTraits<boost::directed_tag>::adjacency_iterator;
inline std::pair<ViewAdjacencyIterator, ViewAdjacencyIterator> adjacent_vertices(Vertex32 v, const View& g) {
    const auto [first, last] = out_edges(v, g);
    return {ViewAdjacencyIterator(first, EdgeHead{}), ViewAdjacencyIterator(last, EdgeHead{})};
}
inline std::pair<ViewAdjacencyIterator, ViewAdjacencyIterator> adjacent_vertices(Vertex32 v, const UndirectedView& g) {
    const auto [first, last] = out_edges(v, g);
    return {ViewAdjacencyIterator(first, EdgeHead{}), ViewAdjacencyIterator(last, EdgeHead{})};
}

// Edge-list functions.
inline std::pair<ViewAllEdgesIterator, ViewAllEdgesIterator> edges(const View& g) {
    return {ViewAllEdgesIterator(g, 0, g.forward(), false), ViewAllEdgesIterator(g, g.vertex_count(), g.forward(), false)};
}
inline std::pair<ViewAllEdgesIterator, ViewAllEdgesIterator> edges(const UndirectedView& g) {
    return {ViewAllEdgesIterator(g.view, 0, Direction::any, true),
            ViewAllEdgesIterator(g.view, g.view.vertex_count(), Direction::any, true)};
}
inline std::size_t count_edges(const std::pair<ViewAllEdgesIterator, ViewAllEdgesIterator>& range) {
    std::size_t n = 0;
    for (auto it = range.first; it != range.second; ++it) ++n;
    return n;
}
inline std::size_t num_edges(const View& g) { return count_edges(edges(g)); }
inline std::size_t num_edges(const UndirectedView& g) { return count_edges(edges(g)); }

// Property maps: read-only, computed from the view.
struct ViewWeightMap {
    using key_type = ViewEdge;
    using value_type = double;
    using reference = double;
    using category = boost::readable_property_map_tag;
    const View* view = nullptr;
};
inline double get(const ViewWeightMap& map, const ViewEdge& e) { return map.view->arc_weight(e.arc); }

struct ViewConfidenceMap {
    using key_type = ViewEdge;
    using value_type = double;
    using reference = double;
    using category = boost::readable_property_map_tag;
    const View* view = nullptr;
};
// The confidence of the relation behind the edge (the lightest of parallel relations).
inline double get(const ViewConfidenceMap& map, const ViewEdge& e) {
    const auto& s = map.view->snapshot();
    return s.relation_confidence(s.out_relation(e.arc));
}

struct ViewNameMap {
    using key_type = Vertex32;
    using value_type = std::string_view;
    using reference = std::string_view;
    using category = boost::readable_property_map_tag;
    const View* view = nullptr;
};
inline std::string_view get(const ViewNameMap& map, Vertex32 v) { return map.view->snapshot().label(v); }

inline boost::typed_identity_property_map<Vertex32> get(boost::vertex_index_t, const View&) { return {}; }
inline boost::typed_identity_property_map<Vertex32> get(boost::vertex_index_t, const UndirectedView&) { return {}; }
inline Vertex32 get(boost::vertex_index_t, const View&, Vertex32 v) { return v; }
inline Vertex32 get(boost::vertex_index_t, const UndirectedView&, Vertex32 v) { return v; }
inline ViewWeightMap get(boost::edge_weight_t, const View& g) { return {&g}; }
inline ViewWeightMap get(boost::edge_weight_t, const UndirectedView& g) { return {&g.view}; }
inline ViewNameMap get(boost::vertex_name_t, const View& g) { return {&g}; }
inline ViewNameMap get(boost::vertex_name_t, const UndirectedView& g) { return {&g.view}; }
inline ViewConfidenceMap confidence_map(const View& g) { return {&g}; }
inline ViewConfidenceMap confidence_map(const UndirectedView& g) { return {&g.view}; }

} // namespace tg

namespace boost {

template <>
struct graph_traits<tg::View> : tg::ViewGraphTraits<directed_tag> {};
template <>
struct graph_traits<tg::UndirectedView> : tg::ViewGraphTraits<undirected_tag> {};
template <>
struct graph_traits<const tg::View> : graph_traits<tg::View> {};
template <>
struct graph_traits<const tg::UndirectedView> : graph_traits<tg::UndirectedView> {};

template <>
struct property_map<tg::View, vertex_index_t> {
    using type = typed_identity_property_map<tg::Vertex32>;
    using const_type = type;
};
template <>
struct property_map<tg::UndirectedView, vertex_index_t> : property_map<tg::View, vertex_index_t> {};
template <>
struct property_map<tg::View, edge_weight_t> {
    using type = tg::ViewWeightMap;
    using const_type = type;
};
template <>
struct property_map<tg::UndirectedView, edge_weight_t> : property_map<tg::View, edge_weight_t> {};
template <>
struct property_map<tg::View, vertex_name_t> {
    using type = tg::ViewNameMap;
    using const_type = type;
};
template <>
struct property_map<tg::UndirectedView, vertex_name_t> : property_map<tg::View, vertex_name_t> {};

template <class Tag>
struct property_map<const tg::View, Tag> : property_map<tg::View, Tag> {};
template <class Tag>
struct property_map<const tg::UndirectedView, Tag> : property_map<tg::UndirectedView, Tag> {};

} // namespace boost
