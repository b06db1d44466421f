#include "extract/name_words.hpp"

namespace tg {

std::vector<TextSpan> words_in(std::string_view text, TextSpan span) {
    std::vector<TextSpan> out;
    const auto word_byte = [&](std::size_t k) {
        const auto c = static_cast<unsigned char>(text[k]);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c >= 0x80;
    };
    for (std::size_t i = span.begin; i < span.end;) {
        while (i < span.end && !word_byte(i)) ++i;
        const auto b = i;
        while (i < span.end && word_byte(i)) ++i;
        if (i > b) out.push_back({b, i});
    }
    return out;
}

bool is_acronym(std::string_view word) {
    std::size_t capitals = 0;
    for (const char c : word) {
        if (c >= 'a' && c <= 'z') return false;
        capitals += c >= 'A' && c <= 'Z';
    }
    return capitals >= 2;
}

bool starts_capitalized(std::string_view word) {
    if (word.empty()) return false;
    const auto c = static_cast<unsigned char>(word.front());
    return (c >= 'A' && c <= 'Z') || (c >= 0xC3 && word.size() > 1);
}

bool is_name_connector(std::string_view folded) {
    static const WordSet words = {"of", "for", "and", "the", "on", "against", "de", "del", "la", "las", "los", "el", "y", "para", "contra"};
    return words.contains(folded);
}

} // namespace tg
