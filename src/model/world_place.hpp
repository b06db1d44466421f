#pragma once
// A place of the world a report may name that graph-data need not know: a country or territory
// (from ISO 3166) or a major city, with its names in English and Spanish, so that extraction can
// propose it as a state, a territory or a city.
#include <string>
#include <vector>

namespace tg {

struct WorldPlace {
    std::string name;               // the name a proposal takes: "Brazil", "Los Angeles"
    std::string kind;               // an ontology kind: state, territory or city
    std::string code;               // ISO 3166-1 alpha-2 code (of the city's country)
    std::vector<std::string> names; // every name it may be written by, `name` first
    std::string list;               // where it comes from: "iso-3166" or "cities"
};

} // namespace tg
