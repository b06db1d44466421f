#pragma once
// Everything extraction proposes for one text, in the shape of graph-data: entities (known ones
// the text names, with the sentences as evidence, and new names), relations between them, and
// the text's source record, each proposal with its Review (status candidate, rule, confidence).
//  - A known entity is named by the gazetteer (confidence 0.9); an abbreviation the text
//    defines for it and it lacks becomes a proposed alias.
//  - A new name comes from propose_entities, or from an abbreviation pair neither of whose forms
//    is known (the long form is the name, the short one an alias).
//  - A place of the world (a country or territory of ISO 3166, a major city) the text names and
//    graph-data lacks becomes a new state, territory or city (confidence 0.8); one graph-data
//    knows by another name gets the text's name as a new alias.
//  - Relations come from propose_relations over every mention of known and new names.
// Evidence points at sentences; the source is graph-data's own record when the text's SHA-256
// matches one (its id and sections), otherwise a new record with one section for the whole text.
// A sentence crossing a section's end is cut to the section holding the name (for a relation,
// the source's name); a name outside every section has nothing to cite and is not proposed.
// Each paraphrase says which rule found what: the analyst rewrites it in their own words.
#include "extract/abbreviations.hpp"
#include "model/entity.hpp"
#include "model/knowledge_graph.hpp"
#include "model/relation.hpp"
#include "model/relation_cue.hpp"
#include "model/review.hpp"
#include "model/source_document.hpp"
#include "model/world_place.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tg {

struct EntityProposal {
    Entity entity;
    Review review;
    bool known = false;                   // the entity exists in graph-data (same id)
    std::size_t mentions = 0;             // how often the text names it
    std::vector<std::string> new_aliases; // aliases the text defines that graph-data lacks
};

struct RelationProposal {
    Relation relation;
    Review review;
    std::size_t sentences = 0; // how many sentences state it (paragraphs, for a paragraph subject)
    std::string phrase;        // the cue phrase, empty for co-occurrence
};

struct Candidates {
    SourceDocument source;
    bool known_source = false; // graph-data has this text as a source
    std::vector<EntityProposal> entities;
    std::vector<RelationProposal> relations;
    std::vector<AbbreviationPair> abbreviations;
    std::size_t sentence_count = 0;
};

// `file_name` names the text in a new source record (its id is made from it). `world`: places
// of the world to propose when graph-data does not know them (countries before cities).
Candidates extract_candidates(std::string_view text, const std::string& file_name, const KnowledgeGraph& graph,
                              const std::vector<RelationCue>& cues, const std::vector<WorldPlace>& world = {});

// An id from a name: folded words joined by "_" ("Barrio 18" -> "barrio_18"); "entity" when nothing is left.
std::string id_from_name(std::string_view name);

} // namespace tg
