#pragma once
// Where the binder and the filter compiler put what they refuse: positioned diagnostics under
// one code, and the checks both make of names (an ontology name, an entity).
#include "core/diagnostic.hpp"
#include "model/knowledge_graph.hpp"
#include "query/ast.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tg::query {

class Reporter {
public:
    Reporter(SourceTextPtr source, std::vector<Diagnostic>& diagnostics, std::string code)
        : source_(std::move(source)), diagnostics_(diagnostics), code_(std::move(code)) {}

    void problem(std::size_t offset, std::size_t length, std::string message, std::string hint = {});
    // False once a problem was reported.
    bool ok() const { return ok_; }

    // The value lower-cased; a diagnostic with the closest names when it is not among `names`
    // ("unknown kind \"stat\"", hint: did you mean "state"?).
    std::string known(const Literal& value, const std::vector<std::string>& names, const std::string& what);
    // The id of the entity the value names, or nothing with the resolver's message.
    std::optional<std::string> entity_id(const KnowledgeGraph& graph, const Literal& value);

private:
    SourceTextPtr source_;
    std::vector<Diagnostic>& diagnostics_;
    std::string code_;
    bool ok_ = true;
};

} // namespace tg::query
