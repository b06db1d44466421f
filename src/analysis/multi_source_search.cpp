#include "analysis/multi_source_search.hpp"

#include "core/huge_pages.hpp"

#include <algorithm>

namespace tg {

namespace {
// The frontier's share of the arcs above which a level pulls instead of pushing.
constexpr std::size_t kPullShare = 20;
} // namespace

MultiSourceSearch::MultiSourceSearch(const View& view, Direction direction)
    : view_(view), direction_(direction), seen_(huge_vector<std::uint64_t>(view.vertex_count(), 0)),
      frontier_(huge_vector<std::uint64_t>(view.vertex_count(), 0)), next_(huge_vector<std::uint64_t>(view.vertex_count(), 0)) {}

MultiSourceSearch::Result MultiSourceSearch::run(const Vertex32* sources, std::size_t count) {
    Result out;
    const Vertex32 n = view_.vertex_count();
    std::fill(seen_.begin(), seen_.end(), 0);
    std::fill(frontier_.begin(), frontier_.end(), 0);
    std::fill(next_.begin(), next_.end(), 0);
    count = std::min(count, kWidth);
    // The vertices the frontier holds, so that a level walks them and not every vertex.
    std::vector<Vertex32> frontier, next;
    for (std::size_t i = 0; i < count; ++i) {
        const auto s = sources[i];
        if (s >= n || !view_.active(s)) continue;
        const auto bit = std::uint64_t{1} << i;
        if (!frontier_[s]) frontier.push_back(s);
        seen_[s] |= bit;
        frontier_[s] |= bit;
        out.reached[i] = 1;
    }
    std::uint64_t sought = 0; // the bits of the searches that run
    for (std::size_t i = 0; i < count; ++i)
        if (out.reached[i]) sought |= std::uint64_t{1} << i;
    const auto& snapshot = view_.snapshot();
    const bool out_arcs = direction_ != Direction::in, in_arcs = direction_ != Direction::out;
    const std::size_t all_arcs = (out_arcs + in_arcs) * snapshot.arc_count();
    const auto arcs_of = [&](Vertex32 v) { return view_.arc_count(v, direction_); };
    std::size_t frontier_arcs = 0;
    for (const auto v : frontier) frontier_arcs += arcs_of(v);
    for (std::uint32_t level = 1; !frontier.empty(); ++level) {
        if (frontier_arcs * kPullShare < all_arcs) {
            // Push, while the frontier is small: every frontier vertex passes the searches that
            // reached it on to its neighbours.
            for (const auto v : frontier) {
                const auto bits = frontier_[v];
                view_.for_each_arc_end(v, direction_, [&](Vertex32 w) {
                    const auto fresh = bits & ~seen_[w];
                    if (!fresh) return;
                    if (!next_[w]) next.push_back(w);
                    next_[w] |= fresh;
                });
            }
        } else {
            // Pull, once the frontier is large (Beamer et al. 2012, for many searches at once):
            // every vertex some search has not reached yet gathers the searches at its
            // neighbours, and stops looking once it has all it lacks.
            const bool every_arc = view_.every_arc_active();
            for (Vertex32 w = 0; w < n; ++w) {
                const auto lacking = sought & ~seen_[w];
                if (!lacking || !view_.active(w)) continue;
                std::uint64_t found = 0;
                // w is reached from a frontier vertex f along an arc f -> w when searching
                // forward: w looks at its in-arcs then, at its out-arcs when searching backward.
                if (in_arcs)
                    for (std::size_t p = snapshot.out_begin(w), end = snapshot.out_begin(w + 1); p < end && (found & lacking) != lacking;
                         ++p)
                        if (every_arc || view_.arc_active(p)) found |= frontier_[snapshot.out_target(p)];
                if (out_arcs)
                    for (std::size_t p = snapshot.in_begin(w), end = snapshot.in_begin(w + 1); p < end && (found & lacking) != lacking; ++p)
                        if (every_arc || view_.arc_active(snapshot.in_arc(p))) found |= frontier_[snapshot.in_source(p)];
                if (found & lacking) {
                    next_[w] = found & lacking;
                    next.push_back(w);
                }
            }
        }
        for (const auto v : frontier) frontier_[v] = 0;
        // Each search's first arrival at a vertex: its distance there is this level.
        std::uint64_t arrived = 0;
        std::array<std::size_t, kWidth> arrivals{};
        for (const auto w : next) {
            const auto fresh = next_[w] & ~seen_[w];
            next_[w] = 0;
            seen_[w] |= fresh;
            frontier_[w] = fresh;
            arrived |= fresh;
            for (auto bits = fresh; bits; bits &= bits - 1) {
                const auto i = static_cast<std::size_t>(__builtin_ctzll(bits));
                ++arrivals[i];
            }
        }
        // Counted per level, then added: whole numbers stay exact, and the inverse distances
        // are summed once per level, not once per vertex.
        for (auto bits = arrived; bits; bits &= bits - 1) {
            const auto i = static_cast<std::size_t>(__builtin_ctzll(bits));
            out.eccentricity[i] = level;
            out.reached[i] += arrivals[i];
            out.total[i] += static_cast<double>(arrivals[i]) * level;
            out.inverse_total[i] += static_cast<double>(arrivals[i]) / level;
        }
        frontier.swap(next);
        next.clear();
        frontier_arcs = 0;
        for (const auto v : frontier) frontier_arcs += arcs_of(v);
    }
    return out;
}

} // namespace tg
