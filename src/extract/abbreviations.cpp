#include "extract/abbreviations.hpp"

#include "core/text.hpp"

#include "extract/name_words.hpp"

#include <algorithm>
#include <cctype>

namespace tg {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct Word {
    std::size_t begin, end;
};

std::vector<Word> words_of(std::string_view text, std::size_t begin, std::size_t end) {
    std::vector<Word> out;
    std::size_t i = begin;
    while (i < end) {
        while (i < end && space(text[i])) ++i;
        const auto b = i;
        while (i < end && !space(text[i])) ++i;
        if (i > b) out.push_back({b, i});
    }
    return out;
}

// 2 to 10 characters, a letter among them, starting with a letter or digit, at most two words.
bool short_form_shape(std::string_view s) {
    if (s.size() < 2 || s.size() > 10 || !alnum(s.front())) return false;
    if (std::none_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) return false;
    return std::count(s.begin(), s.end(), ' ') <= 1;
}

// A long form may hold "in" as well ("Task Force in Colombia"): it is read back from the
// parenthesis and stops at the first lower-case word that is none of these.
bool connector(std::string_view w) {
    std::string l;
    for (const char c : w) l += lower(c);
    return is_name_connector(l) || l == "in";
}

constexpr std::size_t kMaxParenthesis = 400;

std::size_t max_words(std::string_view short_form) { return std::min(short_form.size() + 5, short_form.size() * 2); }

// The run of capitalized words (and connectors between them) that `words` ends with.
std::size_t capitalized_run(std::string_view text, const std::vector<Word>& words, std::size_t limit) {
    std::size_t first = words.size();
    while (first > 0 && words.size() - first < limit) {
        const auto w = text.substr(words[first - 1].begin, words[first - 1].end - words[first - 1].begin);
        const bool ends_clause = first < words.size() && (w.back() == ',' || w.back() == ';' || w.back() == ':');
        if ((!starts_capitalized(w) && !connector(w)) || ends_clause) break;
        --first;
    }
    while (first < words.size() && connector(text.substr(words[first].begin, words[first].end - words[first].begin))) ++first;
    return first;
}

} // namespace

std::string best_long_form(std::string_view short_form, std::string_view candidate) {
    long s = static_cast<long>(short_form.size()) - 1;
    long l = static_cast<long>(candidate.size()) - 1;
    while (s >= 0) {
        const char c = lower(short_form[static_cast<std::size_t>(s)]);
        if (!alnum(c)) {
            --s;
            continue;
        }
        // The first character of the short form must begin a word of the long form.
        while ((l >= 0 && lower(candidate[static_cast<std::size_t>(l)]) != c) ||
               (s == 0 && l > 0 && alnum(candidate[static_cast<std::size_t>(l - 1)])))
            --l;
        if (l < 0) return {};
        --l;
        --s;
    }
    const auto start = candidate.rfind(' ', static_cast<std::size_t>(l + 1));
    return std::string(candidate.substr(start == std::string_view::npos ? 0 : start + 1));
}

std::vector<AbbreviationPair> find_abbreviations(std::string_view text) { return find_abbreviations(text, sentences(text)); }

std::vector<AbbreviationPair> find_abbreviations(std::string_view text, const std::vector<TextSpan>& sentence_spans) {
    std::vector<AbbreviationPair> out;
    for (const auto& sentence : sentence_spans) {
        // Searches stay inside the sentence: a text without brackets costs one pass, not one per sentence.
        const auto upto = text.substr(0, sentence.end);
        for (auto open = upto.find('(', sentence.begin); open != std::string_view::npos; open = upto.find('(', open + 1)) {
            // A definition's parenthesis is short (a short form, or a long form of at most 20
            // words): the closing one is looked for within kMaxParenthesis bytes only, so that a
            // text of nested or unclosed brackets costs a bounded look per bracket, not a rescan.
            const auto reach = std::min(upto.size(), open + kMaxParenthesis);
            const auto close = upto.substr(0, reach).find(')', open);
            if (close == std::string_view::npos) continue;
            std::size_t in_begin = open + 1, in_end = close;
            while (in_begin < in_end && space(text[in_begin])) ++in_begin;
            while (in_end > in_begin && space(text[in_end - 1])) --in_end;
            // "(SF, ...)" and "(SF; ...)": the short form is what comes first.
            const auto cut = text.substr(in_begin, in_end - in_begin).find_first_of(",;");
            const auto inner_end = cut == std::string_view::npos ? in_end : in_begin + cut;
            const auto inside = text.substr(in_begin, inner_end - in_begin);
            // A long form has at most 2 |SF| words: a few hundred bytes before the bracket are enough.
            auto window = open - sentence.begin > 1000 ? open - 1000 : sentence.begin;
            if (window != sentence.begin)
                while (window < open && !space(text[window])) ++window; // from a whole word
            const auto before = words_of(text, window, open);
            if (before.empty() || inside.empty()) continue;

            if (short_form_shape(inside)) {
                // Long form (SF).
                const auto limit = max_words(inside);
                const auto first = before.size() > limit ? before.size() - limit : 0;
                const auto candidate = text.substr(before[first].begin, before.back().end - before[first].begin);
                auto long_form = best_long_form(inside, candidate);
                // One word for three letters or more is a coincidence of letters ("committee (COE)").
                const bool one_word = long_form.find_first_of(" \t\n\r") == std::string::npos && inside.size() >= 3;
                if (!long_form.empty() && !one_word && long_form.size() > inside.size() &&
                    long_form.find(std::string(inside) + " ") == std::string::npos) {
                    const auto begin = before.back().end - long_form.size();
                    out.push_back({std::string(inside),
                                   collapse_spaces(long_form),
                                   {in_begin, inner_end},
                                   {begin, before.back().end},
                                   "schwartz-hearst",
                                   0.9});
                    continue;
                }
                if (is_acronym(inside) && inside.find(' ') == std::string_view::npos) {
                    const auto run = capitalized_run(text, before, limit);
                    if (before.size() - run >= 2) {
                        const auto begin = before[run].begin, end = before.back().end;
                        out.push_back({std::string(inside),
                                       collapse_spaces(text.substr(begin, end - begin)),
                                       {in_begin, inner_end},
                                       {begin, end},
                                       "capitalized-words",
                                       0.6});
                    }
                }
                continue;
            }
            // SF (long form): the word before the parenthesis is the short form.
            const auto sf_word = before.back();
            const auto short_form = text.substr(sf_word.begin, sf_word.end - sf_word.begin);
            const auto inner_words = words_of(text, in_begin, inner_end);
            if (!short_form_shape(short_form) || !is_acronym(short_form) || inner_words.size() < 2 ||
                inner_words.size() > max_words(short_form))
                continue;
            const auto long_form = best_long_form(short_form, inside);
            if (!long_form.empty() && long_form.size() > short_form.size()) {
                out.push_back({std::string(short_form),
                               collapse_spaces(long_form),
                               {sf_word.begin, sf_word.end},
                               {inner_end - long_form.size(), inner_end},
                               "schwartz-hearst",
                               0.9});
            } else if (capitalized_run(text, inner_words, inner_words.size()) == 0) {
                out.push_back({std::string(short_form),
                               collapse_spaces(inside),
                               {sf_word.begin, sf_word.end},
                               {in_begin, inner_end},
                               "capitalized-words",
                               0.6});
            }
        }
    }
    return out;
}

} // namespace tg
