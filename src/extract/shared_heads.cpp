#include "extract/shared_heads.hpp"

#include "core/text.hpp"
#include "extract/name_words.hpp"

#include <algorithm>

#include <unordered_map>

namespace tg {

namespace {

// Plural heads, folded, and their singular as written in a name.
const std::unordered_map<std::string, std::string>& singulars() {
    static const std::unordered_map<std::string, std::string> all = {
        {"departments", "Department"}, {"ministries", "Ministry"},    {"secretariats", "Secretariat"}, {"offices", "Office"},
        {"agencies", "Agency"},        {"commissions", "Commission"}, {"councils", "Council"},         {"directorates", "Directorate"},
        {"ministerios", "Ministerio"}, {"secretarias", "Secretaría"}, {"direcciones", "Dirección"},    {"comisiones", "Comisión"}};
    return all;
}

struct Word {
    std::size_t begin, end;
    std::string folded;
    bool capital;
};

std::vector<Word> words_of(std::string_view text, TextSpan sentence) {
    std::vector<Word> out;
    for (const auto& w : words_in(text, sentence)) {
        const auto word = text.substr(w.begin, w.end - w.begin);
        out.push_back({w.begin, w.end, fold_words(word), starts_capitalized(word)});
    }
    return out;
}

// Only spaces, or only a comma and spaces, between two words.
bool gap_is(std::string_view text, const Word& a, const Word& b, bool comma) {
    bool seen_comma = false;
    for (std::size_t k = a.end; k < b.begin; ++k) {
        const char c = text[k];
        if (c == ',' && comma && !seen_comma)
            seen_comma = true;
        else if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return false;
    }
    return !comma || seen_comma;
}

} // namespace

const Gazetteer& shared_head_words() {
    static const Gazetteer all = [] {
        Gazetteer g; // where a head is, is all that is asked: every pattern is "entity" 0
        for (const auto& head : singulars()) {
            g.add(head.first + " of", 0);
            g.add(head.first + " de", 0);
        }
        return g;
    }();
    return all;
}

std::vector<SharedHeadName> shared_head_names(std::string_view text, const std::vector<TextSpan>& sentences) {
    return shared_head_names(text, sentences, shared_head_words().find(text));
}

std::vector<SharedHeadName> shared_head_names(std::string_view text, const std::vector<TextSpan>& sentences,
                                              const std::vector<Gazetteer::Match>& heads) {
    // Only the words from a head on are read, and no more than a name's worth of them.
    constexpr std::size_t kReadAhead = 400; // bytes
    std::vector<SharedHeadName> out;
    std::size_t done_until = 0; // a head inside a construction already read is part of it
    for (const auto& match : heads) {
        if (match.span.begin < done_until) continue;
        const auto* sentence = span_holding(sentences, match.span.begin);
        if (!sentence) continue;
        const auto words = words_of(text, {match.span.begin, std::min(sentence->end, match.span.begin + kReadAhead)});
        const std::size_t h = 0; // the head word
        if (words.size() < 3) continue;
        const auto head = singulars().find(words[h].folded);
        if (head == singulars().end() || !words[h].capital) continue;
        const auto& of = words[h + 1].folded;
        if (of != "of" && of != "de") continue;
        const std::string connector(text.substr(words[h + 1].begin, words[h + 1].end - words[h + 1].begin)); // as written
        // Runs of capitalized words: [first, last] word indices.
        std::vector<std::pair<std::size_t, std::size_t>> runs;
        std::size_t i = h + 2;
        while (i < words.size()) {
            if (!runs.empty() && words[i].folded == of && i + 1 < words.size()) ++i; // "y de Seguridad"
            if (!words[i].capital || is_name_connector(words[i].folded)) break;
            const auto first = i;
            while (i + 1 < words.size() && words[i + 1].capital && !is_name_connector(words[i + 1].folded) &&
                   gap_is(text, words[i], words[i + 1], false))
                ++i;
            runs.emplace_back(first, i);
            // Next: ", X" or "and X" / "y X" (or ", and X").
            std::size_t next = i + 1;
            if (next < words.size() && gap_is(text, words[i], words[next], true)) {
                if (words[next].folded == "and" || words[next].folded == "y") ++next;
            } else if (next < words.size() && (words[next].folded == "and" || words[next].folded == "y") &&
                       gap_is(text, words[i], words[next], false)) {
                ++next;
            } else {
                break;
            }
            i = next;
        }
        if (runs.size() < 2) continue;
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const auto& [first, last] = runs[r];
            const auto name = head->second + " " + connector + " " +
                              collapse_spaces(text.substr(words[first].begin, words[last].end - words[first].begin));
            out.push_back(
                {name, {r == 0 ? words[h].begin : words[first].begin, words[last].end}, {words[h].begin, words[runs.back().second].end}});
        }
        done_until = words[runs.back().second].end;
    }
    return out;
}

} // namespace tg
