#include "io/gexf_reader.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/xml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace tg {

namespace {

[[noreturn]] void fail(const SourceTextPtr& source, std::size_t offset, std::string message, std::string hint = {}) {
    fail_at(source, offset, "gexf", std::move(message), std::move(hint));
}

bool prefixed(const std::string& name) { return name.find(':') != std::string::npos; }

struct Declared {
    std::string title, type;
};

// A value of a declared GEXF type: numbers (integer, long, float, double) finite, booleans as
// true or false, everything else (string, liststring, anyURI, date) as text.
std::optional<AttributeValue> gexf_value(const std::string& type, const std::string& raw) {
    const std::string text(trim(raw));
    if (type == "boolean") {
        const auto lower = to_lower_ascii(text);
        if (lower == "true" || lower == "1") return AttributeValue{true};
        if (lower == "false" || lower == "0") return AttributeValue{false};
        return std::nullopt;
    }
    if (type == "integer" || type == "long" || type == "float" || type == "double" || type == "short" || type == "byte") {
        const auto value = parse_number(text);
        if (!value || (type != "float" && type != "double" && std::floor(*value) != *value)) return std::nullopt;
        return AttributeValue{*value};
    }
    return AttributeValue{raw};
}

} // namespace

bool gexf_declares_undirected(const SourceTextPtr& source) {
    XmlReader xml(source);
    for (auto e = xml.next(); e.type != XmlEvent::done; e = xml.next())
        if (e.type == XmlEvent::start && xml_local_name(e.name) == "graph") {
            const auto* type = e.attribute("defaultedgetype");
            return type && *type == "undirected";
        }
    return false;
}

