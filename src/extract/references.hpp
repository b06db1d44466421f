#pragma once
// Names a sentence uses without naming: a definite description that points back to the last
// entity of its kind named earlier in the paragraph ("MS-13 ... the gang", "la pandilla"), or,
// for a country ("the country", "el país"), to the first state the paragraph names, its subject
// ("Cocaine in the Dominican Republic ... via the border with Haiti ... shipments from the
// country"). Shallow on purpose: descriptions only, no pronouns, never across a paragraph (nor
// further back than 100 names), and only when an earlier name of a fitting kind exists.
#include "extract/relations.hpp"
#include "model/ontology.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tg {

// The descriptions, to find them with other gazetteers in one pass.
const Gazetteer& descriptions();

// The descriptions found (`found`: descriptions().find(text)), each resolved to the entity it
// points back to; `paragraph_spans` are the text's paragraphs, `mentions` the names in text
// order, `kinds[e]` as for propose_relations. In text order.
std::vector<Mention> resolve_references(const std::vector<Gazetteer::Match>& found, const std::vector<TextSpan>& paragraph_spans,
                                        const std::vector<Mention>& mentions, const std::vector<std::string>& kinds,
                                        const Ontology& ontology);

} // namespace tg
