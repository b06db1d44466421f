#pragma once
// Where a fact comes from: a span of a source document and our own paraphrase of it.
#include <cstddef>
#include <string>

namespace tg {

struct Evidence {
    std::string source;    // SourceDocument id
    std::string section;   // Section id within it
    std::size_t start = 0; // byte offsets into the document's UTF-8 text, end exclusive
    std::size_t end = 0;
    std::string paraphrase; // our own words; the source text stays with its publisher
    std::string refers_to;  // how the span names an endpoint it mentions only indirectly
    // The basis of a relation's Admiralty grade (graph-data/README.md), empty when not given:
    std::string wording;  // how the passage states it: "flat", "hedged" or "inferred"
    std::string standing; // who says it: "first-hand" (of their own government or agency, or the
                          // seminar's record) or "second-hand" (of others)
};

} // namespace tg
