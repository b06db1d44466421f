// A reviewed candidates folder as `build` reads it: the first byte chooses the file (entities,
// relations, sources), the rest is its text; the other two are the tests' reviewed ones.
#include "fuzz_support.hpp"

#include "io/candidates_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static tg::fuzz::FuzzedFolder folder("tests/data/extract/reviewed-es", "candidates",
                                         {"entities.json", "relations.json", "sources.json"});
    static const auto schema = tg::fuzz::source_dir() + "/graph-data/schema/graph-data.schema.json";
    folder.with_input(data, size, [&] { (void)tg::read_candidates(folder.dir(), schema); });
    return 0;
}
