#include "io/neo4j_writer.hpp"

#include "io/property_columns.hpp"

#include <cstdio>

namespace tg {

namespace {

const char* csv_type(PropertyType type) {
    switch (type) {
        case PropertyType::number:
            return ":double";
        case PropertyType::integer:
            return ":long";
        case PropertyType::boolean:
            return ":boolean";
        case PropertyType::text:
            return ":string";
    }
    return ":string";
}

// Text is always quoted, so that an empty text stays apart from a missing one.
std::string csv_quoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_cell(const PropertyColumn& column, const PropertyCell& cell) {
    if (!cell) return "";
    const auto text = property_text(column.type, *cell);
    return column.type == PropertyType::text ? csv_quoted(text) : text;
}

// Entity, then the kind and its ancestors.
std::vector<std::string> kind_labels(const KnowledgeGraph& graph, const std::string& kind) {
    std::vector<std::string> labels{"Entity"};
    const auto lineage = graph.ontology().lineage(kind);
    labels.insert(labels.end(), lineage.begin(), lineage.end());
    if (lineage.empty()) labels.push_back(kind);
    return labels;
}

std::string cypher_name(const std::string& name) {
    std::string out = "`";
    for (const char c : name) {
        if (c == '`') out += '`';
        out += c;
    }
    return out + "`";
}

std::string cypher_string(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\'':
                out += "\\'";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char code[8];
                    std::snprintf(code, sizeof code, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += code;
                } else {
                    out += c;
                }
        }
    }
    return out + "'";
}

std::string cypher_list(Span<std::string> items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + cypher_string(items[i]);
    return out + "]";
}

// `{id: '...', name: '...', ...}` from a table row; aliases and domains as lists.
std::string cypher_map(std::string_view id, const PropertyTable& table, std::size_t row, const EntityRef* entity) {
    std::string out = "{id: " + cypher_string(id);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const auto& column = table.columns[c];
        const auto& cell = table.rows[row][c];
        if (!cell || (!entity && column.name == "type")) continue; // a relation's type is its relationship type
        out += ", " + cypher_name(column.name) + ": ";
        if (entity && column.name == "aliases")
            out += cypher_list(entity->aliases());
        else if (entity && column.name == "domains")
            out += cypher_list(entity->domains());
        else if (column.type == PropertyType::text)
            out += cypher_string(property_text(column.type, *cell));
        else
            out += property_text(column.type, *cell);
    }
    return out + "}";
}

} // namespace

Neo4jCsv write_neo4j_csv(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities,
                         const std::vector<RelationIndex>& relations) {
    const auto nodes = entity_properties(graph, entities);
    const auto edges = relation_properties(graph, relations);
    Neo4jCsv out;
    out.entities = "id:ID,:LABEL";
    for (const auto& column : nodes.columns) out.entities += "," + csv_quoted(column.name + csv_type(column.type));
    out.entities += "\n";
    for (std::size_t row = 0; row < entities.size(); ++row) {
        const auto& e = graph.entity(entities[row]);
        std::string labels;
        for (const auto& label : kind_labels(graph, e.kind())) labels += (labels.empty() ? "" : ";") + label;
        out.entities += csv_quoted(e.id()) + "," + csv_quoted(labels);
        for (std::size_t c = 0; c < nodes.columns.size(); ++c) out.entities += "," + csv_cell(nodes.columns[c], nodes.rows[row][c]);
        out.entities += "\n";
    }
    out.relations = ":START_ID,:END_ID,:TYPE,id:string";
    for (const auto& column : edges.columns)
        if (column.name != "type") out.relations += "," + csv_quoted(column.name + csv_type(column.type));
    out.relations += "\n";
    for (std::size_t row = 0; row < relations.size(); ++row) {
        const auto& r = graph.relation(relations[row]);
        out.relations += csv_quoted(r.source()) + "," + csv_quoted(r.target()) + "," + csv_quoted(r.type()) + "," + csv_quoted(r.id());
        for (std::size_t c = 0; c < edges.columns.size(); ++c)
            if (edges.columns[c].name != "type") out.relations += "," + csv_cell(edges.columns[c], edges.rows[row][c]);
        out.relations += "\n";
    }
    return out;
}

std::string write_cypher(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities,
                         const std::vector<RelationIndex>& relations) {
    const auto nodes = entity_properties(graph, entities);
    const auto edges = relation_properties(graph, relations);
    std::string out = "// threatgraph export: " + std::to_string(entities.size()) + " entities, " + std::to_string(relations.size()) +
                      " relations. Load with: cypher-shell -f FILE\n"
                      "CREATE CONSTRAINT threatgraph_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n";
    for (std::size_t row = 0; row < entities.size(); ++row) {
        const auto& e = graph.entity(entities[row]);
        std::string labels;
        for (const auto& label : kind_labels(graph, e.kind())) labels += ":" + cypher_name(label);
        out += "CREATE (" + labels + " " + cypher_map(e.id(), nodes, row, &e) + ");\n";
    }
    for (std::size_t row = 0; row < relations.size(); ++row) {
        const auto& r = graph.relation(relations[row]);
        out += "MATCH (a:Entity {id: " + cypher_string(r.source()) + "}), (b:Entity {id: " + cypher_string(r.target()) +
               "}) CREATE (a)-[:" + cypher_name(r.type()) + " " + cypher_map(r.id(), edges, row, nullptr) + "]->(b);\n";
    }
    return out;
}

} // namespace tg
