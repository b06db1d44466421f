// The engine at scale: reads a large edge list with the reader `--input` uses, builds the snapshot, and
// times operations on it, printing seconds (the median of --repeat runs) and the process's peak
// memory after each.
//
//   bench_scale EDGELIST [--undirected] [--repeat N] [--format text|json] [--operations LIST]
//               [--threads T] [--pivots K] [--pairs N] [--dump-pagerank FILE]
//
// --dump-pagerank writes the PageRank scores as little-endian float64s, in node order, for a
// comparison with another library's.
// Operations (default: pagerank,weak-components,strong-components,bfs,k-core):
//   pagerank             damping 0.85 until the L1 change is below 1e-6
//   weak-components, strong-components, k-core
//   bfs                  a full breadth-first search from node 0, both directions
//   betweenness          exact Brandes, normalized, on T threads (default 2)
//   sampled-betweenness  Brandes from K pivots (default 256, seed 1) on T threads
//   paths                N shortest paths by hops (default 20): pair i joins nodes
//                        (7919 i + 13) mod n and (104729 i + 71) mod n, following the arrows
//   louvain              Louvain communities (seed 1), read without direction
#include "analysis/centrality.hpp"
#include "analysis/communities.hpp"
#include "analysis/paths.hpp"
#include "analysis/structure.hpp"
#include "core/diagnostic.hpp"
#include "core/error.hpp"
#include "io/network_reader.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <sys/resource.h>

