#include "analysis/centrality.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/describe.hpp"
#include "core/output.hpp"
#include "cli/view_options.hpp"
#include "cli/worlds.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/text.hpp"
#include "io/json_writer.hpp"

#include <algorithm>
#include <cmath>

namespace tg::cli {

namespace {

struct Ranked {
    std::string id, name, kind;
    double score;
    std::string extra; // edge betweenness: the relations on the pair
    Spread spread{};   // with --uncertainty: the score over the worlds
};

// The worlds behind the spreads, when --uncertainty asked for them.
struct Worlds {
    const WorldArgs* args = nullptr;
    std::size_t top_k = 0;
};

// `restart`: PageRank's personalization, the vertices named and their weights.
void emit_ranking(Context& context, const std::string& measure, const View& view, std::vector<Ranked> rows, std::size_t top,
                  bool normalized, const ViewRequest& view_args, const std::vector<std::pair<Vertex32, double>>& restart = {},
                  const Worlds& worlds = {}) {
    // Highest first; ties by id, so the order never depends on the input order.
    std::sort(rows.begin(), rows.end(), [](const Ranked& a, const Ranked& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.id < b.id;
    });
    if (top && rows.size() > top) rows.resize(top);
    if (context.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("measure").value(measure).key("lens").value(lens_name(lens_of(view_args, view.graph().ontology())));
        json.key("weight").value(view.weight_spec().describe());
        json.key("normalized").value(normalized).key("directed").value(view.directed());
        if (worlds.args) write_worlds_json(json, *worlds.args, worlds.top_k);
        if (!restart.empty()) {
            json.key("personalization").begin_array();
            for (const auto& [v, weight] : restart)
                json.begin_object().key("id").value(view.graph().entity(v).id()).key("weight").value(weight).end_object();
            json.end_array();
        }
        json.key("results").begin_array();
        for (const auto& r : rows) {
            json.begin_object().key("id").value(r.id).key("name").value(r.name).key("score").value(r.score);
            if (!r.extra.empty()) json.key("relations").value(r.extra);
            if (worlds.args) write_spread_json(json, r.spread);
            json.end_object();
        }
        json.end_array().end_object();
        context.emit(json.str());
        return;
    }
    if (context.format() == OutputFormat::csv) {
        std::vector<std::string> header{"rank", "id", "name", "kind", "score"};
        if (worlds.args) header.insert(header.end(), {"median", "low", "high", "top_share"});
        std::string out = csv_row(header);
        const auto exact = [](double x) { return std::isnan(x) ? std::string() : format_exact(x); };
        for (std::size_t i = 0; i < rows.size(); ++i) {
            std::vector<std::string> row{std::to_string(i + 1), rows[i].id, rows[i].name, rows[i].kind, format_exact(rows[i].score)};
            if (worlds.args)
                row.insert(row.end(), {exact(rows[i].spread.median), exact(rows[i].spread.low), exact(rows[i].spread.high), exact(rows[i].spread.top_share)});
            out += csv_row(row);
        }
        context.emit(out);
        return;
    }
    std::vector<std::string> header{"rank", "score"};
    if (worlds.args) header.insert(header.end(), {"median", "90% interval", "top " + std::to_string(worlds.top_k)});
    header.insert(header.end(), {"id", "name", "kind"});
    TextTable table(header);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::vector<std::string> row{std::to_string(i + 1), format_number(rows[i].score, 4)};
        if (worlds.args) row.insert(row.end(), {spread_median(rows[i].spread), spread_interval(rows[i].spread), spread_share(rows[i].spread)});
        row.insert(row.end(), {rows[i].id, rows[i].name, rows[i].kind});
        table.add(row);
    }
    std::string restarts;
    for (const auto& [v, weight] : restart)
        restarts += (restarts.empty() ? ", restarting at " : ", ") + std::string(view.graph().entity(v).name()) + " (" + format_number(weight, 4) + ")";
    context.emit(lens_line(view_args, view.graph().ontology()) + measure + " (" + std::to_string(view.active_count()) + " entities in view, " +
                 view.weight_spec().describe() + (view.directed() ? ", directed" : ", undirected") + restarts + ")\n" +
                 (worlds.args ? worlds_line(*worlds.args, worlds.top_k, true) : "") + table.str());
}

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
            if (!number) throw UsageError("--personalization \"" + item + "\": the weight after '=' is not a number", "write NAME=2.5");
            if (*number < 0) throw UsageError("--personalization \"" + item + "\": a weight must not be negative");
            name = std::string(trim(std::string_view(item).substr(0, eq)));
            if (name.empty()) throw UsageError("--personalization \"" + item + "\": no entity before '='", "write NAME=2.5");
            weight = *number;
        }
        const auto v = resolve_in_view(view, name);
        if (named[v]) throw UsageError("--personalization names \"" + std::string(view.graph().entity(v).name()) + "\" twice");
        named[v] = 1;
        weights[v] = weight;
        total += weight;
        named_weights.emplace_back(v, weight);
    }
    if (total <= 0) throw UsageError("the --personalization weights are all 0", "give at least one entity a positive weight");
    return weights;
}

} // namespace

