#pragma once
// What the extractors ask of a single word of a name: is it an acronym, does it start with a
// capital, is it one of the small words names hold ("of", "de", "the").
#include "extract/sentences.hpp"

#include <initializer_list>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace tg {

// A fixed list of folded words or phrases, asked in constant time: the extractors ask about every
// capitalized word of a text.
class WordSet {
public:
    WordSet(std::initializer_list<std::string_view> words) : words_(words) {}
    bool contains(std::string_view folded) const { return words_.count(folded) > 0; }

private:
    std::unordered_set<std::string_view> words_;
};

// The words of a stretch of text, as byte spans: runs of ASCII letters and digits, "-" and the
// bytes of other scripts (accented letters, curly apostrophes: "FARC’s" is one word).
std::vector<TextSpan> words_in(std::string_view text, TextSpan span);

// Two capitals or more and no lower-case letter: FARC, MS-13, ELN.
bool is_acronym(std::string_view word);

// Starts with an ASCII capital or a letter written in two or more UTF-8 bytes (Á, É, Ñ...).
bool starts_capitalized(std::string_view word);

// A folded word names hold between their capitalized words: of, for, and, the, de, del, la, y...
bool is_name_connector(std::string_view folded);

} // namespace tg