namespace {

double peak_memory_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

struct Row {
    std::string operation;
    double seconds;
    double peak_mb;
    std::string result;
};

// The median time of `repeat` runs of f; f returns a description of its result.
Row time_it(const std::string& operation, int repeat, const std::function<std::string()>& f) {
    std::vector<double> seconds;
    std::string result;
    for (int i = 0; i < repeat; ++i) {
        const auto start = std::chrono::steady_clock::now();
        result = f();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    return {operation, seconds[seconds.size() / 2], peak_memory_mb(), result};
}

[[noreturn]] void usage(const std::string& problem) {
    std::fprintf(stderr,
                 "bench_scale: %s\nusage: bench_scale EDGELIST [--undirected] [--repeat N] [--format text|json] [--operations LIST] "
                 "[--threads T] [--pivots K] [--pairs N] [--dump-pagerank FILE]\n",
                 problem.c_str());
    std::exit(2);
}

} // namespace

int main(int argc, char** argv) {
    tg::NetworkOptions options;
    int repeat = 3;
    bool json = false;
    std::string operations = "pagerank,weak-components,strong-components,bfs,k-core";
    unsigned threads = 2;
    std::size_t pivots = 256, pairs = 20;
    std::string dump_pagerank;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        static const std::vector<std::string> with_value{"--repeat", "--format", "--operations",   "--threads",
                                                         "--pivots", "--pairs",  "--dump-pagerank"};
        if (std::find(with_value.begin(), with_value.end(), arg) != with_value.end() && i + 1 >= argc) usage(arg + " needs a value");
        if (arg == "--undirected")
            options.undirected = true;
        else if (arg == "--repeat" && i + 1 < argc)
            repeat = std::atoi(argv[++i]);
        else if (arg == "--format" && i + 1 < argc)
            json = std::string(argv[++i]) == "json";
        else if (arg == "--operations" && i + 1 < argc)
            operations = argv[++i];
        else if (arg == "--threads" && i + 1 < argc)
            threads = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (arg == "--pivots" && i + 1 < argc)
            pivots = std::strtoul(argv[++i], nullptr, 10);
        else if (arg == "--pairs" && i + 1 < argc)
            pairs = std::strtoul(argv[++i], nullptr, 10);
        else if (arg == "--dump-pagerank" && i + 1 < argc)
            dump_pagerank = argv[++i];
        else if (!arg.empty() && arg[0] != '-' && options.path.empty())
            options.path = arg;
        else
            usage("unexpected argument \"" + arg + "\"");
    }
    if (options.path.empty()) usage("no edge list given");
    if (repeat < 1) usage("--repeat needs a positive count");
    if (threads < 1 || pivots < 1) usage("--threads and --pivots need positive counts");
    std::vector<std::string> wanted;
    for (std::size_t at = 0; at <= operations.size();) {
        const auto comma = std::min(operations.find(',', at), operations.size());
        wanted.push_back(operations.substr(at, comma - at));
        at = comma + 1;
    }
    static const std::vector<std::string> known{
        "pagerank", "weak-components", "strong-components", "bfs", "k-core", "betweenness", "sampled-betweenness", "paths", "louvain"};
    for (const auto& w : wanted)
        if (std::find(known.begin(), known.end(), w) == known.end()) usage("unknown operation \"" + w + "\"");
    try {
        std::vector<Row> rows;
        std::unique_ptr<tg::KnowledgeGraph> network;
        rows.push_back(time_it("read edge list", repeat, [&] {
            network.reset(); // so that the peak holds one copy
            network = tg::read_network(options).graph;
            return std::to_string(network->entity_count()) + " nodes, " + std::to_string(network->relation_count()) + " ties";
        }));
        if (network->entity_count() == 0) throw tg::DataError(options.path + " holds no ties: nothing to measure");
        std::unique_ptr<tg::GraphSnapshot> snapshot;
        rows.push_back(time_it("build snapshot", repeat, [&] {
            snapshot.reset();
            snapshot = std::make_unique<tg::GraphSnapshot>(*network);
            return std::to_string(snapshot->arc_count()) + " arcs";
        }));
        const tg::View view(*snapshot);
        const auto n = static_cast<double>(view.vertex_count());
        const auto top = [&](const tg::Scores& scores) {
            const auto best = std::max_element(scores.begin(), scores.end());
            return "top node " + std::string(network->id_of(static_cast<std::size_t>(best - scores.begin()))) + ", score " +
                   std::to_string(*best);
        };
        const std::map<std::string, std::function<std::string()>> run{
            {"pagerank",
             [&] {
                 std::size_t iterations = 0;
                 tg::IterationOptions iteration;
                 iteration.tolerance = 1e-6 / n; // the option is per vertex
                 iteration.iterations = &iterations;
                 const auto scores = tg::pagerank(view, 0.85, {}, iteration);
                 if (!dump_pagerank.empty()) {
                     // Node order: the snapshot's vertices are the network's nodes in the order read.
                     // The generator's labels are the node numbers 0..n-1.
                     std::vector<double> by_node(network->entity_count(), 0.0);
                     for (std::size_t v = 0; v < scores.size(); ++v) by_node[std::stoull(std::string(network->id_of(v)))] = scores[v];
                     if (FILE* f = std::fopen(dump_pagerank.c_str(), "wb")) {
                         std::fwrite(by_node.data(), sizeof(double), by_node.size(), f);
                         std::fclose(f);
                     }
                 }
                 return std::to_string(iterations) + " iterations, " + top(scores);
             }},
            {"weak-components",
             [&] {
                 const auto c = tg::weak_components(view);
                 return std::to_string(c.size()) + " components, largest " + std::to_string(c.empty() ? 0 : c[0].size());
             }},
            {"strong-components",
             [&] {
                 const auto c = tg::strong_components(view);
                 return std::to_string(c.size()) + " components, largest " + std::to_string(c.empty() ? 0 : c[0].size());
             }},
            {"bfs",
             [&] {
                 const auto level = tg::hop_distances(view, 0, tg::Direction::any);
                 std::size_t reached = 0;
                 std::uint32_t deepest = 0;
                 for (auto l : level)
                     if (l != tg::kUnreached) ++reached, deepest = std::max(deepest, l);
                 return std::to_string(reached) + " reached, depth " + std::to_string(deepest);
             }},
            {"k-core",
             [&] {
                 const auto core = tg::core_numbers(view);
                 return "max core " + std::to_string(*std::max_element(core.begin(), core.end()));
             }},
            {"betweenness",
             [&] {
                 tg::BetweennessOptions b;
                 b.threads = threads;
                 return top(tg::betweenness_centrality(view, b));
             }},
            {"sampled-betweenness",
             [&] {
                 tg::BetweennessOptions b;
                 b.threads = threads;
                 b.samples = std::min<std::size_t>(pivots, view.vertex_count());
                 b.seed = 1;
                 return top(tg::betweenness_centrality(view, b));
             }},
            {"paths",
             [&] {
                 const auto count = static_cast<std::uint64_t>(view.vertex_count());
                 std::size_t found = 0, hops = 0;
                 for (std::uint64_t i = 0; i < pairs; ++i) {
                     const auto s = static_cast<tg::Vertex32>((7919 * i + 13) % count);
                     const auto t = static_cast<tg::Vertex32>((104729 * i + 71) % count);
                     const auto path = tg::shortest_paths(view, s, t, {});
                     if (!path.empty()) ++found, hops += path[0].hops.size();
                 }
                 return std::to_string(found) + " of " + std::to_string(pairs) + " found, " + std::to_string(hops) + " hops in all";
             }},
            {"louvain",
             [&] {
                 tg::LouvainOptions l;
                 l.seed = 1;
                 const auto partition = tg::louvain(view, l);
                 const auto communities = tg::communities_of(partition);
                 return std::to_string(communities.size()) + " communities, modularity " + std::to_string(tg::modularity(view, partition));
             }},
        };
        for (const auto& w : wanted) rows.push_back(time_it(w, repeat, run.at(w)));
        if (json) {
            std::printf("{\"file\": \"%s\", \"repeat\": %d, \"results\": [", options.path.c_str(), repeat);
            for (std::size_t i = 0; i < rows.size(); ++i)
                std::printf("%s{\"operation\": \"%s\", \"seconds\": %.4f, \"peak_mb\": %.1f, \"result\": \"%s\"}", i ? ", " : "",
                            rows[i].operation.c_str(), rows[i].seconds, rows[i].peak_mb, rows[i].result.c_str());
            std::printf("]}\n");
        } else {
            std::printf("%-30s %10s %12s  %s\n", "operation", "seconds", "peak MB", "result");
            for (const auto& r : rows)
                std::printf("%-30s %10.3f %12.1f  %s\n", r.operation.c_str(), r.seconds, r.peak_mb, r.result.c_str());
        }
    } catch (const tg::DataError& e) {
        for (const auto& d : e.diagnostics()) std::fputs(tg::format_diagnostic(d).c_str(), stderr);
        if (e.diagnostics().empty()) std::fprintf(stderr, "bench_scale: %s\n", e.what());
        return 1;
    } catch (const tg::Error& e) {
        std::fprintf(stderr, "bench_scale: %s\n", e.what());
        return 1;
    }
    return 0;
}
