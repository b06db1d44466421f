#include "io/graph_data_loader.hpp"

#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "io/json_document.hpp"
#include "io/json_fields.hpp"
#include "io/schema_check.hpp"
#include "io/text_file.hpp"
#include "model/admiralty.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace tg {

namespace {

namespace fs = std::filesystem;
using rapidjson::Value;

// Where a thing was declared, to point back at it ("first declared here").
struct Declared {
    const JsonDocument* file;
    std::string pointer;
};

class Loader {
public:
    Loader(std::string dir, std::string sources_dir) : dir_(std::move(dir)), sources_dir_(std::move(sources_dir)) {}

    GraphDataCheck run();

private:
    // Reads and parses one file; null when it is missing or broken (already reported).
    const JsonDocument* open(const std::string& name, const char* file_definition, const char* array_key);
    void error(Diagnostic d) { out_.diagnostics.push_back(std::move(d)); }
    void note_first(const Declared& first, const std::string& what);

    void load_ontology();
    void load_sources();
    void load_entities();
    void check_printable(const JsonDocument& file, const Value& entity, const std::string& pointer);
    void load_relations();
    void check_evidence_list(const JsonDocument& file, const Value& list, const std::string& pointer);
    void check_attributes(const JsonDocument& file, const Value& owner, const std::string& pointer, Attributes& into);
    void verify_source_texts(const JsonDocument& file);
    void check_mentions();
    void check_grade(const JsonDocument& file, const std::string& pointer, Relation& r);
    void check_no_review_marks(const JsonDocument& file, const Value& v, const std::string& pointer, const char* what,
                               std::initializer_list<const char*> marks);

    std::string dir_, sources_dir_;
    GraphDataCheck out_;
    SchemaSet schema_;
    bool schema_ok_ = false;
    std::map<std::string, std::unique_ptr<JsonDocument>> files_;

