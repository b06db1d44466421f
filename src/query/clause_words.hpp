#pragma once
// How the query language names the library's parameters: the clause that sets each one. The
// library names a parameter in a message with parameter("k"); a query shows it as "K".
#include <string_view>

namespace tg::query {

// The clause that sets a parameter, or empty when no clause does (a parameter of how threatgraph
// was started, such as the network file).
std::string_view clause_words(std::string_view parameter);

} // namespace tg::query
