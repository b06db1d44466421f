// Sentences with exact offsets, and the abbreviations a text defines (Schwartz and Hearst 2003),
// on short texts in English and Spanish written for the tests.
#include "core/text.hpp"
#include "extract/abbreviations.hpp"
#include "extract/gazetteer.hpp"
#include "extract/new_entities.hpp"
#include "extract/sentences.hpp"
#include "io/graph_data_loader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>

using namespace tg;

namespace {

std::vector<std::string> sentence_texts(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& s : sentences(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

std::vector<std::string> pairs(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& p : find_abbreviations(text)) {
        // The spans must point at exactly the forms reported.
        CHECK(text.substr(p.short_span.begin, p.short_span.end - p.short_span.begin) == p.short_form);
        CHECK(text.substr(p.long_span.begin, p.long_span.end - p.long_span.begin) == p.long_form);
        out.push_back(p.short_form + " = " + p.long_form + " [" + p.rule + "]");
    }
    return out;
}

} // namespace

TEST_CASE("sentences end at stops before a capital, not after abbreviations, initials or dotted acronyms", "[extract]") {
    CHECK(sentence_texts("The U.S. Coast Guard seized 15,705 kg. in 2017. It was a record! Dr. Realuyo spoke, e.g. on gangs. "
                         "C. Realuyo agreed. Was 3.5 tons enough? \"Yes.\" (No.) The end") ==
          std::vector<std::string>{"The U.S. Coast Guard seized 15,705 kg. in 2017.", "It was a record!",
                                   "Dr. Realuyo spoke, e.g. on gangs.", "C. Realuyo agreed.", "Was 3.5 tons enough?", "\"Yes.\"", "(No.)",
                                   "The end"});
}

TEST_CASE("paragraphs end at blank lines and a line break inside one is a space", "[extract]") {
    const std::string text = "  First line\nwraps here. Second.\n \n\nNew paragraph\r\n\r\nLast";
    const auto ps = paragraphs(text);
    REQUIRE(ps.size() == 3);
    CHECK(text.substr(ps[0].begin, ps[0].end - ps[0].begin) == "First line\nwraps here. Second.");
    CHECK(text.substr(ps[2].begin, ps[2].end - ps[2].begin) == "Last");
    CHECK(sentence_texts(text) == std::vector<std::string>{"First line\nwraps here.", "Second.", "New paragraph", "Last"});
}

TEST_CASE("offsets are bytes of the UTF-8 text and a sentence may open with an accented capital", "[extract]") {
    const std::string text = "La Policía actuó. Él habló.";
    const auto s = sentences(text);
    REQUIRE(s.size() == 2);
    CHECK(s[0].end == 19); // "La Policía actuó." is 19 bytes: í and ó take two each
    CHECK(text.substr(s[1].begin) == "Él habló.");
}

TEST_CASE("Schwartz-Hearst finds the long form before a parenthesized short form", "[extract]") {
    CHECK(pairs("The Central America Regional Security Initiative (CARSI) funds police.") ==
          std::vector<std::string>{"CARSI = Central America Regional Security Initiative [schwartz-hearst]"});
    CHECK(pairs("He leads the U.S. Southern Command (SOUTHCOM) today.") ==
          std::vector<std::string>{"SOUTHCOM = Southern Command [schwartz-hearst]"});
    CHECK(pairs("La Fuerza de Seguridad Interinstitucional Nacional (FUSINA) patrulla.") ==
          std::vector<std::string>{"FUSINA = Fuerza de Seguridad Interinstitucional Nacional [schwartz-hearst]"});
}

TEST_CASE("the reverse order, short form first, is found too", "[extract]") {
    CHECK(pairs("Honduras created FUSINA (Fuerza de Seguridad Interinstitucional Nacional) in 2014.") ==
          std::vector<std::string>{"FUSINA = Fuerza de Seguridad Interinstitucional Nacional [schwartz-hearst]"});
}

TEST_CASE("an acronym of a translated name is proposed from the capitalized words, less confidently", "[extract]") {
    const auto found = find_abbreviations("The National Interagency Security Force (FUSINA) patrols cities.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].long_form == "National Interagency Security Force");
    CHECK(found[0].rule == "capitalized-words");
    CHECK(found[0].confidence < 0.9);
    CHECK(pairs("Its partner FUSINA (National Interagency Security Force) grew.") ==
          std::vector<std::string>{"FUSINA = National Interagency Security Force [capitalized-words]"});
}

TEST_CASE("parentheses that define nothing give nothing", "[extract]") {
    CHECK(pairs("Seizures rose (see table 2) and fell (in 2017).").empty());
    CHECK(pairs("The gangs (MS-13 and Mara 18) fight.").empty());
    CHECK(pairs("Homicides fell (by 20%).").empty());
    CHECK(pairs("An unclosed (parenthesis ends the text").empty());
    CHECK(pairs("").empty());
}

TEST_CASE("number abbreviations hold a sentence together only before a number", "[extract]") {
    CHECK(sentence_texts("See No. 5 and p. 12 here. No. It is not.") ==
          std::vector<std::string>{"See No. 5 and p. 12 here.", "No.", "It is not."});
}

TEST_CASE("a page break in the middle of a long paragraph does not cut a name", "[extract]") {
    const std::string text = std::string(200, 'x') + " formed the National Interagency\n\nSecurity Force (FUSINA) in 2014.";
    CHECK(sentences(text).size() == 1);
    const auto found = find_abbreviations(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].long_form == "National Interagency Security Force");
    CHECK(text.substr(found[0].long_span.begin, found[0].long_span.end - found[0].long_span.begin) ==
          "National Interagency\n\nSecurity Force");
    CHECK(pairs("It set up an emergency committee (COE) fast.").empty());
}

TEST_CASE("the proceedings define their acronyms, and the abbreviation finder reads them", "[extract][shared]") {
    std::ifstream in(std::string(TG_SHARED_DIR) + "/corpus/perry-center-2018-central-america-ctn-proceedings.txt");
    REQUIRE(in);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(sentences(text).size() > 150);
    std::vector<std::string> found;
    for (const auto& p : find_abbreviations(text)) found.push_back(p.short_form + " = " + p.long_form);
    for (const char* expected :
         {"CARSI = Central American Security Initiative", "SDG = Sustainable Development Goals", "BDF = Belize Defence Force",
          "FUSINA = National Interagency Security Force", "PMOP = Military Police for Public Order",
          "SINAPROC = National System for Civilian Protection", "FARC = Revolutionary Armed Forces of Colombia",
          "FONATT = National Coalition against Illegal Migration and Human Trafficking"})
        CHECK(std::find(found.begin(), found.end(), expected) != found.end());
}

namespace {

// "[text]=entity" for every match.
std::vector<std::string> matches(const Gazetteer& g, const std::string& text) {
    std::vector<std::string> out;
    for (const auto& m : g.find(text)) {
        std::string ids;
        for (auto e : m.entities) ids += (ids.empty() ? "" : ",") + std::to_string(e);
        out.push_back("[" + text.substr(m.span.begin, m.span.end - m.span.begin) + "]=" + ids);
    }
    return out;
}

Gazetteer small_gazetteer() {
    Gazetteer g;
    g.add("FARC", 1);
    g.add("Revolutionary Armed Forces of Colombia", 1);
    g.add("ELN", 2);
    g.add("MS-13", 3);
    g.add("Mara Salvatrucha", 3);
    g.add("Mara 18", 4);
    g.add("Policía Nacional", 5);
    g.add("National Interagency Security Force", 6);
    g.add("Security Force", 7);
    g.add("Colombia", 8);
    return g;
}

} // namespace

TEST_CASE("the gazetteer finds names whatever their case and accents, and acronyms only in capitals", "[extract]") {
    const auto g = small_gazetteer();
    CHECK(matches(g, "The FARC met the farc; policia nacional and POLICÍA NACIONAL.") ==
          std::vector<std::string>{"[FARC]=1", "[policia nacional]=5", "[POLICÍA NACIONAL]=5"});
}

TEST_CASE("matches keep to word boundaries and take plurals and possessives", "[extract]") {
    const auto g = small_gazetteer();
    CHECK(matches(g, "FARCO is no FARC. The ELNs and MS-13's leaders; ELNS is another word.") ==
          std::vector<std::string>{"[FARC]=1", "[ELN]=2", "[MS-13]=3"});
}

TEST_CASE("names in quotes are found, with curly possessives, and a quote after a stop ends the sentence", "[extract]") {
    const auto g = small_gazetteer();
    const std::string text =
        "He said: \u201cMS-13 and the ELNs.\u201d Then the FARC\u2019s leaders left \u2018Colombia\u2019 and \"Mara 18\".";
    CHECK(matches(g, text) == std::vector<std::string>{"[MS-13]=3", "[ELN]=2", "[FARC]=1", "[Colombia]=8", "[Mara 18]=4"});
    CHECK(sentence_texts(text) == std::vector<std::string>{"He said: \u201cMS-13 and the ELNs.\u201d",
                                                           "Then the FARC\u2019s leaders left \u2018Colombia\u2019 and \"Mara 18\"."});
}

TEST_CASE("the longest name wins, overlaps go left to right, and a name broken across lines is found", "[extract]") {
    const auto g = small_gazetteer();
    CHECK(matches(g, "the National Interagency\nSecurity Force and the Security Force") ==
          std::vector<std::string>{"[National Interagency\nSecurity Force]=6", "[Security Force]=7"});
    CHECK(matches(g, "Revolutionary Armed Forces of Colombia in Colombia") ==
          std::vector<std::string>{"[Revolutionary Armed Forces of Colombia]=1", "[Colombia]=8"});
    CHECK(matches(g, "Mara Salvatrucha, Mara 18 and Mara").size() == 2);
}

TEST_CASE("a word hyphenated at a line's end after an accented letter is read whole", "[extract]") {
    Gazetteer g;
    g.add("Policía Militar del Orden Público", 1);
    CHECK(matches(g, "La Policía Militar del Orden Pú-\nblico opera.") ==
          std::vector<std::string>{"[Policía Militar del Orden Pú-\nblico]=1"});
}

TEST_CASE("text without line breaks is read in pieces cut at spaces, so no name is split", "[extract]") {
    Gazetteer g;
    g.add("Honduras", 1);
    g.add("Panama", 2);
    // "Honduras" across the first megabyte, "Panamanian" (no Panama) just before it.
    std::string text(1048576 - 17, 'x');
    text += " Panamanian Honduras y";
    text += std::string(100, 'x');
    const auto found = matches(g, text);
    CHECK(found == std::vector<std::string>{"[Honduras]=1"});
}

TEST_CASE("a name two entities share is one match for both", "[extract]") {
    Gazetteer g;
    g.add("Bands", 1);
    g.add("bands", 2);
    g.add("", 3);
    const auto found = g.find("criminal bands");
    REQUIRE(found.size() == 1);
    CHECK(std::vector<std::size_t>(found[0].entities.begin(), found[0].entities.end()) == std::vector<std::size_t>{1, 2});
    CHECK(g.size() == 1);
}

TEST_CASE("names in another script are told apart byte for byte", "[extract]") {
    Gazetteer g;
    g.add("Хезболла", 1); // Cyrillic: every byte folds to one symbol class
    g.add("Хамас", 2);
    g.add("Хамаз", 3); // as long as the one above, one letter apart
    g.add("حزب الله", 4);
    CHECK(matches(g, "Хамас и Хезболла; حزب الله ... Хамазы") == std::vector<std::string>{"[Хамас]=2", "[Хезболла]=1", "[حزب الله]=4"});
}

TEST_CASE("several gazetteers read in one pass find what each finds alone, over pieces of a long text", "[extract]") {
    Gazetteer names = small_gazetteer(), phrases, more;
    phrases.add("operates in", 0);
    phrases.add("Security Force", 1); // also a name: the lists stay apart
    more.add("Mara", 0);
    more.add("Colombia", 1);
    std::string text;
    for (int i = 0; text.size() < 2500000; ++i)
        text += "The National Interagency Security Force operates in Colombia; the FARC and Mara 18 (" + std::to_string(i) +
                ") meet the Policía Nacional.\n\n";
    const auto each = Gazetteer::find_each(text, {{&names, true}, {&phrases, false}, {&more, false}});
    REQUIRE(each.size() == 3);
    const auto same = [](const std::vector<Gazetteer::Match>& a, const std::vector<Gazetteer::Match>& b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i].span.begin != b[i].span.begin || a[i].span.end != b[i].span.end || a[i].name != b[i].name ||
                !std::equal(a[i].entities.begin(), a[i].entities.end(), b[i].entities.begin(), b[i].entities.end()))
                return false;
        return true;
    };
    CHECK(same(each[0], names.find(text, true)));
    CHECK(same(each[1], phrases.find(text)));
    CHECK(same(each[2], more.find(text)));
    // Per paragraph: 6 names with the nested one (Security Force in the longer name), 2 phrases, 2 more.
    const auto paragraphs = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) / 2;
    CHECK(each[0].size() == 6 * paragraphs);
    CHECK(each[1].size() == 2 * paragraphs);
    CHECK(each[2].size() == 2 * paragraphs);
}

