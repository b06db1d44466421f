#include "extract/name_words.hpp"

namespace tg {

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
