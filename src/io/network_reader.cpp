#include "io/network_reader.hpp"

#include "core/error.hpp"
#include "core/memory.hpp"
#include "core/text.hpp"
#include "io/csv.hpp"
#include "io/dynetml_reader.hpp"
#include "io/edge_list_reader.hpp"
#include "io/gexf_reader.hpp"
#include "io/gml_reader.hpp"
#include "io/graphml_reader.hpp"
#include "io/network_builder.hpp"
#include "io/node_link_reader.hpp"
#include "io/pajek_reader.hpp"
#include "io/text_file.hpp"
#include "io/ucinet_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace tg {

std::optional<NetworkFormat> parse_network_format(const std::string& name) {
    const auto n = to_lower_ascii(name);
    if (n == "json") return NetworkFormat::json;
    if (n == "graphml") return NetworkFormat::graphml;
    if (n == "csv") return NetworkFormat::csv;
    if (n == "edgelist") return NetworkFormat::edgelist;
    if (n == "matrix") return NetworkFormat::matrix;
    if (n == "pajek" || n == "net") return NetworkFormat::pajek;
    if (n == "gexf") return NetworkFormat::gexf;
    if (n == "gml") return NetworkFormat::gml;
    if (n == "ucinet" || n == "dl") return NetworkFormat::ucinet;
    if (n == "dynetml" || n == "ora") return NetworkFormat::dynetml;
    return std::nullopt;
}

const char* network_format_name(NetworkFormat format) {
    switch (format) {
        case NetworkFormat::json:
            return "json";
        case NetworkFormat::graphml:
            return "graphml";
        case NetworkFormat::csv:
            return "csv";
        case NetworkFormat::edgelist:
            return "edgelist";
        case NetworkFormat::matrix:
            return "matrix";
        case NetworkFormat::pajek:
            return "pajek";
        case NetworkFormat::gexf:
            return "gexf";
        case NetworkFormat::gml:
            return "gml";
        case NetworkFormat::ucinet:
            return "ucinet";
        case NetworkFormat::dynetml:
            return "dynetml";
    }
    return "edgelist";
}

std::vector<std::string> network_format_names() {
    std::vector<std::string> names;
    for (const auto format :
         {NetworkFormat::json, NetworkFormat::graphml, NetworkFormat::gexf, NetworkFormat::gml, NetworkFormat::csv, NetworkFormat::edgelist,
          NetworkFormat::matrix, NetworkFormat::pajek, NetworkFormat::ucinet, NetworkFormat::dynetml})
        names.push_back(network_format_name(format));
    return names;
}

std::optional<MergeRule> parse_merge_rule(const std::string& name) {
    if (name == "first") return MergeRule::first;
    if (name == "last") return MergeRule::last;
    if (name == "sum") return MergeRule::sum;
    if (name == "max") return MergeRule::max;
    return std::nullopt;
}

const char* merge_rule_name(MergeRule rule) {
    switch (rule) {
        case MergeRule::first:
            return "first";
        case MergeRule::last:
            return "last";
        case MergeRule::sum:
            return "sum";
        case MergeRule::max:
            return "max";
    }
    return "first";
}

