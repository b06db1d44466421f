#pragma once
// Names resolved against the graph before anything runs: entities through the alias index,
// kinds, relation types, domains and measures against the ontology and the engine, selections
// against the LET statements before them, numbers checked to be numbers, files kept under the
// output folder, filters compiled. Every problem is a positioned diagnostic; a query runs only
// when there is none.
#include "core/diagnostic.hpp"
#include "model/knowledge_graph.hpp"
#include "query/ast.hpp"
#include "query/filter.hpp"
#include "query/statements.hpp"

#include <map>
#include <string>
#include <vector>

namespace tg::query {

struct BoundStatement {
    const Statement* statement = nullptr;
    const StatementSpec* spec = nullptr;
    std::string text;                                       // as written, spaces collapsed, for headings
    std::vector<std::string> arguments;                     // checked values: entity ids, canonical names, numbers as written
    std::map<std::string, std::vector<std::string>> values; // per clause keyword; empty for a flag
    EntityTest entities;                                    // WHERE or ENTITIES WHERE, if given
    RelationTest relations;                                 // RELATIONS WHERE, if given
    std::string selection;                                  // IN (or EXPORT's and RENDER's argument): a LET name

    bool has(const std::string& keyword) const { return values.count(keyword) > 0; }
    // The clause's first value, or `otherwise` when the clause is absent.
    std::string value(const std::string& keyword, const std::string& otherwise = {}) const;
    std::size_t count(const std::string& keyword, std::size_t otherwise) const;
    double number(const std::string& keyword, double otherwise) const;
};

struct BoundQuery {
    SourceTextPtr source;
    std::vector<BoundStatement> statements;
};

// `known`: selections made before this file (at the prompt, by earlier lines).
BoundQuery bind_query(const QueryFile& file, const KnowledgeGraph& graph, std::vector<Diagnostic>& diagnostics,
                      const std::vector<std::string>& known = {});

// Parses and binds in one step.
BoundQuery compile_query(const SourceTextPtr& source, const KnowledgeGraph& graph, std::vector<Diagnostic>& diagnostics, QueryFile& file,
                         const std::vector<std::string>& known = {});

} // namespace tg::query
