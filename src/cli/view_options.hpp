#pragma once
// The options every analysis command shares: which part of the graph it looks at and how arcs
// are weighted.
#include "analysis/lens.hpp"
#include "analysis/view.hpp"
#include "cli/context.hpp"

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
class Validator;
}

namespace tg::cli {

struct ViewArgs {
    std::string lens;              // --lens; empty: the command's default
    Lens default_lens = Lens::all; // the command's default, where the graph declares the lens's kinds
    std::vector<std::string> kinds;
    std::vector<std::string> not_kinds;
    std::vector<std::string> not_via;
    std::vector<std::string> domains;
    std::vector<std::string> via;
    double min_confidence = 0;
    std::string as_of;
    std::string weight;
    bool ignore_direction = false;
    // Further tests from a query's WHERE and IN; empty keeps everything.
    std::function<bool(EntityIndex)> keep_entity;
    std::function<bool(RelationIndex)> keep_relation;
};

// Adds --lens, --kinds, --not-kinds, --domains, --via, --not-via, --min-confidence, --as-of,
// --weight and --ignore-direction;
// without --weight when `weight_help` is empty (a command that only counts hops), without
// --domains for a command that gives the word its own meaning, and without --ignore-direction for
// one that always reads the graph without direction.
void add_view_options(CLI::App& command, ViewArgs& args, const std::string& weight_help, bool domain_filter = true,
                      bool direction_flag = true);

// Counts and seeds: whole numbers, never negative (CLI11 would wrap "-1" into a huge unsigned).
const CLI::Validator& count_validator();

// --min-confidence X, refused (as a usage error) unless X is a decimal number from 0 to 1.
void add_min_confidence(CLI::App& command, double& into, const std::string& help);

// The lens the options choose: --lens when given, else the command's default when the graph
// declares the lens's kinds (a network brought with --input has one kind: the lens all).
Lens lens_of(const ViewArgs& args, const Ontology& ontology);

// The line a text output's header gives the lens, saying how to change it; empty for the lens all.
std::string lens_line(const ViewArgs& args, const Ontology& ontology);

// For paths and connect: the threat lens by default when every end is a threat actor, activity,
// commodity or route, so that a question between threat actors is not answered through the
// network set against them. A place (a state) at either end keeps the lens all.
void default_to_threat_lens_between(ViewArgs& args, const KnowledgeGraph& graph, const std::vector<std::string>& ends);

// The filter the options describe, the lens applied by the graph's ontology.
ViewFilter filter_of(const ViewArgs& args, const Ontology& ontology);

// The graph's snapshot and the view the options describe; `default_weight` applies when
// --weight is not given ("hops" for measures, "confidence" for paths).
View make_view(const GraphSnapshot& snapshot, const ViewArgs& args, const std::string& default_weight);

// "out", "in" or "any"; UsageError otherwise.
Direction parse_direction(const std::string& text);

// The entity for a name, checked to be inside the view.
Vertex32 resolve_in_view(const View& view, const std::string& name);

// "A--B": two entities of the view, in the order named. `what` says what the pair is ("tie",
// "path") for the message when the text is not two names joined by "--".
std::pair<Vertex32, Vertex32> resolve_pair_in_view(const View& view, const std::string& text, const std::string& what);

} // namespace tg::cli
