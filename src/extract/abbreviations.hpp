#pragma once
// Abbreviations a text defines, as alias pairs: "Central America Regional Security Initiative
// (CARSI)" and the reverse "FUSINA (National Interagency Security Force)". Candidates are a
// parenthesis and the words next to it within one sentence; the long form is found by Schwartz and
// Hearst's (2003) algorithm: the short form's characters, read backwards, appear in order in the
// long form, its first one at the start of a word, and the long form has at most
// min(|short| + 5, 2 |short|) words; a one-word long form for a short form of three letters or
// more is refused as a coincidence ("committee (COE)"). An acronym that names a translation ("National Interagency
// Security Force (FUSINA)", from Spanish) fails that test; when the words before or inside the
// parenthesis are a run of capitalized words, it is proposed by a second rule, less confident.
#include "extract/sentences.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tg {

struct AbbreviationPair {
    std::string short_form, long_form; // line breaks inside a form are one space here
    TextSpan short_span, long_span;    // where each is in the text
    std::string rule;                  // "schwartz-hearst" or "capitalized-words"
    double confidence = 0;
};

// Schwartz and Hearst's long form for `short_form` at the end of `candidate`; empty when none.
std::string best_long_form(std::string_view short_form, std::string_view candidate);

// Every pair the text defines, in text order.
std::vector<AbbreviationPair> find_abbreviations(std::string_view text);
// The same, with the text's sentences already found (`sentences(text)`).
std::vector<AbbreviationPair> find_abbreviations(std::string_view text, const std::vector<TextSpan>& sentence_spans);

} // namespace tg
