#include "io/candidates_reader.hpp"

#include "core/error.hpp"
#include "io/evidence_json.hpp"
#include "io/json_document.hpp"
#include "io/json_fields.hpp"
#include "io/schema_check.hpp"
#include "io/text_file.hpp"

#include <filesystem>
#include <memory>

namespace tg {

namespace {

namespace fs = std::filesystem;

std::optional<ReviewStatus> parse_status(const std::string& text) {
    if (text == "candidate") return ReviewStatus::candidate;
    if (text == "accepted") return ReviewStatus::accepted;
    if (text == "rejected") return ReviewStatus::rejected;
    return std::nullopt;
}

class Reader {
public:
    Reader(std::string dir, const std::string& schema_path) : dir_(std::move(dir)) {
        if (!schema_.load(schema_path, diagnostics_)) throw DataError(std::move(diagnostics_));
    }

    CandidateFiles run() {
        if (!is_directory(dir_))
            throw IoError("candidates folder \"" + dir_ + "\" does not exist", "name the folder `threatgraph extract ... -o DIR` wrote");
        if (const auto* file = open("entities.json", "entitiesFile", "entities", true)) read_entities(*file);
        if (const auto* file = open("relations.json", "relationsFile", "relations", true)) read_relations(*file);
        if (const auto* file = open("sources.json", "sourcesFile", "sources", false)) {
            out_.sources_file = file->source()->name();
            read_sources(*file);
        }
        if (count_errors(diagnostics_) > 0) throw DataError(std::move(diagnostics_));
        return std::move(out_);
    }

private:
    const JsonDocument* open(const std::string& name, const char* definition, const char* array_key, bool required) {
        const auto path = (fs::path(dir_) / name).string();
        if (!file_exists(path)) {
            if (required)
                diagnostics_.push_back(
                    {Severity::error, nullptr, path, 0, 0, "missing-file", "missing file \"" + path + "\"",
                     "a candidates folder holds entities.json, relations.json and sources.json, as extract writes them"});
            return nullptr;
        }
        out_.files.push_back(path);
        auto doc = std::make_unique<JsonDocument>();
        if (!doc->parse(std::make_shared<SourceText>(path, read_file(path)), diagnostics_)) return nullptr;
        if (!schema_.validate(*doc, doc->root(), "", definition, diagnostics_)) return nullptr;
        if (!doc->root()[array_key].IsArray()) return nullptr;
        documents_.push_back(std::move(doc));
        return documents_.back().get();
    }

    ItemPlace place(const JsonDocument& file, const std::string& pointer, std::initializer_list<const char*> members) {
        ItemPlace p{file.source(), {{"", file.value_offset(pointer)}}};
        for (const char* m : members) p.offsets[m] = file.value_offset(pointer + "/" + m);
        return p;
    }

    // The item's review marks; false (reported) when its status is missing.
    bool review_of(const JsonDocument& file, const rapidjson::Value& v, const std::string& pointer, Review& into) {
        const auto status = parse_status(text_member(v, "status"));
        if (!status) {
            diagnostics_.push_back(file.diagnostic(pointer, "missing-status", "the item has no \"status\"",
                                                   "each candidate needs \"status\": \"candidate\", \"accepted\" or \"rejected\""));
            return false;
        }
        into.status = *status;
        into.rule = text_member(v, "rule");
        if (v.HasMember("confidence")) into.confidence = v["confidence"].GetDouble();
        return true;
    }

    void evidence_and_attributes(const JsonDocument& file, const rapidjson::Value& v, const std::string& pointer,
                                 std::vector<Evidence>& evidence, Attributes& attributes) {
        std::string problem;
        if (!read_evidence_json(v["evidence"], evidence, problem))
            diagnostics_.push_back(file.diagnostic(pointer + "/evidence", "bad-evidence", problem));
        if (v.HasMember("attributes") && !read_attributes_json(v["attributes"], attributes, problem))
            diagnostics_.push_back(file.diagnostic(pointer + "/attributes", "bad-attribute", problem));
    }

    void read_entities(const JsonDocument& file) {
        const auto& list = file.root()["entities"];
        for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
            const auto pointer = "/entities" + pointer_index(i);
            const auto& v = list[i];
            if (!schema_.validate(file, v, pointer, "entity", diagnostics_)) continue;
            Reviewed<Entity> r;
            if (!review_of(file, v, pointer, r.review)) continue;
            r.item = {text_member(v, "id"),
                      text_member(v, "kind"),
                      text_member(v, "name"),
                      text_list_member(v, "aliases"),
                      text_list_member(v, "domains"),
                      {},
                      {},
                      text_member(v, "note")};
            evidence_and_attributes(file, v, pointer, r.item.evidence, r.item.attributes);
            r.place = place(file, pointer, {"id", "kind", "name", "aliases", "status", "evidence"});
            for (std::size_t a = 0; a < r.item.aliases.size(); ++a)
                r.place.offsets["aliases/" + std::to_string(a)] = file.value_offset(pointer + "/aliases" + pointer_index(a));
            out_.entities.push_back(std::move(r));
        }
    }

    void read_relations(const JsonDocument& file) {
        const auto& list = file.root()["relations"];
        for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
            const auto pointer = "/relations" + pointer_index(i);
            const auto& v = list[i];
            if (!schema_.validate(file, v, pointer, "relation", diagnostics_)) continue;
            Reviewed<Relation> r;
            if (!review_of(file, v, pointer, r.review)) continue;
            auto& rel = r.item;
            rel.id = text_member(v, "id");
            rel.source = text_member(v, "source");
            rel.type = text_member(v, "type");
            rel.target = text_member(v, "target");
            rel.confidence = v["confidence"].GetDouble();
            if (v.HasMember("grading")) rel.grading = parse_grading(text_member(v, "grading"));
            if (v.HasMember("period")) rel.period = Period{text_member(v["period"], "from"), text_member(v["period"], "to")};
            rel.note = text_member(v, "note");
            evidence_and_attributes(file, v, pointer, rel.evidence, rel.attributes);
            r.place = place(file, pointer, {"id", "source", "type", "target", "status", "evidence"});
            out_.relations.push_back(std::move(r));
        }
    }

    void read_sources(const JsonDocument& file) {
        const auto& list = file.root()["sources"];
        for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
            const auto pointer = "/sources" + pointer_index(i);
            const auto& v = list[i];
            if (!schema_.validate(file, v, pointer, "source", diagnostics_)) continue;
            SourceDocument s{text_member(v, "id"),
                             text_member(v, "title"),
                             text_member(v, "publisher"),
                             text_member(v, "date"),
                             text_member(v, "file"),
                             text_member(v, "sha256"),
                             static_cast<std::size_t>(v["length"].GetUint64()),
                             {}};
            for (const auto& section : v["sections"].GetArray())
                s.sections.push_back({text_member(section, "id"), text_member(section, "title"),
                                      static_cast<std::size_t>(section["start"].GetUint64()),
                                      static_cast<std::size_t>(section["end"].GetUint64())});
            out_.sources.push_back(std::move(s));
        }
    }

    std::string dir_;
    SchemaSet schema_;
    std::vector<Diagnostic> diagnostics_;
    std::vector<std::unique_ptr<JsonDocument>> documents_;
    CandidateFiles out_;
};

} // namespace

CandidateFiles read_candidates(const std::string& dir, const std::string& schema_path) { return Reader(dir, schema_path).run(); }

} // namespace tg
