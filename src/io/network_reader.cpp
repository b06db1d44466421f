#include "io/network_reader.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/csv.hpp"
#include "io/edge_list_scan.hpp"
#include "io/graphml_reader.hpp"
#include "io/json_document.hpp"
#include "io/network_builder.hpp"
#include "io/text_file.hpp"

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
    return std::nullopt;
}

const char* network_format_name(NetworkFormat format) {
    switch (format) {
    case NetworkFormat::json: return "json";
    case NetworkFormat::graphml: return "graphml";
    case NetworkFormat::csv: return "csv";
    case NetworkFormat::edgelist: return "edgelist";
    case NetworkFormat::matrix: return "matrix";
    }
    return "edgelist";
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
    case MergeRule::first: return "first";
    case MergeRule::last: return "last";
    case MergeRule::sum: return "sum";
    case MergeRule::max: return "max";
    }
    return "first";
}

namespace {

[[noreturn]] void fail(const SourceTextPtr& source, std::size_t offset, std::string code, std::string message,
                       std::string hint = {}) {
    throw DataError({{Severity::error, source, {}, offset, 1, std::move(code), std::move(message), std::move(hint)}});
}

std::string clean_name(std::string_view raw, NetworkBuilder& builder) {
    const auto trimmed = trim(raw);
    if (trimmed.size() != raw.size()) builder.count_trimmed_name();
    return std::string(trimmed);
}

void read_edgelist(const SourceTextPtr& source, NetworkBuilder& builder) {
    scan_edge_list(source, [&](const TieLine& tie) {
        builder.add_tie(std::string(tie.from), std::string(tie.to), tie.weight);
    });
}

std::size_t find_column(const CsvRow& header, std::initializer_list<const char*> names) {
    for (std::size_t c = 0; c < header.size(); ++c)
        for (const char* n : names)
            if (to_lower_ascii(trim(header[c].text)) == n) return c;
    return header.size();
}

// Every row has as many fields as the header.
void check_row_width(const SourceTextPtr& source, const CsvRow& header, const CsvRow& row) {
    if (row.size() != header.size())
        fail(source, row.front().offset, "csv-column-count",
             "expected " + std::to_string(header.size()) + " fields as in the header, found " + std::to_string(row.size()));
}

// The cells of the columns not in `used`, as attributes named by the header: numbers where they
// parse, text otherwise, empty cells left out.
Attributes row_attributes(const CsvRow& header, const CsvRow& row, std::initializer_list<std::size_t> used) {
    Attributes attributes;
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (std::find(used.begin(), used.end(), c) != used.end()) continue;
        const auto key = std::string(trim(header[c].text));
        if (const auto number = parse_number(row[c].text))
            attributes[key] = Attribute{*number, {}, std::nullopt, {}, {}};
        else if (!trim(row[c].text).empty())
            attributes[key] = Attribute{std::string(trim(row[c].text)), {}, std::nullopt, {}, {}};
    }
    return attributes;
}

void read_nodes_csv(const SourceTextPtr& source, NetworkBuilder& builder) {
    const auto rows = parse_csv(source);
    if (rows.empty()) fail(source, 0, "empty-file", "the nodes file is empty", "expected a header such as \"id,name\"");
    const auto& header = rows[0];
    std::size_t id_col = find_column(header, {"id", "node", "name"});
    if (id_col == header.size()) id_col = 0;
    std::size_t name_col = find_column(header, {"name", "label"});
    if (name_col == id_col) name_col = find_column(header, {"label"});
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        check_row_width(source, header, row);
        const auto id = clean_name(row[id_col].text, builder);
        if (id.empty()) fail(source, row[id_col].offset, "empty-id", "empty node id");
        if (builder.has_node(id)) fail(source, row[id_col].offset, "duplicate-node", "node \"" + id + "\" is listed twice");
        std::string name = name_col < row.size() ? clean_name(row[name_col].text, builder) : std::string();
        builder.add_node(id, name, row_attributes(header, row, {id_col, name_col}));
    }
}

