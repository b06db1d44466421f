#pragma once
// Text utilities shared by every layer: UTF-8 checks, Latin-1 fallback, and the folding that
// makes "MS-13", "ms13" and "MS 13" (or "Policía" and "policia") the same name.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tg {

// Byte offset of the first byte that is not part of valid UTF-8 (overlong forms, surrogates
// and code points above U+10FFFF are invalid), or nothing when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Appends one code point (at most U+10FFFF) encoded as UTF-8.
void append_utf8(std::string& out, std::uint32_t code_point);

// Each byte as the Latin-1 (ISO 8859-1) character of that number, encoded as UTF-8.
std::string latin1_to_utf8(std::string_view text);

// Lower-case, accents removed, every character that is not a letter or digit dropped:
// the key under which names and aliases are compared.
std::string fold_key(std::string_view text);

// Like fold_key but runs of non-alphanumerics become one space, so words stay apart.
std::string fold_words(std::string_view text);

// True when `name` occurs in `text` as whole words after folding both (case, accents and
// punctuation ignored), or with a final "s" (a simple plural): "the Cartels" mentions "cartel".
bool mentions(std::string_view text, std::string_view name);

std::string_view trim(std::string_view text);
// Whitespace runs (line and page breaks inside a name or phrase) as one space, none at the ends.
std::string collapse_spaces(std::string_view text);
std::string to_lower_ascii(std::string_view text);
std::string to_upper_ascii(std::string_view text);
bool starts_with(std::string_view text, std::string_view prefix);
std::vector<std::string> split_words(std::string_view folded_words);

// Strips a UTF-8 byte-order mark; returns true when one was there.
bool strip_bom(std::string& text);

// A finite decimal number, spaces around it allowed ("0.5", " 1e3 "); nothing otherwise.
std::optional<double> parse_number(std::string_view text);

// "a, b and c" for messages.
std::string join_quoted(const std::vector<std::string>& items, std::size_t max_items = 8);

} // namespace tg
