#include "query/centrality_statement.hpp"

#include "analysis/centrality.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/text.hpp"
#include "query/describe.hpp"

#include <algorithm>

namespace tg::query {

namespace {

// The restart weight of each vertex from "NAME" or "NAME=WEIGHT" items; unnamed vertices weigh 0.
std::vector<double> personalization_of(const View& view, const std::vector<std::string>& items,
                                       std::vector<std::pair<Vertex32, double>>& named_weights) {
    std::vector<double> weights(view.vertex_count(), 0.0);
    double total = 0;
    std::vector<std::uint8_t> named(view.vertex_count(), 0);
    for (const auto& item : items) {
        std::string name = item;
        double weight = 1.0;
        if (const auto eq = item.rfind('='); eq != std::string::npos) {
            const auto number = parse_number(std::string_view(item).substr(eq + 1));
            if (!number)
                throw ParameterError(parameter("personalization") + " \"" + item + "\": the weight after '=' is not a number",
                                     "write NAME=2.5");
            if (*number < 0) throw ParameterError(parameter("personalization") + " \"" + item + "\": a weight must not be negative");
            name = std::string(trim(std::string_view(item).substr(0, eq)));
            if (name.empty())
                throw ParameterError(parameter("personalization") + " \"" + item + "\": no entity before '='", "write NAME=2.5");
            weight = *number;
        }
        const auto v = resolve_in_view(view, name);
        if (named[v])
            throw ParameterError(parameter("personalization") + " names \"" + std::string(view.graph().entity(v).name()) + "\" twice");
        named[v] = 1;
        weights[v] = weight;
        total += weight;
        named_weights.emplace_back(v, weight);
    }
    if (total <= 0)
        throw ParameterError("the " + parameter("personalization") + " weights are all 0", "give at least one entity a positive weight");
    return weights;
}

} // namespace

RankingFound find_centrality(const KnowledgeGraph& graph, const CentralityRequest& args, const RunHooks& hooks) {
    auto names = measure_names();
    names.push_back("edge-betweenness");
    if (std::find(names.begin(), names.end(), args.measure) == names.end())
        throw ParameterError("unknown measure \"" + args.measure + "\"",
                             hint_for(args.measure, names, "measures are " + join_quoted(names, 20)));
    if ((args.samples > 0) && args.measure != "betweenness" && args.measure != "edge-betweenness")
        throw ParameterError(parameter("samples") + " applies to betweenness only");
    if (!args.personalization.empty() && args.measure != "pagerank")
        throw ParameterError(parameter("personalization") + " applies to pagerank only");
    if (args.worlds.worlds && args.measure == "edge-betweenness")
        throw ParameterError(parameter("uncertainty") + " ranks entities: it does not apply to edge-betweenness",
                             "choose an entity measure such as betweenness");
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, args.view, "hops");
    if (view.active_count() == 0) throw DataError("no entity is left in the view the filters select", "loosen the filters");
    if (hooks.progress) hooks.progress("computing " + args.measure + " on " + std::to_string(view.active_count()) + " entities ...");

    RankingFound found;
    found.measure = args.measure;
    found.lens = lens_name(lens_of(args.view, graph.ontology()));
    found.lens_line = lens_line(args.view, graph.ontology());
    found.weight = view.weight_spec().describe();
    found.directed = view.directed();
    found.entities = view.active_count();
    // Highest first; ties by id, so the order never depends on the input order.
    const auto sort_rows = [&] {
        std::sort(found.rows.begin(), found.rows.end(), [](const RankingFound::Row& a, const RankingFound::Row& b) {
            if (a.score != b.score) return a.score > b.score;
            return a.id < b.id;
        });
        if (args.top && found.rows.size() > args.top) found.rows.resize(args.top);
    };
    if (args.measure == "edge-betweenness") {
        BetweennessOptions options;
        options.normalized = !args.raw;
        options.samples = args.samples;
        options.seed = args.seed;
        options.progress = hooks.meter;
        for (const auto& [pair, score] : edge_betweenness_centrality(view, options)) {
            const auto& a = graph.entity(pair.first);
            const auto& b = graph.entity(pair.second);
            const std::string joint = view.directed() ? " -> " : " -- ";
            found.rows.push_back({std::string(a.id()) + joint + std::string(b.id()),
                                  std::string(a.name()) + joint + std::string(b.name()),
                                  "pair",
                                  score,
                                  {},
                                  {}});
        }
        found.normalized = !args.raw;
        sort_rows();
        return found;
    }
    MeasureOptions options;
    options.normalized = !args.raw;
    options.samples = args.samples;
    options.seed = args.seed;
    options.alpha = args.alpha;
    options.progress = hooks.meter;
    std::vector<std::pair<Vertex32, double>> restart;
    if (!args.personalization.empty()) options.personalization = personalization_of(view, args.personalization, restart);
    for (const auto& [v, weight] : restart) {
        found.restart.emplace_back(std::string(graph.entity(v).name()), weight);
        found.restart_ids.emplace_back(graph.entity(v).id());
    }
    const auto scores = compute_measure(view, args.measure, options);
    std::vector<Spread> spreads;
    WorldRequest worlds = args.worlds;
    worlds.seed = args.seed;
    const std::size_t top_k = args.top ? args.top : 10;
    if (worlds.worlds) {
        if (const auto note = certainty_note(view); !note.empty() && hooks.note) hooks.note(note);
        MeasureOptions in_world = options;
        in_world.progress = {};
        in_world.threads = 1; // the worlds run in parallel
        spreads = score_spread(
            view, [&](const View& world) { return compute_measure(world, args.measure, in_world); }, top_k,
            world_options(worlds, hooks.meter));
        found.worlds = worlds;
        found.top_k = top_k;
    }
    // Only the rows printed are made: the top of a million scores is picked among the vertex
    // numbers (highest first, ties by id) before any text is.
    auto ranked = view.active_vertices();
    const auto before = [&](Vertex32 a, Vertex32 b) {
        if (scores[a] != scores[b]) return scores[a] > scores[b];
        return graph.id_of(a) < graph.id_of(b);
    };
    const auto shown = args.top && args.top < ranked.size() ? args.top : ranked.size();
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(shown), ranked.end(), before);
    ranked.resize(shown);
    found.rows.reserve(shown);
    for (auto v : ranked)
        found.rows.push_back({std::string(graph.entity(v).id()),
                              std::string(graph.entity(v).name()),
                              kind_label(graph, v),
                              scores[v],
                              {},
                              spreads.empty() ? Spread{} : spreads[v]});
    found.normalized = args.measure == "betweenness" ? !args.raw : true;
    sort_rows();
    return found;
}

} // namespace tg::query
