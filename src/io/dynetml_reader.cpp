#include "io/dynetml_reader.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/xml_reader.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

namespace tg {

namespace {

[[noreturn]] void fail(const SourceTextPtr& source, std::size_t offset, std::string message, std::string hint = {}) {
    fail_at(source, offset, "dynetml", std::move(message), std::move(hint));
}

bool is_root(const std::string& name) { return name == "DynamicMetaNetwork" || name == "MetaNetwork"; }

// isDirected as ORA writes it; a network that does not say is directed.
bool directed(const XmlEvent& e) {
    const auto* flag = e.attribute("isDirected");
    if (!flag) return true;
    const auto lower = to_lower_ascii(std::string(trim(*flag)));
    return !(lower == "false" || lower == "0" || lower == "no");
}

// A property's value as its declared type says: ORA's number types as numbers, the rest
// (string, text, categoryText, date, uri) as text.
std::optional<AttributeValue> property_value(const std::string& type, const std::string& text) {
    const auto lower = to_lower_ascii(type);
    if (lower == "double" || lower == "float" || lower == "int" || lower == "integer" || lower == "long" || lower == "number") {
        const auto value = parse_number(trim(text));
        if (!value) return std::nullopt;
        return AttributeValue{*value};
    }
    if (lower == "boolean") {
        const auto word = to_lower_ascii(std::string(trim(text)));
        if (word == "true") return AttributeValue{true};
        if (word == "false") return AttributeValue{false};
        return std::nullopt;
    }
    return AttributeValue{text};
}

struct Network {
    std::string id, source_class, target_class;
    bool directed = true;
};

} // namespace

bool looks_like_dynetml(const std::string& content) {
    const auto head = std::string_view(content).substr(0, 4096);
    for (std::size_t at = head.find('<'); at != std::string_view::npos; at = head.find('<', at + 1)) {
        const auto next = at + 1 < head.size() ? head[at + 1] : '\0';
        if (next == '?' || next == '!') continue; // declaration, comment, DOCTYPE
        const auto rest = head.substr(at + 1);
        for (const std::string_view root : {"DynamicMetaNetwork", "MetaNetwork"})
            if (rest.substr(0, root.size()) == root && rest.size() > root.size() &&
                (rest[root.size()] == '>' || rest[root.size()] == ' ' || rest[root.size()] == '\n' || rest[root.size()] == '\t' ||
                 rest[root.size()] == '\r' || rest[root.size()] == '/'))
                return true;
        return false;
    }
    return false;
}

bool dynetml_declares_undirected(const SourceTextPtr& source) {
    XmlReader xml(source);
    std::size_t meta = 0, networks = 0;
    for (auto e = xml.next(); e.type != XmlEvent::done; e = xml.next()) {
        if (e.type != XmlEvent::start) continue;
        const auto name = xml_local_name(e.name);
        if (name == "MetaNetwork" && ++meta > 1) break;
        if (name == "network") {
            ++networks;
            if (directed(e)) return false;
        }
    }
    return networks > 0;
}

void read_dynetml(const SourceTextPtr& source, NetworkBuilder& builder, std::vector<Diagnostic>& notices) {
    XmlReader xml(source);
    const bool undirected = dynetml_declares_undirected(source);
    // Each class's nodes by their ids, and the type each class declares for its properties.
    std::map<std::string, std::unordered_map<std::string, std::uint32_t>> classes;
    std::map<std::string, std::string> property_types;
    std::vector<std::string> open;
    bool root = false;
    std::size_t meta_networks = 0, skipped_meta = 0, renamed = 0, both_ways = 0, measures = 0;
    std::optional<std::size_t> later_meta_offset;
    std::string node_class, node_class_type;      // the class being read
    std::uint32_t node = NetworkBuilder::kNoNode; // the node being read
    std::optional<Network> network;               // the network being read
    std::vector<std::size_t> ties;                // the rows of the link being read
    std::vector<std::string> network_ids;

    const auto inside = [&](const char* element) { return std::find(open.begin(), open.end(), element) != open.end(); };
    const auto find_in_class = [&](const std::string& cls, const std::string& id) -> std::uint32_t {
        if (!cls.empty()) {
            const auto c = classes.find(cls);
            if (c != classes.end()) {
                const auto found = c->second.find(id);
                return found == c->second.end() ? NetworkBuilder::kNoNode : found->second;
            }
        }
        // A network that names no class (or an undeclared one): the id in whichever class has it.
        std::uint32_t match = NetworkBuilder::kNoNode;
        for (const auto& [name, ids] : classes)
            if (const auto found = ids.find(id); found != ids.end()) {
                if (match != NetworkBuilder::kNoNode) return NetworkBuilder::kNoNode;
                match = found->second;
            }
        return match;
    };

    for (auto e = xml.next(); e.type != XmlEvent::done; e = xml.next()) {
        if (e.type == XmlEvent::end) {
            const auto name = xml_local_name(e.name);
            if (!open.empty()) open.pop_back();
            if (name == "node") node = NetworkBuilder::kNoNode;
            if (name == "nodeclass") node_class.clear(), property_types.clear();
            if (name == "network") network.reset();
            if (name == "link") ties.clear();
            continue;
        }
        if (e.type != XmlEvent::start) continue;
        const auto name = xml_local_name(e.name);
        if (!root) {
            if (!is_root(name))
                fail(source, e.offset, "the root element is <" + e.name + ">, not <DynamicMetaNetwork> or <MetaNetwork>",
                     "is this an ORA DyNetML file?");
            root = true;
        }
        if (name == "MetaNetwork" && ++meta_networks > 1) {
            ++skipped_meta;
            if (!later_meta_offset) later_meta_offset = e.offset;
            // Skip the whole time period, to its end event (a self-closing element has one too).
            for (std::size_t depth = 1; depth > 0;) {
                const auto inner = xml.next();
                if (inner.type == XmlEvent::done) break;
                if (inner.type == XmlEvent::start) ++depth;
                if (inner.type == XmlEvent::end) --depth;
            }
            continue;
        }
        open.push_back(name); // a self-closing element has its end event too
        if (name == "measures" || name == "measure") {
            measures += name == "measure";
        } else if (name == "nodeclass") {
            const auto* id = e.attribute("id");
            if (!id) id = e.attribute("type");
            if (!id || trim(*id).empty()) fail(source, e.offset, "a <nodeclass> needs an \"id\"");
            node_class = *id;
            const auto* type = e.attribute("type");
            node_class_type = type ? *type : std::string();
            classes[node_class];
        } else if (name == "propertyIdentity" && !node_class.empty()) {
            const auto* id = e.attribute("id");
            const auto* type = e.attribute("type");
            if (id && type) property_types[*id] = *type;
        } else if (name == "node" && !node_class.empty()) {
            const auto* id = e.attribute("id");
            if (!id || trim(*id).empty()) fail(source, e.offset, "a <node> needs an \"id\"");
            auto& ids = classes[node_class];
            if (ids.count(*id)) fail(source, e.offset, "node \"" + *id + "\" is listed twice in class \"" + node_class + "\"");
            std::string label = *id;
            if (builder.has_node(label)) label = node_class + ":" + *id, ++renamed;
            if (builder.has_node(label)) fail(source, e.offset, "node \"" + label + "\" is listed twice");
            node = builder.node(label);
            ids.emplace(*id, node);
            const auto* title = e.attribute("title");
            if (title && !trim(*title).empty() && *title != label)
                builder.set_name(node, *title);
            else if (label != *id)
                builder.set_name(node, *id);
            builder.set_node_attribute(node, "nodeclass", AttributeValue{node_class});
            if (!node_class_type.empty() && node_class_type != node_class)
                builder.set_node_attribute(node, "nodeclass_type", AttributeValue{node_class_type});
        } else if (name == "property" && (node != NetworkBuilder::kNoNode || !ties.empty())) {
            const auto* id = e.attribute("id");
            if (!id) id = e.attribute("name");
            const auto* value = e.attribute("value");
            if (!id || !value) fail(source, e.offset, "a <property> needs an \"id\" and a \"value\"");
            std::string type = "string";
            if (const auto* own = e.attribute("type"))
                type = *own;
            else if (const auto declared = property_types.find(*id); node != NetworkBuilder::kNoNode && declared != property_types.end())
                type = declared->second;
            const auto typed = property_value(type, *value);
            if (!typed) fail(source, e.offset, "\"" + *value + "\" is not a valid " + type + " for property \"" + *id + "\"");
            if (node != NetworkBuilder::kNoNode) {
                if (*id == "nodeclass" || *id == "nodeclass_type")
                    fail(source, e.offset, "a node property called \"" + *id + "\" would hide the node's class");
                builder.set_node_attribute(node, *id, *typed);
            } else {
                if (*id == "network") fail(source, e.offset, "a link property called \"network\" would hide the link's network");
                for (auto row : ties) builder.set_tie_attribute(row, *id, *typed);
            }
        } else if (name == "network" && inside("networks")) {
            Network n;
            if (const auto* id = e.attribute("id")) n.id = *id;
            if (const auto* cls = e.attribute("source")) n.source_class = *cls;
            if (const auto* cls = e.attribute("target")) n.target_class = *cls;
            n.directed = directed(e);
            if (n.id.empty()) n.id = n.source_class + " x " + n.target_class;
            network_ids.push_back(n.id);
            network = n;
        } else if (name == "link" && network) {
            const auto* from = e.attribute("source");
            const auto* to = e.attribute("target");
            if (!from || !to) fail(source, e.offset, "a <link> needs a \"source\" and a \"target\"");
            const auto a = find_in_class(network->source_class, *from), b = find_in_class(network->target_class, *to);
            if (a == NetworkBuilder::kNoNode || b == NetworkBuilder::kNoNode) {
                const bool bad_source = a == NetworkBuilder::kNoNode;
                const auto& cls = bad_source ? network->source_class : network->target_class;
                fail(source, e.offset,
                     "link end \"" + (bad_source ? *from : *to) + "\" is not a node" + (cls.empty() ? "" : " of class \"" + cls + "\""),
                     "list every <node> in <nodes> before the networks");
            }
            std::optional<double> weight;
            if (const auto* value = e.attribute("value")) {
                weight = parse_number(trim(*value));
                if (!weight) fail(source, e.offset, "link value \"" + *value + "\" is not a number");
            }
            ties.clear();
            const auto add = [&](std::uint32_t x, std::uint32_t y) {
                const auto row = builder.add_tie(x, y, weight);
                if (row == NetworkBuilder::kDropped) return;
                ties.push_back(row);
                builder.set_tie_attribute(row, "network", AttributeValue{network->id});
            };
            add(a, b);
            if (!undirected && !network->directed && a != b) add(b, a), ++both_ways;
        }
    }
    if (!root) fail(source, 0, "no <DynamicMetaNetwork> or <MetaNetwork> element", "is this an ORA DyNetML file?");
    const auto note = [&](std::size_t offset, const char* code, std::string message) {
        if (offset)
            notices.push_back({Severity::note, source, {}, offset, 1, code, std::move(message), {}});
        else // about the whole file
            notices.push_back({Severity::note, nullptr, source->name(), 0, 0, code, std::move(message), {}});
    };
    if (network_ids.size() > 1) {
        std::string names;
        for (std::size_t i = 0; i < network_ids.size(); ++i) names += (i ? ", " : "") + network_ids[i];
        note(0, "dynetml-networks",
             std::to_string(network_ids.size()) + " networks read as one (" + names +
                 "); each tie keeps its network as attribute \"network\", and a pair tied in several merges as --merge says");
    }
    if (skipped_meta)
        note(*later_meta_offset, "dynetml-periods",
             "only the first meta-network is read; " + std::to_string(skipped_meta) + " more (time periods) are not");
    if (renamed) note(0, "dynetml-ids", std::to_string(renamed) + " node ids used by an earlier class were read as \"class:id\"");
    if (both_ways)
        note(0, "dynetml-undirected",
             std::to_string(both_ways) + " links of undirected networks in a directed file were read as ties both ways");
    if (measures) note(0, "dynetml-measures", std::to_string(measures) + " ORA measures are not read");
}

} // namespace tg