namespace {

// The label with the spaces around it removed (and counted, for a note).
std::string_view clean_name(std::string_view raw, NetworkBuilder& builder) {
    const auto trimmed = trim(raw);
    if (trimmed.size() != raw.size()) builder.count_trimmed_name();
    return trimmed;
}

std::size_t find_column(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
    for (std::size_t c = 0; c < header.size(); ++c)
        for (const char* n : names)
            if (to_lower_ascii(trim(header[c])) == n) return c;
    return header.size();
}

// The header row, each name trimmed.
std::vector<std::string> header_names(const std::vector<CsvCell>& row) {
    std::vector<std::string> names;
    for (const auto& cell : row) names.emplace_back(trim(cell.text));
    return names;
}

// Every row has as many fields as the header.
void check_row_width(const SourceTextPtr& source, std::size_t width, const std::vector<CsvCell>& row) {
    if (row.size() != width)
        fail_at(source, row.front().offset, "csv-column-count",
                "expected " + std::to_string(width) + " fields as in the header, found " + std::to_string(row.size()));
}

// The value of a cell as an attribute: a number where it parses, text otherwise, nothing when
// the cell is empty.
std::optional<AttributeValue> cell_value(std::string_view text) {
    if (const auto number = parse_number(text)) return AttributeValue{*number};
    const auto trimmed = trim(text);
    if (trimmed.empty()) return std::nullopt;
    return AttributeValue{std::string(trimmed)};
}

void read_nodes_csv(const SourceTextPtr& source, NetworkBuilder& builder) {
    CsvScanner scanner(source);
    std::vector<CsvCell> row;
    if (!scanner.next(row)) fail_at(source, 0, "empty-file", "the nodes file is empty", "expected a header such as \"id,name\"");
    const auto header = header_names(row);
    std::size_t id_col = find_column(header, {"id", "node", "name"});
    if (id_col == header.size()) id_col = 0;
    std::size_t name_col = find_column(header, {"name", "label"});
    if (name_col == id_col) name_col = find_column(header, {"label"});
    while (scanner.next(row)) {
        check_row_width(source, header.size(), row);
        const auto id = clean_name(row[id_col].text, builder);
        if (id.empty()) fail_at(source, row[id_col].offset, "empty-id", "empty node id");
        if (builder.has_node(id)) fail_at(source, row[id_col].offset, "duplicate-node", "node \"" + std::string(id) + "\" is listed twice");
        const auto node = builder.node(id);
        if (name_col < row.size()) builder.set_name(node, clean_name(row[name_col].text, builder));
        for (std::size_t c = 0; c < header.size(); ++c)
            if (c != id_col && c != name_col)
                if (const auto value = cell_value(row[c].text)) builder.set_node_attribute(node, header[c], *value);
    }
}

void read_edges_csv(const SourceTextPtr& source, NetworkBuilder& builder, bool nodes_given) {
    CsvScanner scanner(source);
    std::vector<CsvCell> row;
    if (!scanner.next(row)) fail_at(source, 0, "empty-file", "the file is empty", "expected a header such as \"from,to,weight\"");
    const auto header = header_names(row);
    if (header.size() < 2)
        fail_at(source, 0, "csv-header", "expected a header with at least two columns (source, target)",
                "for a whitespace-separated list use --input-format edgelist");
    std::size_t from_col = find_column(header, {"from", "source", "src", ":start_id"});
    std::size_t to_col = find_column(header, {"to", "target", "dst", ":end_id"});
    if (from_col == header.size() || to_col == header.size()) from_col = 0, to_col = 1;
    const std::size_t weight_col = find_column(header, {"weight", "value", "w"});
    while (scanner.next(row)) {
        check_row_width(source, header.size(), row);
        const auto from = clean_name(row[from_col].text, builder);
        const auto to = clean_name(row[to_col].text, builder);
        if (from.empty() || to.empty())
            fail_at(source, row[from.empty() ? from_col : to_col].offset, "empty-id", "empty node id in an edge");
        for (const auto& [end, col] : {std::make_pair(from, from_col), std::make_pair(to, to_col)})
            if (nodes_given && !builder.has_node(end))
                fail_at(source, row[col].offset, "unknown-node", "node \"" + std::string(end) + "\" is not in the nodes file",
                        "add it to the nodes file or leave out --nodes");
        std::optional<double> weight;
        if (weight_col < row.size()) {
            weight = parse_number(row[weight_col].text);
            if (!weight)
                fail_at(source, row[weight_col].offset, "bad-weight",
                        "weight \"" + std::string(row[weight_col].text) + "\" is not a number");
        }
        const auto a = builder.node(from);
        const auto tie = builder.add_tie(a, builder.node(to), weight);
        if (tie == NetworkBuilder::kDropped) continue;
        for (std::size_t c = 0; c < header.size(); ++c)
            if (c != from_col && c != to_col && c != weight_col)
                if (const auto value = cell_value(row[c].text)) builder.set_tie_attribute(tie, header[c], *value);
    }
}

void read_matrix(const SourceTextPtr& source, NetworkBuilder& builder) {
    CsvScanner scanner(source);
    std::vector<CsvCell> row;
    if (!scanner.next(row)) fail_at(source, 0, "empty-file", "the matrix file is empty");
    const std::size_t n = row.size() - 1;
    if (n == 0) fail_at(source, 0, "matrix-header", "expected a header row with the node ids after the first cell");
    std::vector<std::uint32_t> column_node;
    for (std::size_t c = 1; c < row.size(); ++c) {
        const auto id = clean_name(row[c].text, builder);
        if (id.empty()) fail_at(source, row[c].offset, "empty-id", "empty node id in the header row");
        if (builder.has_node(id))
            fail_at(source, row[c].offset, "duplicate-node", "node \"" + std::string(id) + "\" appears twice in the header");
        column_node.push_back(builder.node(id));
    }
    std::vector<bool> seen(n, false);
    std::size_t rows = 0, last_row_offset = 0;
    while (scanner.next(row)) {
        ++rows;
        last_row_offset = row.front().offset;
        check_row_width(source, n + 1, row);
        const auto id = clean_name(row[0].text, builder);
        const auto node = builder.find_node(id);
        if (node == NetworkBuilder::kNoNode)
            fail_at(source, row[0].offset, "unknown-node", "row \"" + std::string(id) + "\" is not in the header row");
        if (seen[node]) fail_at(source, row[0].offset, "duplicate-node", "row \"" + std::string(id) + "\" appears twice");
        seen[node] = true;
        for (std::size_t c = 1; c < row.size(); ++c) {
            const auto value = parse_number(row[c].text.empty() ? std::string_view("0") : row[c].text);
            if (!value) fail_at(source, row[c].offset, "bad-weight", "cell \"" + std::string(row[c].text) + "\" is not a number");
            if (*value != 0) builder.add_tie(node, column_node[c - 1], *value);
        }
    }
    if (rows != n)
        fail_at(source, rows > 0 ? last_row_offset : 0, "matrix-not-square",
                "the header names " + std::to_string(n) + " nodes but there are " + std::to_string(rows) + " rows",
                "an adjacency matrix has one row per node, in any order");
}

// The scalar members of a JSON object but those in `skip`, as attributes.
template <class Set>
void json_attributes(const rapidjson::Value& object, std::initializer_list<const char*> skip, Set&& set) {
    for (const auto& m : object.GetObject()) {
        const std::string key(m.name.GetString(), m.name.GetStringLength());
        bool skipped = false;
        for (const char* s : skip) skipped = skipped || key == s;
        if (skipped) continue;
        if (m.value.IsNumber())
            set(key, AttributeValue{m.value.GetDouble()});
        else if (m.value.IsString())
            set(key, AttributeValue{std::string(m.value.GetString(), m.value.GetStringLength())});
        else if (m.value.IsBool())
            set(key, AttributeValue{m.value.GetBool()});
    }
}

// Whether threatgraph wrote the file (export --to json): its "graph" says "producer".
bool written_by_threatgraph(const NodeLinkReader& reader) {
    const auto& root = reader.root();
    if (!root.HasMember("graph") || !root["graph"].IsObject()) return false;
    const auto& graph = root["graph"];
    return graph.HasMember("producer") && graph["producer"].IsString() && std::string(graph["producer"].GetString()) == "threatgraph";
}

// threatgraph's own export: the attributes sit in "attributes" as {"name": {"value": ...}}, and
// the members beside them (kind, type, confidence) are attributes only where they say something
// a network's defaults do not.
template <class Set>
void exported_attributes(const rapidjson::Value& object, const char* usual_kind_key, const char* usual_kind, Set&& set) {
    if (object.HasMember(usual_kind_key) && object[usual_kind_key].IsString() &&
        std::string(object[usual_kind_key].GetString()) != usual_kind)
        set(usual_kind_key, AttributeValue{std::string(object[usual_kind_key].GetString())});
    if (object.HasMember("confidence") && object["confidence"].IsNumber() && object["confidence"].GetDouble() != 1)
        set("confidence", AttributeValue{object["confidence"].GetDouble()});
    if (!object.HasMember("attributes") || !object["attributes"].IsObject()) return;
    for (const auto& m : object["attributes"].GetObject()) {
        if (!m.value.IsObject() || !m.value.HasMember("value")) continue;
        const auto& value = m.value["value"];
        const std::string key(m.name.GetString(), m.name.GetStringLength());
        if (value.IsNumber())
            set(key, AttributeValue{value.GetDouble()});
        else if (value.IsString())
            set(key, AttributeValue{std::string(value.GetString(), value.GetStringLength())});
        else if (value.IsBool())
            set(key, AttributeValue{value.GetBool()});
    }
}

void read_node_link_network(const NodeLinkReader& reader, NetworkBuilder& builder) {
    const bool ours = written_by_threatgraph(reader);
    reader.for_each_node([&](const rapidjson::Value& node, const std::string& pointer) {
        const auto id = json_scalar_text(node["id"]);
        if (id.empty()) reader.fail(pointer + "/id", "empty-id", "node id must be a non-empty string or a number");
        if (builder.has_node(id)) reader.fail(pointer + "/id", "duplicate-node", "node \"" + id + "\" is listed twice");
        const auto v = builder.node(id);
        for (const char* key : {"label", "name"})
            if (node.HasMember(key) && node[key].IsString())
                builder.set_name(v, std::string_view(node[key].GetString(), node[key].GetStringLength()));
        const auto set = [&](const std::string& key, const AttributeValue& value) { builder.set_node_attribute(v, key, value); };
        if (ours)
            exported_attributes(node, "kind", "node", set);
        else
            json_attributes(node, {"id", "name", "label"}, set);
    });
    reader.for_each_link([&](const rapidjson::Value& link, const std::string& pointer) {
        const auto from = builder.find_node(json_scalar_text(link["source"]));
        const auto to = builder.find_node(json_scalar_text(link["target"]));
        for (const auto& [end, side] : {std::make_pair(from, "source"), std::make_pair(to, "target")})
            if (end == NetworkBuilder::kNoNode)
                reader.fail(pointer + "/" + side, "unknown-node", "link end \"" + json_scalar_text(link[side]) + "\" is not a listed node");
        std::optional<double> weight;
        if (link.HasMember("weight")) {
            if (!link["weight"].IsNumber()) reader.fail(pointer + "/weight", "bad-weight", "weight must be a number");
            weight = link["weight"].GetDouble();
        }
        std::vector<std::pair<std::string, AttributeValue>> attributes;
        const auto collect = [&](const std::string& key, const AttributeValue& value) {
            if (key == "weight" && !weight && std::holds_alternative<double>(value))
                weight = std::get<double>(value);
            else
                attributes.emplace_back(key, value);
        };
        if (ours)
            exported_attributes(link, "type", "tie", collect);
        else
            json_attributes(link, {"source", "target", "weight", "key"}, collect);
        const auto tie = builder.add_tie(from, to, weight);
        if (tie == NetworkBuilder::kDropped) return;
        for (const auto& [key, value] : attributes) builder.set_tie_attribute(tie, key, value);
    });
}

// A <data> value as its key's declared type says; nothing when it is not one.
std::optional<AttributeValue> graphml_value(const GraphmlKey& key, const std::string& raw) {
    const std::string text(trim(raw));
    if (key.type == "boolean") {
        const auto lower = to_lower_ascii(text);
        if (lower == "true" || lower == "1") return AttributeValue{true};
        if (lower == "false" || lower == "0") return AttributeValue{false};
        return std::nullopt;
    }
    if (key.type == "int" || key.type == "long" || key.type == "float" || key.type == "double") {
        // The numbers every other reader accepts: finite, in range (no "nan" or "inf").
        const auto value = parse_number(text);
        if (!value || ((key.type == "int" || key.type == "long") && std::floor(*value) != *value)) return std::nullopt;
        return AttributeValue{*value};
    }
    return AttributeValue{raw};
}

// GraphML's nodes and edges into the builder: declared keys become typed attributes, a "name"
// or "label" key the node's name, a numeric "weight" key the tie's weight.
void read_graphml_network(const SourceTextPtr& source, NetworkBuilder& builder) {
    read_graphml(source, [&](const GraphmlElement& element) {
        if (element.kind == GraphmlElement::Kind::graph) return;
        std::vector<std::pair<const GraphmlKey*, AttributeValue>> values;
        for (const auto& d : element.data) {
            const auto value = graphml_value(*d.key, d.text);
            if (!value)
                fail_at(source, d.offset, "graphml-bad-value",
                        "\"" + std::string(trim(d.text)) + "\" is not a valid " + d.key->type + " for key \"" + d.key->name + "\"");
            values.emplace_back(d.key, *value);
        }
        if (element.kind == GraphmlElement::Kind::node) {
            if (builder.has_node(element.id))
                fail_at(source, element.offset, "duplicate-node", "node \"" + element.id + "\" is declared twice");
            const auto node = builder.node(element.id);
            for (const auto& [key, value] : values) {
                if ((key->name == "name" || key->name == "label") && std::holds_alternative<std::string>(value))
                    builder.set_name(node, std::get<std::string>(value));
                else
                    builder.set_node_attribute(node, key->name, value);
            }
            return;
        }
        const auto from = builder.find_node(element.source), to = builder.find_node(element.target);
        for (const auto& [end, name] : {std::make_pair(from, element.source), std::make_pair(to, element.target)})
            if (end == NetworkBuilder::kNoNode)
                fail_at(source, element.offset, "unknown-node", "edge end \"" + name + "\" is not a declared node",
                        "declare every <node> before the edges that use it");
        std::optional<double> weight;
        for (const auto& [key, value] : values)
            if (key->name == "weight" && std::holds_alternative<double>(value)) weight = std::get<double>(value);
        const auto tie = builder.add_tie(from, to, weight);
        if (tie == NetworkBuilder::kDropped) return;
        for (const auto& [key, value] : values)
            if (!(key->name == "weight" && std::holds_alternative<double>(value))) builder.set_tie_attribute(tie, key->name, value);
    });
}

NetworkFormat guess_format(const std::string& path, const std::string& content) {
    const auto ext = to_lower_ascii(std::filesystem::path(path).extension().string());
    if (ext == ".json") return NetworkFormat::json;
    if (ext == ".dynetml" || looks_like_dynetml(content)) return NetworkFormat::dynetml;
    if (ext == ".graphml" || ext == ".xml") return NetworkFormat::graphml;
    if (ext == ".gexf") return NetworkFormat::gexf;
    if (ext == ".gml") return NetworkFormat::gml;
    if (ext == ".dl" || looks_like_ucinet(content)) return NetworkFormat::ucinet;
    if (ext == ".net" || ext == ".paj" || looks_like_pajek(content)) return NetworkFormat::pajek;
    const auto first_line = content.substr(0, content.find('\n'));
    if (ext == ".csv" && first_line.find(',') != std::string::npos) {
        // A matrix header starts with an empty or label cell followed by the node ids, and has
        // as many rows as ids; an edge list header names two or three columns.
        std::size_t commas = 0;
        for (char c : first_line) commas += c == ',';
        const auto first_cell = trim(std::string_view(first_line).substr(0, first_line.find(',')));
        const bool blank_corner = first_cell.empty() || first_cell == "\"\"";
        return (commas >= 3 || blank_corner) ? NetworkFormat::matrix : NetworkFormat::csv;
    }
    return NetworkFormat::edgelist;
}

} // namespace