    Ontology ontology_;
    bool ontology_ok_ = false;
    std::vector<SourceDocument> sources_;
    bool sources_ok_ = false;
    std::vector<Entity> entities_;
    std::vector<Relation> relations_;
    std::unordered_map<std::string, Declared> entity_decl_;
    std::unordered_set<std::string> broken_entities_; // ids of entities that failed the schema
    std::map<std::string, std::string> texts_;        // verified source texts by source id
    std::vector<std::string> relation_pointers_;      // JSON Pointer of each loaded relation
    const JsonDocument* entities_file_ = nullptr;
    const JsonDocument* relations_file_ = nullptr;
};

const JsonDocument* Loader::open(const std::string& name, const char* file_definition, const char* array_key) {
    const std::string path = (fs::path(dir_) / name).string();
    if (!file_exists(path)) {
        error({Severity::error, nullptr, path, 0, 0, "missing-file", "missing file \"" + path + "\"",
               "a graph-data folder holds ontology.json, sources.json, entities.json and relations.json"});
        return nullptr;
    }
    out_.files.push_back(path);
    auto doc = std::make_unique<JsonDocument>();
    auto text = std::make_shared<SourceText>(path, read_file(path));
    if (!doc->parse(text, out_.diagnostics)) return nullptr;
    if (schema_ok_ && !schema_.validate(*doc, doc->root(), "", file_definition, out_.diagnostics)) return nullptr;
    if (!doc->root()[array_key].IsArray()) return nullptr; // reported by the schema
    auto& slot = files_[name];
    slot = std::move(doc);
    return slot.get();
}

void Loader::note_first(const Declared& first, const std::string& what) {
    auto d = first.file->diagnostic(first.pointer, "", what, {}, Severity::note);
    out_.diagnostics.push_back(std::move(d));
}

void Loader::load_ontology() {
    const auto* file = open("ontology.json", "ontologyFile", "kinds");
    if (!file) return;
    const auto& root = file->root();
    std::unordered_map<std::string, Declared> seen;
    const auto duplicate = [&](const std::string& id, const std::string& pointer, const char* what) {
        auto [it, inserted] = seen.try_emplace(std::string(what) + ":" + id, Declared{file, pointer});
        if (inserted) return false;
        error(file->diagnostic(pointer + "/id", "duplicate-id", std::string("duplicate ") + what + " id \"" + id + "\""));
        note_first(it->second, std::string("\"") + id + "\" first declared here");
        return true;
    };
    bool ok = true;
    if (root.HasMember("domains") && root["domains"].IsArray()) {
        const auto& list = root["domains"];
        for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
            const auto pointer = "/domains" + pointer_index(i);
            if (schema_ok_ && !schema_.validate(*file, list[i], pointer, "domain", out_.diagnostics)) {
                ok = false;
                continue;
            }
            if (duplicate(text_member(list[i], "id"), pointer, "domain")) {
                ok = false;
                continue;
            }
            ontology_.add_domain({text_member(list[i], "id"), text_member(list[i], "label")});
        }
    }
    std::vector<std::pair<std::string, std::string>> parents; // kind id, pointer of its parent
    const auto& kinds = root["kinds"];
    for (rapidjson::SizeType i = 0; i < kinds.Size(); ++i) {
        const auto pointer = "/kinds" + pointer_index(i);
        if (schema_ok_ && !schema_.validate(*file, kinds[i], pointer, "kind", out_.diagnostics)) {
            ok = false;
            continue;
        }
        const auto id = text_member(kinds[i], "id");
        if (duplicate(id, pointer, "kind")) {
            ok = false;
            continue;
        }
        ontology_.add_kind({id, text_member(kinds[i], "label"), text_member(kinds[i], "parent"), text_member(kinds[i], "shape"),
                            text_member(kinds[i], "color")});
        if (!text_member(kinds[i], "parent").empty()) parents.emplace_back(id, pointer + "/parent");
    }
    for (const auto& [id, pointer] : parents) {
        const auto& parent = ontology_.kind(id)->parent;
        if (!ontology_.kind(parent)) {
            error(file->diagnostic(pointer, "unknown-kind", "kind \"" + id + "\" has unknown parent \"" + parent + "\"",
                                   did_you_mean(parent, ontology_.kind_ids())));
            ok = false;
            continue;
        }
        // A parent chain that comes back to the kind is a cycle.
        std::string walk = parent;
        for (std::size_t steps = 0; steps <= ontology_.kind_ids().size() && !walk.empty(); ++steps) {
            if (walk == id) {
                error(file->diagnostic(pointer, "kind-cycle", "kind \"" + id + "\" is its own ancestor",
                                       "the parents of kinds must form a tree"));
                ok = false;
                break;
            }
            const auto* k = ontology_.kind(walk);
            walk = k ? k->parent : std::string();
        }
    }
    const auto& types = root["relation_types"];
    if (!types.IsArray()) return;
    for (rapidjson::SizeType i = 0; i < types.Size(); ++i) {
        const auto pointer = "/relation_types" + pointer_index(i);
        if (schema_ok_ && !schema_.validate(*file, types[i], pointer, "relationType", out_.diagnostics)) {
            ok = false;
            continue;
        }
        const auto id = text_member(types[i], "id");
        if (duplicate(id, pointer, "relation type")) {
            ok = false;
            continue;
        }
        RelationType type{id,
                          text_member(types[i], "label"),
                          text_list_member(types[i], "source_kinds"),
                          text_list_member(types[i], "target_kinds"),
                          types[i].HasMember("symmetric") && types[i]["symmetric"].IsBool() && types[i]["symmetric"].GetBool(),
                          text_member(types[i], "style"),
                          text_member(types[i], "color")};
        for (const char* side : {"source_kinds", "target_kinds"}) {
            const auto& list = types[i][side];
            for (rapidjson::SizeType k = 0; k < list.Size(); ++k) {
                const std::string kind = list[k].GetString();
                if (kind == "*" || ontology_.kind(kind)) continue;
                error(file->diagnostic(pointer + "/" + side + pointer_index(k), "unknown-kind",
                                       "relation type \"" + id + "\" allows unknown kind \"" + kind + "\"",
                                       did_you_mean(kind, ontology_.kind_ids())));
                ok = false;
            }
        }
        ontology_.add_relation_type(std::move(type));
    }
    ontology_ok_ = ok;
}

