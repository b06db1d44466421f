#pragma once
// Filter expressions made into tests on entities and relations, checked against the graph first:
// a field that is neither built in nor an attribute of any entity, a kind or domain the ontology
// does not know, or a word where a number belongs is a positioned diagnostic with a suggestion.
//   entity fields:   id, name (its name or an alias), kind (with subkinds), domain, note, and any attribute
//   relation fields: id, type, confidence, grading, source, target (entities), valid (holds at a
//                    date), note, and any attribute
//   comparisons:     = != < <= > >= ~ (contains, ignoring case and accents) IN (...) NOT IN (...)
#include "core/diagnostic.hpp"
#include "model/knowledge_graph.hpp"
#include "query/ast.hpp"

#include <functional>

namespace tg::query {

using EntityTest = std::function<bool(EntityIndex)>;
using RelationTest = std::function<bool(RelationIndex)>;

// Null (and diagnostics added) when the expression does not fit the graph.
EntityTest entity_filter(const Expr& expr, const KnowledgeGraph& graph, const SourceTextPtr& source, std::vector<Diagnostic>& diagnostics);
RelationTest relation_filter(const Expr& expr, const KnowledgeGraph& graph, const SourceTextPtr& source,
                             std::vector<Diagnostic>& diagnostics);

} // namespace tg::query
