#include "analysis/centrality.hpp"

namespace tg {

Scores degree_centrality(const View& view, DegreeKind kind, bool weighted) {
    Scores score(view.vertex_count(), 0.0);
    const Direction direction = !view.directed() ? Direction::any : kind == DegreeKind::in ? Direction::in : Direction::out;
    for (Vertex32 v = 0; v < view.vertex_count(); ++v) {
        if (!view.active(v)) continue;
        double total = 0;
        const auto add = [&](Vertex32, double w, std::size_t) { total += weighted ? w : 1.0; };
        view.for_each_neighbor(v, direction, add);
        if (view.directed() && kind == DegreeKind::total) view.for_each_neighbor(v, Direction::in, add);
        score[v] = total;
    }
    const auto n = view.active_count();
    if (!weighted && n > 1)
        for (auto& s : score) s /= static_cast<double>(n - 1);
    return score;
}

} // namespace tg