void Loader::verify_source_texts(const JsonDocument& file) {
    for (std::size_t i = 0; i < sources_.size(); ++i) {
        const auto& s = sources_[i];
        const std::string pointer = "/sources" + pointer_index(i);
        const auto path = (fs::path(sources_dir_) / s.file).string();
        if (!file_exists(path)) {
            out_.diagnostics.push_back(file.diagnostic(
                pointer + "/file", "source-text-missing", "source text \"" + s.file + "\" is not in \"" + sources_dir_ + "\"",
                "evidence offsets of \"" + s.id + "\" cannot be checked against the text", Severity::warning));
            continue;
        }
        const auto text = read_file(path);
        const auto digest = sha256_hex(text);
        if (digest != s.sha256) {
            error(file.diagnostic(pointer + "/sha256", "source-hash-mismatch",
                                  "\"" + path + "\" has SHA-256 " + digest + ", not the one recorded",
                                  "this is another version of the text: the evidence offsets do not point into it"));
            continue;
        }
        if (text.size() != s.length) {
            error(file.diagnostic(pointer + "/length", "source-length-mismatch",
                                  "\"" + path + "\" is " + std::to_string(text.size()) + " bytes, not " + std::to_string(s.length)));
            continue;
        }
        out_.verified_sources.push_back(s.id);
        texts_.emplace(s.id, text);
    }
}

void Loader::load_sources() {
    const auto* file = open("sources.json", "sourcesFile", "sources");
    if (!file) return;
    const auto& list = file->root()["sources"];
    bool ok = true;
    std::unordered_map<std::string, Declared> seen;
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        const auto pointer = "/sources" + pointer_index(i);
        if (schema_ok_ && !schema_.validate(*file, list[i], pointer, "source", out_.diagnostics)) {
            ok = false;
            continue;
        }
        const auto& v = list[i];
        SourceDocument s{text_member(v, "id"),
                         text_member(v, "title"),
                         text_member(v, "publisher"),
                         text_member(v, "date"),
                         text_member(v, "file"),
                         text_member(v, "sha256"),
                         static_cast<std::size_t>(v["length"].GetUint64()),
                         {}};
        auto [first, inserted] = seen.try_emplace(s.id, Declared{file, pointer});
        if (!inserted) {
            error(file->diagnostic(pointer + "/id", "duplicate-id", "duplicate source id \"" + s.id + "\""));
            note_first(first->second, "\"" + s.id + "\" first declared here");
            ok = false;
            continue;
        }
        std::unordered_set<std::string> section_ids;
        std::size_t previous_end = 0;
        const auto& sections = v["sections"];
        for (rapidjson::SizeType k = 0; k < sections.Size(); ++k) {
            const auto sp = pointer + "/sections" + pointer_index(k);
            Section section{text_member(sections[k], "id"), text_member(sections[k], "title"),
                            static_cast<std::size_t>(sections[k]["start"].GetUint64()),
                            static_cast<std::size_t>(sections[k]["end"].GetUint64())};
            if (!section_ids.insert(section.id).second) {
                error(
                    file->diagnostic(sp + "/id", "duplicate-id", "duplicate section id \"" + section.id + "\" in source \"" + s.id + "\""));
                ok = false;
            }
            if (section.start > section.end) {
                error(file->diagnostic(sp + "/end", "bad-offsets",
                                       "section \"" + section.id + "\" ends (" + std::to_string(section.end) + ") before it starts (" +
                                           std::to_string(section.start) + ")"));
                ok = false;
            } else if (section.end > s.length) {
                error(file->diagnostic(sp + "/end", "offset-outside-source",
                                       "section \"" + section.id + "\" ends at " + std::to_string(section.end) +
                                           ", past the end of the source (" + std::to_string(s.length) + " bytes)"));
                ok = false;
            } else if (section.start < previous_end) {
                error(file->diagnostic(sp + "/start", "sections-overlap",
                                       "section \"" + section.id + "\" starts at " + std::to_string(section.start) +
                                           ", inside the section before it (which ends at " + std::to_string(previous_end) + ")",
                                       "sections are listed in order and do not overlap"));
                ok = false;
            }
            previous_end = std::max(previous_end, section.end);
            s.sections.push_back(std::move(section));
        }
        sources_.push_back(std::move(s));
    }
    sources_ok_ = ok;
    if (!sources_dir_.empty()) verify_source_texts(*file);
}

