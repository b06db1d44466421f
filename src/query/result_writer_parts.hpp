#pragma once
// The writers of some results, each in its own file; write_result (query/result_writer.cpp)
// chooses among them. Text names parameters with parameter(), spelled by write_result.
#include "core/output.hpp"
#include "model/knowledge_graph.hpp"
#include "query/results.hpp"

#include <string>

namespace tg {
class Passages;
}

namespace tg::query {

std::string write_entity_shown(const KnowledgeGraph& graph, const EntityShown& shown, OutputFormat format, Passages& passages);
std::string write_relation_shown(const KnowledgeGraph& graph, const RelationShown& shown, OutputFormat format, Passages& passages);
std::string write_summary(const KnowledgeGraph& graph, const SummaryFound& found, OutputFormat format);
std::string write_paths(const KnowledgeGraph& graph, const PathsFound& found, OutputFormat format, Passages& passages);
std::string write_disruption(const KnowledgeGraph& graph, const DisruptionFound& found, OutputFormat format);

} // namespace tg::query
