#pragma once
// Routes a sentence describes without naming them: "cocaine trafficked into the country
// originates in Venezuela ... via the land border with Haiti", "migrants from South America and
// Africa are passing through Guatemala". A sentence describes a route when it holds a word of
// movement (trafficked, smuggled, shipments, migrants, crossed, originates, transita, cruzan...)
// and places in roles its prepositions mark:
//   origin       from, out of, originates in, coming from, desde, procedente(s) de, proviene de
//   transit      via, through, across, by way of, passing through, crossing, a través de,
//                en tránsito por, pasa por, cruzan, atraviesan
//   destination  to, into, toward, bound for, destined for, hacia, con destino a, rumbo a
// The place is the first one named after the marker, at most five words on, with no other
// marker between (a marker inside a name, "Strategy to Combat ...", is none); places listed
// with it ("South America and Africa") share its role, and
// markers joined by "and" ("into and through the country") share the place, in the first
// one's role. A place keeps the first role it gets. A route needs two roles (confidence 0.6);
// a sentence giving only an origin or only a destination and naming exactly one other place
// takes that place as the other end (confidence 0.45: "In the case of Costa Rica ... weapons
// that have crossed the borders into Panama"). Commodities and illicit activities the sentence
// names are what the route carries. The same ends in several sentences are one route.
#include "extract/relations.hpp"
#include "extract/sentences.hpp"
#include "model/ontology.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tg {

struct RouteCandidate {
    std::vector<std::size_t> origins, transits, destinations; // catalog entities (places), sorted
    std::vector<std::size_t> carried;                         // commodities and activities, sorted
    double confidence = 0;
    std::string rule;                // "route-pattern" or "route-pattern:one-end-completed"
    std::vector<TextSpan> sentences; // where it was found, in text order
};

// `mentions` in text order (names and resolved descriptions); `kinds[e]` as for propose_relations.
std::vector<RouteCandidate> find_routes(std::string_view text, const std::vector<TextSpan>& sentences, const std::vector<Mention>& mentions,
                                        const std::vector<std::string>& kinds, const Ontology& ontology);

// The words of movement and the markers, to find them with other gazetteers in one pass.
const Gazetteer& route_words();
// The same, with those words already found (`route_words().find(text)`).
std::vector<RouteCandidate> find_routes(std::string_view text, const std::vector<TextSpan>& sentences, const std::vector<Mention>& mentions,
                                        const std::vector<std::string>& kinds, const Ontology& ontology,
                                        const std::vector<Gazetteer::Match>& words);

} // namespace tg