void Loader::check_evidence_list(const JsonDocument& file, const Value& list, const std::string& pointer) {
    if (!sources_ok_ || !list.IsArray()) return;
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        const auto& e = list[i];
        const auto ep = pointer + pointer_index(i);
        const auto source_id = text_member(e, "source");
        const SourceDocument* source = nullptr;
        for (const auto& s : sources_)
            if (s.id == source_id) source = &s;
        if (!source) {
            std::vector<std::string> ids;
            for (const auto& s : sources_) ids.push_back(s.id);
            error(file.diagnostic(ep + "/source", "unknown-source", "unknown source \"" + source_id + "\"", did_you_mean(source_id, ids)));
            continue;
        }
        const auto section_id = text_member(e, "section");
        const auto* section = source->section(section_id);
        if (!section) {
            std::vector<std::string> ids;
            for (const auto& s : source->sections) ids.push_back(s.id);
            error(file.diagnostic(ep + "/section", "unknown-section", "source \"" + source_id + "\" has no section \"" + section_id + "\"",
                                  did_you_mean(section_id, ids)));
            continue;
        }
        const auto start = static_cast<std::size_t>(e["start"].GetUint64());
        const auto end = static_cast<std::size_t>(e["end"].GetUint64());
        if (start >= end) {
            error(file.diagnostic(ep + "/end", "bad-offsets",
                                  "evidence ends (" + std::to_string(end) + ") at or before its start (" + std::to_string(start) + ")",
                                  "offsets are bytes into the source text, end exclusive"));
        } else if (end > source->length) {
            error(file.diagnostic(ep + "/end", "offset-outside-source",
                                  "evidence ends at " + std::to_string(end) + ", past the end of source \"" + source_id + "\" (" +
                                      std::to_string(source->length) + " bytes)"));
        } else if (start < section->start || end > section->end) {
            error(file.diagnostic(ep + "/start", "offset-outside-section",
                                  "evidence [" + std::to_string(start) + ", " + std::to_string(end) + ") is not inside section \"" +
                                      section_id + "\" [" + std::to_string(section->start) + ", " + std::to_string(section->end) + ")",
                                  "check the section id or the offsets"));
        }
    }
}

std::vector<Evidence> read_evidence(const Value& list) {
    std::vector<Evidence> out;
    if (!list.IsArray()) return out;
    for (const auto& e : list.GetArray())
        out.push_back({text_member(e, "source"), text_member(e, "section"), static_cast<std::size_t>(e["start"].GetUint64()),
                       static_cast<std::size_t>(e["end"].GetUint64()), text_member(e, "paraphrase"), text_member(e, "refers_to"),
                       text_member(e, "wording"), text_member(e, "standing")});
    return out;
}

AttributeValue read_value(const Value& v) {
    if (v.IsBool()) return v.GetBool();
    if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
    return v.GetDouble();
}

void Loader::check_attributes(const JsonDocument& file, const Value& owner, const std::string& pointer, Attributes& into) {
    const auto it = owner.FindMember("attributes");
    if (it == owner.MemberEnd()) return;
    for (const auto& member : it->value.GetObject()) {
        const std::string name = member.name.GetString();
        const auto ap = pointer + "/attributes" + pointer_token(name);
        Attribute a;
        if (member.value.IsObject()) {
            const auto& v = member.value;
            a.value = read_value(v["value"]);
            a.unit = text_member(v, "unit");
            a.note = text_member(v, "note");
            if (v.HasMember("year")) a.year = static_cast<int>(v["year"].GetInt64());
            if (v.HasMember("evidence")) {
                check_evidence_list(file, v["evidence"], ap + "/evidence");
                a.evidence = read_evidence(v["evidence"]);
            }
        } else {
            a.value = read_value(member.value);
        }
        into.emplace(name, std::move(a));
    }
}

// Status, rule and an entity's confidence belong to candidates folders (written by extract),
// not to graph-data: a candidate left in place would pass for a reviewed fact.
void Loader::check_no_review_marks(const JsonDocument& file, const Value& v, const std::string& pointer, const char* what,
                                   std::initializer_list<const char*> marks) {
    for (const char* key : marks) {
        if (!v.HasMember(key)) continue;
        error(file.diagnostic(pointer + "/" + key, "candidate-in-graph-data",
                              std::string(what) + " \"" + text_member(v, "id") + "\" carries the review member \"" + key +
                                  "\", which only candidates folders hold",
                              "merge reviewed candidates with `threatgraph build CANDIDATES-DIR -o NEW-DIR`, which drops "
                              "status, rule and an entity's confidence"));
        return;
    }
}