TEST_CASE("on the proceedings the gazetteer finds nearly every entity the text names; only a longer name hides a shorter one",
          "[extract][shared]") {
    const auto graph = load_graph_data(std::string(TG_SOURCE_DIR) + "/graph-data");
    std::ifstream in(std::string(TG_SHARED_DIR) + "/corpus/perry-center-2018-central-america-ctn-proceedings.txt");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::uint8_t> found(graph.entity_count(), 0);
    const auto gazetteer = Gazetteer::of(graph); // matches point into it
    for (const auto& m : gazetteer.find(text))
        for (auto e : m.entities) found[e] = 1;
    // The reference: core's mentions(), a plain search of each name in the folded text.
    std::size_t mentioned = 0, also_found = 0;
    for (std::size_t e = 0; e < graph.entity_count(); ++e) {
        bool named = mentions(text, graph.entity(e).name());
        for (const auto& a : graph.entity(e).aliases()) named = named || mentions(text, a);
        mentioned += named;
        also_found += named && found[e];
    }
    INFO(also_found << " of " << mentioned << " entities the text names");
    CHECK(mentioned > 100);
    // Only a longer name covering a shorter one ("Mara 18" inside a longer name) may hide it.
    CHECK(also_found >= mentioned * 95 / 100);
}

namespace {

// "name|kind|rule|occurrences" for every candidate.
std::vector<std::string> candidates(const std::string& text, const Gazetteer& known = {}) {
    std::vector<std::string> out;
    for (const auto& c : propose_entities(text, known)) {
        CHECK(text.substr(c.first.begin, c.first.end - c.first.begin).find(c.name.substr(0, c.name.find(' '))) == 0);
        out.push_back(c.name + "|" + c.kind + "|" + c.rule + "|" + std::to_string(c.occurrences));
    }
    return out;
}

} // namespace

