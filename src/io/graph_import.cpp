#include "io/graph_import.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/csv.hpp"
#include "io/evidence_json.hpp"
#include "io/graphml_reader.hpp"
#include "io/json_document.hpp"
#include "io/node_link_reader.hpp"
#include "io/property_columns.hpp"
#include "io/text_file.hpp"

#include <filesystem>
#include <map>
#include <set>

namespace tg {

std::optional<ImportFormat> parse_import_format(const std::string& name) {
    const auto n = to_lower_ascii(name);
    if (n == "graphml") return ImportFormat::graphml;
    if (n == "json") return ImportFormat::json;
    if (n == "csv") return ImportFormat::csv;
    return std::nullopt;
}

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const SourceTextPtr& source, std::size_t offset, const std::string& message, std::string hint = {}) {
    throw DataError({{Severity::error, source, {}, offset, 1, "bad-import", message, std::move(hint)}});
}

// Relations without an id get source-type-target, numbered when that is taken.
class RelationIds {
public:
    explicit RelationIds(std::vector<Diagnostic>& notices) : notices_(notices) {}
    std::string take(std::string id, const std::string& from, const std::string& type, const std::string& to) {
        if (!id.empty()) {
            taken_.insert(id);
            return id;
        }
        ++made_up_;
        std::string base = from + "-" + type + "-" + to, made = base;
        for (int n = 2; taken_.count(made); ++n) made = base + "-" + std::to_string(n);
        taken_.insert(made);
        return made;
    }
    void report(const std::string& file) {
        if (made_up_)
            notices_.push_back({Severity::note,
                                nullptr,
                                file,
                                0,
                                0,
                                "made-up-ids",
                                std::to_string(made_up_) + " relations had no id; each got one as source-type-target",
                                {}});
    }

private:
    std::vector<Diagnostic>& notices_;
    std::set<std::string> taken_;
    std::size_t made_up_ = 0;
};

std::vector<std::string> source_ids(const SourceTextPtr& source, std::size_t offset, const std::string& text) {
    rapidjson::Document document;
    std::vector<std::string> ids;
    std::string problem;
    if (!parse_json_text(text, document, problem) || !read_strings_json(document, ids, problem))
        fail(source, offset, "the graph's \"sources\" must be a JSON array of source ids: " + problem);
    return ids;
}

std::optional<PropertyType> graphml_type(const std::string& type) {
    if (type == "double" || type == "float") return PropertyType::number;
    if (type == "int" || type == "long") return PropertyType::integer;
    if (type == "boolean") return PropertyType::boolean;
    if (type == "string") return PropertyType::text;
    return std::nullopt;
}

// GraphML writers fill what a node or edge lacks with an empty text (igraph) or NaN: both mean
// missing. Removes them, and removes and returns an "id" property (the element's own id is the
// writer's numbering then).
std::string take_id(std::vector<PropertyText>& properties) {
    std::string id;
    std::vector<PropertyText> kept;
    for (auto& p : properties) {
        const auto lower = to_lower_ascii(trim(p.text));
        const bool numeric = p.declared == PropertyType::number || p.declared == PropertyType::integer;
        if (p.text.empty() || (numeric && lower == "nan")) continue;
        if (p.name == "id")
            id = p.text;
        else
            kept.push_back(std::move(p));
    }
    properties = std::move(kept);
    return id;
}

void read_graphml_export(const SourceTextPtr& source, ImportedGraph& out) {
    RelationIds ids(out.notices);
    std::map<std::string, std::string> node_ids; // the file's node id -> the entity id it names
    const auto properties_of = [](const GraphmlElement& element) {
        std::vector<PropertyText> properties;
        for (const auto& d : element.data) properties.push_back({d.key->name, graphml_type(d.key->type), d.text, d.offset});
        return properties;
    };
    read_graphml(source, [&](const GraphmlElement& element) {
        auto properties = properties_of(element);
        if (element.kind == GraphmlElement::Kind::graph) {
            for (const auto& p : properties)
                if (p.name == "sources") out.sources = source_ids(source, p.offset, p.text);
            return;
        }
        if (element.kind == GraphmlElement::Kind::node) {
            // igraph and others number the nodes and keep the original id as a property.
            const auto own = take_id(properties);
            if (!own.empty()) node_ids[element.id] = own;
            out.entities.push_back(entity_from_properties(source, own.empty() ? element.id : own, properties));
            return;
        }
        std::string id = element.id, from = element.source, to = element.target;
        if (const auto own = take_id(properties); !own.empty() && id.empty()) id = own;
        if (node_ids.count(from)) from = node_ids[from];
        if (node_ids.count(to)) to = node_ids[to];
        auto relation = relation_from_properties(source, "", from, to, properties);
        if (relation.type.empty()) fail(source, element.offset, "edge " + from + " -> " + to + " has no \"type\"");
        relation.id = ids.take(id, from, relation.type, to);
        out.relations.push_back(std::move(relation));
    });
    ids.report(source->name());
}