// A name or an alias is printed on terminals and drawn by Graphviz: a control character
// (U+0001-U+001F, U+007F) would move the cursor, recolour the terminal or end a label.
void Loader::check_printable(const JsonDocument& file, const Value& entity, const std::string& pointer) {
    const auto check = [&](const Value& text, const std::string& at, const char* what) {
        if (!text.IsString()) return;
        for (rapidjson::SizeType k = 0; k < text.GetStringLength(); ++k) {
            const auto c = static_cast<unsigned char>(text.GetString()[k]);
            if (c >= 0x20 && c != 0x7f) continue;
            char code[8];
            std::snprintf(code, sizeof code, "U+%04X", c);
            error(file.diagnostic(at, "control-character", std::string(what) + " holds the control character " + code,
                                  "names are printed and drawn; remove it"));
            return;
        }
    };
    if (entity.HasMember("name")) check(entity["name"], pointer + "/name", "the name");
    if (entity.HasMember("aliases") && entity["aliases"].IsArray())
        for (rapidjson::SizeType a = 0; a < entity["aliases"].Size(); ++a)
            check(entity["aliases"][a], pointer + "/aliases" + pointer_index(a), "an alias");
}

void Loader::load_entities() {
    const auto* file = open("entities.json", "entitiesFile", "entities");
    if (!file) return;
    entities_file_ = file;
    const auto& list = file->root()["entities"];
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        const auto pointer = "/entities" + pointer_index(i);
        const auto& v = list[i];
        if (schema_ok_ && !schema_.validate(*file, v, pointer, "entity", out_.diagnostics)) {
            const auto id = text_member(v, "id");
            if (!id.empty()) broken_entities_.insert(id);
            continue;
        }
        check_no_review_marks(*file, v, pointer, "entity", {"status", "rule", "confidence"});
        check_printable(*file, v, pointer);
        Entity e{text_member(v, "id"),           text_member(v, "kind"),         text_member(v, "name"),
                 text_list_member(v, "aliases"), text_list_member(v, "domains"), {},
                 read_evidence(v["evidence"]),   text_member(v, "note")};
        auto [first, inserted] = entity_decl_.try_emplace(e.id, Declared{file, pointer});
        if (!inserted) {
            error(file->diagnostic(pointer + "/id", "duplicate-id", "duplicate entity id \"" + e.id + "\"",
                                   "ids must be unique; merge the two entities or rename one"));
            note_first(first->second, "\"" + e.id + "\" first declared here");
            continue;
        }
        if (ontology_ok_ && !ontology_.kind(e.kind))
            error(file->diagnostic(pointer + "/kind", "unknown-kind", "unknown kind \"" + e.kind + "\"",
                                   hint_for(e.kind, ontology_.kind_ids(), "kinds are declared in ontology.json")));
        for (std::size_t d = 0; d < e.domains.size(); ++d)
            if (ontology_ok_ && !ontology_.domain(e.domains[d]))
                error(file->diagnostic(pointer + "/domains" + pointer_index(d), "unknown-domain",
                                       "unknown threat domain \"" + e.domains[d] + "\"",
                                       hint_for(e.domains[d], ontology_.domain_ids(),
                                                "domains are declared in ontology.json: " + join_quoted(ontology_.domain_ids()))));
        check_evidence_list(*file, v["evidence"], pointer + "/evidence");
        check_attributes(*file, v, pointer, e.attributes);
        entities_.push_back(std::move(e));
    }

    // Names and aliases must point at one entity only.
    AliasIndex index;
    for (std::size_t i = 0; i < entities_.size(); ++i) {
        index.add(entities_[i].id, i);
        index.add(entities_[i].name, i);
        for (const auto& alias : entities_[i].aliases) index.add(alias, i);
    }
    for (const auto& collision : index.collisions()) {
        // Report at the later entity, naming the earlier one.
        std::vector<EntityIndex> owners;
        for (const auto& claim : collision.claims)
            if (std::find(owners.begin(), owners.end(), claim.second) == owners.end()) owners.push_back(claim.second);
        std::sort(owners.begin(), owners.end());
        const auto& first = entities_[owners.front()];
        for (std::size_t k = 1; k < owners.size(); ++k) {
            const auto& later = entities_[owners[k]];
            std::string written;
            for (const auto& claim : collision.claims)
                if (claim.second == owners[k]) written = claim.first;
            const auto& decl = entity_decl_.at(later.id);
            std::string pointer = decl.pointer + "/name";
            for (std::size_t a = 0; a < later.aliases.size(); ++a)
                if (later.aliases[a] == written) pointer = decl.pointer + "/aliases" + pointer_index(a);
            if (written == later.id) pointer = decl.pointer + "/id";
            error(decl.file->diagnostic(pointer, "ambiguous-alias", "\"" + written + "\" also names entity \"" + first.id + "\"",
                                        "a name or alias must resolve to one entity (compared ignoring case, accents, "
                                        "spaces and hyphens); remove it from one of them"));
        }
    }
}