TEST_CASE("unknown names are proposed and typed by their cue words, in English and Spanish", "[extract]") {
    CHECK(candidates("The Ministry of Public Security met Operation Martillo. The Gulf Clan and the Sinaloa Cartel fought.") ==
          std::vector<std::string>{"Ministry of Public Security|government_agency|capitalized-words:agency-cue|1",
                                   "Operation Martillo|initiative|capitalized-words:initiative-cue|1",
                                   "Gulf Clan|threat_actor|capitalized-words:threat_actor-cue|1",
                                   "Sinaloa Cartel|threat_actor|capitalized-words:threat_actor-cue|1"});
    CHECK(candidates("La Policía Nacional Civil y la Estrategia Nacional de Seguridad trabajan.") ==
          std::vector<std::string>{"Policía Nacional Civil|government_agency|capitalized-words:agency-cue|1",
                                   "Estrategia Nacional de Seguridad|initiative|capitalized-words:initiative-cue|1"});
}

TEST_CASE("acronyms, countries and untyped names get their own rules and confidence", "[extract]") {
    const auto found = propose_entities("SENAFRONT patrols Costa Rica with Blue Horizon. SENAFRONT grew.", Gazetteer{});
    REQUIRE(found.size() == 3);
    CHECK(found[0].name == "SENAFRONT");
    CHECK(found[0].rule == "acronym");
    CHECK(found[0].confidence == 0.5);
    CHECK(found[0].occurrences == 2);
    CHECK(found[1].name == "Costa Rica");
    CHECK(found[1].kind == "state");
    CHECK(found[2].name == "Blue Horizon");
    CHECK(found[2].confidence == 0.4);
}

TEST_CASE("what the gazetteer knows is no candidate, and a name broken across lines is one", "[extract]") {
    Gazetteer known;
    known.add("FARC", 1);
    known.add("National Police", 2);
    CHECK(candidates("The FARC met the National Police and the Border\nService of Panama.", known) ==
          std::vector<std::string>{"Border Service of Panama|government_agency|capitalized-words:agency-cue|1"});
    CHECK(candidates("Gangs grow. They Recruit.").empty()); // single capitalized words propose nothing
}

TEST_CASE("a comma or a bracket ends a candidate name, and sentence openers are no part of one", "[extract]") {
    CHECK(candidates("Defense, Diplomacy and Development. After Costa Rican Coast Guard patrols (Ret. General Smith).") ==
          std::vector<std::string>{"Diplomacy and Development||capitalized-words|1",
                                   "Costa Rican Coast Guard|government_agency|capitalized-words:agency-cue|1",
                                   "General Smith||capitalized-words|1"});
}
