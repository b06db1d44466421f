#pragma once
// Names a text uses that the gazetteer does not know: runs of two or more capitalized words
// (with "of", "de", "for"... between them) and acronyms of two to ten capitals, outside every
// gazetteer match (an acronym's plural, "NGOs", counts as the acronym), typed by the cue words
// they contain:
//   agency      Ministry, Command, Directorate, Service, Force, Agency, Police, Office, Guard...
//               (Ministerio, Comando, Dirección, Servicio, Fuerza, Agencia, Policía...)
//   initiative  Operation, Strategy, Initiative, Program, Plan, Campaign (Operación, Estrategia...)
//   threat actor  cartel, gang, mara, front (cártel, pandilla, frente)
//   state       a country's name or demonym ("Guatemalan" in "Guatemalan Armed Forces" makes no
//               state: the cue of the whole name decides)
// Headings propose nothing: lines in capitals ("DAY TWO") and short lines standing alone
// between blank lines without a stop at their end ("Country Perspectives").
// Nor do names made only of demonyms, ranks, Roman numerals or currency codes ("Costa Rican",
// "Lieutenant General", "IV", "USD").
// A typed name is proposed with confidence 0.7, an untyped acronym 0.5, an untyped name 0.4. One
// candidate per name (ignoring case and accents), at its first occurrence, with its count and
// every place it occurs.
#include "extract/gazetteer.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tg {

struct EntityCandidate {
    std::string name; // as first written, line breaks as spaces
    std::string kind; // an ontology kind id (government_agency, initiative, threat_actor, state), or empty
    std::string rule; // "capitalized-words" or "acronym", with the cue: "capitalized-words:agency-cue"
    double confidence = 0;
    TextSpan first; // the first occurrence
    std::size_t occurrences = 0;
    std::vector<TextSpan> spans; // every occurrence, in text order (the first is `first`)
};

std::vector<EntityCandidate> propose_entities(std::string_view text, const Gazetteer& known);
// The same, with the known names already found (`known.find(text)`) and the text's sentences.
std::vector<EntityCandidate> propose_entities(std::string_view text, const std::vector<Gazetteer::Match>& known,
                                              const std::vector<TextSpan>& sentence_spans);

} // namespace tg
