#pragma once
// What an extraction proposal carries until an analyst has judged it: the verdict, the rule that
// made it and how sure the rule is. Only candidates folders hold it; graph-data never does.
#include <string>

namespace tg {

enum class ReviewStatus { candidate, accepted, rejected };

struct Review {
    ReviewStatus status = ReviewStatus::candidate;
    std::string rule;      // "gazetteer", "cue:operates-in", "co-occurrence", "capitalized-words:agency-cue"...
    double confidence = 0; // the rule's; a relation's own confidence field holds it too
};

const char* status_name(ReviewStatus status);

} // namespace tg
