// `report`: one self-contained HTML page for analysts and classrooms: the network laid out by
// Graphviz, every entity and relation with its evidence, a path finder, "remove and watch", and
// the key players, convergence brokers and counter-network gaps.
#include "analysis/convergence.hpp"
#include "analysis/counter_network.hpp"
#include "analysis/keyplayers.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parameter_words.hpp"
#include "cli/view_options.hpp"
#include "core/error.hpp"
#include "core/output.hpp"
#include "io/text_file.hpp"
#include "query/evidence.hpp"
#include "render/report_page.hpp"

#include <filesystem>
#include <ostream>

namespace tg::cli {

namespace {

// An analysis that does not apply to this network (no threat domains, no coalition kinds...)
// leaves its table out with the reason, and the rest of the report stands.
template <class Compute>
auto attempt(Compute compute, std::string& note) -> std::optional<decltype(compute())> {
    try {
        return compute();
    } catch (const DataError& e) {
        note = e.message(flag_words);
    } catch (const UsageError& e) {
        note = e.message(flag_words);
    }
    return std::nullopt;
}

} // namespace

int run_report(Context& context, const ReportArgs& args) {
    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, args.view, "hops");
    if (view.active_count() == 0) throw DataError("the view is empty: there is nothing to report", "loosen the filters");
    check_drawable(view.active_count(), args.max_entities);
    // Like every count whose work has no natural end, bounded: a mistyped k would search for hours.
    constexpr std::size_t kMostKeyPlayers = 1000;
    if (args.k < 1) throw UsageError("--k must be at least 1");
    if (args.k > kMostKeyPlayers)
        throw UsageError("--k " + std::to_string(args.k) + " is more than " + std::to_string(kMostKeyPlayers) + " key players",
                         "choose at most " + std::to_string(kMostKeyPlayers));

    ReportContent content;
    content.version = TG_VERSION;
    content.origin = context.using_input() ? "network file " + context.options().input : "graph-data folder " + context.data_dir();
    content.title = !args.title.empty()        ? args.title
                    : !graph.sources().empty() ? graph.sources().front().title
                    : context.using_input()    ? "Network " + std::filesystem::path(context.options().input).filename().string()
                                               : "threatgraph report";
    auto& passages = context.passages();
    if (passages.enabled())
        content.quote = [&passages](const Evidence& e) { return passages.of(e); };
    else if (!passages.declined() && !graph.sources().empty())
        context.err() << "threatgraph: note: the report quotes no passage, paraphrases only: " << passages_advice(graph, flag_words)
                      << "\n";

    context.progress("finding the key players ...");
    const View undirected = view.undirected();
    content.key_players = attempt(
        [&] {
            KeyPlayerOptions options;
            options.k = std::min(args.k, view.active_count() > 2 ? view.active_count() - 2 : std::size_t{1});
            options.meter = context.meter();
            return key_players(undirected, options);
        },
        content.key_players_note);
    context.progress("finding the convergence brokers ...");
    content.convergence = attempt([&] { return analyze_convergence(undirected, {}, {}, context.meter()); }, content.convergence_note);
    content.counter_network = attempt(
        [&] {
            CounterNetworkOptions options;
            options.min_confidence = args.view.min_confidence;
            options.as_of = args.view.as_of;
            return analyze_counter_network(snapshot, options);
        },
        content.counter_network_note);

    context.progress("laying out " + count_of(view.active_count(), "entity") + " ...");
    const auto places = report_layout(view);
    const auto page = report_page(view, places, content);
    const std::string path = context.options().output.empty() ? args.path : context.options().output;
    if (path == "-") {
        context.out() << page;
        return kOk;
    }
    write_file_atomically(path, page);
    context.err() << "threatgraph: report written to " << path << " (" << count_of(view.active_count(), "entity")
                  << "; open it in a browser, no network needed)\n";
    return kOk;
}

} // namespace tg::cli
