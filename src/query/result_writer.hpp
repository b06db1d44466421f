#pragma once
// A statement's typed result as text, JSON or CSV: the one place that decides how the query
// language prints what the executor found.
#include "core/output.hpp"
#include "model/knowledge_graph.hpp"
#include "query/executor.hpp"

#include <string>

namespace tg::query {

std::string write_result(const KnowledgeGraph& graph, const StatementResult& result, OutputFormat format);

} // namespace tg::query
