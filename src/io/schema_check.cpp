#include "io/schema_check.hpp"

#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/text.hpp"
#include "io/text_file.hpp"

#include <rapidjson/pointer.h>

#include <rapidjson/internal/regex.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cstdio>
#include <set>

namespace tg {

struct SchemaSet::Compiled {
    rapidjson::Document wrapper; // {"$ref": "#/definitions/X", "definitions": {...}}
    std::unique_ptr<rapidjson::SchemaDocument> schema;
};

SchemaSet::SchemaSet() = default;
SchemaSet::~SchemaSet() = default;
SchemaSet::SchemaSet(SchemaSet&&) noexcept = default;

namespace {

// The definitions threatgraph validates graph-data against.
const char* const kDefinitionsUsed[] = {"ontologyFile", "domain", "kind",          "relationType", "sourcesFile",      "source",
                                        "entitiesFile", "entity", "relationsFile", "relation",     "relationCuesFile", "relationCue"};

// A data folder's schema is input like any other: before RapidJSON compiles it (recursively),
// every subschema must have the shape draft-04 gives it, every "$ref" must name a definition,
// and no definition may refer back to itself without descending into the document (which would
// recurse for ever). Problems are added to `problems`; true when there are none.
class SchemaShapeCheck {
public:
    SchemaShapeCheck(const JsonDocument& file, std::vector<Diagnostic>& problems) : file_(file), problems_(problems) {}

    bool run() {
        const auto& definitions = file_.root()["definitions"];
        for (const char* name : kDefinitionsUsed)
            if (!definitions.HasMember(name))
                fail("/definitions", "the schema has no definition \"" + std::string(name) + "\", which threatgraph validates against",
                     "restore it from the schema threatgraph ships (graph-data/schema/graph-data.schema.json)");
        for (const auto& d : definitions.GetObject()) walk("/definitions" + pointer_token(d.name.GetString()), d.value, d.name.GetString());
        for (const auto& d : definitions.GetObject()) find_cycle(d.name.GetString());
        return ok_;
    }

private:
    void fail(const std::string& pointer, const std::string& message, const std::string& hint = {}) {
        problems_.push_back(file_.diagnostic(pointer, "schema-invalid", message, hint));
        ok_ = false;
    }

    // Checks the subschema `node` and those under it (without recursion); `owner` is the
    // definition it belongs to, for the graph of references.
    void walk(const std::string& pointer, const rapidjson::Value& node, const std::string& owner) {
        struct Item {
            std::string pointer;
            const rapidjson::Value* node;
            bool same_level; // validated against the same value as its definition
        };
        std::vector<Item> stack{{pointer, &node, true}};
        while (!stack.empty() && problems_.size() < 50) {
            const auto item = std::move(stack.back());
            stack.pop_back();
            const auto& n = *item.node;
            if (!n.IsObject()) {
                fail(item.pointer, "a schema must be an object, found " + std::string(json_type_name(n)));
                continue;
            }
            const auto sub = [&](const char* key, const rapidjson::Value& v, bool same) {
                stack.push_back({item.pointer + pointer_token(key), &v, same && item.same_level});
            };
            for (const auto& m : n.GetObject()) {
                const std::string key = m.name.GetString();
                const auto& v = m.value;
                const auto at = item.pointer + pointer_token(key);
                if (key == "$ref") {
                    const std::string prefix = "#/definitions/";
                    const std::string ref = v.IsString() ? v.GetString() : "";
                    const auto target = ref.compare(0, prefix.size(), prefix) == 0 ? ref.substr(prefix.size()) : std::string();
                    if (target.empty() || target.find('/') != std::string::npos || !file_.root()["definitions"].HasMember(target.c_str()))
                        fail(at, "\"$ref\" must name a definition of this schema as \"#/definitions/NAME\"",
                             "a reference to another file or to a missing definition cannot be followed");
                    else if (item.same_level)
                        refers_[owner].push_back(target);
                } else if (key == "properties" || key == "patternProperties" || key == "definitions") {
                    if (!v.IsObject()) {
                        fail(at, "\"" + key + "\" must be an object");
                        continue;
                    }
                    for (const auto& p : v.GetObject()) stack.push_back({at + pointer_token(p.name.GetString()), &p.value, false});
                } else if (key == "items") {
                    if (v.IsArray()) {
                        for (rapidjson::SizeType i = 0; i < v.Size(); ++i) stack.push_back({at + pointer_index(i), &v[i], false});
                    } else {
                        sub("items", v, false);
                    }
                } else if (key == "additionalProperties" || key == "additionalItems") {
                    if (!v.IsBool()) sub(key.c_str(), v, false);
                } else if (key == "allOf" || key == "anyOf" || key == "oneOf") {
                    if (!v.IsArray() || v.Empty()) {
                        fail(at, "\"" + key + "\" must be a non-empty array of schemas");
                        continue;
                    }
                    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) stack.push_back({at + pointer_index(i), &v[i], item.same_level});
                } else if (key == "not") {
                    sub("not", v, true);
                } else if (key == "required") {
                    bool strings = v.IsArray();
                    if (strings)
                        for (const auto& r : v.GetArray()) strings = strings && r.IsString();
                    if (!strings) fail(at, "\"required\" must be an array of property names");
                } else if (key == "enum") {
                    if (!v.IsArray() || v.Empty()) fail(at, "\"enum\" must be a non-empty array");
                } else if (key == "type") {
                    bool names = v.IsString() || v.IsArray();
                    if (v.IsArray())
                        for (const auto& t : v.GetArray()) names = names && t.IsString();
                    if (!names) fail(at, "\"type\" must be a type name or an array of them");
                } else if (key == "minimum" || key == "maximum") {
                    if (!v.IsNumber()) fail(at, "\"" + key + "\" must be a number");
                } else if (key == "minItems" || key == "maxItems" || key == "minLength" || key == "maxLength" || key == "minProperties" ||
                           key == "maxProperties") {
                    if (!v.IsUint()) fail(at, "\"" + key + "\" must be a whole number of 0 or more");
                } else if (key == "pattern") {
                    if (!v.IsString() || !rapidjson::internal::Regex(v.GetString()).IsValid())
                        fail(at, "\"pattern\" must be a regular expression RapidJSON understands");
                } else if (key == "description" || key == "title") {
                    if (!v.IsString()) fail(at, "\"" + key + "\" must be a string");
                }
            }
        }
    }

