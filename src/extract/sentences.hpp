#pragma once
// Paragraphs and sentences of a text, as byte spans of it: evidence offsets point into the text
// exactly. A paragraph ends at a blank line, unless it is long (200 bytes or more) and stops
// mid-sentence: then a page break cut it, and it goes on in the next. A sentence ends at ".", "!" or "?" (and any closing
// quotes or brackets after it, straight or curly: " ' ) ] ” ’ ») followed by a space and a capital, a digit, an opening quote or the
// end of the paragraph; not after an abbreviation ("Dr.", "e.g.", "No."), an initial ("C. Realuyo")
// or a dotted acronym ("U.S. Southern Command"). Line breaks inside a paragraph are spaces.
#include <cstddef>
#include <string_view>
#include <vector>

namespace tg {

struct TextSpan {
    std::size_t begin = 0, end = 0; // byte offsets, end exclusive; never inside a UTF-8 character
};

std::vector<TextSpan> paragraphs(std::string_view text);

// The span of `spans` (in text order, not overlapping: paragraphs or sentences) that holds byte
// `at`; null when `at` falls between them or after the last.
const TextSpan* span_holding(const std::vector<TextSpan>& spans, std::size_t at);

// The sentences of the whole text, paragraph by paragraph, with surrounding spaces trimmed.
std::vector<TextSpan> sentences(std::string_view text);
// The same, with the paragraphs already found (`paragraphs(text)`).
std::vector<TextSpan> sentences(std::string_view text, const std::vector<TextSpan>& paragraph_spans);

} // namespace tg
