// Throughput of the gazetteer: a seeded set of N names (default 10,000: the graph's own names
// plus made-up multi-word ones) matched over a text repeated to at least M megabytes.
//   bench_gazetteer TEXT_FILE [--names N] [--megabytes M] [--data DIR]
#include "extract/gazetteer.hpp"
#include "io/graph_data_loader.hpp"
#include "io/text_file.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

int main(int argc, char** argv) {
    std::string file, data = "graph-data";
    std::size_t names = 10000, megabytes = 20;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--names" && i + 1 < argc)
            names = std::strtoul(argv[++i], nullptr, 10);
        else if (a == "--megabytes" && i + 1 < argc)
            megabytes = std::strtoul(argv[++i], nullptr, 10);
        else if (a == "--data" && i + 1 < argc)
            data = argv[++i];
        else
            file = a;
    }
    if (file.empty()) {
        std::fprintf(stderr, "usage: bench_gazetteer TEXT_FILE [--names N] [--megabytes M] [--data DIR]\n");
        return 2;
    }
    try {
        const auto graph = tg::load_graph_data(data);
        auto gazetteer = tg::Gazetteer::of(graph);
        static const char* const words[] = {"National",    "Security", "Force", "Ministry", "Border",   "Police", "Command", "Agency",
                                            "Strategy",    "Regional", "Coast", "Guard",    "Maritime", "Naval",  "Defense", "Office",
                                            "Directorate", "Service",  "Joint", "Task",     "Unit",     "Cartel", "Front",   "Gang"};
        std::mt19937_64 random(1);
        while (gazetteer.size() < names) {
            std::string name;
            const auto count = 2 + random() % 4;
            for (std::size_t w = 0; w < count; ++w)
                name += (w ? " " : "") + std::string(words[random() % 24]) + std::to_string(random() % 1000);
            gazetteer.add(name, graph.entity_count() + gazetteer.size());
        }
        const auto one = tg::read_file(file);
        std::string text;
        while (text.size() < megabytes * 1000000) text += one;
        auto start = std::chrono::steady_clock::now();
        gazetteer.find("warm up: builds the automaton");
        const double build = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        start = std::chrono::steady_clock::now();
        const auto found = gazetteer.find(text);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("%zu names, automaton built in %.3f s; %.1f MB of text in %.3f s: %.1f MB/s, %zu matches\n", gazetteer.size(), build,
                    text.size() / 1e6, seconds, text.size() / 1e6 / seconds, found.size());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_gazetteer: %s\n", e.what());
        return 1;
    }
    return 0;
}