    // A definition that reaches itself through references that stay on the same value.
    void find_cycle(const std::string& start) {
        std::vector<std::string> stack{start};
        std::set<std::string> seen;
        while (!stack.empty()) {
            const auto name = stack.back();
            stack.pop_back();
            for (const auto& next : refers_[name]) {
                if (next == start) {
                    fail("/definitions" + pointer_token(start),
                         "the definition \"" + start + "\" refers back to itself without describing anything inside the value",
                         "validation would never end; a reference may come back only under \"properties\" or \"items\"");
                    return;
                }
                if (seen.insert(next).second) stack.push_back(next);
            }
        }
    }

    const JsonDocument& file_;
    std::vector<Diagnostic>& problems_;
    std::map<std::string, std::vector<std::string>> refers_;
    bool ok_ = true;
};

} // namespace

bool SchemaSet::load(const std::string& path, std::vector<Diagnostic>& diagnostics) {
    auto text = std::make_shared<SourceText>(path, read_file(path));
    if (!schema_file_.parse(text, diagnostics)) return false;
    const auto& root = schema_file_.root();
    if (!root.IsObject() || !root.HasMember("definitions") || !root["definitions"].IsObject()) {
        diagnostics.push_back(schema_file_.diagnostic("", "schema-invalid", "the schema has no \"definitions\" object"));
        return false;
    }
    return SchemaShapeCheck(schema_file_, diagnostics).run();
}

const SchemaSet::Compiled& SchemaSet::compiled(const std::string& definition) const {
    auto& slot = compiled_[definition];
    if (slot) return *slot;
    const auto& definitions = schema_file_.root()["definitions"];
    if (!definitions.HasMember(definition.c_str())) throw InternalError("schema has no definition \"" + definition + "\"");
    auto c = std::make_unique<Compiled>();
    c->wrapper.SetObject();
    auto& allocator = c->wrapper.GetAllocator();
    rapidjson::Value ref(("#/definitions/" + definition).c_str(), allocator);
    c->wrapper.AddMember("$ref", ref, allocator);
    rapidjson::Value copy(definitions, allocator);
    c->wrapper.AddMember("definitions", copy, allocator);
    c->schema = std::make_unique<rapidjson::SchemaDocument>(c->wrapper);
    slot = std::move(c);
    return *slot;
}

namespace {

std::string to_string(const rapidjson::Pointer& pointer) {
    rapidjson::StringBuffer buffer;
    pointer.Stringify(buffer);
    return buffer.GetString();
}

std::string scalar_text(const rapidjson::Value& v) {
    if (v.IsString()) return '"' + std::string(v.GetString(), v.GetStringLength()) + '"';
    if (v.IsBool()) return v.GetBool() ? "true" : "false";
    if (v.IsNull()) return "null";
    if (v.IsInt64()) return std::to_string(v.GetInt64());
    if (v.IsUint64()) return std::to_string(v.GetUint64());
    if (v.IsNumber()) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%g", v.GetDouble());
        return buffer;
    }
    return json_type_name(v);
}

std::string expected_types(const rapidjson::Value& type) {
    if (type.IsString()) return type.GetString();
    std::vector<std::string> names;
    if (type.IsArray())
        for (const auto& t : type.GetArray())
            if (t.IsString()) names.emplace_back(t.GetString());
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? (i + 1 == names.size() ? " or " : ", ") : "") + names[i];
    return out;
}