void Loader::load_relations() {
    const auto* file = open("relations.json", "relationsFile", "relations");
    if (!file) return;
    relations_file_ = file;
    const auto& list = file->root()["relations"];
    std::unordered_map<std::string, Declared> ids;
    std::unordered_map<std::string, int> generated;
    std::vector<std::string> entity_ids;
    for (const auto& e : entities_) entity_ids.push_back(e.id);
    std::unordered_map<std::string, const Entity*> by_id;
    for (const auto& e : entities_) by_id[e.id] = &e;

    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        const auto pointer = "/relations" + pointer_index(i);
        const auto& v = list[i];
        if (schema_ok_ && !schema_.validate(*file, v, pointer, "relation", out_.diagnostics)) continue;
        check_no_review_marks(*file, v, pointer, "relation", {"status", "rule"}); // a relation's confidence is its own
        Relation r;
        r.source = text_member(v, "source");
        r.type = text_member(v, "type");
        r.target = text_member(v, "target");
        r.confidence = v["confidence"].GetDouble();
        r.evidence = read_evidence(v["evidence"]);
        if (v.HasMember("grading")) r.grading = parse_grading(text_member(v, "grading"));
        r.note = text_member(v, "note");
        r.id = text_member(v, "id");
        if (r.id.empty()) {
            const auto base = r.source + "-" + r.type + "-" + r.target;
            const int n = ++generated[base];
            r.id = n == 1 ? base : base + "-" + std::to_string(n);
        }
        auto [first, inserted] = ids.try_emplace(r.id, Declared{file, pointer});
        if (!inserted) {
            error(file->diagnostic(pointer + (v.HasMember("id") ? "/id" : ""), "duplicate-id", "duplicate relation id \"" + r.id + "\"",
                                   "give one of them an explicit, different \"id\""));
            note_first(first->second, "\"" + r.id + "\" first declared here");
            continue;
        }
        bool endpoints_ok = true;
        for (const char* side : {"source", "target"}) {
            const auto id = text_member(v, side);
            if (by_id.count(id)) continue;
            endpoints_ok = false;
            // Already reported: at the entity, or as entities.json itself failing to load.
            if (broken_entities_.count(id) || !entities_file_) continue;
            error(file->diagnostic(pointer + "/" + side, "unknown-entity", std::string(side) + " \"" + id + "\" is not an entity id",
                                   did_you_mean(id, entity_ids)));
        }
        const RelationType* type = ontology_ok_ ? ontology_.relation_type(r.type) : nullptr;
        if (ontology_ok_ && !type)
            error(file->diagnostic(pointer + "/type", "unknown-relation-type", "unknown relation type \"" + r.type + "\"",
                                   hint_for(r.type, ontology_.relation_type_ids(), "relation types are declared in ontology.json")));
        if (type && endpoints_ok) {
            const auto& s = *by_id[r.source];
            const auto& t = *by_id[r.target];
            if (ontology_.kind(s.kind) && !ontology_.allows_source(*type, s.kind))
                error(file->diagnostic(pointer + "/source", "kind-not-allowed",
                                       "\"" + r.type + "\" cannot start at \"" + s.id + "\" (kind " + s.kind + ")",
                                       "allowed source kinds: " + join_quoted(type->source_kinds, 12)));
            if (ontology_.kind(t.kind) && !ontology_.allows_target(*type, t.kind))
                error(file->diagnostic(pointer + "/target", "kind-not-allowed",
                                       "\"" + r.type + "\" cannot end at \"" + t.id + "\" (kind " + t.kind + ")",
                                       "allowed target kinds: " + join_quoted(type->target_kinds, 12)));
        }
        if (endpoints_ok && r.source == r.target)
            out_.diagnostics.push_back(file->diagnostic(pointer + "/target", "self-relation",
                                                        "relation \"" + r.id + "\" links \"" + r.source + "\" to itself", {},
                                                        Severity::warning));
        if (v.HasMember("period")) {
            Period p{text_member(v["period"], "from"), text_member(v["period"], "to")};
            bool dates_ok = true;
            for (const char* end : {"from", "to"}) {
                const auto date = text_member(v["period"], end);
                if (!date.empty() && !is_valid_date(date)) {
                    error(file->diagnostic(pointer + "/period/" + end, "bad-date", "\"" + date + "\" is not a calendar date",
                                           "use YYYY, YYYY-MM or YYYY-MM-DD"));
                    dates_ok = false;
                }
            }
            if (dates_ok && !p.from.empty() && !p.to.empty() && compare_dates(p.from, p.to) > 0)
                error(
                    file->diagnostic(pointer + "/period/to", "bad-period", "period ends (" + p.to + ") before it starts (" + p.from + ")"));
            r.period = p;
        }
        check_evidence_list(*file, v["evidence"], pointer + "/evidence");
        check_attributes(*file, v, pointer, r.attributes);
        check_grade(*file, pointer, r);
        relations_.push_back(std::move(r));
        relation_pointers_.push_back(pointer);
    }
}

