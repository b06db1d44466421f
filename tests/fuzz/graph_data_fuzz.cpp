// graph-data's loader on a folder whose one file is the input: the first byte chooses which
// (entities, relations, sources, ontology, relation cues or the schema), the rest is its text.
#include "fuzz_support.hpp"

#include "io/graph_data_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static tg::fuzz::FuzzedFolder folder(
        "tests/data/tiny", "data",
        {"entities.json", "relations.json", "sources.json", "ontology.json", "relation-cues.json", "schema/graph-data.schema.json"});
    folder.with_input(data, size, [&] { (void)tg::check_graph_data(folder.dir()); });
    return 0;
}
