#include "extract/gazetteer.hpp"

#include "core/error.hpp"
#include "core/huge_pages.hpp"
#include "core/text.hpp"
#include "extract/name_words.hpp"
#include "model/knowledge_graph.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

namespace tg {

namespace {

// Folded text holds a-z, 0-9, spaces and the bytes of other scripts: 38 classes. Bytes of other
// scripts share one class; a match of a name holding such bytes is checked byte for byte.
constexpr std::uint32_t kClasses = 38;
constexpr std::uint32_t kOtherScript = 37;
constexpr std::uint32_t kEndsHere = 0x80000000u; // flag on a transition into a state with outputs

const std::array<std::uint8_t, 256> kSymbol = [] {
    std::array<std::uint8_t, 256> t{};
    t.fill(kOtherScript);
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - 'a');
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(26 + c - '0');
    t[' '] = 36;
    return t;
}();

std::uint32_t symbol(char c) { return kSymbol[static_cast<unsigned char>(c)]; }

} // namespace

void Gazetteer::add(std::string_view name, std::size_t entity) {
    auto folded = fold_words(name);
    if (folded.empty()) return;
    const bool acronym = is_acronym(name);
    const auto [slot, fresh] = index_.try_emplace((acronym ? "A" : "n") + folded, patterns_.size());
    if (!fresh) {
        auto& list = patterns_[slot->second].entities;
        if (std::find(list.begin(), list.end(), entity) == list.end()) list.push_back(entity);
        return;
    }
    const bool exact = std::none_of(folded.begin(), folded.end(), [](char c) { return symbol(c) == kOtherScript; });
    patterns_.push_back({std::move(folded), std::string(name), acronym, exact, {entity}});
    built_ = false;
}

Gazetteer Gazetteer::of(const KnowledgeGraph& graph) {
    Gazetteer g;
    for (std::size_t e = 0; e < graph.entity_count(); ++e) {
        g.add(graph.entity(e).name(), e);
        for (const auto& alias : graph.entity(e).aliases()) g.add(alias, e);
    }
    return g;
}

const Gazetteer::Automaton& Gazetteer::automaton() const {
    if (!built_) {
        automaton_.list.assign(patterns_.size(), 0);
        automaton_.index.resize(patterns_.size());
        for (std::size_t p = 0; p < patterns_.size(); ++p) automaton_.index[p] = static_cast<std::uint32_t>(p);
        automaton_.build({this});
        built_ = true;
    }
    return automaton_;
}