// The grade the evidence gives (its wording and standing, by graph-data/README.md's rules) is the
// relation's when it states none; a stated grade that differs from it, or a confidence far from
// the grade's, is a warning: one of the three was not updated when another was.
void Loader::check_grade(const JsonDocument& file, const std::string& pointer, Relation& r) {
    const auto from_evidence = grade_from_evidence(r.evidence);
    if (from_evidence && !r.grading) r.grading = from_evidence;
    if (from_evidence && r.grading->code() != from_evidence->code())
        out_.diagnostics.push_back(file.diagnostic(
            pointer + "/grading", "grading-contradicts-evidence",
            "relation \"" + r.id + "\" is graded " + r.grading->code() + " but its evidence gives " + from_evidence->code(),
            "set the grading to " + from_evidence->code() + ", or correct the evidence's wording and standing (graph-data/README.md)",
            Severity::warning));
    if (!r.grading) return;
    const double expected = confidence_of_grade(*r.grading);
    if (std::abs(r.confidence - expected) > kGradeConfidenceTolerance + 1e-9) {
        std::ostringstream text;
        text << "relation \"" << r.id << "\" has confidence " << r.confidence << " but its grade " << r.grading->code() << " stands for "
             << expected;
        out_.diagnostics.push_back(file.diagnostic(pointer + "/confidence", "confidence-contradicts-grade", text.str(),
                                                   "let the confidence follow the grade (graph-data/README.md), or regrade the relation",
                                                   Severity::warning));
    }
}

