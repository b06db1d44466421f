#include "io/relation_cues_reader.hpp"

#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/text.hpp"
#include "io/json_document.hpp"
#include "io/json_fields.hpp"
#include "io/schema_check.hpp"
#include "io/text_file.hpp"

#include <map>

namespace tg {

std::vector<RelationCue> read_relation_cues(const std::string& path, const std::string& schema_path, const Ontology& ontology) {
    if (!file_exists(path))
        throw IoError("missing relation cue lexicon \"" + path + "\"",
                      "copy relation-cues.json from the bundled graph-data, or point --data at a folder that has one");
    std::vector<Diagnostic> diagnostics;
    SchemaSet schema;
    if (!schema.load(schema_path, diagnostics)) throw DataError(std::move(diagnostics));
    JsonDocument file;
    if (!file.parse(std::make_shared<SourceText>(path, read_file(path)), diagnostics) ||
        !schema.validate(file, file.root(), "", "relationCuesFile", diagnostics))
        throw DataError(std::move(diagnostics));

    std::vector<RelationCue> cues;
    std::map<std::string, std::string> phrase_owner; // folded phrase -> cue id
    std::map<std::string, std::string> ids;
    const auto& list = file.root()["cues"];
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        const auto pointer = "/cues" + pointer_index(i);
        const auto& v = list[i];
        if (!schema.validate(file, v, pointer, "relationCue", diagnostics)) continue;
        RelationCue cue{text_member(v, "id"), text_list_member(v, "phrases"), {}, v["confidence"].GetDouble()};
        if (!ids.emplace(cue.id, pointer).second)
            diagnostics.push_back(file.diagnostic(pointer + "/id", "duplicate-id", "duplicate cue id \"" + cue.id + "\"",
                                                  "cue ids must be unique; rename one"));
        const auto& readings = v["readings"];
        for (rapidjson::SizeType r = 0; r < readings.Size(); ++r) {
            CueReading reading{text_member(readings[r], "type"), text_member(readings[r], "direction") == "reverse"};
            if (!ontology.relation_type(reading.type))
                diagnostics.push_back(
                    file.diagnostic(pointer + "/readings" + pointer_index(r) + "/type", "unknown-relation-type",
                                    "unknown relation type \"" + reading.type + "\"",
                                    hint_for(reading.type, ontology.relation_type_ids(), "relation types are declared in ontology.json")));
            cue.readings.push_back(std::move(reading));
        }
        for (std::size_t p = 0; p < cue.phrases.size(); ++p) {
            const auto folded = fold_words(cue.phrases[p]);
            const auto phrase_pointer = pointer + "/phrases" + pointer_index(p);
            if (folded.empty()) {
                diagnostics.push_back(file.diagnostic(phrase_pointer, "empty-phrase", "the phrase has no letters or digits",
                                                      "a cue phrase is one or more words"));
                continue;
            }
            const auto [owner, fresh] = phrase_owner.emplace(folded, cue.id);
            if (!fresh)
                diagnostics.push_back(file.diagnostic(
                    phrase_pointer, "duplicate-phrase", "\"" + cue.phrases[p] + "\" is already a phrase of cue \"" + owner->second + "\"",
                    "a phrase must have one meaning; keep it in one cue and give that cue several readings"));
        }
        cues.push_back(std::move(cue));
    }
    if (count_errors(diagnostics) > 0) throw DataError(std::move(diagnostics));
    return cues;
}

} // namespace tg
