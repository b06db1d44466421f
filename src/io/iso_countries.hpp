#pragma once
// The countries and territories of ISO 3166-1 as Debian's iso-codes package ships them
// (/usr/share/iso-codes/json/iso_3166-1.json), with their Spanish names from its gettext catalog,
// as places extraction can propose.
#include "model/world_place.hpp"

#include <string>
#include <vector>

namespace tg {

// Where Debian installs them.
extern const char* const kIsoCountriesJson;
extern const char* const kIsoCountriesSpanish;

// Every entry as a state, or as a territory when it is a dependency (Puerto Rico, Greenland...).
// Names: the short name, the common and official names, the everyday English names ISO leaves
// out (Russia, North Korea, Vietnam...), and the Spanish translations of each; inverted forms
// ("Korea, Republic of") are left out. `spanish_catalog` may be empty (English names only).
// Throws IoError when a file cannot be read, DataError when it is not what iso-codes ships.
std::vector<WorldPlace> read_iso_countries(const std::string& json_path, const std::string& spanish_catalog);

} // namespace tg
