#pragma once
// Lenses: named views every analysis accepts, so that a question about the threat network is not
// answered through the network set against it.
//   threat   threat actors, illicit activities, commodities, routes and places, and the relations
//            among them, less the counter-network's (counters, monitors, protects, cooperates
//            with, supports, participates in, leads, adopts, verifies, hosts, member of, funds)
//   counter  states, organizations and initiatives and the threat actors, activities and routes
//            they counter, by the counter-network's relations (those above and operates in,
//            located in, part of, supplies)
//   all      everything (no lens)
// A lens narrows a filter: --kinds and --via still apply inside it.
#include "analysis/view.hpp"

#include <string>
#include <vector>

namespace tg {

enum class Lens { all, threat, counter };

// "all", "threat" or "counter"; ParameterError with a suggestion otherwise.
Lens parse_lens(const std::string& name);
std::string lens_name(Lens lens);
const std::vector<std::string>& lens_names();
// One line for an output's header: what the lens keeps.
std::string lens_summary(Lens lens);

// The entity kinds the lens keeps (with their descendants); empty for Lens::all.
std::vector<std::string> lens_kinds(Lens lens);
// True when the ontology declares at least one of the lens's kinds (Lens::all always applies).
bool lens_applies(Lens lens, const Ontology& ontology);
// True when an entity of `kind` lies inside the lens.
bool lens_keeps_kind(Lens lens, const Ontology& ontology, const std::string& kind);

// Narrows `filter` to the lens, by the kinds and relation types `ontology` declares. Throws
// DataError when the ontology declares none of the lens's kinds (a network brought with --input).
void apply_lens(Lens lens, const Ontology& ontology, ViewFilter& filter);

} // namespace tg