namespace {

// What reading a network of `bytes` in this format and laying out its snapshot takes at the
// peak, measured on the bench/run-scale networks: an edge list or CSV about six times the file
// (the text, the ties as numbers and both ways, their grouping), node-link JSON three times
// (RapidJSON's document), GraphML twice.
std::size_t memory_for(NetworkFormat format, std::size_t bytes) {
    switch (format) {
        case NetworkFormat::edgelist:
        case NetworkFormat::csv:
        case NetworkFormat::pajek:
        case NetworkFormat::ucinet:
            return 6 * bytes;
        case NetworkFormat::json:
            return 3 * bytes;
        case NetworkFormat::gml:
            return 11 * bytes; // the parsed tree of keys and values: 675 MB for a 64 MB file
        case NetworkFormat::graphml:
        case NetworkFormat::gexf:
        case NetworkFormat::dynetml:
        case NetworkFormat::matrix:
            return 2 * bytes;
    }
    return 6 * bytes;
}

} // namespace

NetworkImport read_network(const NetworkOptions& given) {
    NetworkOptions options = given;
    std::vector<Diagnostic> notices;
    std::vector<std::string> files{options.path};
    {
        // A file too large for the memory left is refused before it is read.
        std::error_code ec;
        const auto size = std::filesystem::is_regular_file(options.path, ec) ? std::filesystem::file_size(options.path, ec) : 0;
        const auto format = options.format ? *options.format : guess_format(options.path, {});
        if (!ec && size > 0) require_memory(memory_for(format, size), available_memory(), "reading \"" + options.path + "\"");
    }
    const auto source = read_text_source(options.path, notices);
    const auto format = options.format ? *options.format : guess_format(options.path, source->content());
    if (!options.nodes_path.empty() && format != NetworkFormat::csv) throw UsageError("--nodes goes with --input-format csv only");
    // JSON and GraphML say whether they are directed; that decides how ties merge.
    std::optional<NodeLinkReader> node_link;
    if (format == NetworkFormat::json) {
        node_link.emplace(source);
        if (!node_link->directed()) options.undirected = true;
    }
    if (format == NetworkFormat::graphml && graphml_declares_undirected(source)) options.undirected = true;
    if (format == NetworkFormat::pajek && pajek_declares_undirected(source)) options.undirected = true;
    if (format == NetworkFormat::gexf && gexf_declares_undirected(source)) options.undirected = true;
    if (format == NetworkFormat::gml && !gml_declares_directed(source)) options.undirected = true;
    if (format == NetworkFormat::dynetml && dynetml_declares_undirected(source)) options.undirected = true;
    NetworkBuilder builder(options);
    switch (format) {
        case NetworkFormat::edgelist:
            read_edge_list(source, builder);
            break;
        case NetworkFormat::matrix:
            read_matrix(source, builder);
            break;
        case NetworkFormat::graphml:
            read_graphml_network(source, builder);
            break;
        case NetworkFormat::csv:
            if (!options.nodes_path.empty()) {
                files.push_back(options.nodes_path);
                read_nodes_csv(read_text_source(options.nodes_path, notices), builder);
            }
            read_edges_csv(source, builder, !options.nodes_path.empty());
            break;
        case NetworkFormat::json:
            read_node_link_network(*node_link, builder);
            break;
        case NetworkFormat::pajek:
            read_pajek(source, builder, notices);
            break;
        case NetworkFormat::gexf:
            read_gexf(source, builder, notices);
            break;
        case NetworkFormat::gml:
            read_gml(source, builder, notices);
            break;
        case NetworkFormat::ucinet:
            read_ucinet(source, builder);
            break;
        case NetworkFormat::dynetml:
            read_dynetml(source, builder, notices);
            break;
    }
    auto out = builder.finish(format, std::move(notices), std::move(files));
    if (out.graph->entity_count() == 0)
        out.notices.push_back({Severity::warning, nullptr, options.path, 0, 0, "empty-network", "the file holds no nodes", {}});
    return out;
}

} // namespace tg
