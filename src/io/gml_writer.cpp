#include "io/gml_writer.hpp"

#include "io/property_columns.hpp"

#include <cstdint>
#include <unordered_map>

namespace tg {

namespace {

// A GML string: ASCII (NetworkX reads nothing else), " and & as &quot; and &amp; (which igraph
// reads too), control characters and every character beyond ASCII as &#N;.
std::string gml_string(const std::string& text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c == '"')
                out += "&quot;";
            else if (c == '&')
                out += "&amp;";
            else if (c < 0x20)
                out += "&#" + std::to_string(c) + ";";
            else
                out += static_cast<char>(c);
            ++i;
            continue;
        }
        // A UTF-8 sequence (the graph holds valid UTF-8) as its code point.
        const int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        std::uint32_t point = c & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F);
        for (int k = 1; k < length && i + static_cast<std::size_t>(k) < text.size(); ++k)
            point = (point << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
        out += "&#" + std::to_string(point) + ";";
        i += static_cast<std::size_t>(length);
    }
    return out + "\"";
}

void write_properties(std::string& out, const PropertyTable& table, std::size_t row, const char* indent) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const auto& cell = table.rows[row][c];
        if (!cell) continue;
        out += indent + gml_key(table.columns[c].name) + " ";
        if (std::holds_alternative<double>(*cell))
            out += property_text(table.columns[c].type == PropertyType::integer ? PropertyType::integer : PropertyType::number, *cell);
        else if (std::holds_alternative<bool>(*cell))
            out += std::get<bool>(*cell) ? "1" : "0";
        else
            out += gml_string(std::get<std::string>(*cell));
        out += "\n";
    }
}

} // namespace

std::string gml_key(const std::string& name) {
    std::string key;
    for (const char c : name) key += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
    if (key.empty() || std::isdigit(static_cast<unsigned char>(key[0]))) key = "_" + key;
    return key;
}

std::string write_gml(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities, const std::vector<RelationIndex>& relations) {
    const auto nodes = entity_properties(graph, entities);
    const auto edges = relation_properties(graph, relations);
    std::string out = "graph [\n  directed " + std::string(graph.directed() ? "1" : "0") + "\n  multigraph 1\n";
    std::unordered_map<EntityIndex, std::size_t> number;
    for (std::size_t row = 0; row < entities.size(); ++row) {
        number[entities[row]] = row;
        out +=
            "  node [\n    id " + std::to_string(row) + "\n    label " + gml_string(std::string(graph.entity(entities[row]).id())) + "\n";
        write_properties(out, nodes, row, "    ");
        out += "  ]\n";
    }
    for (std::size_t row = 0; row < relations.size(); ++row) {
        const auto r = relations[row];
        out += "  edge [\n    source " + std::to_string(number.at(graph.source_of(r))) + "\n    target " +
               std::to_string(number.at(graph.target_of(r))) + "\n    key " + gml_string(graph.relation(r).id()) + "\n";
        write_properties(out, edges, row, "    ");
        out += "  ]\n";
    }
    return out + "]\n";
}

} // namespace tg
