#include "extract/new_entities.hpp"

#include "core/huge_pages.hpp"
#include "core/text.hpp"
#include "extract/name_words.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace tg {

namespace {

struct Cue {
    const char* word; // folded
    const char* kind;
};

// Folded cue words; the last cue word of a name decides ("National Strategy for the Police" is a strategy).
const Cue kCues[] = {
    {"ministry", "government_agency"},
    {"command", "government_agency"},
    {"directorate", "government_agency"},
    {"service", "government_agency"},
    {"force", "government_agency"},
    {"forces", "government_agency"},
    {"agency", "government_agency"},
    {"police", "government_agency"},
    {"office", "government_agency"},
    {"guard", "government_agency"},
    {"department", "government_agency"},
    {"commission", "government_agency"},
    {"committee", "government_agency"},
    {"council", "government_agency"},
    {"navy", "government_agency"},
    {"army", "government_agency"},
    {"ministerio", "government_agency"},
    {"comando", "government_agency"},
    {"direccion", "government_agency"},
    {"servicio", "government_agency"},
    {"fuerza", "government_agency"},
    {"fuerzas", "government_agency"},
    {"agencia", "government_agency"},
    {"policia", "government_agency"},
    {"secretaria", "government_agency"},
    {"comision", "government_agency"},
    {"operation", "initiative"},
    {"strategy", "initiative"},
    {"initiative", "initiative"},
    {"program", "initiative"},
    {"programme", "initiative"},
    {"plan", "initiative"},
    {"campaign", "initiative"},
    {"operacion", "initiative"},
    {"estrategia", "initiative"},
    {"iniciativa", "initiative"},
    {"programa", "initiative"},
    {"cartel", "threat_actor"},
    {"gang", "threat_actor"},
    {"gangs", "threat_actor"},
    {"mara", "threat_actor"},
    {"front", "threat_actor"},
    {"pandilla", "threat_actor"},
    {"frente", "threat_actor"},
    {"clan", "threat_actor"},
};

const WordSet kCountries = {"argentina",      "belize",
                            "bolivia",        "brazil",
                            "canada",         "chile",
                            "colombia",       "costa rica",
                            "cuba",           "dominican republic",
                            "ecuador",        "el salvador",
                            "guatemala",      "guyana",
                            "haiti",          "honduras",
                            "jamaica",        "mexico",
                            "nicaragua",      "panama",
                            "paraguay",       "peru",
                            "suriname",       "united states",
                            "uruguay",        "venezuela",
                            "china",          "russia",
                            "iran",           "north korea",
                            "spain",          "france",
                            "united kingdom", "germany",
                            "nigeria",        "syria",
                            "lebanon",        "trinidad and tobago",
                            "bahamas"};

// Capitalized words that name no entity on their own: demonyms ("Costa Rican", "Central
// American"), ranks and titles ("Lieutenant General"), Roman numerals of headings, currency codes.
const WordSet kNoNameWords = {"american",   "central",   "costa",      "rican",   "salvadoran", "salvadorean", "guatemalan", "honduran",
                              "panamanian", "colombian", "venezuelan", "mexican", "nicaraguan", "belizean",    "dominican",  "latin",
                              "caribbean",  "south",     "north",      "general", "lieutenant", "major",       "colonel",    "admiral",
                              "captain",    "commander", "minister",   "vice",    "deputy",     "president",   "director",   "secretary",
                              "ambassador", "professor", "dr",         "mr",      "ms",         "mrs",         "i",          "ii",
                              "iii",        "iv",        "v",          "vi",      "vii",        "viii",        "ix",         "x",
                              "usd",        "eur",       "gdp"};

bool no_name_word(std::string_view folded) { return kNoNameWords.contains(folded); }

// Words that open a sentence or a phrase and belong to no name: "The Ministry of Security".
const WordSet kOpeners = {"the",   "a",      "an",     "this",  "that",  "these", "those",    "in",      "on",      "at",
                          "by",    "with",   "from",   "as",    "its",   "el",    "la",       "los",     "las",     "un",
                          "una",   "en",     "por",    "con",   "desde", "su",    "sus",      "they",    "he",      "she",
                          "it",    "we",     "i",      "our",   "their", "his",   "her",      "ellos",   "ella",    "nosotros",
                          "after", "before", "during", "since", "while", "when",  "although", "however", "despite", "today"};

// A-Z, a-z, 0-9, without the C locale's table lookup: this runs once per byte of the text.
bool ascii_alnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// An acronym short enough to be a name: 2 to 10 characters.
bool acronym_word(std::string_view w) { return is_acronym(w) && w.size() <= 10; }

// Marks the headings of the text: lines in capitals ("DAY TWO"), and lines standing alone
// between blank lines with no stop at their end and at most eight words ("Country Perspectives").
void mark_headings(std::string_view text, std::vector<std::uint8_t>& covered) {
    std::vector<TextSpan> lines;
    for (std::size_t b = 0; b <= text.size();) {
        auto e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        lines.push_back({b, e});
        b = e + 1;
    }
    const auto blank = [&](std::size_t k) {
        if (k >= lines.size()) return true;
        return text.substr(lines[k].begin, lines[k].end - lines[k].begin).find_first_not_of(" \t\r") == std::string_view::npos;
    };
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const auto line = text.substr(lines[k].begin, lines[k].end - lines[k].begin);
        std::size_t words = 0, lower = 0, upper = 0;
        bool in_word = false;
        for (const char ch : line) {
            const auto c = static_cast<unsigned char>(ch);
            lower += c >= 'a' && c <= 'z' ? 1 : 0;
            upper += c >= 'A' && c <= 'Z' ? 1 : 0;
            const bool w = ascii_alnum(c) || c >= 0x80;
            words += w && !in_word ? 1 : 0;
            in_word = w;
        }
        const auto last = line.find_last_not_of(" \t\r");
        const bool stop_at_end = last != std::string_view::npos && std::string_view(".!?:;,").find(line[last]) != std::string_view::npos;
        const bool capitals = words >= 2 && upper > 0 && lower == 0;
        const bool alone = words >= 1 && words <= 8 && !stop_at_end && (k == 0 || blank(k - 1)) && blank(k + 1);
        if (capitals || alone)
            std::fill(covered.begin() + static_cast<long>(lines[k].begin), covered.begin() + static_cast<long>(lines[k].end), 1);
    }
}

} // namespace