void read_edges_csv(const SourceTextPtr& source, NetworkBuilder& builder, bool nodes_given) {
    const auto rows = parse_csv(source);
    if (rows.empty()) fail(source, 0, "empty-file", "the file is empty", "expected a header such as \"from,to,weight\"");
    const auto& header = rows[0];
    if (header.size() < 2)
        fail(source, 0, "csv-header", "expected a header with at least two columns (source, target)",
             "for a whitespace-separated list use --input-format edgelist");
    std::size_t from_col = find_column(header, {"from", "source", "src", ":start_id"});
    std::size_t to_col = find_column(header, {"to", "target", "dst", ":end_id"});
    if (from_col == header.size() || to_col == header.size()) from_col = 0, to_col = 1;
    const std::size_t weight_col = find_column(header, {"weight", "value", "w"});
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        check_row_width(source, header, row);
        const auto from = clean_name(row[from_col].text, builder);
        const auto to = clean_name(row[to_col].text, builder);
        if (from.empty() || to.empty())
            fail(source, row[from.empty() ? from_col : to_col].offset, "empty-id", "empty node id in an edge");
        for (const auto& [end, col] : {std::make_pair(from, from_col), std::make_pair(to, to_col)})
            if (nodes_given && !builder.has_node(end))
                fail(source, row[col].offset, "unknown-node", "node \"" + end + "\" is not in the nodes file",
                     "add it to the nodes file or leave out --nodes");
        std::optional<double> weight;
        if (weight_col < row.size()) {
            weight = parse_number(row[weight_col].text);
            if (!weight) fail(source, row[weight_col].offset, "bad-weight", "weight \"" + row[weight_col].text + "\" is not a number");
        }
        builder.add_tie(from, to, weight, row_attributes(header, row, {from_col, to_col, weight_col}));
    }
}

void read_matrix(const SourceTextPtr& source, NetworkBuilder& builder) {
    const auto rows = parse_csv(source);
    if (rows.empty()) fail(source, 0, "empty-file", "the matrix file is empty");
    const auto& header = rows[0];
    const std::size_t n = header.size() - 1;
    if (n == 0) fail(source, 0, "matrix-header", "expected a header row with the node ids after the first cell");
    std::vector<std::string> ids;
    for (std::size_t c = 1; c < header.size(); ++c) {
        auto id = clean_name(header[c].text, builder);
        if (id.empty()) fail(source, header[c].offset, "empty-id", "empty node id in the header row");
        if (builder.has_node(id)) fail(source, header[c].offset, "duplicate-node", "node \"" + id + "\" appears twice in the header");
        builder.add_node(id);
        ids.push_back(std::move(id));
    }
    if (rows.size() - 1 != n)
        fail(source, rows.size() > 1 ? rows.back().front().offset : 0, "matrix-not-square",
             "the header names " + std::to_string(n) + " nodes but there are " + std::to_string(rows.size() - 1) + " rows",
             "an adjacency matrix has one row per node, in any order");
    std::vector<bool> seen(n, false);
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        check_row_width(source, header, row);
        const auto id = clean_name(row[0].text, builder);
        const auto at = std::find(ids.begin(), ids.end(), id);
        if (at == ids.end())
            fail(source, row[0].offset, "unknown-node", "row \"" + id + "\" is not in the header row");
        const auto position = static_cast<std::size_t>(at - ids.begin());
        if (seen[position]) fail(source, row[0].offset, "duplicate-node", "row \"" + id + "\" appears twice");
        seen[position] = true;
        for (std::size_t c = 1; c < row.size(); ++c) {
            const auto value = parse_number(row[c].text.empty() ? std::string("0") : row[c].text);
            if (!value) fail(source, row[c].offset, "bad-weight", "cell \"" + row[c].text + "\" is not a number");
            if (*value != 0) builder.add_tie(id, ids[c - 1], *value);
        }
    }
}

std::string json_scalar_text(const rapidjson::Value& v) {
    if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
    if (v.IsInt64()) return std::to_string(v.GetInt64());
    if (v.IsUint64()) return std::to_string(v.GetUint64());
    if (v.IsDouble()) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.17g", v.GetDouble());
        return buffer;
    }
    if (v.IsBool()) return v.GetBool() ? "true" : "false";
    return {};
}

Attributes json_attributes(const rapidjson::Value& object, std::initializer_list<const char*> skip) {
    Attributes out;
    for (const auto& m : object.GetObject()) {
        const std::string key = m.name.GetString();
        bool skipped = false;
        for (const char* s : skip) skipped = skipped || key == s;
        if (skipped) continue;
        if (m.value.IsNumber())
            out[key] = Attribute{m.value.GetDouble(), {}, std::nullopt, {}, {}};
        else if (m.value.IsString())
            out[key] = Attribute{std::string(m.value.GetString(), m.value.GetStringLength()), {}, std::nullopt, {}, {}};
        else if (m.value.IsBool())
            out[key] = Attribute{m.value.GetBool(), {}, std::nullopt, {}, {}};
    }
    return out;
}

