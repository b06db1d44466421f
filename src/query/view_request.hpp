#pragma once
// Which part of the graph an analysis looks at and how arcs weigh, as the CLI's options and the
// query language's clauses both describe it, and the view made from it.
#include "analysis/lens.hpp"
#include "analysis/view.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace tg {

struct ViewRequest {
    std::string lens;              // a lens by name; empty: the command's default
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

// The lens a request chooses: its lens when named, else the command's default when the graph
// declares the lens's kinds (a network read from a file has one kind: the lens all).
Lens lens_of(const ViewRequest& args, const Ontology& ontology);

// The line a text output's header gives the lens, saying how to change it; empty for the lens all.
std::string lens_line(const ViewRequest& args, const Ontology& ontology);

// For paths and connect: the threat lens by default when every end is a threat actor, activity,
// commodity or route, so that a question between threat actors is not answered through the
// network set against them. A place (a state) at either end keeps the lens all.
void default_to_threat_lens_between(ViewRequest& args, const KnowledgeGraph& graph, const std::vector<std::string>& ends);

// The filter the request describes, the lens applied by the graph's ontology.
ViewFilter filter_of(const ViewRequest& args, const Ontology& ontology);

// The view of a snapshot a request describes; `default_weight` applies when the request names
// no weight ("hops" for measures, "confidence" for paths).
View make_view(const GraphSnapshot& snapshot, const ViewRequest& args, const std::string& default_weight);

// "out", "in" or "any"; ParameterError otherwise.
Direction parse_direction(const std::string& text);

// The entity for a name, checked to be inside the view.
Vertex32 resolve_in_view(const View& view, const std::string& name);

// "A--B": two entities of the view, in the order named. `what` says what the pair is ("tie",
// "path") for the message when the text is not two names joined by "--".
std::pair<Vertex32, Vertex32> resolve_pair_in_view(const View& view, const std::string& text, const std::string& what);

} // namespace tg
