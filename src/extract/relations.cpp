#include "extract/relations.hpp"

#include "core/text.hpp"
#include "extract/gazetteer.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace tg {

namespace {

// How many names each side of a cue phrase are looked at, and how many names apart two names of
// a sentence may be to count as co-occurring: bounds that only very long sentences reach.
constexpr std::size_t kReach = 20;

std::pair<std::size_t, std::size_t> ordered(std::size_t a, std::size_t b) { return a < b ? std::pair{a, b} : std::pair{b, a}; }

struct CueHit {
    TextSpan span;
    std::size_t cue = 0;
};

// The items of one sentence, a stretch of a list in text order.
template <class T>
struct InSentence {
    const T* first = nullptr;
    const T* last = nullptr;
    const T* begin() const { return first; }
    const T* end() const { return last; }
    std::size_t size() const { return static_cast<std::size_t>(last - first); }
    const T& operator[](std::size_t i) const { return first[i]; }
};

// Items in text order grouped by the sentence holding them whole (sentences in text order too):
// per sentence the stretch of `kept` holding its items; items no sentence holds are left out.
template <class T>
struct BySentence {
    std::vector<T> kept;
    std::vector<std::size_t> from; // sentence s: kept[from[s]..from[s + 1])
    InSentence<T> operator[](std::size_t s) const { return {kept.data() + from[s], kept.data() + from[s + 1]}; }
};

template <class T, class Keep>
BySentence<T> by_sentence(const std::vector<TextSpan>& sentences, const std::vector<T>& items, const Keep& keep) {
    BySentence<T> out;
    out.from.assign(sentences.size() + 1, 0);
    std::size_t s = 0;
    for (const auto& item : items) {
        while (s < sentences.size() && sentences[s].end <= item.span.begin) out.from[++s] = out.kept.size();
        if (s == sentences.size()) break;
        if (item.span.begin < sentences[s].begin || item.span.end > sentences[s].end || !keep(s, item)) continue;
        out.kept.push_back(item);
    }
    while (s < sentences.size()) out.from[++s] = out.kept.size();
    return out;
}

class Linker {
public:
    Linker(std::string_view text, const std::vector<std::string>& kinds, const Ontology& ontology, const std::vector<RelationCue>& cues)
        : text_(text), kinds_(kinds), ontology_(ontology), cues_(cues) {}

    void link(TextSpan sentence, InSentence<Mention> in_sentence, InSentence<CueHit> hits) {
        for (const auto& hit : hits) {
            // The names each side of the phrase, nearest first; at most kReach each way, so a
            // "sentence" of a megabyte with no stop costs no more per phrase than a real one.
            std::vector<const Mention*> left, right;
            const auto after = std::lower_bound(in_sentence.begin(), in_sentence.end(), hit.span.end,
                                                [](const Mention& m, std::size_t at) { return m.span.begin < at; });
            for (auto it = after; it != in_sentence.end() && right.size() < kReach; ++it) right.push_back(&*it);
            for (auto it = std::make_reverse_iterator(after); it != std::make_reverse_iterator(in_sentence.begin()) && left.size() < kReach;
                 ++it)
                if (it->span.end <= hit.span.begin) left.push_back(&*it);
            const auto& cue = cues_[hit.cue];
            for (const auto& reading : cue.readings) {
                const auto* type = ontology_.relation_type(reading.type);
                if (!type) continue;
                // The name before the phrase is the source unless the reading is reversed.
                const auto fits_left = [&](const Mention* m) {
                    return reading.reverse ? fits_target(*type, m->entity) : fits_source(*type, m->entity);
                };
                const auto fits_right = [&](const Mention* m) {
                    return reading.reverse ? fits_source(*type, m->entity) : fits_target(*type, m->entity);
                };
                const auto l = std::find_if(left.begin(), left.end(), fits_left);
                const auto r = std::find_if(right.begin(), right.end(), fits_right);
                if (l == left.end() || r == right.end()) continue;
                const bool skipped = l != left.begin() || r != right.begin();
                const double confidence = cue.confidence * (skipped ? 0.8 : 1.0);
                const auto lefts = with_coordinated(l, left.end(), fits_left, true);
                const auto rights = with_coordinated(r, right.end(), fits_right, false);
                const auto phrase = collapse_spaces(text_.substr(hit.span.begin, hit.span.end - hit.span.begin)); // as written
                for (const auto a : lefts)
                    for (const auto b : rights) {
                        if (a == b) continue;
                        add(reading.reverse ? b : a, reading.reverse ? a : b, *type, cue, confidence, sentence, phrase);
                    }
                break;
            }
        }
    }