void read_gexf(const SourceTextPtr& source, NetworkBuilder& builder, std::vector<Diagnostic>& notices) {
    XmlReader xml(source);
    const bool undirected = gexf_declares_undirected(source);
    std::map<std::string, Declared> node_attributes, edge_attributes;
    std::map<std::string, Declared>* declaring = nullptr;
    std::vector<std::string> open; // element names (local) from the root down
    bool root = false, skipped_time = false, skipped_drawing = false;
    std::size_t both_ways = 0;
    std::uint32_t node = NetworkBuilder::kNoNode; // the node being read
    std::vector<std::size_t> ties;                // the rows of the edge being read (two when read both ways)
    std::optional<std::size_t> time_offset;

    const auto value_of = [&](const XmlEvent& e, const std::map<std::string, Declared>& declared) {
        const auto* id = e.attribute("for");
        if (!id) id = e.attribute("id"); // GEXF 1.1
        const auto* text = e.attribute("value");
        if (!id || !text) fail(source, e.offset, "an <attvalue> needs \"for\" and \"value\"");
        const auto found = declared.find(*id);
        if (found == declared.end()) fail(source, e.offset, "<attvalue> for \"" + *id + "\", which no <attribute> declares");
        const auto value = gexf_value(found->second.type, *text);
        if (!value)
            fail(source, e.offset, "\"" + *text + "\" is not a valid " + found->second.type + " for \"" + found->second.title + "\"");
        return std::make_pair(found->second.title, *value);
    };

    for (auto e = xml.next(); e.type != XmlEvent::done; e = xml.next()) {
        if (e.type == XmlEvent::end) {
            const auto name = xml_local_name(e.name);
            if (!open.empty()) open.pop_back();
            if (name == "node") node = NetworkBuilder::kNoNode;
            if (name == "edge") ties.clear();
            if (name == "attributes") declaring = nullptr;
            continue;
        }
        if (e.type != XmlEvent::start) continue;
        const auto name = xml_local_name(e.name);
        if (!root) {
            if (name != "gexf") fail(source, e.offset, "the root element is <" + e.name + ">, not <gexf>", "is this a GEXF file?");
            root = true;
        }
        open.push_back(name); // a self-closing element has its end event too
        if (prefixed(e.name)) {
            skipped_drawing = true; // viz:color, viz:position, viz:size...
            continue;
        }
        if (name == "spells" || name == "spell" || ((name == "node" || name == "edge") && (e.attribute("start") || e.attribute("end")))) {
            skipped_time = true;
            if (!time_offset) time_offset = e.offset;
        }
        if (name == "attributes") {
            const auto* cls = e.attribute("class");
            declaring = cls && *cls == "edge" ? &edge_attributes : &node_attributes;
        } else if (name == "attribute" && declaring) {
            const auto* id = e.attribute("id");
            const auto* title = e.attribute("title");
            const auto* type = e.attribute("type");
            if (!id) fail(source, e.offset, "an <attribute> needs an \"id\"");
            (*declaring)[*id] = {title ? *title : *id, type ? *type : "string"};
        } else if (name == "node") {
            if (node != NetworkBuilder::kNoNode)
                fail(source, e.offset, "a node inside a node: hierarchical GEXF is not read", "flatten the hierarchy in Gephi first");
            const auto* id = e.attribute("id");
            if (!id || trim(*id).empty()) fail(source, e.offset, "a <node> needs an \"id\"");
            if (builder.has_node(*id)) fail(source, e.offset, "node \"" + *id + "\" is listed twice");
            node = builder.node(*id);
            if (const auto* label = e.attribute("label"); label && *label != *id) builder.set_name(node, *label);
            if (e.self_closing) node = NetworkBuilder::kNoNode;
        } else if (name == "edge") {
            const auto* from = e.attribute("source");
            const auto* to = e.attribute("target");
            if (!from || !to) fail(source, e.offset, "an <edge> needs a \"source\" and a \"target\"");
            const auto a = builder.find_node(*from), b = builder.find_node(*to);
            if (a == NetworkBuilder::kNoNode || b == NetworkBuilder::kNoNode)
                fail(source, e.offset, "edge end \"" + (a == NetworkBuilder::kNoNode ? *from : *to) + "\" is not a listed node",
                     "list every <node> before the edges");
            std::optional<double> weight;
            if (const auto* w = e.attribute("weight")) {
                weight = parse_number(*w);
                if (!weight) fail(source, e.offset, "edge weight \"" + *w + "\" is not a number");
            }
            // An undirected or mutual edge in a directed graph holds both ways.
            const auto* type = e.attribute("type");
            const bool both = !undirected && type && (*type == "undirected" || *type == "mutual");
            ties.clear();
            const auto add = [&](std::uint32_t x, std::uint32_t y) {
                const auto row = builder.add_tie(x, y, weight);
                if (row == NetworkBuilder::kDropped) return;
                ties.push_back(row);
                for (const char* key : {"label", "kind"})
                    if (const auto* text = e.attribute(key)) builder.set_tie_attribute(row, key, AttributeValue{*text});
            };
            add(a, b);
            if (both && a != b) add(b, a), ++both_ways;
            if (e.self_closing) ties.clear();
        } else if (name == "attvalue") {
            const bool in_edge = std::find(open.begin(), open.end(), "edge") != open.end();
            const bool in_node = std::find(open.begin(), open.end(), "node") != open.end();
            if (in_edge) {
                const auto [title, value] = value_of(e, edge_attributes);
                for (auto row : ties) builder.set_tie_attribute(row, title, value);
            } else if (in_node && node != NetworkBuilder::kNoNode) {
                const auto [title, value] = value_of(e, node_attributes);
                builder.set_node_attribute(node, title, value);
            }
        }
    }
    if (!root) fail(source, 0, "no <gexf> element", "is this a GEXF file?");
    if (skipped_time)
        notices.push_back(
            {Severity::note, source, {}, *time_offset, 1, "gexf-time", "the file's times (spells, start, end) are not read", {}});
    if (skipped_drawing)
        notices.push_back({Severity::note, source, {}, 0, 0, "gexf-drawing", "colours, positions and sizes (viz:) are not read", {}});
    if (both_ways)
        notices.push_back({Severity::note,
                           source,
                           {},
                           0,
                           0,
                           "gexf-edges",
                           std::to_string(both_ways) + " undirected or mutual edges in a directed graph were read as arcs both ways",
                           {}});
}

} // namespace tg
