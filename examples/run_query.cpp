// A query run from C++ with no command line: the statements are parsed and bound against the
// graph, the executor runs them and returns typed results, and the program reads the numbers
// itself (a ranking's scores, a path's chain confidence) or has the result writer print them as
// the CLI would. RENDER and EXPORT write under the output folder, drawn by Graphviz.
//
//   example_run_query graph-data 'CENTRALITY betweenness TOP 3' 'PATHS FROM "FARC" TO "Hezbollah"'
#include "core/error.hpp"
#include "io/graph_data_loader.hpp"
#include "query/binder.hpp"
#include "query/executor.hpp"
#include "query/result_writer.hpp"
#include "render/graphviz_drawings.hpp"

#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>
#include <type_traits>
#include <variant>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: example_run_query GRAPH_DATA_DIR STATEMENT...\n";
        return 2;
    }
    try {
        const tg::KnowledgeGraph graph = tg::load_graph_data(argv[1]);
        tg::query::ExecutorSetup setup;
        setup.origin.path = argv[1];
        setup.output_folder = "out";
        setup.drawings = tg::graphviz_drawings();
        tg::query::Executor executor(graph, setup);
        for (int i = 2; i < argc; ++i) {
            std::vector<tg::Diagnostic> diagnostics;
            tg::query::QueryFile parsed;
            const auto source = std::make_shared<tg::SourceText>("statement " + std::to_string(i - 1), argv[i]);
            const auto bound = tg::query::compile_query(source, graph, diagnostics, parsed, executor.selection_names());
            for (const auto& d : diagnostics) std::cerr << tg::format_diagnostic(d);
            if (tg::count_errors(diagnostics) > 0) return 1;
            for (const auto& statement : bound.statements) {
                const auto result = executor.run(statement);
                std::visit(
                    [&](const auto& found) {
                        using Found = std::decay_t<decltype(found)>;
                        if constexpr (std::is_same_v<Found, tg::query::RankingFound>) {
                            std::cout << found.measure << ", highest first:\n";
                            for (const auto& row : found.rows)
                                std::cout << "  " << std::fixed << std::setprecision(4) << row.score << "  " << row.id << "\n";
                        } else if constexpr (std::is_same_v<Found, tg::query::PathsFound>) {
                            for (const auto& path : found.paths) {
                                std::cout << "chain confidence " << std::setprecision(3) << std::exp(-path.cost) << ":";
                                for (auto v : path.vertices) std::cout << " " << graph.entity(v).id();
                                std::cout << "\n";
                            }
                        } else {
                            std::cout << tg::query::write_result(graph, result, tg::OutputFormat::text);
                        }
                    },
                    result);
            }
        }
    } catch (const tg::Error& e) {
        std::cerr << "example_run_query: " << e.what() << "\n";
        if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << "\n";
        return 1;
    }
    return 0;
}
