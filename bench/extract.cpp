// Throughput of the whole extractor (sentences, abbreviations, gazetteer, new names,
// descriptions, cue and co-occurrence relations, candidates with evidence) with a graph of N
// entities (default 10,000: graph-data's own plus made-up ones of every kind), over a text
// repeated to at least M megabytes. With --one-sentence every stop and line break becomes a
// space: the whole text is one sentence of one paragraph, the case that must not cost more per
// name than a real text (no work quadratic in a sentence's names). The places of the world are
// those the CLI gives extract: iso-codes' countries when installed, and the city list.
//   bench_extract TEXT_FILE [--entities N] [--megabytes M] [--data DIR] [--one-sentence]
#include "extract/candidates.hpp"
#include "extract/world_places.hpp"
#include "io/graph_data_loader.hpp"
#include "io/iso_countries.hpp"
#include "io/relation_cues_reader.hpp"
#include "io/text_file.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

namespace {

// Peak resident memory of this process, in MB (Linux).
double peak_megabytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::string file, data = "graph-data";
    std::size_t entities = 10000, megabytes = 20;
    bool one_sentence = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--entities" && i + 1 < argc)
            entities = std::strtoul(argv[++i], nullptr, 10);
        else if (a == "--megabytes" && i + 1 < argc)
            megabytes = std::strtoul(argv[++i], nullptr, 10);
        else if (a == "--data" && i + 1 < argc)
            data = argv[++i];
        else if (a == "--one-sentence")
            one_sentence = true;
        else
            file = a;
    }
    if (file.empty()) {
        std::fprintf(stderr, "usage: bench_extract TEXT_FILE [--entities N] [--megabytes M] [--data DIR] [--one-sentence]\n");
        return 2;
    }
    try {
        auto graph = tg::load_graph_data(data);
        const auto cues = tg::read_relation_cues(data + "/relation-cues.json", data + "/schema/graph-data.schema.json", graph.ontology());
        static const char* const words[] = {"National",    "Security", "Force", "Ministry", "Border",   "Police", "Command", "Agency",
                                            "Strategy",    "Regional", "Coast", "Guard",    "Maritime", "Naval",  "Defense", "Office",
                                            "Directorate", "Service",  "Joint", "Task",     "Unit",     "Cartel", "Front",   "Gang"};
        static const char* const kinds[] = {"government_agency", "initiative", "criminal_organization", "gang", "city", "organization"};
        std::mt19937_64 random(1);
        const tg::Evidence made_up{
            graph.sources().front().id, graph.sources().front().sections.front().id, 0, 1, "Made up for the benchmark.", {}, {}, {}};
        for (std::size_t n = 0; graph.entity_count() < entities; ++n) {
            std::string name;
            const auto count = 2 + random() % 4;
            for (std::size_t w = 0; w < count; ++w)
                name += (w ? " " : "") + std::string(words[random() % 24]) + std::to_string(random() % 1000);
            tg::Entity e{"made_up_" + std::to_string(n), kinds[random() % 6], name, {}, {}, {}, {made_up}, {}};
            graph.add_entity(std::move(e));
        }
        const auto one = tg::read_file(file);
        std::string text;
        while (text.size() < megabytes * 1000000) text += one + "\n\n";
        if (one_sentence)
            for (auto& c : text)
                if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r') c = ' ';
        std::vector<tg::WorldPlace> world;
        if (std::ifstream(tg::kIsoCountriesJson)) world = tg::read_iso_countries(tg::kIsoCountriesJson, tg::kIsoCountriesSpanish);
        const auto cities = tg::major_cities();
        world.insert(world.end(), cities.begin(), cities.end());
        const auto start = std::chrono::steady_clock::now();
        const auto candidates = tg::extract_candidates(text, "bench.txt", graph, cues, world);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("%zu entities known; %.1f MB of text in %.3f s: %.1f MB/s; %zu sentences, %zu entity and %zu relation candidates; "
                    "peak %.0f MB\n",
                    graph.entity_count(), text.size() / 1e6, seconds, text.size() / 1e6 / seconds, candidates.sentence_count,
                    candidates.entities.size(), candidates.relations.size(), peak_megabytes());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_extract: %s\n", e.what());
        return 1;
    }
    return 0;
}
