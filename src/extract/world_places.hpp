#pragma once
// Places of the world extraction knows without graph-data: the countries and territories read
// from iso-codes (io/iso_countries) and the major cities listed in extract/world/cities.tsv,
// embedded in the binary.
#include "extract/gazetteer.hpp"
#include "model/world_place.hpp"

#include <string_view>
#include <vector>

namespace tg {

// The cities of the embedded list, kind "city".
std::vector<WorldPlace> major_cities();

// The same from a list's text (name TAB country-code [TAB other|names]; "#" starts a comment).
// Throws InternalError for a malformed line: the list is ours.
std::vector<WorldPlace> parse_city_list(std::string_view text);

// A gazetteer of every place's names; the k-th place is entity k. A name two places share goes
// to the first one (give countries before cities).
Gazetteer world_gazetteer(const std::vector<WorldPlace>& places);

} // namespace tg
