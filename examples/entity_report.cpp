// Everything the CLI does, a C++ program can do through the library. This one loads a
// graph-data folder, resolves a name the way `threatgraph show` does, and prints who the
// entity is linked to and why, strongest evidence first.
//
//   example_entity_report graph-data "Mara Salvatrucha"
#include "core/error.hpp"
#include "io/graph_data_loader.hpp"

#include <algorithm>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: example_entity_report GRAPH_DATA_DIR NAME\n";
        return 2;
    }
    try {
        const tg::KnowledgeGraph graph = tg::load_graph_data(argv[1]);
        const auto index = graph.resolve(argv[2]);
        const auto entity = graph.entity(index);
        std::cout << entity.name() << " (" << entity.kind() << ")\n";

        struct Link {
            double confidence;
            std::string text;
        };
        std::vector<Link> links;
        for (auto r : graph.out_relations(index)) {
            const auto relation = graph.relation(r);
            links.push_back({relation.confidence(), relation.type() + " -> " + std::string(graph.entity(graph.target_of(r)).name()) + ": " +
                                                        relation.evidence().front().paraphrase});
        }
        for (auto r : graph.in_relations(index)) {
            const auto relation = graph.relation(r);
            links.push_back({relation.confidence(), relation.type() + " <- " + std::string(graph.entity(graph.source_of(r)).name()) + ": " +
                                                        relation.evidence().front().paraphrase});
        }
        std::stable_sort(links.begin(), links.end(), [](const Link& a, const Link& b) { return a.confidence > b.confidence; });
        for (const auto& link : links) std::cout << "  " << link.confidence << "  " << link.text << "\n";
        return 0;
    } catch (const tg::DataError& e) {
        for (const auto& d : e.diagnostics()) std::cerr << tg::format_diagnostic(d);
        std::cerr << "error: " << e.what() << "\n";
        if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << "\n";
        return 1;
    } catch (const tg::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 3;
    }
}
