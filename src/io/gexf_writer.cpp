#include "io/gexf_writer.hpp"

#include "io/property_columns.hpp"
#include "io/xml_text.hpp"

#include <cstdlib>

namespace tg {

std::string spell_date(const std::string& date, bool end) {
    if (date.size() == 4) return date + (end ? "-12-31" : "-01-01");
    if (date.size() == 7) {
        if (!end) return date + "-01";
        const int year = std::atoi(date.substr(0, 4).c_str());
        const int month = std::atoi(date.substr(5, 2).c_str());
        static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        const int last = month == 2 && leap ? 29 : days[(month + 11) % 12];
        return date + "-" + std::to_string(last);
    }
    return date;
}

namespace {

void declare(std::string& out, const PropertyTable& table, const char* element_class, const char* prefix) {
    out += std::string("    <attributes class=\"") + element_class + "\" mode=\"static\">\n";
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        out += std::string("      <attribute id=\"") + prefix + std::to_string(c) + "\" title=\"" +
               xml_escaped(table.columns[c].name, "a property name") + "\" type=\"" + xml_type_name(table.columns[c].type) + "\"/>\n";
    out += "    </attributes>\n";
}

void write_values(std::string& out, const PropertyTable& table, std::size_t row, const char* prefix, const std::string& owner) {
    out += "        <attvalues>\n";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const auto& cell = table.rows[row][c];
        if (!cell) continue;
        out += std::string("          <attvalue for=\"") + prefix + std::to_string(c) + "\" value=\"" +
               xml_escaped(property_text(table.columns[c].type, *cell), owner + " property \"" + table.columns[c].name + "\"") + "\"/>\n";
    }
    out += "        </attvalues>\n";
}

std::string rgb(const std::string& hex) {
    const auto channel = [&](std::size_t at) { return std::to_string(std::strtol(hex.substr(at, 2).c_str(), nullptr, 16)); };
    return "r=\"" + channel(1) + "\" g=\"" + channel(3) + "\" b=\"" + channel(5) + "\"";
}

} // namespace

std::string write_gexf(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities, const std::vector<RelationIndex>& relations) {
    const auto nodes = entity_properties(graph, entities);
    const auto edges = relation_properties(graph, relations);
    bool dynamic = false;
    for (auto r : relations) dynamic = dynamic || graph.relation(r).period() != nullptr;
    // GEXF 1.2: the version both Gephi and NetworkX (up to 1.2) read.
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
                      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                      "      xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
                      "  <meta>\n    <creator>threatgraph</creator>\n  </meta>\n";
    out += std::string("  <graph defaultedgetype=\"") + (graph.directed() ? "directed" : "undirected") + "\" mode=\"" +
           (dynamic ? "dynamic\" timeformat=\"date\"" : "static\"") + ">\n";
    declare(out, nodes, "node", "n");
    declare(out, edges, "edge", "e");
    out += "    <nodes>\n";
    for (std::size_t row = 0; row < entities.size(); ++row) {
        const auto& e = graph.entity(entities[row]);
        const std::string owner = "entity \"" + std::string(e.id()) + "\"";
        out += "      <node id=\"" + xml_escaped(e.id(), "an entity id") + "\" label=\"" + xml_escaped(e.name(), owner + " name") + "\">\n";
        write_values(out, nodes, row, "n", owner);
        if (const auto* look = graph.ontology().drawn_kind(e.kind()); look && look->color.size() == 7)
            out += "        <viz:color " + rgb(look->color) + "/>\n";
        out += "      </node>\n";
    }
    out += "    </nodes>\n    <edges>\n";
    for (std::size_t row = 0; row < relations.size(); ++row) {
        const auto& r = graph.relation(relations[row]);
        const auto* type = graph.ontology().relation_type(r.type());
        const std::string owner = "relation \"" + r.id() + "\"";
        out += "      <edge id=\"" + xml_escaped(r.id(), "a relation id") + "\" source=\"" + xml_escaped(r.source(), owner + " source") +
               "\" target=\"" + xml_escaped(r.target(), owner + " target") + "\" label=\"" +
               xml_escaped(type && !type->label.empty() ? type->label : r.type(), owner + " label") + "\" weight=\"" +
               round_trip_number(relation_weight(graph, relations[row])) + "\">\n";
        write_values(out, edges, row, "e", owner);
        if (r.period()) {
            out += "        <spells>\n          <spell";
            if (!r.period()->from.empty()) out += " start=\"" + spell_date(r.period()->from, false) + "\"";
            if (!r.period()->to.empty()) out += " end=\"" + spell_date(r.period()->to, true) + "\"";
            out += "/>\n        </spells>\n";
        }
        out += "      </edge>\n";
    }
    out += "    </edges>\n  </graph>\n</gexf>\n";
    return out;
}

} // namespace tg
