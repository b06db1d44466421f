#include "io/iso_countries.hpp"

#include "core/error.hpp"
#include "io/gettext_catalog.hpp"
#include "io/json_document.hpp"
#include "io/text_file.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace tg {

const char* const kIsoCountriesJson = "/usr/share/iso-codes/json/iso_3166-1.json";
const char* const kIsoCountriesSpanish = "/usr/share/locale/es/LC_MESSAGES/iso_3166-1.mo";

namespace {

// Dependencies and areas that are no sovereign state, by ISO 3166-1 alpha-2 code.
const std::set<std::string> kTerritories = {"AI", "AQ", "AS", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX", "EH",
                                            "FK", "FO", "GF", "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE",
                                            "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR", "RE",
                                            "SH", "SJ", "SX", "TC", "TF", "TK", "UM", "VG", "VI", "WF", "YT"};

// Names people write that ISO 3166-1 does not list, in English and Spanish; the first is the
// name a proposal takes.
const std::map<std::string, std::vector<std::string>> kEverydayNames = {
    {"RU", {"Russia", "Rusia"}},
    {"KP", {"North Korea", "Corea del Norte"}},
    {"KR", {"South Korea", "Corea del Sur"}},
    {"VN", {"Vietnam", "Vietnam"}},
    {"LA", {"Laos"}},
    {"SY", {"Syria", "Siria"}},
    {"IR", {"Iran", "Irán"}},
    {"PS", {"Palestine", "Palestina"}},
    {"VA", {"Vatican City", "Vaticano"}},
    {"CI", {"Ivory Coast", "Costa de Marfil"}},
    {"BN", {"Brunei"}},
    {"CV", {"Cape Verde", "Cabo Verde"}},
    {"TR", {"Turkey", "Turquía"}},
    {"TZ", {"Tanzania"}},
    {"MD", {"Moldova"}},
    {"BO", {"Bolivia"}},
    {"VE", {"Venezuela"}},
    {"GB", {"United Kingdom", "Great Britain", "Britain", "Reino Unido", "Gran Bretaña"}},
    {"US", {"United States", "United States of America", "Estados Unidos", "EE.UU.", "EEUU"}},
    {"CZ", {"Czechia", "Czech Republic", "República Checa"}},
    {"MK", {"North Macedonia", "Macedonia"}},
    {"NL", {"Netherlands", "Holland", "Holanda"}},
    {"BS", {"Bahamas", "The Bahamas"}},
};

std::string without_leading_the(std::string name) {
    if (name.rfind("the ", 0) == 0 || name.rfind("The ", 0) == 0) name.erase(0, 4);
    return name;
}

} // namespace

std::vector<WorldPlace> read_iso_countries(const std::string& json_path, const std::string& spanish_catalog) {
    auto source = std::make_shared<SourceText>(json_path, read_file(json_path));
    JsonDocument document;
    std::vector<Diagnostic> diagnostics;
    if (!document.parse(source, diagnostics, false)) throw DataError(std::move(diagnostics));
    const auto& root = document.root();
    const auto wrong = [&](const std::string& what) {
        return DataError("\"" + json_path + "\" is not the ISO 3166-1 list iso-codes ships: " + what, "reinstall the iso-codes package");
    };
    if (!root.IsObject() || !root.HasMember("3166-1") || !root["3166-1"].IsArray()) throw wrong("it has no \"3166-1\" list");
    const auto spanish = spanish_catalog.empty() ? std::unordered_map<std::string, std::string>{} : read_gettext_catalog(spanish_catalog);
    std::vector<WorldPlace> out;
    for (const auto& entry : root["3166-1"].GetArray()) {
        const auto text = [&](const char* key) -> std::string {
            return entry.IsObject() && entry.HasMember(key) && entry[key].IsString() ? entry[key].GetString() : std::string();
        };
        WorldPlace place;
        place.code = text("alpha_2");
        const auto name = text("name");
        if (place.code.empty() || name.empty()) throw wrong("an entry lacks its alpha_2 code or its name");
        place.kind = kTerritories.count(place.code) ? "territory" : "state";
        place.list = "iso-3166";
        std::vector<std::string> english;
        for (const auto& n : {text("common_name"), name, without_leading_the(text("official_name"))})
            if (!n.empty()) english.push_back(n);
        const auto add = [&](const std::string& n) {
            // "Korea, Republic of" is how a list sorts it, not how a report writes it.
            if (n.empty() || n.find(", ") != std::string::npos) return;
            if (std::find(place.names.begin(), place.names.end(), n) == place.names.end()) place.names.push_back(n);
        };
        for (const auto& n : english) add(n);
        if (const auto it = kEverydayNames.find(place.code); it != kEverydayNames.end())
            for (const auto& n : it->second) add(n);
        for (const auto& n : english)
            if (const auto it = spanish.find(n); it != spanish.end()) add(without_leading_the(it->second));
        if (place.names.empty()) continue; // nothing a report would write
        // The proposal's name: the everyday English one where ISO's is formal or inverted.
        const auto everyday = kEverydayNames.find(place.code);
        place.name = everyday != kEverydayNames.end() ? everyday->second.front() : place.names.front();
        if (place.name != place.names.front()) {
            place.names.erase(std::find(place.names.begin(), place.names.end(), place.name));
            place.names.insert(place.names.begin(), place.name);
        }
        out.push_back(std::move(place));
    }
    return out;
}

} // namespace tg
