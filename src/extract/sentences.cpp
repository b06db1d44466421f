#include "extract/sentences.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace tg {

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }

std::string lowered(std::string_view word) {
    std::string out;
    for (const char c : word) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Words after which a full stop ends no sentence (compared lower-case, without the stop).
bool abbreviation(std::string_view word) {
    static const std::array<const char*, 30> known{"dr",  "mr",  "mrs",  "ms",  "prof", "gen", "col", "lt",   "capt",   "adm",
                                                   "sgt", "st",  "e.g",  "i.e", "etc",  "vs",  "cf",  "al",   "approx", "dept",
                                                   "gov", "inc", "corp", "co",  "jr",   "sr",  "sra", "sres", "lic",    "ing"};
    const auto l = lowered(word);
    return std::find(known.begin(), known.end(), l) != known.end();
}

// "No. 5", "p. 12": abbreviations only before a number.
bool number_abbreviation(std::string_view word) {
    static const std::array<const char*, 6> known{"no", "nos", "vol", "pp", "p", "fig"};
    const auto l = lowered(word);
    return std::find(known.begin(), known.end(), l) != known.end();
}

// A UTF-8 capital after the space? Non-ASCII letters ("Él", "Área") start sentences too: any
// byte of a multi-byte character counts, since lower-case ones rarely open a sentence.
bool opens_sentence(char c) {
    return upper(c) || std::isdigit(static_cast<unsigned char>(c)) || (c & 0x80) || c == '"' || c == '\'' || c == '(' || c == '[';
}

// The length of a closing quote or bracket at `at` (ASCII, or ” ’ »), 0 when there is none.
std::size_t closing_mark(std::string_view text, std::size_t at, std::size_t end) {
    const char c = text[at];
    if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
    const auto rest = text.substr(at, end - at);
    for (const std::string_view mark : {"\u201D", "\u2019", "\u00BB"})
        if (rest.substr(0, mark.size()) == mark) return mark.size();
    return 0;
}

void split(std::string_view text, TextSpan para, std::vector<TextSpan>& out) {
    std::size_t start = para.begin;
    const auto push = [&](std::size_t end) {
        std::size_t b = start, e = end;
        while (b < e && space(text[b])) ++b;
        while (e > b && space(text[e - 1])) --e;
        if (e > b) out.push_back({b, e});
    };
    for (std::size_t i = para.begin; i < para.end; ++i) {
        const char c = text[i];
        if (c != '.' && c != '!' && c != '?') continue;
        std::size_t end = i + 1;
        while (end < para.end) {
            if (text[end] == '.' && c == '.')
                ++end;
            else if (const auto mark = closing_mark(text, end, para.end))
                end += mark;
            else
                break;
        }
        std::size_t next = end;
        while (next < para.end && space(text[next])) ++next;
        if (next == end && next < para.end) continue; // "3.5", "U.S" inside a word
        if (next < para.end && !opens_sentence(text[next])) continue;
        if (c == '.') {
            // The word before the stop: an abbreviation, an initial or a dotted acronym keeps going.
            std::size_t w = i;
            while (w > para.begin && !space(text[w - 1]) && text[w - 1] != '(' && text[w - 1] != '"') --w;
            const auto word = text.substr(w, i - w);
            const bool initial = word.size() == 1 && upper(word[0]);
            const bool dotted = word.find('.') != std::string_view::npos && word.size() <= 6; // U.S, e.g
            const bool before_number = next < para.end && std::isdigit(static_cast<unsigned char>(text[next]));
            if (next < para.end && (abbreviation(word) || initial || dotted || (number_abbreviation(word) && before_number))) continue;
        }
        push(end);
        start = end;
    }
    push(para.end);
}

} // namespace

std::vector<TextSpan> paragraphs(std::string_view text) {
    std::vector<TextSpan> out;
    std::size_t start = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '\n') {
            ++i;
            continue;
        }
        // A blank line: the line break, then only spaces up to another line break.
        std::size_t j = i + 1;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
        if (j < text.size() && text[j] == '\n') {
            if (i > start) out.push_back({start, i});
            while (j < text.size() && space(text[j])) ++j;
            start = i = j;
            continue;
        }
        ++i;
    }
    if (start < text.size()) out.push_back({start, text.size()});
    // Trim, and drop paragraphs of only spaces.
    std::vector<TextSpan> trimmed;
    for (auto p : out) {
        // A byte-order mark opening the text belongs to no sentence (offsets still count it).
        if (p.begin == 0 && text.substr(0, 3) == "\xEF\xBB\xBF") p.begin = std::min<std::size_t>(3, p.end);
        while (p.begin < p.end && space(text[p.begin])) ++p.begin;
        while (p.end > p.begin && space(text[p.end - 1])) --p.end;
        if (p.end == p.begin) continue;
        // A long paragraph that stops mid-sentence was cut by a page break ("National
        // Interagency" / "Security Force"): it goes on in the next one. Headings are short.
        if (!trimmed.empty()) {
            const auto& last = trimmed.back();
            const char end = text[last.end - 1];
            const bool closing = last.end - last.begin >= 3 && closing_mark(text, last.end - 3, last.end) == 3; // ” or ’
            const bool mid_sentence =
                end != '.' && end != '!' && end != '?' && end != ':' && end != ';' && end != '"' && end != ')' && !closing;
            if (mid_sentence && last.end - last.begin >= 200) {
                trimmed.back().end = p.end;
                continue;
            }
        }
        trimmed.push_back(p);
    }
    return trimmed;
}

const TextSpan* span_holding(const std::vector<TextSpan>& spans, std::size_t at) {
    const auto it = std::upper_bound(spans.begin(), spans.end(), at, [](std::size_t a, const TextSpan& s) { return a < s.end; });
    return it == spans.end() || it->begin > at ? nullptr : &*it;
}

std::vector<TextSpan> sentences(std::string_view text) { return sentences(text, paragraphs(text)); }

std::vector<TextSpan> sentences(std::string_view text, const std::vector<TextSpan>& paragraph_spans) {
    std::vector<TextSpan> out;
    for (const auto& p : paragraph_spans) split(text, p, out);
    return out;
}

} // namespace tg
