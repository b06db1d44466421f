#pragma once
// SHOW and SUMMARY, for the query language and the CLI's show and info commands alike: one
// entity or relation with everything known about it, and the whole graph in counts.
#include "query/results.hpp"

#include <string>

namespace tg::query {

// An entity by id, name or alias, else a relation by id. DataError when neither is known, with
// the closest name or relation id suggested.
StatementResult find_shown(const KnowledgeGraph& graph, const std::string& name, const GraphOrigin& origin);

SummaryFound find_summary(const KnowledgeGraph& graph, const GraphOrigin& origin);

} // namespace tg::query
