#pragma once
// Reads the relation cue lexicon (graph-data/relation-cues.json), checked against the schema's
// relationCue definition and the ontology: every reading names a known relation type, ids and
// phrases are not repeated.
#include "model/ontology.hpp"
#include "model/relation_cue.hpp"

#include <string>
#include <vector>

namespace tg {

// The cues of the file at `path`; throws DataError with every problem (positioned), or IoError
// when the file cannot be read. The schema is graph-data's (`schema_path`).
std::vector<RelationCue> read_relation_cues(const std::string& path, const std::string& schema_path, const Ontology& ontology);

} // namespace tg