    std::vector<RelationCandidate> take() { return std::move(found_); }
    const std::set<std::pair<std::size_t, std::size_t>>& linked_pairs() const { return pairs_; }

private:
    bool fits_source(const RelationType& type, std::size_t e) const { return fits(type, e, true); }
    bool fits_target(const RelationType& type, std::size_t e) const { return fits(type, e, false); }
    // Asked for every name near every cue phrase: each answer is kept, by type and kind.
    bool fits(const RelationType& type, std::size_t e, bool source) const {
        const auto [it, fresh] = fits_.try_emplace({&type, kinds_[e], source}, false);
        if (fresh) it->second = source ? ontology_.allows_source(type, kinds_[e]) : ontology_.allows_target(type, kinds_[e]);
        return it->second;
    }

    // The chosen name and those listed with it, walking away from the phrase.
    template <class It, class Fits>
    std::vector<std::size_t> with_coordinated(It chosen, It end, const Fits& fits, bool leftwards) const {
        std::vector<std::size_t> out{(*chosen)->entity};
        for (auto prev = chosen, next = std::next(chosen); next != end; prev = next, ++next) {
            const auto from = leftwards ? (*next)->span.end : (*prev)->span.end;
            const auto to = leftwards ? (*prev)->span.begin : (*next)->span.begin;
            if (!listed_together(text_, from, to) || !fits(*next)) break;
            out.push_back((*next)->entity);
        }
        return out;
    }

    void add(std::size_t source, std::size_t target, const RelationType& type, const RelationCue& cue, double confidence, TextSpan sentence,
             const std::string& phrase) {
        if (type.symmetric && target < source) std::swap(source, target);
        pairs_.insert(ordered(source, target));
        const auto key = std::make_tuple(source, type.id, target);
        const auto [slot, fresh] = index_.try_emplace(key, found_.size());
        if (fresh) {
            found_.push_back({source, target, type.id, "cue:" + cue.id, confidence, {sentence}, phrase});
            return;
        }
        auto& c = found_[slot->second];
        c.confidence = std::max(c.confidence, confidence);
        if (c.sentences.back().begin != sentence.begin) c.sentences.push_back(sentence);
    }

