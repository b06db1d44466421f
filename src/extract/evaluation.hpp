#pragma once
// How well extraction did on a text a reference graph was curated from: precision, recall and
// F1 for entities, for related pairs (who is related to whom, either way, any type) and for
// typed relations (source, type, target; a symmetric type either way round).
// The reference holds the entities and relations with evidence in the text's source; entity
// recall counts the entities the text names (see described_entities). A
// candidate entity matches a reference entity by id, or by a name or alias that names exactly
// one reference entity; a candidate route no name matches (one the text describes without
// naming it) is the reference route whose origin, transit and destination places hold all of its
// own, two at least (of several such, the one with fewest others). Relation endpoints are
// matched the same way.
#include "extract/candidates.hpp"
#include "model/knowledge_graph.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tg {

struct Score {
    std::size_t matched = 0; // proposals that are in the reference
    std::size_t proposed = 0;
    std::size_t found = 0;    // reference items some proposal matches
    std::size_t expected = 0; // reference items
    double precision() const { return proposed ? static_cast<double>(matched) / static_cast<double>(proposed) : 0; }
    double recall() const { return expected ? static_cast<double>(found) / static_cast<double>(expected) : 0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
};

struct Evaluation {
    std::string source; // the reference source id
    Score entities, pairs, typed;
    // With the text: the related pairs whose ends it names in one sentence, and the others.
    bool split_by_sentence = false;
    Score pairs_within_sentence, pairs_across_sentences;
    std::vector<std::string> missed_entities; // reference ids no candidate matches
    // Reference entities the text only describes (every passage of theirs has a refers_to; not
    // routes): no extractor finds them by name, so entity recall leaves them out.
    std::vector<std::string> described_entities;
    std::vector<std::string> missed_relations; // reference relation ids whose pair no candidate relates
};

// Throws DataError when `reference` has no source with the text's SHA-256 (`candidates.source`).
// Relation proposals below `min_confidence` are left out.
// With `text` (the text the candidates came from), the pairs are also scored apart by whether
// the text names both ends in one sentence.
Evaluation evaluate(const Candidates& candidates, const KnowledgeGraph& reference, double min_confidence = 0, std::string_view text = {});

} // namespace tg
