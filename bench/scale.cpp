// The engine at scale: reads a large edge list with the lean reader, builds the snapshot, and
// times PageRank, weak and strong components, a full breadth-first search and k-cores on it,
// printing seconds (the median of --repeat runs) and the process's peak memory.
//
//   bench_scale EDGELIST [--undirected] [--repeat N] [--format text|json]
#include "analysis/centrality.hpp"
#include "analysis/paths.hpp"
#include "analysis/structure.hpp"
#include "core/diagnostic.hpp"
#include "core/error.hpp"
#include "io/plain_network_reader.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
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
    std::fprintf(stderr, "bench_scale: %s\nusage: bench_scale EDGELIST [--undirected] [--repeat N] [--format text|json]\n", problem.c_str());
    std::exit(2);
}

} // namespace

int main(int argc, char** argv) {
    tg::NetworkOptions options;
    int repeat = 3;
    bool json = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--undirected") options.undirected = true;
        else if (arg == "--repeat" && i + 1 < argc) repeat = std::atoi(argv[++i]);
        else if (arg == "--format" && i + 1 < argc) json = std::string(argv[++i]) == "json";
        else if (!arg.empty() && arg[0] != '-' && options.path.empty()) options.path = arg;
        else usage("unexpected argument \"" + arg + "\"");
    }
    if (options.path.empty()) usage("no edge list given");
    if (repeat < 1) usage("--repeat needs a positive count");
    try {
        std::vector<Row> rows;
        tg::PlainNetwork network;
        rows.push_back(time_it("read edge list", repeat, [&] {
            network = {}; // so that the peak holds one copy
            network = tg::read_plain_edge_list(options).network;
            return std::to_string(network.node_count()) + " nodes, " + std::to_string(network.tie_count()) + " ties";
        }));
        if (network.node_count() == 0) throw tg::DataError(options.path + " holds no ties: nothing to measure");
        std::unique_ptr<tg::GraphSnapshot> snapshot;
        rows.push_back(time_it("build snapshot", repeat, [&] {
            snapshot.reset();
            snapshot = std::make_unique<tg::GraphSnapshot>(network);
            return std::to_string(snapshot->arc_count()) + " arcs";
        }));
        const tg::View view(*snapshot);
        const auto n = static_cast<double>(view.vertex_count());
        rows.push_back(time_it("pagerank (L1 change < 1e-6)", repeat, [&] {
            std::size_t iterations = 0;
            tg::IterationOptions iteration;
            iteration.tolerance = 1e-6 / n; // the option is per vertex
            iteration.iterations = &iterations;
            const auto scores = tg::pagerank(view, 0.85, {}, iteration);
            return std::to_string(iterations) + " iterations, top score " + std::to_string(*std::max_element(scores.begin(), scores.end()));
        }));
        rows.push_back(time_it("weak components", repeat, [&] {
            const auto c = tg::weak_components(view);
            return std::to_string(c.size()) + " components, largest " + std::to_string(c.empty() ? 0 : c[0].size());
        }));
        rows.push_back(time_it("strong components", repeat, [&] {
            const auto c = tg::strong_components(view);
            return std::to_string(c.size()) + " components, largest " + std::to_string(c.empty() ? 0 : c[0].size());
        }));
        rows.push_back(time_it("breadth-first search", repeat, [&] {
            const auto level = tg::hop_distances(view, 0, tg::Direction::any);
            std::size_t reached = 0;
            std::uint32_t deepest = 0;
            for (auto l : level)
                if (l != tg::kUnreached) ++reached, deepest = std::max(deepest, l);
            return std::to_string(reached) + " reached, depth " + std::to_string(deepest);
        }));
        rows.push_back(time_it("k-core", repeat, [&] {
            const auto core = tg::core_numbers(view);
            return "max core " + std::to_string(*std::max_element(core.begin(), core.end()));
        }));
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
