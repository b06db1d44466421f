#pragma once
// A statement's typed result as text, JSON or CSV: the one place that decides how the query
// language prints what the executor found.
#include "core/error.hpp"
#include "core/output.hpp"
#include "model/knowledge_graph.hpp"
#include "query/results.hpp"

#include <functional>
#include <string>

namespace tg {
class Passages;
}

namespace tg::query {

// `spell` writes the parameters the text names (a hint such as "--exact finishes it") in the
// front end's words; a library user reads their bare names.
// `passages` gives the source passages a result quotes (CONVERGENCE's nexus in JSON), loaded
// only when needed; none: paraphrases only.
std::string write_result(const KnowledgeGraph& graph, const StatementResult& result, OutputFormat format, Spelling spell = bare_name,
                         const std::function<Passages&()>& passages = {});

} // namespace tg::query