void Gazetteer::Automaton::build(const std::vector<const Gazetteer*>& sources) {
    const auto folded = [&](std::size_t k) -> const std::string& { return sources[list[k]]->patterns_[index[k]].folded; };
    const auto count_patterns = list.size();
    std::size_t bound = 1;
    for (std::size_t k = 0; k < count_patterns; ++k) bound += folded(k).size();
    if (bound * kClasses >= kEndsHere)
        throw Error("a gazetteer of " + std::to_string(count_patterns) + " names is too large to match in one automaton",
                    "split the names into several gazetteers");
    // The trie, rows of state ids (kNone: none yet) on huge pages: a 10,000-name table is tens of
    // megabytes, touched for the first time here.
    constexpr auto kNone = ~std::uint32_t{0};
    std::vector<std::uint32_t> table;
    reserve_huge(table, bound * kClasses);
    table.assign(kClasses, kNone);
    std::vector<std::uint32_t> pattern_state(count_patterns);
    std::uint32_t states = 1;
    for (std::size_t p = 0; p < count_patterns; ++p) {
        std::size_t state = 0;
        for (const char c : folded(p)) {
            const auto slot = state * kClasses + symbol(c);
            if (table[slot] == kNone) {
                table[slot] = states++;
                table.insert(table.end(), kClasses, kNone);
            }
            state = table[slot];
        }
        // Patterns of one state (the same letters, or other scripts' bytes in one class) are told
        // apart when a match is checked.
        pattern_state[p] = static_cast<std::uint32_t>(state);
    }
    // Failure links by breadth-first search, folded into a complete transition table; a state's
    // outputs are its own patterns, then those of its failure state (already complete, being
    // shallower), so their number is known in the same order.
    auto own = huge_vector<std::uint32_t>(states + 1), fail = huge_vector<std::uint32_t>(states),
         count = huge_vector<std::uint32_t>(states);
    std::vector<std::uint32_t> order;
    for (const auto s : pattern_state) ++own[s + 1];
    for (std::uint32_t s = 0; s < states; ++s) own[s + 1] += own[s]; // own[s]: where s's patterns begin
    std::vector<std::uint32_t> own_patterns(count_patterns);
    {
        auto at = own;
        for (std::size_t p = 0; p < count_patterns; ++p) own_patterns[at[pattern_state[p]]++] = static_cast<std::uint32_t>(p);
    }
    reserve_huge(order, states);
    for (std::uint32_t s = 0; s < kClasses; ++s) {
        auto& t = table[s];
        if (t == kNone)
            t = 0;
        else
            order.push_back(t);
    }
    for (std::size_t head = 0; head < order.size(); ++head) {
        // States come in breadth-first order, far apart in the table: fetch the rows a few
        // states ahead (a state's failure state is known once it is queued).
        if (head + 8 < order.size()) {
            const auto ahead = order[head + 8];
            const std::uint32_t* rows[] = {&table[std::size_t{ahead} * kClasses], &table[std::size_t{fail[ahead]} * kClasses]};
            for (const auto* r : rows)
                for (std::uint32_t line = 0; line < kClasses; line += 16) __builtin_prefetch(r + line);
        }
        const auto state = order[head];
        const auto f = fail[state];
        count[state] = own[state + 1] - own[state] + count[f];
        auto* row = &table[std::size_t{state} * kClasses];
        const auto* fail_row = &table[std::size_t{f} * kClasses];
        for (std::uint32_t s = 0; s < kClasses; ++s) {
            if (row[s] == kNone) {
                row[s] = fail_row[s];
            } else {
                fail[row[s]] = fail_row[s];
                order.push_back(row[s]);
            }
        }
    }
    output_begin.assign(std::size_t{states} + 1, 0);
    for (std::uint32_t s = 0; s < states; ++s) output_begin[s + 1] = output_begin[s] + count[s];
    outputs.assign(output_begin[states], 0);
    for (const auto state : order) {
        auto* out = outputs.data() + output_begin[state];
        out = std::copy(own_patterns.data() + own[state], own_patterns.data() + own[state + 1], out);
        std::copy(outputs.data() + output_begin[fail[state]], outputs.data() + output_begin[fail[state] + 1], out);
    }
    // Rows of row offsets, flagged where the next state has outputs, in place.
    // A bit a state (tens of kilobytes, in cache) for the flags.
    std::vector<std::uint64_t> ends(states / 64 + 1, 0);
    for (std::uint32_t s = 0; s < states; ++s) ends[s / 64] |= std::uint64_t{count[s] > 0} << (s % 64);
    for (auto& t : table) t = t * kClasses | ((ends[t / 64] >> (t % 64) & 1) ? kEndsHere : 0);
    next = std::move(table);
}