std::string json_text(const rapidjson::Value& object, const char* key) {
    const auto it = object.FindMember(key);
    return it != object.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength()) : "";
}

void read_node_link_export(const SourceTextPtr& source, ImportedGraph& out) {
    const NodeLinkReader file(source);
    const auto& root = file.root();
    const auto problem_at = [&](const std::string& pointer, const std::string& message) {
        file.fail(pointer, "bad-import", message, "the file must be node-link JSON as threatgraph export writes it");
    };
    if (root.HasMember("graph") && root["graph"].IsObject() && root["graph"].HasMember("sources")) {
        std::string problem;
        if (!read_strings_json(root["graph"]["sources"], out.sources, problem)) problem_at("/graph/sources", "sources " + problem);
    }
    // The parts shared by nodes and links.
    const auto common = [&](const rapidjson::Value& item, const std::string& pointer, std::vector<Evidence>& evidence,
                            Attributes& attributes, std::string& note) {
        std::string problem;
        if (item.HasMember("evidence") && !read_evidence_json(item["evidence"], evidence, problem))
            problem_at(pointer + "/evidence", problem);
        if (item.HasMember("attributes") && !read_attributes_json(item["attributes"], attributes, problem))
            problem_at(pointer + "/attributes", problem);
        note = json_text(item, "note");
    };
    file.for_each_node([&](const rapidjson::Value& node, const std::string& pointer) {
        if (!node["id"].IsString()) problem_at(pointer + "/id", "a node needs a string \"id\"");
        Entity e;
        e.id = json_text(node, "id");
        e.name = json_text(node, "name");
        e.kind = json_text(node, "kind");
        std::string problem;
        for (const char* list : {"aliases", "domains"})
            if (node.HasMember(list) && !read_strings_json(node[list], list[0] == 'a' ? e.aliases : e.domains, problem))
                problem_at(pointer + "/" + list, std::string(list) + " " + problem);
        common(node, pointer, e.evidence, e.attributes, e.note);
        out.entities.push_back(std::move(e));
    });
    RelationIds ids(out.notices);
    file.for_each_link([&](const rapidjson::Value& link, const std::string& pointer) {
        if (!link["source"].IsString() || !link["target"].IsString())
            problem_at(pointer, "a link needs string \"source\" and \"target\" ids");
        Relation r;
        r.source = json_text(link, "source");
        r.target = json_text(link, "target");
        r.type = json_text(link, "type");
        if (r.type.empty()) problem_at(pointer, "link " + r.source + " -> " + r.target + " has no \"type\"");
        if (link.HasMember("confidence")) {
            if (!link["confidence"].IsNumber()) problem_at(pointer + "/confidence", "confidence must be a number");
            r.confidence = link["confidence"].GetDouble();
        }
        if (link.HasMember("grading")) {
            r.grading = parse_grading(json_text(link, "grading"));
            if (!r.grading) problem_at(pointer + "/grading", "grading must be an Admiralty code such as \"B2\"");
        }
        for (const char* bound : {"valid_from", "valid_to"}) {
            if (!link.HasMember(bound)) continue;
            const auto date = json_text(link, bound);
            if (!is_valid_date(date)) problem_at(pointer + "/" + bound, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
            if (!r.period) r.period = Period{};
            (bound[6] == 'f' ? r.period->from : r.period->to) = date;
        }
        common(link, pointer, r.evidence, r.attributes, r.note);
        r.id = ids.take(json_text(link, "key"), r.source, r.type, r.target);
        out.relations.push_back(std::move(r));
    });
    ids.report(source->name());
}

// One CSV file of the pair: its header split into names and declared types.
struct CsvTable {
    SourceTextPtr source;
    std::vector<CsvRow> rows;
    std::vector<std::string> names;
    std::vector<std::optional<PropertyType>> types;

    std::size_t column(const std::string& name) const {
        for (std::size_t c = 0; c < names.size(); ++c)
            if (names[c] == name) return c;
        return names.size();
    }
};

CsvTable read_csv_table(const std::string& path, ImportedGraph& out, std::initializer_list<const char*> required) {
    CsvTable table;
    table.source = read_text_source(path, out.notices);
    out.files.push_back(path);
    table.rows = parse_csv(table.source);
    if (table.rows.empty()) fail(table.source, 0, "the file is empty; expected a Neo4j import header such as id:ID,:LABEL,name:string");
    for (const auto& field : table.rows.front()) {
        const auto colon = field.text.rfind(':');
        std::string name = field.text, type;
        if (colon != std::string::npos) {
            name = field.text.substr(0, colon);
            type = field.text.substr(colon + 1);
        }
        std::optional<PropertyType> declared;
        if (type == "double" || type == "float")
            declared = PropertyType::number;
        else if (type == "long" || type == "int" || type == "short" || type == "byte")
            declared = PropertyType::integer;
        else if (type == "boolean")
            declared = PropertyType::boolean;
        else if (type == "string" || type.empty())
            declared = PropertyType::text;
        // ID, LABEL, START_ID, END_ID and TYPE name themselves by the type.
        table.names.push_back(name.empty() || type == "ID" ? ":" + type : name);
        table.types.push_back(declared);
    }
    for (const char* name : required)
        if (table.column(name) == table.names.size())
            fail(table.source, 0, std::string("the header has no \"") + name + "\" column",
                 "export with threatgraph export --to csv, or add the Neo4j header columns");
    for (std::size_t r = 1; r < table.rows.size(); ++r)
        if (table.rows[r].size() != table.names.size())
            fail(table.source, table.rows[r].front().offset,
                 "row has " + std::to_string(table.rows[r].size()) + " fields, the header " + std::to_string(table.names.size()));
    return table;
}

// The row's cells as properties, skipping the ones listed and the empty unquoted ones (missing).
std::vector<PropertyText> csv_properties(const CsvTable& table, const CsvRow& row, std::initializer_list<std::size_t> skip) {
    std::vector<PropertyText> properties;
    for (std::size_t c = 0; c < row.size(); ++c) {
        bool skipped = table.names[c] == ":LABEL";
        for (auto s : skip) skipped = skipped || s == c;
        const bool quoted = row[c].offset < table.source->content().size() && table.source->content()[row[c].offset] == '"';
        if (skipped || (row[c].text.empty() && !quoted)) continue;
        properties.push_back({table.names[c], table.types[c], row[c].text, row[c].offset});
    }
    return properties;
}

void read_csv_pair(const std::string& path, ImportedGraph& out) {
    const fs::path given(path);
    const fs::path folder = is_directory(path) ? given : given.parent_path();
    const auto entities = read_csv_table((folder / "entities.csv").string(), out, {":ID"});
    const auto relations = read_csv_table((folder / "relations.csv").string(), out, {":START_ID", ":END_ID", ":TYPE"});
    const auto id = entities.column(":ID");
    for (std::size_t r = 1; r < entities.rows.size(); ++r) {
        const auto& row = entities.rows[r];
        if (row[id].text.empty()) fail(entities.source, row[id].offset, "an entity without an id");
        out.entities.push_back(entity_from_properties(entities.source, row[id].text, csv_properties(entities, row, {id})));
    }
    RelationIds ids(out.notices);
    const auto from = relations.column(":START_ID"), to = relations.column(":END_ID"), type = relations.column(":TYPE");
    const auto key = relations.column("id");
    for (std::size_t r = 1; r < relations.rows.size(); ++r) {
        const auto& row = relations.rows[r];
        auto properties = csv_properties(relations, row, {from, to, type, key});
        properties.push_back({"type", PropertyType::text, row[type].text, row[type].offset});
        auto relation = relation_from_properties(relations.source, "", row[from].text, row[to].text, properties);
        relation.id = ids.take(key < row.size() ? row[key].text : "", relation.source, relation.type, relation.target);
        out.relations.push_back(std::move(relation));
    }
    ids.report(relations.source->name());
}

} // namespace

ImportedGraph import_graph(const std::string& path, std::optional<ImportFormat> format) {
    ImportedGraph out;
    if (!format) {
        const auto extension = to_lower_ascii(fs::path(path).extension().string());
        if (extension == ".graphml" || extension == ".xml")
            format = ImportFormat::graphml;
        else if (extension == ".json")
            format = ImportFormat::json;
        else if (extension == ".csv" || is_directory(path))
            format = ImportFormat::csv;
        else
            throw UsageError("cannot tell the format of \"" + path + "\" from its name", "say --from graphml, json or csv");
    }
    out.format = *format;
    if (*format == ImportFormat::csv) {
        read_csv_pair(path, out);
        return out;
    }
    if (is_directory(path))
        throw UsageError("\"" + path + "\" is a folder; a " + std::string(*format == ImportFormat::json ? "json" : "graphml") +
                         " import reads one file");
    const auto source = read_text_source(path, out.notices);
    out.files.push_back(path);
    if (*format == ImportFormat::graphml)
        read_graphml_export(source, out);
    else
        read_node_link_export(source, out);
    return out;
}

} // namespace tg
