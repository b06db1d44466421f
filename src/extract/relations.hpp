#pragma once
// Relations a text states between the names it mentions, two ways, both within one sentence:
//  - cue relations: a phrase of the cue lexicon ("operates in", "in cooperation with", "opera en")
//    between two names links the nearest name before it to the nearest name after it whose kinds
//    one of the cue's readings allows (in the reading's direction). Names joined to those by
//    "and", "or", "y" or commas ("FARC and ELN operate in Venezuela") are linked too. A name
//    skipped because its kind did not fit lowers the confidence by a fifth.
//  - co-occurrence: any two names in one sentence (at most 20 names apart), with no cue relation
//    between them anywhere in the text, are related_to each other, weighted by how close the
//    text names them and what they are (co_occurrence_confidence). A cue looks at the 20
//    nearest names each side.
// The same relation found in several sentences is one candidate with every sentence as evidence.
#include "extract/gazetteer.hpp"
#include "extract/sentences.hpp"
#include "model/ontology.hpp"
#include "model/relation_cue.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tg {

// A name found in the text, resolved to one entity of the caller's catalog.
struct Mention {
    TextSpan span;
    std::size_t entity = 0;
};

struct RelationCandidate {
    std::size_t source = 0, target = 0; // catalog entities
    std::string type;                   // a RelationType id
    std::string rule;                   // "cue:<cue id>" or "co-occurrence"
    double confidence = 0;
    std::vector<TextSpan> sentences; // where it was found, in text order
    std::string phrase;              // the cue phrase as written at its first finding; empty for co-occurrence
};

// True when the text between two names, [from, to), joins them in a list: only commas, spaces
// and "and", "or", "as well as", "y", "o", "e", "ni", possibly with a repeated preposition ("in
// Colombia and in Venezuela").
bool listed_together(std::string_view text, std::size_t from, std::size_t to);

// How one sentence names two entities where it names them closest, and what they are: what a
// co-occurrence's confidence reads.
struct CoOccurrence {
    std::size_t names_between = 0; // other names standing between the two
    bool bracket_between = false;  // a bracket between them: an aside or an affiliation, not a statement
    bool alike = false;            // of one kind, or both places: such names are more often listed or
                                   // compared than related ("Guatemala, unlike Honduras, ...",
                                   // "Panama City, Panama")
    bool kind_unknown = false;     // one is a new name of no known kind
    bool person_and_place = false; // a speaker and the country they come from or speak for: the
                                   // graph relates a person to the organization, event or
                                   // initiative they act for, not to a place (graph-data/README.md)
};

// The co-occurrence confidence: 0.3, 0.1 more for names side by side (no name between) and 0.1
// less with two or more names between; 0.15 less for alike names, for a name of unknown kind
// and for a person with a place, 0.05 less across a bracket; at least 0.05. How many sentences name the pair does
// not count: names repeated together are mostly places listed again and again.
double co_occurrence_confidence(const CoOccurrence& how);

// `mentions` in text order; `kinds[e]` is catalog entity e's kind (empty when unknown: such a
// name takes part only in readings whose kinds include "*"). Cue relations come first, then
// co-occurrences, each in the order first found.
std::vector<RelationCandidate> propose_relations(std::string_view text, const std::vector<TextSpan>& sentences,
                                                 const std::vector<Mention>& mentions, const std::vector<std::string>& kinds,
                                                 const Ontology& ontology, const std::vector<RelationCue>& cues);

// Relations of a paragraph's subject: a paragraph whose first place named is a state is about
// that state ("The situation of illicit narcotics trafficking in the Dominican Republic was
// relayed ... Dominican authorities confiscated ..."). Every other entity the paragraph names,
// but no place, that `found` does not already relate to the state either way is related_to it,
// rule "paragraph-subject", confidence 0.25; the evidence is, for each such paragraph, one
// passage naming both: from the sentence naming the state to the first naming the other (or the
// other way round). `paragraph_spans` and `mentions` in text order.
std::vector<RelationCandidate> paragraph_subjects(const std::vector<TextSpan>& paragraph_spans, const std::vector<TextSpan>& sentences,
                                                  const std::vector<Mention>& mentions, const std::vector<std::string>& kinds,
                                                  const Ontology& ontology, const std::vector<RelationCandidate>& found);

// Every cue phrase, for the cue with that index.
Gazetteer cue_phrases(const std::vector<RelationCue>& cues);
// The same, with the phrases already found (`cue_phrases(cues).find(text)`).
std::vector<RelationCandidate> propose_relations(std::string_view text, const std::vector<TextSpan>& sentences,
                                                 const std::vector<Mention>& mentions, const std::vector<std::string>& kinds,
                                                 const Ontology& ontology, const std::vector<RelationCue>& cues,
                                                 const std::vector<Gazetteer::Match>& phrase_matches);

} // namespace tg
