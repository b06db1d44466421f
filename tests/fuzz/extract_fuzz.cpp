// The extractor on a report: names known to the bundled graph-data, new names, abbreviations,
// relation cues, routes, shared heads and references.
#include "fuzz_support.hpp"

#include "extract/candidates.hpp"
#include "io/graph_data_loader.hpp"
#include "io/relation_cues_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto dir = tg::fuzz::source_dir() + "/graph-data";
    static const tg::KnowledgeGraph graph = tg::load_graph_data(dir);
    static const auto cues = tg::read_relation_cues(dir + "/relation-cues.json", dir + "/schema/graph-data.schema.json", graph.ontology());
    tg::fuzz::expect_answer_or_user_error([&] { (void)tg::extract_candidates(tg::fuzz::bytes_of(data, size), "report.txt", graph, cues); });
    return 0;
}