    std::string_view text_;
    const std::vector<std::string>& kinds_;
    const Ontology& ontology_;
    const std::vector<RelationCue>& cues_;
    mutable std::map<std::tuple<const RelationType*, std::string_view, bool>, bool> fits_;
    std::vector<RelationCandidate> found_;
    std::map<std::tuple<std::size_t, std::string, std::size_t>, std::size_t> index_;
    std::set<std::pair<std::size_t, std::size_t>> pairs_;
};

// Every pair of distinct entities named in one sentence, with the sentences they share, in the
// order first found; names listed together anywhere in the sentence ("Belize, Guatemala and
// Honduras") are siblings of a list, not related by it. Each pair is weighed where a sentence
// names the two closest (fewest names between, then fewest bytes).
std::vector<RelationCandidate> co_occurrences(std::string_view text, const BySentence<Mention>& mentions_in,
                                              const std::vector<TextSpan>& sentences,
                                              const std::set<std::pair<std::size_t, std::size_t>>& linked,
                                              const std::vector<std::string>& kinds, const Ontology& ontology) {
    std::vector<RelationCandidate> out;
    struct Closest {
        std::size_t names = 0, bytes = 0;
        bool bracket = false;
    };
    std::vector<Closest> closest;
    std::unordered_map<std::uint64_t, std::size_t> index;
    constexpr std::uint64_t kPairKey = std::uint64_t{1} << 32;
    std::vector<std::size_t> list_of;
    std::vector<std::pair<std::size_t, std::size_t>> in_lists;
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const auto named = mentions_in[s];
        list_of.assign(named.size(), 0); // mentions joined by "and", "or", commas share a list
        for (std::size_t i = 1; i < named.size(); ++i)
            list_of[i] = listed_together(text, named[i - 1].span.end, named[i].span.begin) ? list_of[i - 1] : i;
        const auto last = [&](std::size_t i) { return std::min(named.size(), i + 1 + kReach); };
        // A sentence names a handful of entities: a sorted vector, not a set.
        in_lists.clear();
        for (std::size_t i = 0; i < named.size(); ++i)
            for (std::size_t j = i + 1; j < last(i); ++j)
                if (list_of[i] == list_of[j]) in_lists.push_back(ordered(named[i].entity, named[j].entity));
        std::sort(in_lists.begin(), in_lists.end());
        for (std::size_t i = 0; i < named.size(); ++i)
            for (std::size_t j = i + 1; j < last(i); ++j) {
                const auto pair = ordered(named[i].entity, named[j].entity);
                if (named[i].entity == named[j].entity || linked.count(pair) || std::binary_search(in_lists.begin(), in_lists.end(), pair))
                    continue;
                const auto [slot, fresh] = index.try_emplace(pair.first * kPairKey + pair.second, out.size());
                if (fresh) {
                    out.push_back({pair.first, pair.second, "related_to", "co-occurrence", 0, {}, {}});
                    closest.push_back({kReach, 0, false});
                }
                auto& c = out[slot->second];
                if (c.sentences.empty() || c.sentences.back().begin != sentences[s].begin) c.sentences.push_back(sentences[s]);
                const std::size_t from = named[i].span.end, to = named[j].span.begin;
                const Closest here{j - i - 1, to - from, false};
                auto& best = closest[slot->second];
                if (std::tie(here.names, here.bytes) < std::tie(best.names, best.bytes) || fresh) {
                    best = here;
                    best.bracket = text.substr(from, to - from).find_first_of("()[]") != std::string_view::npos;
                }
            }
    }
    std::map<std::string_view, std::pair<bool, bool>> kind_is; // kind -> (place, person), asked once per kind
    const auto of_kind = [&](const std::string& kind) -> const std::pair<bool, bool>& {
        const auto [it, fresh] = kind_is.try_emplace(kind);
        if (fresh && !kind.empty()) it->second = {ontology.is_a(kind, "place"), ontology.is_a(kind, "person")};
        return it->second;
    };
    for (std::size_t k = 0; k < out.size(); ++k) {
        auto& c = out[k];
        const auto& a = kinds[c.source];
        const auto& b = kinds[c.target];
        CoOccurrence how;
        how.names_between = closest[k].names;
        how.bracket_between = closest[k].bracket;
        how.kind_unknown = a.empty() || b.empty();
        const auto& [a_place, a_person] = of_kind(a);
        const auto& [b_place, b_person] = of_kind(b);
        how.alike = !how.kind_unknown && (a == b || (a_place && b_place));
        how.person_and_place = (a_person && b_place) || (a_place && b_person);
        c.confidence = co_occurrence_confidence(how);
    }
    return out;
}

} // namespace

bool listed_together(std::string_view text, std::size_t from, std::size_t to) {
    if (to < from || to - from > 24) return false;
    const auto gap = text.substr(from, to - from);
    for (const char c : gap) {
        const auto u = static_cast<unsigned char>(c);
        if (!(std::isalpha(u) || c == ' ' || c == ',' || c == '\n' || c == '\r' || c == '\t')) return false;
    }
    static const std::set<std::string> joiners = {"and", "or", "nor", "as well as", "and the", "and in", "or in", "and to", "and from", "y",
                                                  "o",   "e",  "ni",  "y el",       "y la",    "y en",   "y a",   "o en",   "y de"};
    const auto words = fold_words(gap);
    if (words.empty()) return gap.find(',') != std::string_view::npos; // names side by side are no list
    return joiners.count(words) > 0;
}

double co_occurrence_confidence(const CoOccurrence& how) {
    double confidence = 0.3;
    if (how.names_between == 0)
        confidence += 0.1;
    else if (how.names_between >= 2)
        confidence -= 0.1;
    if (how.alike) confidence -= 0.15;
    if (how.kind_unknown) confidence -= 0.15;
    if (how.person_and_place) confidence -= 0.15;
    if (how.bracket_between) confidence -= 0.05;
    return std::max(0.05, confidence);
}

std::vector<RelationCandidate> propose_relations(std::string_view text, const std::vector<TextSpan>& sentences,
                                                 const std::vector<Mention>& mentions, const std::vector<std::string>& kinds,
                                                 const Ontology& ontology, const std::vector<RelationCue>& cues) {
    return propose_relations(text, sentences, mentions, kinds, ontology, cues, cue_phrases(cues).find(text));
}

