#include "query/result_writer.hpp"

#include "io/json_writer.hpp"

namespace tg::query {

namespace {

std::string write(const KnowledgeGraph&, const SelectionMade& made, OutputFormat format) {
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("selection").value(made.name).key("entities").value(made.entities).key("relations").value(made.relations).end_object();
        return json.str();
    }
    if (format == OutputFormat::csv)
        return csv_row({"selection", "entities", "relations"}) + csv_row({made.name, std::to_string(made.entities), std::to_string(made.relations)});
    return "selection " + made.name + ": " + count_of(made.entities, "entity") + ", " + count_of(made.relations, "relation") + "\n";
}

std::string write(const KnowledgeGraph& graph, const EntitiesFound& found, OutputFormat format) {
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("entities").begin_array();
        for (auto e : found.entities)
            json.begin_object().key("id").value(graph.entity(e).id()).key("name").value(graph.entity(e).name()).key("kind").value(graph.entity(e).kind()).end_object();
        json.end_array().end_object();
        return json.str();
    }
    if (format == OutputFormat::csv) {
        std::string out = csv_row({"id", "name", "kind"});
        for (auto e : found.entities) out += csv_row({std::string(graph.entity(e).id()), std::string(graph.entity(e).name()), graph.entity(e).kind()});
        return out;
    }
    if (found.entities.empty()) return "no entity matches\n";
    TextTable table({"id", "name", "kind"});
    for (auto e : found.entities) {
        const auto* kind = graph.ontology().kind(graph.entity(e).kind());
        table.add({std::string(graph.entity(e).id()), std::string(graph.entity(e).name()), kind && !kind->label.empty() ? kind->label : graph.entity(e).kind()});
    }
    return table.str() + count_of(found.entities.size(), "entity") + "\n";
}

} // namespace

std::string write_result(const KnowledgeGraph& graph, const StatementResult& result, OutputFormat format) {
    return std::visit([&](const auto& r) { return write(graph, r, format); }, result);
}

} // namespace tg::query
