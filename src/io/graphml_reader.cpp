#include "io/graphml_reader.hpp"

#include "core/error.hpp"
#include "io/xml_reader.hpp"

#include <deque>
#include <map>

namespace tg {

namespace {

[[noreturn]] void fail(const SourceTextPtr& source, std::size_t offset, std::string message, std::string hint = {}) {
    throw DataError({{Severity::error, source, {}, offset, 1, "graphml", std::move(message), std::move(hint)}});
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

void read_graphml(const SourceTextPtr& source, const std::function<void(const GraphmlElement&)>& on_element) {
    XmlReader reader(source);
    std::deque<GraphmlKey> key_store; // stays where it is as keys are added
    std::map<std::string, const GraphmlKey*> keys;
    bool seen_root = false, in_graph = false, in_data = false;
    std::size_t nested_in_data = 0;
    GraphmlElement graph, element;
    graph.kind = GraphmlElement::Kind::graph;
    bool in_element = false;
    const auto current = [&]() -> GraphmlElement& { return in_element ? element : graph; };
    for (auto e = reader.next(); e.type != XmlEvent::done; e = reader.next()) {
        if (e.type == XmlEvent::text) {
            if (in_data) {
                auto& d = current().data.back();
                if (d.text.empty()) d.offset = e.offset; // point at the value, not its tag
                d.text += e.content;
            }
            continue;
        }
        // Elements inside a <data> (yEd's <y:ShapeNode>...) are part of its value, not of the graph.
        if (in_data && e.type == XmlEvent::start) {
            ++nested_in_data;
            continue;
        }
        if (in_data && nested_in_data > 0) {
            --nested_in_data;
            continue;
        }
        if (e.type == XmlEvent::start) {
            if (!seen_root) {
                if (e.name != "graphml") fail(source, e.offset, "expected a <graphml> root element, found <" + e.name + ">");
                seen_root = true;
            } else if (e.name == "key") {
                const auto* id = e.attribute("id");
                if (!id) fail(source, e.offset, "<key> without an id");
                const auto* name = e.attribute("attr.name");
                const auto* type = e.attribute("attr.type");
                key_store.push_back({name ? *name : *id, type ? *type : "string"});
                keys[*id] = &key_store.back();
            } else if (e.name == "graph") {
                if (in_graph) fail(source, e.offset, "nested graphs are not supported", "flatten the graph first");
                in_graph = true;
                graph.offset = e.offset;
            } else if ((e.name == "node" || e.name == "edge") && in_graph) {
                in_element = true;
                element = {};
                element.kind = e.name == "node" ? GraphmlElement::Kind::node : GraphmlElement::Kind::edge;
                element.offset = e.offset;
                if (const auto* id = e.attribute("id")) element.id = *id;
                if (element.kind == GraphmlElement::Kind::node && element.id.empty()) fail(source, e.offset, "<node> without an id");
                if (element.kind == GraphmlElement::Kind::edge) {
                    const auto* from = e.attribute("source");
                    const auto* to = e.attribute("target");
                    if (!from || !to) fail(source, e.offset, "<edge> needs source and target");
                    element.source = *from, element.target = *to;
                }
            } else if (e.name == "data" && in_graph) {
                const auto* key = e.attribute("key");
                if (!key) fail(source, e.offset, "<data> without a key");
                const auto found = keys.find(*key);
                if (found == keys.end())
                    fail(source, e.offset, "<data> uses undeclared key \"" + *key + "\"",
                         "declare it with a <key> element before the graph");
                current().data.push_back({found->second, {}, e.offset});
                in_data = !e.self_closing;
            }
            continue;
        }
        // The end of an element.
        if (e.name == "data") {
            in_data = false;
        } else if ((e.name == "node" || e.name == "edge") && in_element) {
            in_element = false;
            on_element(element);
        } else if (e.name == "graph" && in_graph) {
            in_graph = false;
            on_element(graph);
        }
    }
    if (!seen_root) fail(source, 0, "the file holds no <graphml> element");
}

} // namespace tg