// The "properties" a schema node allows, following a local "$ref" once.
const rapidjson::Value* resolve_ref(const rapidjson::Value& node, const rapidjson::Value& root) {
    if (node.IsObject() && node.HasMember("$ref") && node["$ref"].IsString()) {
        std::string ref = node["$ref"].GetString();
        if (starts_with(ref, "#")) ref.erase(0, 1);
        return rapidjson::Pointer(ref.c_str()).Get(root);
    }
    return &node;
}

} // namespace

bool SchemaSet::validate(const JsonDocument& file, const rapidjson::Value& value, const std::string& pointer, const std::string& definition,
                         std::vector<Diagnostic>& diagnostics) const {
    const auto& c = compiled(definition);
    rapidjson::SchemaValidator validator(*c.schema);
    if (value.Accept(validator)) return true;

    const std::string keyword = validator.GetInvalidSchemaKeyword();
    const std::string at = pointer + to_string(validator.GetInvalidDocumentPointer());
    const rapidjson::Value* node = validator.GetInvalidSchemaPointer().Get(c.wrapper);
    if (node) node = resolve_ref(*node, c.wrapper);
    const rapidjson::Value* bad = validator.GetInvalidDocumentPointer().Get(const_cast<rapidjson::Value&>(value));
    // Name the field as the user wrote it ("confidence"); array elements by their pointer.
    std::string what = "the document";
    if (!at.empty()) {
        const auto last = at.substr(at.rfind('/') + 1);
        const bool index = last.find_first_not_of("0123456789") == std::string::npos;
        what = "\"" + (index ? at : last) + "\"";
    }
    std::string hint;
    if (node && node->IsObject() && node->HasMember("description") && (*node)["description"].IsString())
        hint = std::string("expected ") + (*node)["description"].GetString();

    if (keyword == "required" && node && bad && bad->IsObject() && node->HasMember("required")) {
        for (const auto& name : (*node)["required"].GetArray()) {
            if (!bad->HasMember(name.GetString())) {
                diagnostics.push_back(
                    file.diagnostic(at, "missing-property", std::string("missing required property \"") + name.GetString() + "\"", hint));
                return false;
            }
        }
    }
    if (keyword == "additionalProperties" && node) {
        std::vector<std::string> allowed;
        if (node->HasMember("properties"))
            for (const auto& p : (*node)["properties"].GetObject()) allowed.emplace_back(p.name.GetString());
        // RapidJSON points either at the object or at the property it did not expect.
        std::string name, object_pointer = at;
        if (bad && bad->IsObject()) {
            for (const auto& member : bad->GetObject())
                if (std::find(allowed.begin(), allowed.end(), member.name.GetString()) == allowed.end()) {
                    name = member.name.GetString();
                    break;
                }
        } else if (!at.empty()) {
            name = at.substr(at.rfind('/') + 1);
            object_pointer = at.substr(0, at.rfind('/'));
        }
        if (!name.empty()) {
            diagnostics.push_back(file.key_diagnostic(object_pointer + pointer_token(name), "unknown-property",
                                                      "unknown property \"" + name + "\"",
                                                      hint_for(name, allowed, "allowed properties are " + join_quoted(allowed, 12))));
            return false;
        }
    }
    std::string message;
    if (keyword == "type" && node && node->HasMember("type") && bad) {
        message = std::string("expected ") + expected_types((*node)["type"]) + " for " + what + ", found " + json_type_name(*bad);
    } else if (keyword == "enum" && node && node->HasMember("enum") && bad) {
        std::vector<std::string> options;
        for (const auto& o : (*node)["enum"].GetArray()) options.push_back(o.IsString() ? o.GetString() : scalar_text(o));
        message = scalar_text(*bad) + " is not allowed for " + what;
        hint = "expected one of " + join_quoted(options, 12);
    } else if (keyword == "pattern" && bad) {
        message = scalar_text(*bad) + " is not a valid value for " + what;
    } else if ((keyword == "minimum" || keyword == "maximum") && node && bad) {
        const double limit = (*node)[keyword.c_str()].GetDouble();
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%g", limit);
        message =
            scalar_text(*bad) + " is " + (keyword == "minimum" ? "below the minimum " : "above the maximum ") + buffer + " for " + what;
    } else if (keyword == "minItems" && node) {
        message = what + " must not be empty";
    } else if (keyword == "minLength") {
        message = what + " must not be an empty string";
    } else if (keyword == "anyOf" && bad) {
        message = what + " is not a valid attribute: expected a number, string, boolean or an object with \"value\"";
    } else {
        message = what + " does not conform to the schema (keyword \"" + keyword + "\")";
    }
    diagnostics.push_back(file.diagnostic(at, "schema-" + keyword, message, hint));
    return false;
}

} // namespace tg