void read_node_link(const JsonDocument& doc, NetworkBuilder& builder) {
    const auto& source = doc.source();
    const auto& root = doc.root();
    const auto at = [&](const std::string& pointer) { return doc.value_offset(pointer); };
    if (!root.IsObject() || !root.HasMember("nodes") || !root["nodes"].IsArray())
        fail(source, 0, "node-link", "expected a node-link object with a \"nodes\" array",
             "NetworkX writes one with networkx.node_link_data(G)");
    const auto& nodes = root["nodes"];
    for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) {
        const auto& node = nodes[i];
        const auto pointer = "/nodes" + pointer_index(i);
        if (!node.IsObject() || !node.HasMember("id"))
            fail(source, at(pointer), "node-link", "expected a node object with an \"id\"");
        const auto id = json_scalar_text(node["id"]);
        if (id.empty()) fail(source, at(pointer + "/id"), "empty-id", "node id must be a non-empty string or a number");
        if (builder.has_node(id)) fail(source, at(pointer + "/id"), "duplicate-node", "node \"" + id + "\" is listed twice");
        std::string name;
        for (const char* key : {"name", "label"})
            if (name.empty() && node.HasMember(key) && node[key].IsString()) name = node[key].GetString();
        builder.add_node(id, name, json_attributes(node, {"id", "name", "label"}));
    }
    const char* key = root.HasMember("links") ? "links" : "edges";
    if (!root.HasMember(key)) return;
    const auto& links = root[key];
    if (!links.IsArray()) fail(source, at(std::string("/") + key), "node-link", std::string("expected \"") + key + "\" to be an array");
    for (rapidjson::SizeType i = 0; i < links.Size(); ++i) {
        const auto& link = links[i];
        const auto pointer = std::string("/") + key + pointer_index(i);
        if (!link.IsObject() || !link.HasMember("source") || !link.HasMember("target"))
            fail(source, at(pointer), "node-link", "expected a link object with \"source\" and \"target\"");
        const auto from = json_scalar_text(link["source"]);
        const auto to = json_scalar_text(link["target"]);
        for (const auto& [end, side] : {std::make_pair(from, "/source"), std::make_pair(to, "/target")})
            if (!builder.has_node(end))
                fail(source, at(pointer + side), "unknown-node", "link end \"" + end + "\" is not a listed node");
        std::optional<double> weight;
        if (link.HasMember("weight")) {
            if (!link["weight"].IsNumber()) fail(source, at(pointer + "/weight"), "bad-weight", "weight must be a number");
            weight = link["weight"].GetDouble();
        }
        builder.add_tie(from, to, weight, json_attributes(link, {"source", "target", "weight", "key"}));
    }
}

NetworkFormat guess_format(const std::string& path, const std::string& content) {
    const auto ext = to_lower_ascii(std::filesystem::path(path).extension().string());
    if (ext == ".json") return NetworkFormat::json;
    if (ext == ".graphml" || ext == ".xml") return NetworkFormat::graphml;
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

NetworkImport read_network(const NetworkOptions& given) {
    NetworkOptions options = given;
    std::vector<Diagnostic> notices;
    std::vector<std::string> files{options.path};
    const auto source = read_text_source(options.path, notices);
    const auto format = options.format ? *options.format : guess_format(options.path, source->content());
    if (!options.nodes_path.empty() && format != NetworkFormat::csv)
        throw UsageError("--nodes goes with --input-format csv only");
    // JSON and GraphML say whether they are directed; that decides how ties merge.
    JsonDocument json;
    if (format == NetworkFormat::json) {
        std::vector<Diagnostic> problems;
        if (!json.parse(source, problems)) throw DataError(std::move(problems));
        const auto& root = json.root();
        if (root.IsObject() && root.HasMember("directed") && root["directed"].IsBool() && !root["directed"].GetBool())
            options.undirected = true;
    }
    if (format == NetworkFormat::graphml && graphml_declares_undirected(source)) options.undirected = true;
    NetworkBuilder builder(options);
    switch (format) {
    case NetworkFormat::edgelist: read_edgelist(source, builder); break;
    case NetworkFormat::matrix: read_matrix(source, builder); break;
    case NetworkFormat::graphml: read_graphml(source, builder); break;
    case NetworkFormat::csv:
        if (!options.nodes_path.empty()) {
            files.push_back(options.nodes_path);
            read_nodes_csv(read_text_source(options.nodes_path, notices), builder);
        }
        read_edges_csv(source, builder, !options.nodes_path.empty());
        break;
    case NetworkFormat::json: read_node_link(json, builder); break;
    }
    if (source->content().find_first_not_of(" \t\r\n") == std::string::npos)
        notices.push_back({Severity::warning, nullptr, options.path, 0, 0, "empty-network", "the file holds no nodes", {}});
    return builder.finish(format, std::move(notices), std::move(files));
}

} // namespace tg
