#include "analysis/multi_source_search.hpp"

#include "analysis/paths.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace tg;

TEST_CASE("64 searches at once find what 64 single searches find, in every direction, with hidden parts", "[analysis]") {
    // A sparse directed network with hubs, so that levels switch between pushing and pulling.
    NetworkTable t;
    std::mt19937_64 random(9);
    const std::uint32_t n = 3000;
    for (std::uint32_t v = 0; v < n; ++v) t.labels.push_back(std::to_string(v));
    for (int i = 0; i < 9000; ++i) {
        t.source.push_back(static_cast<std::uint32_t>(random() % n));
        t.target.push_back(static_cast<std::uint32_t>((random() & 1) ? random() % 20 : random() % n));
    }
    const auto g = KnowledgeGraph::from_network(std::move(t));
    const GraphSnapshot snapshot(g);
    View view(snapshot);
    for (int round = 0; round < 2; ++round) {
        if (round == 1) {
            for (Vertex32 v = 50; v < n; v += 11) view.deactivate_vertex(v);
            for (std::size_t p = 0; p < snapshot.arc_count(); p += 7) view.deactivate_arc(p);
        }
        for (const auto d : {Direction::out, Direction::in, Direction::any}) {
            MultiSourceSearch searches(view, d);
            std::vector<Vertex32> sources;
            for (Vertex32 i = 0; i < 64; ++i) sources.push_back(i * 37 % n);
            const auto r = searches.run(sources.data(), sources.size());
            for (std::size_t i = 0; i < sources.size(); ++i) {
                CAPTURE(round, static_cast<int>(d), i);
                const auto level = hop_distances(view, sources[i], d);
                std::uint32_t eccentricity = 0;
                double total = 0, inverse = 0;
                std::size_t reached = 0;
                for (auto l : level) {
                    if (l == kUnreached) continue;
                    ++reached, total += l, eccentricity = std::max(eccentricity, l);
                    if (l > 0) inverse += 1.0 / l;
                }
                CHECK(r.reached[i] == reached);
                CHECK(r.total[i] == total);
                CHECK(r.eccentricity[i] == eccentricity);
                CHECK(r.inverse_total[i] == Approx(inverse).epsilon(1e-12));
            }
        }
    }
}
