// `import`: an export read back (GraphML, node-link JSON, or one file of the CSV pair), with its
// typed properties and the JSON held in its cells. The first byte chooses the format.
#include "fuzz_support.hpp"

#include "io/graph_import.hpp"

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto& dir = tg::fuzz::scratch();
    const auto bytes = tg::fuzz::bytes_of(data + 1, size - 1);
    switch (data[0] % 4) {
        case 0:
            tg::fuzz::write(dir + "/in.graphml", bytes);
            tg::fuzz::expect_answer_or_user_error([&] { (void)tg::import_graph(dir + "/in.graphml"); });
            break;
        case 1:
            tg::fuzz::write(dir + "/in.json", bytes);
            tg::fuzz::expect_answer_or_user_error([&] { (void)tg::import_graph(dir + "/in.json"); });
            break;
        default: {
            // The CSV pair: the input is one of the two files, the other is a minimal valid one.
            std::filesystem::create_directories(dir + "/csv");
            const bool entities = data[0] % 4 == 2;
            tg::fuzz::write(dir + "/csv/entities.csv",
                            entities ? bytes
                                     : "id:ID,:LABEL,\"name:string\",\"kind:string\"\n\"a\",\"Entity;state\",\"A\",\"state\"\n"
                                       "\"b\",\"Entity;state\",\"B\",\"state\"\n");
            tg::fuzz::write(dir + "/csv/relations.csv",
                            entities ? ":START_ID,:END_ID,:TYPE,id:string,\"confidence:double\"\n\"a\",\"b\",\"borders\",\"a-b\",0.9\n"
                                     : bytes);
            tg::fuzz::expect_answer_or_user_error([&] { (void)tg::import_graph(dir + "/csv", tg::ImportFormat::csv); });
        }
    }
    return 0;
}
