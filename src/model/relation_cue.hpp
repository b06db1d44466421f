#pragma once
// A phrase that, between two names in one sentence, says how they are related: "X operates in
// Y", "X, in cooperation with Y". The lexicon of cues lives in graph-data/relation-cues.json, in
// the team's hands like the ontology.
#include <string>
#include <vector>

namespace tg {

// One way to read a cue: a relation type, and whether the name before the phrase is the source
// (forward) or the target (reverse: "cocaine produced in Colombia" is Colombia produces cocaine).
struct CueReading {
    std::string type; // a RelationType id
    bool reverse = false;
};

struct RelationCue {
    std::string id;
    std::vector<std::string> phrases; // each matched ignoring case and accents, on word boundaries
    std::vector<CueReading> readings; // tried in order; the first the two names' kinds allow wins
    double confidence = 0.5;          // in (0, 1]
};

} // namespace tg