int run_centrality(Context& context, const CentralityArgs& args) {
    auto names = measure_names();
    names.push_back("edge-betweenness");
    if (std::find(names.begin(), names.end(), args.measure) == names.end()) {
        throw UsageError("unknown measure \"" + args.measure + "\"", hint_for(args.measure, names, "measures are " + join_quoted(names, 20)));
    }
    if ((args.samples > 0) && args.measure != "betweenness" && args.measure != "edge-betweenness")
        throw UsageError("--samples applies to betweenness only");
    if (!args.personalization.empty() && args.measure != "pagerank") throw UsageError("--personalization applies to pagerank only");
    if (args.worlds.worlds && args.measure == "edge-betweenness")
        throw UsageError("--uncertainty ranks entities: it does not apply to edge-betweenness", "choose an entity measure such as betweenness");
    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, args.view, "hops");
    if (view.active_count() == 0) throw DataError("no entity is left in the view the filters select", "loosen the filters");
    context.progress("computing " + args.measure + " on " + std::to_string(view.active_count()) + " entities ...");

    std::vector<Ranked> rows;
    if (args.measure == "edge-betweenness") {
        BetweennessOptions options;
        options.normalized = !args.raw;
        options.samples = args.samples;
        options.seed = args.seed;
        options.progress = context.meter();
        for (const auto& [pair, score] : edge_betweenness_centrality(view, options)) {
            const auto& a = graph.entity(pair.first);
            const auto& b = graph.entity(pair.second);
            rows.push_back({std::string(a.id()) + (view.directed() ? " -> " : " -- ") + std::string(b.id()), std::string(a.name()) + (view.directed() ? " -> " : " -- ") + std::string(b.name()),
                            "pair", score, {}});
        }
        emit_ranking(context, args.measure, view, std::move(rows), args.top, !args.raw, args.view);
        return kOk;
    }
    MeasureOptions options;
    options.normalized = !args.raw;
    options.samples = args.samples;
    options.seed = args.seed;
    options.alpha = args.alpha;
    options.progress = context.meter();
    std::vector<std::pair<Vertex32, double>> restart;
    if (!args.personalization.empty()) options.personalization = personalization_of(view, args.personalization, restart);
    const auto scores = compute_measure(view, args.measure, options);
    std::vector<Spread> spreads;
    WorldArgs world_args = args.worlds;
    world_args.seed = args.seed;
    const std::size_t top_k = args.top ? args.top : 10;
    if (world_args.worlds) {
        warn_if_certain(view, context);
        MeasureOptions in_world = options;
        in_world.progress = {};
        in_world.threads = 1; // the worlds run in parallel
        spreads = score_spread(view, [&](const View& world) { return compute_measure(world, args.measure, in_world); }, top_k,
                               world_options(world_args, context));
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
    rows.reserve(shown);
    for (auto v : ranked)
        rows.push_back({std::string(graph.entity(v).id()), std::string(graph.entity(v).name()), kind_label(graph, v), scores[v], {},
                        spreads.empty() ? Spread{} : spreads[v]});
    const bool normalized = args.measure == "betweenness" ? !args.raw : true;
    emit_ranking(context, args.measure, view, std::move(rows), args.top, normalized, args.view, restart,
                 spreads.empty() ? Worlds{} : Worlds{&world_args, top_k});
    return kOk;
}

} // namespace tg::cli
