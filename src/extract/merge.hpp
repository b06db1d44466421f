#pragma once
// Merges the accepted items of a reviewed candidates folder into a graph's entities, relations
// and sources; never silently. An accepted entity whose id graph-data has adds its evidence and
// the names graph-data lacks as aliases, unless its kind differs (a conflict). A new entity named
// like an existing one (by name or alias) is a duplicate: reported, not merged, since only the
// reviewer can say whether it is the same one (give it that id) or another (rename it). A
// relation graph-data already has (same source, type and target; a symmetric type either way)
// gains the candidate's evidence. Candidates still "candidate" and rejected ones are left out.
#include "core/diagnostic.hpp"
#include "model/candidate_files.hpp"
#include "model/knowledge_graph.hpp"

#include <vector>

namespace tg {

struct Merge {
    std::vector<Entity> entities; // graph-data's, then the new ones
    std::vector<Relation> relations;
    std::vector<SourceDocument> sources;
    std::vector<Diagnostic> diagnostics; // errors mean nothing may be written
    std::size_t new_entities = 0, merged_entities = 0, new_aliases = 0;
    std::size_t new_relations = 0, merged_relations = 0, new_sources = 0;
    std::size_t rejected = 0, unreviewed = 0;
};

Merge merge_candidates(const KnowledgeGraph& base, const CandidateFiles& candidates);

} // namespace tg
