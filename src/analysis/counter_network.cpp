#include "analysis/counter_network.hpp"

#include "analysis/cohesion.hpp"
#include "analysis/structure.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace tg {

NetworkProfile profile_network(const View& view) {
    const View plain = view.undirected();
    const auto summary = summarize_structure(plain);
    NetworkProfile p;
    p.nodes = summary.vertices;
    p.ties = summary.arcs;
    p.density = summary.density;
    p.components = summary.weak_components;
    p.largest_component = summary.largest_component;
    p.diameter = summary.path_lengths.diameter;
    p.fragmentation = fragmentation(plain);
    if (p.nodes >= 3) {
        std::vector<double> degree;
        for (auto v : plain.active_vertices()) degree.push_back(static_cast<double>(distinct_neighbours(plain, v, Direction::any).size()));
        const double top = *std::max_element(degree.begin(), degree.end());
        double spread = 0;
        for (auto d : degree) spread += top - d;
        const double n = static_cast<double>(p.nodes);
        p.centralization = spread / ((n - 1) * (n - 2));
    }
    return p;
}

const std::vector<std::string>& cooperative_types() {
    static const std::vector<std::string> types{"cooperates_with", "supports", "member_of",  "part_of",    "leads",
                                                "participates_in", "adopts",   "verifies",   "hosts",      "protects",
                                                "funds",           "supplies", "located_in", "operates_in"};
    return types;
}

CounterNetwork analyze_counter_network(const GraphSnapshot& snapshot, const CounterNetworkOptions& options) {
    const auto filter = [&](std::vector<std::string> kinds, std::vector<std::string> types) {
        ViewFilter f;
        f.kinds = std::move(kinds);
        f.relation_types = std::move(types);
        f.min_confidence = options.min_confidence;
        f.as_of = options.as_of;
        return f;
    };
    const auto& ontology = snapshot.graph().ontology();
    for (const auto* kinds : {&options.coalition_kinds, &options.threat_kinds, &options.target_kinds})
        for (const auto& kind : *kinds)
            if (!ontology.kind(kind))
                throw DataError("the counter-network needs the kind \"" + kind + "\", which this graph does not declare",
                                ontology.kind_ids() == std::vector<std::string>{"node"}
                                    ? "a network read with " + parameter("input") +
                                          " has the one kind \"node\": run it on graph-data, or name "
                                          "your own kinds with " +
                                          parameter("coalition_kinds") + ", " + parameter("threat_kinds") + " and " +
                                          parameter("target_kinds")
                                    : hint_for(kind, ontology.kind_ids(), "kinds are " + join_quoted(ontology.kind_ids(), 40)));
    auto cooperation = options.cooperation_types;
    if (cooperation.empty())
        for (const auto& type : cooperative_types())
            if (snapshot.graph().ontology().relation_type(type)) cooperation.push_back(type);
    // No cooperative type at all leaves every member alone, not every relation counted.
    if (cooperation.empty())
        throw DataError("the ontology declares none of the cooperative relation types",
                        "name the types that make members partners with " + parameter("cooperation_types"));
    View coalition(snapshot, filter(options.coalition_kinds, cooperation), {}, false);
    const View threat(snapshot, filter(options.threat_kinds, {}), {}, false);
    const View targets(snapshot, filter(options.target_kinds, {}), {}, false);
    const View countering(snapshot, filter({}, options.counter_types), {}, true);
    // A state sponsor of threat actors is not part of the coalition against them.
    for (auto v : coalition.active_vertices())
        if (!snapshot.graph().entity(v).domains().empty()) coalition.deactivate_vertex(v);
    // Nor is an entity that neither counters a threat nor works with a member.
    std::vector<Vertex32> outsiders;
    for (auto v : coalition.active_vertices()) {
        bool acts = false, partnered = false;
        countering.for_each_neighbor(v, Direction::out, [&](Vertex32 t, double, std::size_t) { acts = acts || targets.active(t); });
        coalition.for_each_neighbor(v, Direction::any, [&](Vertex32 w, double, std::size_t) { partnered = partnered || w != v; });
        if (!acts && !partnered) outsiders.push_back(v);
    }
    for (auto v : outsiders) coalition.deactivate_vertex(v);

    CounterNetwork result;
    result.members = coalition.active_vertices();
    result.components = weak_components(coalition);
    for (const auto& c : result.components)
        if (c.size() == 1) result.isolated.push_back(c.front());
    std::sort(result.isolated.begin(), result.isolated.end());
    for (auto t : targets.active_vertices()) {
        Coverage c;
        c.target = t;
        countering.for_each_neighbor(t, Direction::in, [&](Vertex32 s, double, std::size_t) {
            if (coalition.active(s)) c.countered_by.push_back(s);
        });
        result.coverage.push_back(std::move(c));
    }
    result.threat = profile_network(threat);
    result.coalition = profile_network(coalition);
    return result;
}

} // namespace tg
