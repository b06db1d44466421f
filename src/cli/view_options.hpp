#pragma once
// The options every analysis command shares: which part of the graph it looks at and how arcs
// are weighted.
#include "cli/context.hpp"
#include "query/view_request.hpp"

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
class Validator;
} // namespace CLI

namespace tg::cli {

// Adds --lens, --kinds, --not-kinds, --domains, --via, --not-via, --min-confidence, --as-of,
// --weight and --ignore-direction;
// without --weight when `weight_help` is empty (a command that only counts hops), without
// --domains for a command that gives the word its own meaning, and without --ignore-direction for
// one that always reads the graph without direction.
void add_view_options(CLI::App& command, ViewRequest& args, const std::string& weight_help, bool domain_filter = true,
                      bool direction_flag = true);

// --min-confidence X, refused (as a usage error) unless X is a decimal number from 0 to 1.
void add_min_confidence(CLI::App& command, double& into, const std::string& help);

} // namespace tg::cli
