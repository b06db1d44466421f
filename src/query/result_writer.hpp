#pragma once
// A statement's typed result as text, JSON or CSV: the one place that decides how the query
// language prints what the executor found.
#include "core/error.hpp"
#include "core/output.hpp"
#include "model/knowledge_graph.hpp"
#include "query/results.hpp"

#include <string>

namespace tg::query {

// `spell` writes the parameters the text names (a hint such as "--exact finishes it") in the
// front end's words; a library user reads their bare names.
std::string write_result(const KnowledgeGraph& graph, const StatementResult& result, OutputFormat format,
                         Spelling spell = bare_name);

} // namespace tg::query
