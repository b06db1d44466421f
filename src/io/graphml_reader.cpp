#include "io/graphml_reader.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/xml_reader.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>

namespace tg {

namespace {

struct Key {
    std::string name;
    std::string type; // boolean, int, long, float, double, string
    std::string domain; // node, edge, graph, all
};

[[noreturn]] void fail(const SourceTextPtr& source, std::size_t offset, std::string code, std::string message,
                       std::string hint = {}) {
    throw DataError({{Severity::error, source, {}, offset, 1, std::move(code), std::move(message), std::move(hint)}});
}

std::optional<Attribute> typed_value(const Key& key, const std::string& raw) {
    const std::string text(trim(raw));
    if (key.type == "boolean") {
        const auto lower = to_lower_ascii(text);
        if (lower == "true" || lower == "1") return Attribute{true, {}, std::nullopt, {}, {}};
        if (lower == "false" || lower == "0") return Attribute{false, {}, std::nullopt, {}, {}};
        return std::nullopt;
    }
    if (key.type == "int" || key.type == "long" || key.type == "float" || key.type == "double") {
        char* end = nullptr;
        errno = 0;
        const double value = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0' || errno == ERANGE) return std::nullopt;
        if ((key.type == "int" || key.type == "long") && std::floor(value) != value) return std::nullopt;
        return Attribute{value, {}, std::nullopt, {}, {}};
    }
    return Attribute{raw, {}, std::nullopt, {}, {}};
}

} // namespace

bool graphml_declares_undirected(const SourceTextPtr& source) {
    XmlReader reader(source);
    for (auto e = reader.next(); e.type != XmlEvent::done; e = reader.next()) {
        if (e.type == XmlEvent::start && e.name == "graph") {
            const auto* d = e.attribute("edgedefault");
            return d && *d == "undirected";
        }
    }
    return false;
}

void read_graphml(const SourceTextPtr& source, NetworkBuilder& builder) {
    XmlReader reader(source);
    std::map<std::string, Key> keys;
    bool seen_root = false, in_graph = false;
    // The element whose <data> children we are reading.
    enum class Owner { none, node, edge } owner = Owner::none;
    std::string node_id, edge_from, edge_to, node_name;
    std::vector<std::pair<std::string, AttributeValue>> attributes;
    std::optional<double> weight;
    std::size_t owner_offset = 0;
    std::string data_key;
    std::size_t data_offset = 0;
    std::string data_text;
    bool in_data = false;

    for (auto e = reader.next(); e.type != XmlEvent::done; e = reader.next()) {
        if (e.type == XmlEvent::text) {
            if (in_data) data_text += e.content;
            continue;
        }
        if (e.type == XmlEvent::start) {
            if (!seen_root) {
                if (e.name != "graphml")
                    fail(source, e.offset, "graphml", "expected a <graphml> root element, found <" + e.name + ">");
                seen_root = true;
                continue;
            }
            if (e.name == "key") {
                const auto* id = e.attribute("id");
                if (!id) fail(source, e.offset, "graphml", "<key> without an id");
                const auto* name = e.attribute("attr.name");
                const auto* type = e.attribute("attr.type");
                const auto* domain = e.attribute("for");
                keys[*id] = Key{name ? *name : *id, type ? *type : "string", domain ? *domain : "all"};
            } else if (e.name == "graph") {
                if (in_graph) fail(source, e.offset, "graphml-nested", "nested graphs are not supported", "flatten the graph first");
                in_graph = true;
            } else if (e.name == "node" && in_graph) {
                const auto* id = e.attribute("id");
                if (!id || id->empty()) fail(source, e.offset, "graphml", "<node> without an id");
                if (builder.has_node(*id)) fail(source, e.offset, "duplicate-node", "node \"" + *id + "\" is declared twice");
                owner = Owner::node;
                node_id = *id;
                node_name.clear();
                attributes.clear();
                owner_offset = e.offset;
            } else if (e.name == "edge" && in_graph) {
                const auto* from = e.attribute("source");
                const auto* to = e.attribute("target");
                if (!from || !to) fail(source, e.offset, "graphml", "<edge> needs source and target");
                owner = Owner::edge;
                edge_from = *from;
                edge_to = *to;
                attributes.clear();
                weight.reset();
                owner_offset = e.offset;
            } else if (e.name == "data" && owner != Owner::none) {
                const auto* key = e.attribute("key");
                if (!key) fail(source, e.offset, "graphml", "<data> without a key");
                if (!keys.count(*key)) fail(source, e.offset, "graphml-unknown-key", "<data> uses undeclared key \"" + *key + "\"",
                                            "declare it with a <key> element before the graph");
                in_data = true;
                data_key = *key;
                data_offset = e.offset;
                data_text.clear();
            } else if (in_graph && e.name != "data" && e.name != "default" && e.name != "desc") {
            }
            continue;
        }
        // end of an element
        if (e.name == "data" && in_data) {
            in_data = false;
            const auto& key = keys[data_key];
            const auto value = typed_value(key, data_text);
            if (!value)
                fail(source, data_offset, "graphml-bad-value",
                     "\"" + std::string(trim(data_text)) + "\" is not a valid " + key.type + " for key \"" + key.name + "\"");
            if (owner == Owner::node && (key.name == "name" || key.name == "label") && std::holds_alternative<std::string>(value->value))
                node_name = std::get<std::string>(value->value);
            else if (owner == Owner::edge && key.name == "weight" && std::holds_alternative<double>(value->value))
                weight = std::get<double>(value->value);
            else
                attributes.emplace_back(key.name, value->value);
        } else if (e.name == "node" && owner == Owner::node) {
            const auto node = builder.node(node_id);
            builder.set_name(node, node_name);
            for (const auto& [name, value] : attributes) builder.set_node_attribute(node, name, value);
            attributes.clear();
            owner = Owner::none;
        } else if (e.name == "edge" && owner == Owner::edge) {
            for (const auto& end : {edge_from, edge_to})
                if (!builder.has_node(end))
                    fail(source, owner_offset, "unknown-node", "edge end \"" + end + "\" is not a declared node",
                         "declare every <node> before the edges that use it");
            const auto from = builder.node(edge_from);
            const auto tie = builder.add_tie(from, builder.node(edge_to), weight);
            if (tie != NetworkBuilder::kDropped)
                for (const auto& [name, value] : attributes) builder.set_tie_attribute(tie, name, value);
            attributes.clear();
            owner = Owner::none;
        } else if (e.name == "graph") {
            in_graph = false;
        }
    }
    if (!seen_root) fail(source, 0, "graphml", "the file holds no <graphml> element");
}

} // namespace tg