namespace {

// The byte after the UTF-8 character starting at `at`.
std::size_t char_end(std::string_view text, std::size_t at) {
    const auto c = static_cast<unsigned char>(text[at]);
    const std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    return std::min(at + len, text.size());
}

// fold_words with, for each folded byte, where its character begins in the text (relative to
// the piece: a piece is far shorter than 4 GB); ASCII by table, the rest one character at a time
// through core's folding. The space between words maps to where the next word begins. The
// buffers keep their size from piece to piece; the folded length is returned.
std::size_t fold_mapped(std::string_view text, std::string& out, std::vector<std::uint32_t>& begins) {
    static const auto table = [] {
        std::array<char, 128> t{};
        for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
        for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
        for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
        return t;
    }();
    // ASCII folds to at most one byte a byte; room for more is made when other scripts need it.
    if (begins.size() < text.size() + 1) {
        out.resize(text.size() + 1);
        begins = huge_vector<std::uint32_t>(text.size() + 1); // 4 MB for a piece of 1 MB
    }
    std::size_t n = 0; // folded bytes so far
    bool pending_space = false;
    const auto room = [&](std::size_t more) {
        if (n + more <= out.size()) return;
        out.resize(2 * (n + more));
        begins.resize(2 * (n + more));
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (const char f = table[c]) {
                room(2);
                if (pending_space && n > 0) {
                    out[n] = ' ';
                    begins[n++] = static_cast<std::uint32_t>(i);
                }
                pending_space = false;
                out[n] = f;
                begins[n++] = static_cast<std::uint32_t>(i);
                ++i;
                continue;
            }
            // A word hyphenated at a line's end ("Salva-\ntrucha") is read whole.
            // The letter before may be accented ("Pú-\nblico"): any byte of a multi-byte character.
            if (c == '-' && i > 0 &&
                (std::isalpha(static_cast<unsigned char>(text[i - 1])) || (static_cast<unsigned char>(text[i - 1]) & 0x80))) {
                std::size_t k = i + 1;
                while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
                if (k + 1 < text.size() && text[k] == '\n' && std::islower(static_cast<unsigned char>(text[k + 1]))) {
                    i = k + 1;
                    continue;
                }
            }
            pending_space = true;
            ++i;
            continue;
        }
        const std::size_t len = char_end(text, i) - i;
        const auto piece = fold_words(text.substr(i, len));
        if (piece.empty()) {
            pending_space = true;
        } else {
            room(piece.size() + 1);
            if (pending_space && n > 0) {
                out[n] = ' ';
                begins[n++] = static_cast<std::uint32_t>(i);
            }
            pending_space = false;
            for (const char f : piece) {
                out[n] = f;
                begins[n++] = static_cast<std::uint32_t>(i);
            }
        }
        i += len;
    }
    return n;
}

// Pieces of about a megabyte that end at a line break, so that memory stays small on big texts.
std::vector<TextSpan> chunks(std::string_view text) {
    std::vector<TextSpan> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.size(), start + (1u << 20));
        if (end < text.size()) {
            // Searched within this piece only: the search never goes back over earlier pieces.
            const auto piece = text.substr(start, end - start);
            const auto blank = piece.rfind("\n\n");
            const auto line = piece.rfind('\n');
            const auto space = piece.rfind(' ');
            if (blank != std::string_view::npos && blank > 0)
                end = start + blank + 1;
            else if (line != std::string_view::npos && line > 0)
                end = start + line + 1;
            else if (space != std::string_view::npos && space > 0)
                end = start + space + 1; // text without line breaks
            // A piece never ends inside a UTF-8 character.
            while (end > start + 1 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        }
        out.push_back({start, end});
        start = end;
    }
    return out;
}

} // namespace

std::vector<Gazetteer::Match> Gazetteer::find(std::string_view text, bool nested) const {
    return std::move(find_each(text, {{this, nested}}).front());
}

std::vector<std::vector<Gazetteer::Match>> Gazetteer::find_each(std::string_view text,
                                                                const std::vector<std::pair<const Gazetteer*, bool>>& gazetteers) {
    std::vector<const Gazetteer*> sources;
    std::vector<bool> nested;
    for (const auto& [g, n] : gazetteers) {
        sources.push_back(g);
        nested.push_back(n);
    }
    // Several gazetteers share one automaton, so the text is walked once.
    Automaton shared;
    if (sources.size() > 1) {
        for (std::size_t g = 0; g < sources.size(); ++g)
            for (std::size_t p = 0; p < sources[g]->patterns_.size(); ++p) {
                shared.list.push_back(static_cast<std::uint32_t>(g));
                shared.index.push_back(static_cast<std::uint32_t>(p));
            }
        shared.build(sources);
    }
    const auto& automaton = sources.size() > 1 ? shared : sources.front()->automaton();
    std::vector<std::vector<Match>> out(gazetteers.size());
    FoldBuffers buffers; // reused from piece to piece
    for (const auto& chunk : chunks(text)) {
        buffers.base = chunk.begin;
        buffers.size = fold_mapped(text.substr(chunk.begin, chunk.end - chunk.begin), buffers.folded, buffers.begins);
        find_in(automaton, sources, nested, text, buffers, out);
        // Room for the matches of the whole text at the rate of those so far, so that a long
        // text's lists are not copied each time they double.
        for (auto& list : out) {
            const auto expected = static_cast<std::size_t>(static_cast<double>(list.size()) * static_cast<double>(text.size()) /
                                                           static_cast<double>(chunk.end) * 1.05) +
                                  16;
            if (list.capacity() >= expected) continue;
            std::vector<Match> bigger;
            reserve_huge(bigger, expected);
            bigger.insert(bigger.end(), list.begin(), list.end());
            list = std::move(bigger);
        }
    }
    return out;
}

