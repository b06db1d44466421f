// Times parse + bind + execute + print of query files on a graph loaded once, through the query
// executor alone (no CLI object), drawing with Graphviz as the CLI does: the median and the
// slowest of --repeat runs per file, against the 50 ms target. Output goes nowhere; files the
// queries write go to a temporary folder.
//   bench_queries [--data DIR] [--repeat N] FILE...
#include "core/error.hpp"
#include "io/graph_data_loader.hpp"
#include "io/text_file.hpp"
#include "query/binder.hpp"
#include "query/executor.hpp"
#include "query/result_writer.hpp"
#include "render/graphviz_drawings.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <unistd.h>

int main(int argc, char** argv) {
    std::string data = "graph-data";
    std::size_t repeat = 20;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--data" && i + 1 < argc)
            data = argv[++i];
        else if (a == "--repeat" && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else
            files.push_back(a);
    }
    if (files.empty()) {
        std::cerr << "usage: bench_queries [--data DIR] [--repeat N] FILE...\n";
        return 2;
    }
    const auto out_dir = std::filesystem::temp_directory_path() / ("tg-bench-queries-" + std::to_string(::getpid()));
    try {
        const auto graph = tg::load_graph_data(data);
        tg::query::ExecutorSetup setup;
        setup.origin.path = data;
        setup.output_folder = out_dir.string();
        setup.drawings = tg::graphviz_drawings();
        std::string sink;
        std::printf("%-34s %10s %10s  %s\n", "query", "median ms", "max ms", "target 50 ms");
        bool all_met = true;
        for (const auto& file : files) {
            std::vector<double> times;
            for (std::size_t r = 0; r < repeat; ++r) {
                const auto start = std::chrono::steady_clock::now();
                std::vector<tg::Diagnostic> diagnostics;
                const auto source = tg::read_text_source(file, diagnostics);
                tg::query::QueryFile parsed;
                const auto bound = tg::query::compile_query(source, graph, diagnostics, parsed);
                if (tg::count_errors(diagnostics) > 0) throw tg::DataError("the query has errors", diagnostics);
                tg::query::Executor executor(graph, setup);
                for (const auto& statement : bound.statements)
                    sink += tg::query::write_result(graph, executor.run(statement), tg::OutputFormat::text);
                times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
                sink.clear();
            }
            std::sort(times.begin(), times.end());
            const double median = times[times.size() / 2];
            all_met = all_met && median < 50;
            std::printf("%-34s %10.2f %10.2f  %s\n", std::filesystem::path(file).filename().c_str(), median, times.back(),
                        median < 50 ? "met" : "MISSED");
        }
        std::printf("%s\n", all_met ? "every query under 50 ms (median)" : "some queries take 50 ms or more");
    } catch (const tg::Error& e) {
        std::cerr << "bench_queries: " << e.what() << "\n";
        std::filesystem::remove_all(out_dir);
        return 1;
    }
    std::filesystem::remove_all(out_dir);
    return 0;
}
