#include "core/text.hpp"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace tg {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Eight ASCII bytes at a time: none has its top bit set.
        std::uint64_t word;
        while (i + sizeof word <= n && (std::memcpy(&word, s + i, sizeof word), (word & 0x8080808080808080ULL) == 0)) i += sizeof word;
        if (i >= n) break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0, min = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return i;
        }
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::nullopt;
}

std::string latin1_to_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out += ch;
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

namespace {

// Base letters of U+00C0..U+00FF and U+0100..U+017F; '\0' means "not a letter to fold".
using namespace std::string_view_literals;
// \1 = "ae", \2 = "th", \3 = "ss"; \0 marks the two arithmetic signs.
constexpr std::string_view kLatin1Fold = "AAAAAA\1CEEEEIIIIDNOOOOO\0OUUUUY\2\3aaaaaa\1ceeeeiiiidnooooo\0ouuuuy\2y"sv;
constexpr std::string_view kLatinExtendedAFold =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

std::uint32_t decode(std::string_view text, std::size_t& i) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (i + len > text.size()) len = 1;
    std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += len;
    return cp;
}

} // namespace

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace {

// Appends the folded form of one code point; returns false when it is not alphanumeric.
bool append_folded(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        const auto c = static_cast<char>(cp);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
            return true;
        }
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
            return true;
        }
        return false;
    }
    if (cp >= 0xC0 && cp <= 0xFF) {
        const char base = kLatin1Fold[cp - 0xC0];
        switch (base) {
            case '\0':
                return false; // multiplication and division signs
            case '\1':
                out += "ae";
                return true;
            case '\2':
                out += "th";
                return true;
            case '\3':
                out += "ss";
                return true;
            default:
                out += static_cast<char>(base >= 'A' && base <= 'Z' ? base - 'A' + 'a' : base);
                return true;
        }
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        const char base = kLatinExtendedAFold[cp - 0x100];
        out += static_cast<char>(base >= 'A' && base <= 'Z' ? base - 'A' + 'a' : base);
        return true;
    }
    if (cp < 0xC0) return false;                                                        // Latin-1 punctuation, NBSP, symbols
    if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F)) return false; // punctuation
    return false;
}

std::string fold(std::string_view text, bool keep_word_breaks) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto cp = decode(text, i);
        std::string piece;
        bool alnum = append_folded(piece, cp);
        if (!alnum && cp >= 0x180 && !((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F))) {
            // Letters of other scripts are kept as they are.
            append_utf8(piece, cp);
            alnum = true;
        }
        if (alnum) {
            if (pending_space && keep_word_breaks && !out.empty()) out += ' ';
            pending_space = false;
            out += piece;
        } else {
            pending_space = true;
        }
    }
    return out;
}

} // namespace

std::string fold_key(std::string_view text) { return fold(text, false); }

std::string fold_words(std::string_view text) { return fold(text, true); }

bool mentions(std::string_view text, std::string_view name) {
    const std::string folded_name = fold_words(name);
    if (folded_name.empty()) return false;
    const std::string haystack = " " + fold_words(text) + " ";
    return haystack.find(" " + folded_name + " ") != std::string::npos || haystack.find(" " + folded_name + "s ") != std::string::npos;
}

std::string_view trim(std::string_view text) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    bool gap = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            gap = !out.empty();
            continue;
        }
        if (gap) out += ' ';
        gap = false;
        out += c;
    }
    return out;
}

std::string to_lower_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string to_upper_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::vector<std::string> split_words(std::string_view folded_words) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < folded_words.size()) {
        auto end = folded_words.find(' ', start);
        if (end == std::string_view::npos) end = folded_words.size();
        if (end > start) words.emplace_back(folded_words.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

bool strip_bom(std::string& text) {
    if (starts_with(text, "\xEF\xBB\xBF")) {
        text.erase(0, 3);
        return true;
    }
    return false;
}

std::string join_quoted(const std::vector<std::string>& items, std::size_t max_items) {
    std::string out;
    const std::size_t shown = std::min(items.size(), max_items);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0) out += (i + 1 == shown && shown == items.size()) ? " or " : ", ";
        out += '"' + items[i] + '"';
    }
    if (items.size() > shown) out += ", ... (" + std::to_string(items.size() - shown) + " more)";
    return out;
}

std::optional<double> parse_number(std::string_view text) {
    const std::string s(trim(text));
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const double value = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(value)) return std::nullopt;
    return value;
}

} // namespace tg
