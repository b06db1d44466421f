// Every --input reader: the first byte chooses the format (edge list, CSV, matrix, node-link
// JSON, GraphML, Pajek, GEXF, GML, UCINET DL, DyNetML) and whether the network is undirected, the rest is the file.
#include "fuzz_support.hpp"

#include "io/network_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const tg::NetworkFormat formats[] = {tg::NetworkFormat::edgelist, tg::NetworkFormat::csv,     tg::NetworkFormat::matrix,
                                                tg::NetworkFormat::json,     tg::NetworkFormat::graphml, tg::NetworkFormat::pajek,
                                                tg::NetworkFormat::gexf,     tg::NetworkFormat::gml,     tg::NetworkFormat::ucinet,
                                                tg::NetworkFormat::dynetml};
    constexpr unsigned kFormats = sizeof formats / sizeof formats[0];
    tg::NetworkOptions options;
    options.path = tg::fuzz::scratch() + "/network";
    options.format = formats[data[0] % kFormats];
    options.undirected = (data[0] / kFormats) % 2 == 1;
    options.self_loops = (data[0] / (2 * kFormats)) % 2 == 1 ? tg::SelfLoops::drop : tg::SelfLoops::keep;
    tg::fuzz::write(options.path, tg::fuzz::bytes_of(data + 1, size - 1));
    tg::fuzz::expect_answer_or_user_error([&] { (void)tg::read_network(options); });
    return 0;
}