std::vector<EntityCandidate> propose_entities(std::string_view text, const Gazetteer& known) {
    return propose_entities(text, known.find(text), sentences(text));
}

std::vector<EntityCandidate> propose_entities(std::string_view text, const std::vector<Gazetteer::Match>& known,
                                              const std::vector<TextSpan>& sentence_spans) {
    auto covered = huge_vector<std::uint8_t>(text.size() + 1, 0); // one byte a byte of text: huge pages on a long text
    for (const auto& m : known)
        std::fill(covered.begin() + static_cast<long>(m.span.begin), covered.begin() + static_cast<long>(m.span.end), 1);
    mark_headings(text, covered);
    std::map<std::string, std::size_t> index; // folded name -> position in out
    std::vector<EntityCandidate> out;
    const auto propose = [&](std::size_t begin, std::size_t end, std::vector<std::string> folded_words) {
        const auto raw = text.substr(begin, end - begin);
        const auto key = fold_words(raw);
        if (key.empty()) return;
        if (const auto it = index.find(key); it != index.end()) {
            ++out[it->second].occurrences;
            out[it->second].spans.push_back({begin, end});
            return;
        }
        EntityCandidate c;
        c.name = collapse_spaces(raw); // line breaks inside a name as spaces
        const bool acronym = folded_words.size() == 1 && acronym_word(raw);
        for (auto w = folded_words.rbegin(); w != folded_words.rend() && c.kind.empty(); ++w)
            for (const auto& cue : kCues)
                if (*w == cue.word) {
                    c.kind = cue.kind;
                    c.rule = std::string(acronym ? "acronym" : "capitalized-words") + ":" +
                             (c.kind == "government_agency" ? "agency" : c.kind) + "-cue";
                    break;
                }
        if (c.kind.empty() && kCountries.contains(key)) {
            c.kind = "state";
            c.rule = "capitalized-words:country-list";
        }
        if (c.rule.empty()) c.rule = acronym ? "acronym" : "capitalized-words";
        c.confidence = !c.kind.empty() ? 0.7 : acronym ? 0.5 : 0.4;
        c.first = {begin, end};
        c.occurrences = 1;
        c.spans.push_back(c.first);
        index[key] = out.size();
        out.push_back(std::move(c));
    };
    for (const auto& sentence : sentence_spans) {
        const auto words = words_in(text, sentence);
        std::size_t i = 0;
        while (i < words.size()) {
            const auto w = text.substr(words[i].begin, words[i].end - words[i].begin);
            if (covered[words[i].begin] || !starts_capitalized(w)) {
                ++i;
                continue;
            }
            auto folded_word = fold_words(w);
            if (kOpeners.contains(folded_word)) {
                ++i;
                continue;
            }
            if (acronym_word(w)) {
                if (!no_name_word(folded_word)) propose(words[i].begin, words[i].end, {std::move(folded_word)});
                ++i;
                continue;
            }
            // The plural of an acronym ("NGOs", "FTCs") names it.
            if (w.size() > 2 && w.back() == 's' && acronym_word(w.substr(0, w.size() - 1))) {
                const auto stem = fold_words(w.substr(0, w.size() - 1));
                if (!no_name_word(stem)) propose(words[i].begin, words[i].end - 1, {stem});
                ++i;
                continue;
            }
            // A run of capitalized words with connectors inside; it may not end on a connector.
            std::size_t j = i;
            std::size_t last_capital = i;
            std::vector<std::string> folded;
            while (j < words.size() && !covered[words[j].begin]) {
                // Only spaces between the words of a name: a comma or a bracket ends it.
                if (j > i &&
                    text.substr(words[j - 1].end, words[j].begin - words[j - 1].end).find_first_not_of(" \t\r\n") != std::string_view::npos)
                    break;
                const auto word = text.substr(words[j].begin, words[j].end - words[j].begin);
                const auto f = fold_words(word);
                if (starts_capitalized(word) && !acronym_word(word)) {
                    last_capital = j;
                } else {
                    // Inside a name: prepositions ("of", "de"), an article after one ("of the",
                    // "de la"), and "and"/"y" before a capital ("Trinidad and Tobago").
                    const bool article = f == "the" || f == "el" || f == "la" || f == "los" || f == "las";
                    const bool joins = f == "and" || f == "y";
                    const bool after_preposition =
                        !folded.empty() && is_name_connector(folded.back()) && folded.back() != "and" && folded.back() != "y";
                    const bool capital_next =
                        j + 1 < words.size() && starts_capitalized(text.substr(words[j + 1].begin, words[j + 1].end - words[j + 1].begin));
                    if (!is_name_connector(f) || (article && !after_preposition) || (joins && !capital_next)) break;
                }
                folded.push_back(f);
                ++j;
            }
            folded.resize(last_capital - i + 1);
            // One capitalized word is no name here: a sentence opens with one, and known single
            // names are the gazetteer's.
            const bool some_name_word =
                std::any_of(folded.begin(), folded.end(), [](const std::string& f) { return !no_name_word(f) && !is_name_connector(f); });
            if (last_capital > i && some_name_word) propose(words[i].begin, words[last_capital].end, folded);
            i = last_capital + 1;
        }
    }
    return out;
}

} // namespace tg
