#include "io/property_columns.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/evidence_json.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace tg {

std::string round_trip_number(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

double relation_weight(const KnowledgeGraph& graph, RelationIndex r) {
    const auto relation = graph.relation(r);
    if (const auto weight = relation.attribute("weight"); weight && std::holds_alternative<double>(weight->value))
        return std::get<double>(weight->value);
    return relation.confidence();
}

const char* xml_type_name(PropertyType type) {
    switch (type) {
        case PropertyType::number:
            return "double";
        case PropertyType::integer:
            return "long";
        case PropertyType::boolean:
            return "boolean";
        case PropertyType::text:
            return "string";
    }
    return "string";
}

std::string property_text(PropertyType type, const AttributeValue& value) {
    if (const auto* d = std::get_if<double>(&value)) {
        if (type == PropertyType::integer) return std::to_string(static_cast<long long>(*d));
        return round_trip_number(*d);
    }
    return format_value(value);
}

namespace {

const std::set<std::string> kEntityCore{"id", "name", "kind", "aliases", "domains", "note", "evidence"};
const std::set<std::string> kRelationCore{"id",         "source",  "target",     "key",      "type", "symmetric",
                                          "confidence", "grading", "valid_from", "valid_to", "note", "evidence"};
const char* const kParts[] = {".unit", ".year", ".note", ".evidence", ".type"};

std::string json_strings(Span<std::string> items) {
    JsonWriter json(false);
    json.begin_array();
    for (const auto& item : items) json.value(item);
    json.end_array();
    std::string text = json.str();
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

class TableBuilder {
public:
    TableBuilder(std::size_t rows, const std::set<std::string>& core, const char* owner) : core_(core), owner_(owner) {
        table_.rows.resize(rows);
    }

    std::size_t column(const std::string& name, PropertyType type, bool json = false) {
        const auto it = index_.find(name);
        if (it != index_.end()) return it->second;
        index_[name] = table_.columns.size();
        table_.columns.push_back({name, type, json});
        for (auto& row : table_.rows) row.emplace_back();
        return table_.columns.size() - 1;
    }
    // One overload per alternative: building the variant in place keeps GCC 12's
    // maybe-uninitialized analysis of std::variant quiet.
    void set(std::size_t row, std::size_t column, std::string_view text) {
        table_.rows[row][column].emplace(std::in_place_type<std::string>, text);
    }
    void set(std::size_t row, std::size_t column, const std::string& text) { set(row, column, std::string_view(text)); }
    void set(std::size_t row, std::size_t column, const char* text) { set(row, column, std::string_view(text)); }
    void set(std::size_t row, std::size_t column, double number) { table_.rows[row][column].emplace(std::in_place_type<double>, number); }
    void set(std::size_t row, std::size_t column, bool flag) { table_.rows[row][column].emplace(std::in_place_type<bool>, flag); }
    void set(std::size_t row, std::size_t column, const AttributeValue& value) {
        std::visit([&](const auto& v) { set(row, column, v); }, value);
    }

    // One column per attribute name (and its parts), sorted by name, after the core ones.
    void add_attributes(const std::vector<Attributes>& rows) {
        struct Seen {
            std::set<std::size_t> value_types;
            bool unit = false, year = false, note = false, evidence = false;
            bool whole = true;
        };
        std::map<std::string, Seen> seen;
        for (const auto& attributes : rows)
            for (const auto& [name, a] : attributes) {
                auto& s = seen[name];
                s.value_types.insert(a.value.index());
                if (const auto* d = std::get_if<double>(&a.value)) s.whole = s.whole && std::floor(*d) == *d && std::fabs(*d) < 9e15;
                s.unit = s.unit || !a.unit.empty();
                s.year = s.year || a.year.has_value();
                s.note = s.note || !a.note.empty();
                s.evidence = s.evidence || !a.evidence.empty();
            }
        std::set<std::string> taken(core_.begin(), core_.end());
        const auto claim = [&](const std::string& attribute, const std::string& column) {
            if (!taken.insert(column).second)
                throw DataError("the " + std::string(owner_) + " attribute \"" + attribute + "\" cannot be exported: its column \"" +
                                    column + "\" would be taken twice",
                                "rename the attribute in graph-data (\"" + column + "\" is a core property or another attribute's column)");
        };
        for (const auto& [name, s] : seen) {
            claim(name, name);
            for (const char* part : kParts) {
                const std::string p = std::string(part).substr(1);
                const bool used = (p == "unit" && s.unit) || (p == "year" && s.year) || (p == "note" && s.note) ||
                                  (p == "evidence" && s.evidence) || (p == "type" && s.value_types.size() > 1);
                if (used) claim(name, name + part);
            }
        }
        for (const auto& [name, s] : seen) {
            const bool mixed = s.value_types.size() > 1;
            PropertyType type = PropertyType::text;
            if (!mixed && *s.value_types.begin() == 0) type = s.whole ? PropertyType::integer : PropertyType::number;
            if (!mixed && *s.value_types.begin() == 2) type = PropertyType::boolean;
            const auto value_column = column(name, type);
            for (std::size_t r = 0; r < rows.size(); ++r) {
                const auto it = rows[r].find(name);
                if (it == rows[r].end()) continue;
                const auto& a = it->second;
                if (!mixed) {
                    set(r, value_column, a.value);
                } else {
                    const char* kind = a.value.index() == 0 ? "number" : a.value.index() == 1 ? "text" : "boolean";
                    const auto* d = std::get_if<double>(&a.value);
                    set(r, value_column, d ? round_trip_number(*d) : format_value(a.value));
                    set(r, column(name + ".type", PropertyType::text), std::string(kind));
                }
                if (!a.unit.empty()) set(r, column(name + ".unit", PropertyType::text), a.unit);
                if (a.year) set(r, column(name + ".year", PropertyType::integer), static_cast<double>(*a.year));
                if (!a.note.empty()) set(r, column(name + ".note", PropertyType::text), a.note);
                if (!a.evidence.empty()) set(r, column(name + ".evidence", PropertyType::text, true), evidence_text(a.evidence));
            }
        }
    }

    PropertyTable finish() { return std::move(table_); }

private:
    PropertyTable table_;
    std::map<std::string, std::size_t> index_;
    const std::set<std::string>& core_;
    const char* owner_;
};

} // namespace

PropertyTable entity_properties(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities) {
    TableBuilder table(entities.size(), kEntityCore, "entity");
    const auto name = table.column("name", PropertyType::text);
    const auto kind = table.column("kind", PropertyType::text);
    const auto aliases = table.column("aliases", PropertyType::text, true);
    const auto domains = table.column("domains", PropertyType::text, true);
    const auto note = table.column("note", PropertyType::text);
    const auto evidence = table.column("evidence", PropertyType::text, true);
    std::vector<Attributes> attributes;
    for (std::size_t row = 0; row < entities.size(); ++row) {
        const auto& e = graph.entity(entities[row]);
        table.set(row, name, e.name());
        table.set(row, kind, e.kind());
        if (!e.aliases().empty()) table.set(row, aliases, json_strings(e.aliases()));
        if (!e.domains().empty()) table.set(row, domains, json_strings(e.domains()));
        if (!e.note().empty()) table.set(row, note, e.note());
        if (!e.evidence().empty()) table.set(row, evidence, evidence_text(e.evidence()));
        attributes.push_back(e.attributes());
    }
    table.add_attributes(attributes);
    return table.finish();
}

PropertyTable relation_properties(const KnowledgeGraph& graph, const std::vector<RelationIndex>& relations) {
    TableBuilder table(relations.size(), kRelationCore, "relation");
    const auto type = table.column("type", PropertyType::text);
    const auto symmetric = table.column("symmetric", PropertyType::boolean);
    const auto confidence = table.column("confidence", PropertyType::number);
    const auto grading = table.column("grading", PropertyType::text);
    const auto from = table.column("valid_from", PropertyType::text);
    const auto to = table.column("valid_to", PropertyType::text);
    const auto note = table.column("note", PropertyType::text);
    const auto evidence = table.column("evidence", PropertyType::text, true);
    std::vector<Attributes> attributes;
    for (std::size_t row = 0; row < relations.size(); ++row) {
        const auto& r = graph.relation(relations[row]);
        const auto* t = graph.ontology().relation_type(r.type());
        table.set(row, type, r.type());
        table.set(row, symmetric, t && t->symmetric);
        table.set(row, confidence, r.confidence());
        if (r.grading()) table.set(row, grading, r.grading()->code());
        if (r.period() && !r.period()->from.empty()) table.set(row, from, r.period()->from);
        if (r.period() && !r.period()->to.empty()) table.set(row, to, r.period()->to);
        if (!r.note().empty()) table.set(row, note, r.note());
        if (!r.evidence().empty()) table.set(row, evidence, evidence_text(r.evidence()));
        attributes.push_back(r.attributes());
    }
    table.add_attributes(attributes);
    return table.finish();
}

namespace {

[[noreturn]] void bad(const SourceTextPtr& source, const PropertyText& p, const std::string& problem) {
    throw DataError({{Severity::error,
                      source,
                      {},
                      p.offset,
                      std::max<std::size_t>(1, std::min<std::size_t>(p.text.size(), 40)),
                      "bad-property",
                      "property \"" + p.name + "\": " + problem,
                      "the value must be as threatgraph export writes it; see README, \"Exports and imports\""}});
}

double number_of(const SourceTextPtr& source, const PropertyText& p) {
    const auto n = parse_number(p.text);
    if (!n) bad(source, p, "\"" + p.text + "\" is not a number");
    return *n;
}

bool boolean_of(const SourceTextPtr& source, const PropertyText& p) {
    const auto t = to_lower_ascii(trim(p.text));
    if (t == "true" || t == "1") return true;
    if (t == "false" || t == "0") return false;
    bad(source, p, "\"" + p.text + "\" is not true or false");
}

rapidjson::Document json_of(const SourceTextPtr& source, const PropertyText& p) {
    rapidjson::Document document;
    std::string problem;
    if (!parse_json_text(p.text, document, problem)) bad(source, p, problem);
    return document;
}

std::vector<std::string> strings_of(const SourceTextPtr& source, const PropertyText& p) {
    std::vector<std::string> out;
    std::string problem;
    if (!read_strings_json(json_of(source, p), out, problem)) bad(source, p, problem + ", as [\"a\", \"b\"]");
    return out;
}

std::vector<Evidence> evidence_of(const SourceTextPtr& source, const PropertyText& p) {
    std::vector<Evidence> out;
    std::string problem;
    if (!read_evidence_json(json_of(source, p), out, problem)) bad(source, p, problem);
    return out;
}

// Every property that is not in `core` is an attribute or a part of one.
void read_attributes(const SourceTextPtr& source, const std::set<std::string>& core, const std::vector<PropertyText>& properties,
                     Attributes& into) {
    std::map<std::string, const PropertyText*> by_name;
    for (const auto& p : properties)
        if (!core.count(p.name)) by_name[p.name] = &p;
    const auto part_of = [&](const std::string& name) -> std::pair<std::string, std::string> {
        for (const char* part : kParts) {
            const std::string suffix(part);
            if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
                const auto base = name.substr(0, name.size() - suffix.size());
                if (by_name.count(base)) return {base, suffix.substr(1)};
            }
        }
        return {};
    };
    for (const auto& [name, p] : by_name) {
        if (!part_of(name).first.empty()) continue;
        Attribute a;
        std::string type = p->declared == PropertyType::number || p->declared == PropertyType::integer ? "number"
                           : p->declared == PropertyType::boolean                                      ? "boolean"
                                                                                                       : "text";
        if (const auto it = by_name.find(name + ".type"); it != by_name.end()) {
            type = std::string(trim(it->second->text));
            if (type != "number" && type != "text" && type != "boolean") bad(source, *it->second, "expected number, text or boolean");
        }
        if (type == "number")
            a.value = number_of(source, *p);
        else if (type == "boolean")
            a.value = boolean_of(source, *p);
        else
            a.value = p->text;
        into[name] = std::move(a);
    }
    for (const auto& [name, p] : by_name) {
        const auto [base, part] = part_of(name);
        if (base.empty()) continue;
        auto& a = into[base];
        if (part == "unit") a.unit = p->text;
        if (part == "note") a.note = p->text;
        if (part == "evidence") a.evidence = evidence_of(source, *p);
        if (part == "year") {
            const double y = number_of(source, *p);
            if (std::floor(y) != y || std::fabs(y) > 9999) bad(source, *p, "a year must be a whole number");
            a.year = static_cast<int>(y);
        }
    }
}

} // namespace

Entity entity_from_properties(const SourceTextPtr& source, std::string id, const std::vector<PropertyText>& properties) {
    Entity e;
    e.id = std::move(id);
    for (const auto& p : properties) {
        if (p.name == "name")
            e.name = p.text;
        else if (p.name == "kind")
            e.kind = p.text;
        else if (p.name == "note")
            e.note = p.text;
        else if (p.name == "aliases")
            e.aliases = strings_of(source, p);
        else if (p.name == "domains")
            e.domains = strings_of(source, p);
        else if (p.name == "evidence")
            e.evidence = evidence_of(source, p);
    }
    read_attributes(source, kEntityCore, properties, e.attributes);
    return e;
}

Relation relation_from_properties(const SourceTextPtr& source, std::string id, std::string from, std::string to,
                                  const std::vector<PropertyText>& properties) {
    Relation r;
    r.id = std::move(id);
    r.source = std::move(from);
    r.target = std::move(to);
    for (const auto& p : properties) {
        if (p.name == "type")
            r.type = p.text;
        else if (p.name == "confidence")
            r.confidence = number_of(source, p);
        else if (p.name == "note")
            r.note = p.text;
        else if (p.name == "evidence")
            r.evidence = evidence_of(source, p);
        else if (p.name == "grading") {
            r.grading = parse_grading(p.text);
            if (!r.grading) bad(source, p, "\"" + p.text + "\" is not an Admiralty code such as B2");
        } else if (p.name == "valid_from" || p.name == "valid_to") {
            if (!is_valid_date(p.text)) bad(source, p, "\"" + p.text + "\" is not a date as YYYY, YYYY-MM or YYYY-MM-DD");
            if (!r.period) r.period = Period{};
            (p.name == "valid_from" ? r.period->from : r.period->to) = p.text;
        }
    }
    read_attributes(source, kRelationCore, properties, r.attributes);
    return r;
}

} // namespace tg
