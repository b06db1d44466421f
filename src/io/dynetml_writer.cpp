#include "io/dynetml_writer.hpp"

#include "io/property_columns.hpp"
#include "io/xml_text.hpp"

#include <map>
#include <tuple>

namespace tg {

namespace {

// The ORA node type closest to a kind, by the root of its kind tree.
const char* ora_type(const Ontology& ontology, const std::string& kind) {
    static const std::pair<const char*, const char*> by_root[] = {{"person", "Agent"},
                                                                  {"threat_actor", "Organization"},
                                                                  {"organization", "Organization"},
                                                                  {"place", "Location"},
                                                                  {"route", "Location"},
                                                                  {"initiative", "Task"},
                                                                  {"illicit_activity", "Task"},
                                                                  {"commodity", "Resource"},
                                                                  {"infrastructure", "Resource"},
                                                                  {"law", "Knowledge"},
                                                                  {"event", "Event"}};
    for (const auto& [root, type] : by_root)
        if (ontology.is_a(kind, root)) return type;
    return "Agent";
}

// A text attribute of an entity or relation, if it has one.
template <typename Thing>
std::string text_attribute(const Thing& thing, const char* name) {
    if (const auto a = thing.attribute(name); a && std::holds_alternative<std::string>(a->value)) return std::get<std::string>(a->value);
    return {};
}

std::string property(const std::string& id, const char* type, const std::string& value, const char* indent) {
    return std::string(indent) + "  <property id=\"" + id + "\" type=\"" + type + "\" value=\"" + value + "\"/>\n";
}

// <properties> with `first` (properties already written) and the row's cells, or nothing when
// there are none.
void write_properties(std::string& out, const PropertyTable& table, std::size_t row, const std::vector<bool>& skip,
                      const std::string& owner, const char* indent, std::string first = {}) {
    std::string inner = std::move(first);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const auto& cell = table.rows[row][c];
        if (!cell || skip[c]) continue;
        inner += property(xml_escaped(table.columns[c].name, "a property name"), xml_type_name(table.columns[c].type),
                          xml_escaped(property_text(table.columns[c].type, *cell), owner + " property \"" + table.columns[c].name + "\""),
                          indent);
    }
    if (!inner.empty()) out += std::string(indent) + "<properties>\n" + inner + indent + "</properties>\n";
}

std::vector<bool> skipped(const PropertyTable& table, std::initializer_list<const char*> names) {
    std::vector<bool> skip(table.columns.size(), false);
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        for (const char* name : names) skip[c] = skip[c] || table.columns[c].name == name;
    return skip;
}

struct NodeClass {
    std::string type;
    std::vector<std::size_t> rows;
};

} // namespace

std::string write_dynetml(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities,
                          const std::vector<RelationIndex>& relations) {
    const auto nodes = entity_properties(graph, entities);
    const auto links = relation_properties(graph, relations);
    // Node classes in the order their first member comes; each entity's class by its index.
    std::vector<std::string> class_order;
    std::map<std::string, NodeClass> classes;
    std::map<EntityIndex, std::string> class_of;
    for (std::size_t row = 0; row < entities.size(); ++row) {
        const auto& e = graph.entity(entities[row]);
        auto id = text_attribute(e, "nodeclass");
        auto type = text_attribute(e, "nodeclass_type");
        if (id.empty()) id = std::string(e.kind());
        if (type.empty()) type = ora_type(graph.ontology(), std::string(e.kind()));
        auto [at, added] = classes.try_emplace(id, NodeClass{type, {}});
        if (added) class_order.push_back(id);
        at->second.rows.push_back(row);
        class_of[entities[row]] = id;
    }
    // Networks: a relation type (or the network a tie was read from) between two classes.
    using NetworkKey = std::tuple<std::string, std::string, std::string>;
    std::vector<NetworkKey> network_order;
    std::map<NetworkKey, std::vector<std::size_t>> networks;
    std::map<std::string, std::size_t> names_used;
    for (std::size_t row = 0; row < relations.size(); ++row) {
        const auto& r = graph.relation(relations[row]);
        auto name = text_attribute(r, "network");
        if (name.empty()) name = r.type();
        NetworkKey key{name, class_of.at(graph.source_of(relations[row])), class_of.at(graph.target_of(relations[row]))};
        auto [at, added] = networks.try_emplace(key);
        if (added) network_order.push_back(key), ++names_used[name];
        at->second.push_back(row);
    }

    const auto node_skip = skipped(nodes, {"name", "nodeclass", "nodeclass_type"});
    const auto link_skip = skipped(links, {"network"});
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<DynamicMetaNetwork id=\"threatgraph\">\n"
                      "  <MetaNetwork id=\"threatgraph\">\n"
                      "    <nodes>\n";
    for (const auto& id : class_order) {
        const auto& cls = classes.at(id);
        out += "      <nodeclass type=\"" + xml_escaped(cls.type, "a node class type") + "\" id=\"" + xml_escaped(id, "a node class") +
               "\">\n";
        for (const auto row : cls.rows) {
            const auto& e = graph.entity(entities[row]);
            const std::string owner = "entity \"" + std::string(e.id()) + "\"";
            out +=
                "        <node id=\"" + xml_escaped(e.id(), "an entity id") + "\" title=\"" + xml_escaped(e.name(), owner + " name") + "\"";
            std::string properties;
            write_properties(properties, nodes, row, node_skip, owner, "          ");
            out += properties.empty() ? "/>\n" : ">\n" + properties + "        </node>\n";
        }
        out += "      </nodeclass>\n";
    }
    out += "    </nodes>\n    <networks>\n";
    for (const auto& key : network_order) {
        const auto& [name, from, to] = key;
        // A network's id is its name, with its classes when the name joins several pairs.
        const auto id = names_used.at(name) > 1 ? name + " (" + from + " x " + to + ")" : name;
        out += "      <network sourceType=\"" + xml_escaped(classes.at(from).type, "a node class type") + "\" source=\"" +
               xml_escaped(from, "a node class") + "\" targetType=\"" + xml_escaped(classes.at(to).type, "a node class type") +
               "\" target=\"" + xml_escaped(to, "a node class") + "\" id=\"" + xml_escaped(id, "a network name") + "\" isDirected=\"" +
               (graph.directed() ? "true" : "false") + "\" allowSelfLoops=\"true\" isBinary=\"false\">\n";
        for (const auto row : networks.at(key)) {
            const auto& r = graph.relation(relations[row]);
            const std::string owner = "relation \"" + r.id() + "\"";
            out += "        <link source=\"" + xml_escaped(r.source(), owner + " source") + "\" target=\"" +
                   xml_escaped(r.target(), owner + " target") + "\" type=\"double\" value=\"" +
                   round_trip_number(relation_weight(graph, relations[row])) + "\"";
            // The relation's id first, so that the link can be told from its network's others.
            std::string properties;
            write_properties(properties, links, row, link_skip, owner, "          ",
                             property("id", "string", xml_escaped(r.id(), "a relation id"), "          "));
            out += ">\n" + properties + "        </link>\n";
        }
        out += "      </network>\n";
    }
    out += "    </networks>\n  </MetaNetwork>\n</DynamicMetaNetwork>\n";
    return out;
}

} // namespace tg