std::vector<Gazetteer::Match> Gazetteer::outermost(const std::vector<Match>& matches) {
    std::vector<Match> out;
    reserve_huge(out, matches.size());
    std::size_t taken_until = 0;
    for (const auto& m : matches) {
        if (!out.empty() && m.span.begin < taken_until) continue;
        out.push_back(m);
        taken_until = m.span.end;
    }
    return out;
}

void Gazetteer::find_in(const Automaton& automaton, const std::vector<const Gazetteer*>& sources, const std::vector<bool>& nested,
                        std::string_view text, const FoldBuffers& buffers, std::vector<std::vector<Match>>& out) {
    // Where the character of folded byte k begins and ends in the text.
    const auto begin_of = [&](std::size_t k) { return buffers.base + buffers.begins[k]; };
    const auto end_of = [&](std::size_t k) { return char_end(text, buffers.base + buffers.begins[k]); };
    const std::string_view folded(buffers.folded.data(), buffers.size);
    const auto pattern_of = [&](std::size_t k) -> const Pattern& { return sources[automaton.list[k]]->patterns_[automaton.index[k]]; };
    struct Candidate {
        std::size_t begin, end; // in the folded text
        std::uint32_t pattern;  // of the automaton
    };
    std::vector<std::vector<Candidate>> candidates(sources.size());
    const auto consider = [&](std::uint32_t k, std::size_t end) {
        const auto& p = pattern_of(k);
        const std::size_t begin = end - p.folded.size();
        if (!p.exact && folded.compare(begin, p.folded.size(), p.folded) != 0) return; // another script's bytes
        if (begin > 0 && folded[begin - 1] != ' ') return;
        std::size_t after = end;
        if (after < folded.size() && folded[after] == 's' && (after + 1 == folded.size() || folded[after + 1] == ' ')) ++after; // plural
        if (after < folded.size() && folded[after] != ' ') return;
        if (p.acronym) {
            // In capitals, as written: "farc" is no FARC.
            for (std::size_t i = begin_of(begin); i < end_of(end - 1); ++i)
                if (text[i] >= 'a' && text[i] <= 'z') return;
            if (after > end && text[begin_of(end)] != 's') return; // a plural of capitals is "ELNs"; "ELNS" is another word
        }
        candidates[automaton.list[k]].push_back({begin, end, k});
    };
    std::uint32_t row = 0; // the state's row offset
    const auto* table = automaton.next.data();
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const auto t = table[row + symbol(folded[i])];
        row = t & ~kEndsHere;
        if (!(t & kEndsHere)) continue;
        const auto state = row / kClasses;
        for (auto k = automaton.output_begin[state]; k < automaton.output_begin[state + 1]; ++k) consider(automaton.outputs[k], i + 1);
    }
    for (std::size_t g = 0; g < sources.size(); ++g) {
        auto& list = candidates[g];
        // Leftmost first, the longer first at one place; no overlaps.
        std::sort(list.begin(), list.end(),
                  [](const Candidate& a, const Candidate& b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; });
        std::size_t taken_until = 0;
        for (const auto& c : list) {
            if (c.begin < taken_until && !(nested[g] && c.end <= taken_until)) continue;
            taken_until = std::max(taken_until, c.end);
            const auto& p = pattern_of(c.pattern);
            out[g].push_back({{begin_of(c.begin), end_of(c.end - 1)}, Entities(p.entities), p.name});
        }
    }
}

} // namespace tg