std::vector<RelationCandidate> paragraph_subjects(const std::vector<TextSpan>& paragraph_spans, const std::vector<TextSpan>& sentences,
                                                  const std::vector<Mention>& mentions, const std::vector<std::string>& kinds,
                                                  const Ontology& ontology, const std::vector<RelationCandidate>& found) {
    std::set<std::pair<std::size_t, std::size_t>> related;
    for (const auto& c : found) related.insert(ordered(c.source, c.target));
    // What each kind is, asked once per kind, not once per name.
    std::map<std::string_view, std::pair<bool, bool>> kind_is; // kind -> (place, state)
    const auto of_kind = [&](std::size_t e) -> const std::pair<bool, bool>& {
        const auto [it, fresh] = kind_is.try_emplace(kinds[e]);
        if (fresh) it->second = {ontology.is_a(kinds[e], "place"), ontology.is_a(kinds[e], "state")};
        return it->second;
    };
    std::vector<RelationCandidate> out;
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> index; // the same pair in several paragraphs is one candidate
    auto m = mentions.begin();
    for (const auto& paragraph : paragraph_spans) {
        while (m != mentions.end() && m->span.begin < paragraph.begin) ++m;
        auto end = m;
        while (end != mentions.end() && end->span.begin < paragraph.end) ++end;
        const auto subject = std::find_if(m, end, [&](const Mention& x) { return of_kind(x.entity).first; });
        if (subject == end || !of_kind(subject->entity).second) continue;
        const auto subject_sentence = span_holding(sentences, subject->span.begin);
        if (!subject_sentence) continue;
        std::set<std::size_t> done;
        for (auto it = m; it != end; ++it) {
            const auto e = it->entity;
            if (e == subject->entity || of_kind(e).first || related.count(ordered(subject->entity, e)) || !done.insert(e).second) continue;
            const auto sentence = span_holding(sentences, it->span.begin);
            if (!sentence) continue;
            const auto [slot, fresh] = index.try_emplace({subject->entity, e}, out.size());
            if (fresh) out.push_back({subject->entity, e, "related_to", "paragraph-subject", 0.25, {}, {}});
            // One passage naming both: from the first of the two sentences to the end of the other.
            out[slot->second].sentences.push_back(
                {std::min(subject_sentence->begin, sentence->begin), std::max(subject_sentence->end, sentence->end)});
        }
    }
    return out;
}

Gazetteer cue_phrases(const std::vector<RelationCue>& cues) {
    Gazetteer phrases;
    for (std::size_t c = 0; c < cues.size(); ++c)
        for (const auto& phrase : cues[c].phrases) phrases.add(phrase, c);
    return phrases;
}

std::vector<RelationCandidate> propose_relations(std::string_view text, const std::vector<TextSpan>& sentences,
                                                 const std::vector<Mention>& mentions, const std::vector<std::string>& kinds,
                                                 const Ontology& ontology, const std::vector<RelationCue>& cues,
                                                 const std::vector<Gazetteer::Match>& phrase_matches) {

    // Mentions and cue phrases by sentence (both in text order; sentences are too).
    const auto mentions_in = by_sentence(sentences, mentions, [](std::size_t, const Mention&) { return true; });
    std::vector<CueHit> hits;
    hits.reserve(phrase_matches.size());
    for (const auto& match : phrase_matches) hits.push_back({match.span, match.entities.front()});
    // A phrase inside a name ("Front" of a front's name) is part of the name.
    const auto hits_in = by_sentence(sentences, hits, [&](std::size_t s, const CueHit& hit) {
        // Names do not overlap: only the last one starting before the phrase ends can hold it.
        const auto named = mentions_in[s];
        const auto* after =
            std::lower_bound(named.begin(), named.end(), hit.span.end, [](const Mention& m, std::size_t at) { return m.span.begin < at; });
        return after == named.begin() || (after - 1)->span.end <= hit.span.begin;
    });

    Linker linker(text, kinds, ontology, cues);
    for (std::size_t s = 0; s < sentences.size(); ++s) linker.link(sentences[s], mentions_in[s], hits_in[s]);
    auto co = co_occurrences(text, mentions_in, sentences, linker.linked_pairs(), kinds, ontology);
    auto out = linker.take();
    out.insert(out.end(), std::make_move_iterator(co.begin()), std::make_move_iterator(co.end()));
    return out;
}

} // namespace tg
