// The query language's lexer, parser and binder on the bundled graph-data, as `query` runs
// them before anything executes.
#include "fuzz_support.hpp"

#include "core/source_text.hpp"
#include "io/graph_data_loader.hpp"
#include "query/binder.hpp"
#include "query/parser.hpp"

#include <memory>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const tg::KnowledgeGraph graph = tg::load_graph_data(tg::fuzz::source_dir() + "/graph-data");
    auto source = std::make_shared<tg::SourceText>("input.tgq", std::string(tg::fuzz::bytes_of(data, size)));
    tg::fuzz::expect_answer_or_user_error([&] {
        std::vector<tg::Diagnostic> diagnostics;
        tg::query::QueryFile file;
        (void)tg::query::compile_query(source, graph, diagnostics, file);
    });
    return 0;
}
