#include "io/graphml_writer.hpp"

#include "io/property_columns.hpp"
#include "io/xml_text.hpp"

namespace tg {

namespace {

void declare_keys(std::string& out, const PropertyTable& table, const char* domain, const char* prefix) {
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        out += std::string("  <key id=\"") + prefix + std::to_string(c) + "\" for=\"" + domain + "\" attr.name=\"" +
               xml_escaped(table.columns[c].name, "a property name") + "\" attr.type=\"" + xml_type_name(table.columns[c].type) + "\"/>\n";
}

void write_data(std::string& out, const PropertyTable& table, std::size_t row, const char* prefix, const std::string& owner) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const auto& cell = table.rows[row][c];
        if (!cell) continue;
        out += std::string("      <data key=\"") + prefix + std::to_string(c) + "\">" +
               xml_escaped(property_text(table.columns[c].type, *cell), owner + " property \"" + table.columns[c].name + "\"") +
               "</data>\n";
    }
}

} // namespace

std::string write_graphml(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities,
                          const std::vector<RelationIndex>& relations) {
    const auto nodes = entity_properties(graph, entities);
    const auto edges = relation_properties(graph, relations);
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        "  <key id=\"g0\" for=\"graph\" attr.name=\"producer\" attr.type=\"string\"/>\n"
        "  <key id=\"g1\" for=\"graph\" attr.name=\"sources\" attr.type=\"string\"/>\n";
    declare_keys(out, nodes, "node", "n");
    declare_keys(out, edges, "edge", "e");
    std::string sources = "[";
    for (const auto& s : graph.sources()) sources += (sources.size() > 1 ? ",\"" : "\"") + s.id + "\"";
    sources += "]";
    out += std::string("  <graph id=\"threatgraph\" edgedefault=\"") + (graph.directed() ? "directed" : "undirected") + "\">\n";
    out += "    <data key=\"g0\">threatgraph</data>\n    <data key=\"g1\">" + xml_escaped(sources, "the source ids") + "</data>\n";
    for (std::size_t row = 0; row < entities.size(); ++row) {
        const auto& e = graph.entity(entities[row]);
        out += "    <node id=\"" + xml_escaped(e.id(), "an entity id") + "\">\n";
        write_data(out, nodes, row, "n", "entity \"" + std::string(e.id()) + "\"");
        out += "    </node>\n";
    }
    for (std::size_t row = 0; row < relations.size(); ++row) {
        const auto& r = graph.relation(relations[row]);
        out += "    <edge id=\"" + xml_escaped(r.id(), "a relation id") + "\" source=\"" + xml_escaped(r.source(), "an entity id") +
               "\" target=\"" + xml_escaped(r.target(), "an entity id") + "\">\n";
        write_data(out, edges, row, "e", "relation \"" + r.id() + "\"");
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

} // namespace tg
