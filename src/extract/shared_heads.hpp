#pragma once
// Names that share a plural head: "the Departments of Homeland Security and Justice" names the
// Department of Homeland Security and the Department of Justice; "los Ministerios de Defensa y
// de Seguridad" the Ministerio de Defensa and the Ministerio de Seguridad. The head is one of
// Departments, Ministries, Secretariats, Offices, Agencies, Commissions, Councils, Directorates,
// Ministerios, Secretarías, Direcciones, Comisiones; then "of" or "de" and two or more runs of
// capitalized words separated by commas and "and", "y" (each may repeat "of", "de"). Each name
// gets the span of its own words, the first one from the head on.
#include "extract/gazetteer.hpp"
#include "extract/sentences.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tg {

struct SharedHeadName {
    std::string name; // "Department of Justice": the head in the singular, as the text capitalizes it
    TextSpan span;    // "Justice"; for the first name "Departments of Homeland Security"
    TextSpan phrase;  // the whole: "Departments of Homeland Security and Justice"
};

std::vector<SharedHeadName> shared_head_names(std::string_view text, const std::vector<TextSpan>& sentences);

// The plural heads with "of" and "de", to find them with other gazetteers in one pass.
const Gazetteer& shared_head_words();
// The same, with the heads already found (`shared_head_words().find(text)`).
std::vector<SharedHeadName> shared_head_names(std::string_view text, const std::vector<TextSpan>& sentences,
                                              const std::vector<Gazetteer::Match>& heads);

} // namespace tg
