#include "core/output.hpp"
#include "io/json_writer.hpp"
#include "query/result_writer_parts.hpp"

namespace tg::query {

std::string write_summary(const KnowledgeGraph& graph, const SummaryFound& found, OutputFormat format) {
    const auto& s = found.summary;
    const auto& origin = found.origin;
    const bool network = origin.network();
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object();
        json.key("origin").begin_object();
        json.key("kind").value(network ? "input" : "graph-data").key("path").value(origin.path);
        if (network) json.key("format").value(origin.format);
        json.end_object();
        json.key("entities").value(s.entities).key("relations").value(s.relations);
        json.key("directed").value(s.directed).key("density").value(s.density);
        json.key("components").value(s.components).key("largest_component").value(s.largest_component);
        json.key("isolates").value(s.isolates).key("self_loops").value(s.self_loops);
        if (network) json.key("merged_ties").value(origin.merged_ties);
        const auto counts = [&](const char* key, const std::vector<std::pair<std::string, std::size_t>>& list) {
            json.key(key).begin_object();
            for (const auto& [name, n] : list) json.key(name).value(n);
            json.end_object();
        };
        counts("kinds", s.by_kind);
        counts("relation_types", s.by_relation_type);
        counts("domains", s.by_domain);
        json.key("sources").begin_array();
        for (const auto& source : graph.sources()) {
            json.begin_object().key("id").value(source.id).key("title").value(source.title);
            json.key("file").value(source.file).key("sections").value(source.sections.size()).end_object();
        }
        json.end_array().end_object();
        return json.str();
    }
    if (format == OutputFormat::csv) {
        std::string out = csv_row({"group", "name", "value"});
        out += csv_row({"graph", "entities", std::to_string(s.entities)});
        out += csv_row({"graph", "relations", std::to_string(s.relations)});
        out += csv_row({"graph", "directed", s.directed ? "true" : "false"});
        out += csv_row({"graph", "density", format_exact(s.density)});
        out += csv_row({"graph", "components", std::to_string(s.components)});
        out += csv_row({"graph", "largest_component", std::to_string(s.largest_component)});
        out += csv_row({"graph", "isolates", std::to_string(s.isolates)});
        out += csv_row({"graph", "self_loops", std::to_string(s.self_loops)});
        for (const auto& [name, n] : s.by_kind) out += csv_row({"kind", name, std::to_string(n)});
        for (const auto& [name, n] : s.by_relation_type) out += csv_row({"relation_type", name, std::to_string(n)});
        for (const auto& [name, n] : s.by_domain) out += csv_row({"domain", name, std::to_string(n)});
        return out;
    }

    std::string out;
    out += (network ? "network " : "graph-data at ") + origin.path;
    if (network) out += std::string(" (") + origin.format + ", " + (s.directed ? "directed" : "undirected") + ")";
    out += "\n\n";
    const char* node_word = network ? "nodes" : "entities";
    const char* edge_word = network ? "edges" : "relations";
    TextTable totals;
    totals.add({node_word, std::to_string(s.entities)});
    totals.add({edge_word, std::to_string(s.relations)});
    totals.add({"density", format_number(s.density, 4)});
    totals.add({"components", std::to_string(s.components) + " (largest: " + std::to_string(s.largest_component) + " " + node_word + ")"});
    totals.add({"isolates", std::to_string(s.isolates)});
    if (s.self_loops) totals.add({"self-loops", std::to_string(s.self_loops)});
    out += totals.str();
    const auto& ontology = graph.ontology();
    if (!network) {
        out += "\nkinds\n";
        TextTable kinds;
        for (const auto& [id, n] : s.by_kind) kinds.add({ontology.kind(id)->label, std::to_string(n)});
        out += kinds.str("  ");
        out += "\nrelation types\n";
        TextTable types;
        for (const auto& [id, n] : s.by_relation_type) types.add({ontology.relation_type(id)->label, std::to_string(n)});
        out += types.str("  ");
        if (!s.by_domain.empty()) {
            out += "\nthreat domains (actors)\n";
            TextTable domains;
            for (const auto& [id, n] : s.by_domain) domains.add({ontology.domain(id)->label, std::to_string(n)});
            out += domains.str("  ");
        }
        out += "\nsources\n";
        TextTable sources;
        for (const auto& source : graph.sources())
            sources.add({source.id, source.title + " (" + std::to_string(source.sections.size()) + " sections)"});
        out += sources.str("  ");
    }
    return out;
}

} // namespace tg::query