// With the source texts at hand: every evidence span must name what it is evidence for, by name
// or alias, or say in "refers_to" how it refers to it (a pronoun, a description).
void Loader::check_mentions() {
    if (texts_.empty() || !entities_file_) return;
    std::unordered_map<std::string, const Entity*> by_id;
    for (const auto& e : entities_) by_id[e.id] = &e;
    const auto names_it = [](const std::string& span, const Entity& e) {
        if (mentions(span, e.name)) return true;
        return std::any_of(e.aliases.begin(), e.aliases.end(), [&](const std::string& a) { return mentions(span, a); });
    };
    // Spans whose offsets are already reported as bad are not read.
    const auto span_of = [&](const Evidence& ev) -> std::optional<std::string> {
        const auto it = texts_.find(ev.source);
        if (it == texts_.end() || ev.start >= ev.end || ev.end > it->second.size()) return std::nullopt;
        return it->second.substr(ev.start, ev.end - ev.start);
    };
    const char* hint = "widen the span to a passage that names it, or say in \"refers_to\" how the passage refers to it";
    for (const auto& e : entities_) {
        const auto& pointer = entity_decl_.at(e.id).pointer;
        for (std::size_t i = 0; i < e.evidence.size(); ++i) {
            const auto span = span_of(e.evidence[i]);
            if (span && e.evidence[i].refers_to.empty() && !names_it(*span, e))
                error(entities_file_->diagnostic(pointer + "/evidence" + pointer_index(i), "evidence-does-not-name",
                                                 "the passage does not name \"" + e.name + "\" by its name or an alias", hint));
        }
        for (const auto& [name, attribute] : e.attributes)
            for (std::size_t i = 0; i < attribute.evidence.size(); ++i) {
                const auto span = span_of(attribute.evidence[i]);
                if (span && attribute.evidence[i].refers_to.empty() && !names_it(*span, e))
                    error(entities_file_->diagnostic(pointer + "/attributes" + pointer_token(name) + "/evidence" + pointer_index(i),
                                                     "evidence-does-not-name",
                                                     "the passage does not name \"" + e.name + "\" by its name or an alias", hint));
            }
    }
    if (!relations_file_) return;
    for (std::size_t r = 0; r < relations_.size(); ++r) {
        const auto& rel = relations_[r];
        const auto from = by_id.find(rel.source), to = by_id.find(rel.target);
        if (from == by_id.end() || to == by_id.end()) continue;
        for (std::size_t i = 0; i < rel.evidence.size(); ++i) {
            const auto span = span_of(rel.evidence[i]);
            if (!span || !rel.evidence[i].refers_to.empty()) continue;
            std::vector<std::string> missing;
            if (!names_it(*span, *from->second)) missing.push_back(from->second->name);
            if (!names_it(*span, *to->second)) missing.push_back(to->second->name);
            if (!missing.empty())
                error(relations_file_->diagnostic(relation_pointers_[r] + "/evidence" + pointer_index(i), "evidence-does-not-name",
                                                  "the passage does not name " + join_quoted(missing) +
                                                      (missing.size() == 1 ? " by its name or an alias" : " by name or alias"),
                                                  hint));
        }
    }
}

GraphDataCheck Loader::run() {
    if (!is_directory(dir_))
        throw IoError("data folder \"" + dir_ + "\" does not exist", "point --data (or THREATGRAPH_DATA) at a graph-data folder");
    if (!sources_dir_.empty() && !is_directory(sources_dir_))
        throw IoError("sources folder \"" + sources_dir_ + "\" does not exist",
                      "point --sources (or THREATGRAPH_SOURCES) at the folder holding the source texts");

    const std::string schema_path = (fs::path(dir_) / "schema" / "graph-data.schema.json").string();
    if (!file_exists(schema_path)) {
        error({Severity::error, nullptr, schema_path, 0, 0, "missing-file", "missing schema \"" + schema_path + "\"",
               "copy schema/ from the bundled graph-data"});
    } else {
        out_.files.push_back(schema_path);
        schema_ok_ = schema_.load(schema_path, out_.diagnostics);
    }
    // Without the schema nothing guarantees the shapes the semantic checks read.
    if (!schema_ok_) return std::move(out_);
    load_ontology();
    load_sources();
    load_entities();
    load_relations();
    check_mentions();

    if (count_errors(out_.diagnostics) > 0) return std::move(out_);

    auto graph = std::make_unique<KnowledgeGraph>(std::move(ontology_), std::move(sources_), true);
    for (auto& e : entities_) graph->add_entity(std::move(e));
    for (auto& r : relations_) graph->add_relation(std::move(r));
    out_.graph = std::move(graph);
    return std::move(out_);
}

} // namespace

GraphDataCheck check_graph_data(const std::string& dir, const std::string& sources_dir) { return Loader(dir, sources_dir).run(); }

KnowledgeGraph load_graph_data(const std::string& dir, const std::string& sources_dir, std::vector<Diagnostic>* warnings) {
    auto check = check_graph_data(dir, sources_dir);
    if (!check.graph) throw DataError(std::move(check.diagnostics));
    if (warnings) *warnings = std::move(check.diagnostics);
    return std::move(*check.graph);
}

} // namespace tg
