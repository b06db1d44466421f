#pragma once
// Statements from tokens, by the table in statements.hpp:
//   [LET name =] VERB [argument] {CLAUSE value}
// Every problem becomes a positioned diagnostic and the parser moves on to the next statement,
// so that one run reports every mistake in a file.
#include "core/diagnostic.hpp"
#include "query/ast.hpp"

#include <vector>

namespace tg::query {

QueryFile parse_query(const SourceTextPtr& source, std::vector<Diagnostic>& diagnostics);

} // namespace tg::query
