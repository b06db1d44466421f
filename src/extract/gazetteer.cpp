#include "extract/gazetteer.hpp"

#include "core/text.hpp"
#include "extract/name_words.hpp"
#include "model/knowledge_graph.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <deque>
#include <iterator>

namespace tg {

namespace {

// Folded text holds a-z, 0-9, spaces and the bytes of other scripts: 38 classes. Bytes of other
// scripts share one class; a match is checked byte for byte afterwards.
constexpr int kClasses = 38;
int symbol(unsigned char c) {
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= '0' && c <= '9') return 26 + (c - '0');
    if (c == ' ') return 36;
    return 37;
}

} // namespace

void Gazetteer::add(std::string_view name, std::size_t entity) {
    const auto folded = fold_words(name);
    if (folded.empty()) return;
    const bool acronym = is_acronym(name);
    for (auto& p : patterns_)
        if (p.folded == folded && p.acronym == acronym) {
            if (std::find(p.entities.begin(), p.entities.end(), entity) == p.entities.end()) p.entities.push_back(entity);
            return;
        }
    patterns_.push_back({folded, std::string(name), acronym, {entity}});
    built_ = false;
}

Gazetteer Gazetteer::of(const KnowledgeGraph& graph) {
    Gazetteer g;
    for (std::size_t e = 0; e < graph.entity_count(); ++e) {
        g.add(graph.entity(e).name, e);
        for (const auto& alias : graph.entity(e).aliases) g.add(alias, e);
    }
    return g;
}

void Gazetteer::build() const {
    std::size_t states = 1;
    for (const auto& p : patterns_) states += p.folded.size();
    next_.reserve(states * kClasses);
    ends_here_.reserve(states);
    output_link_.reserve(states);
    next_.assign(kClasses, -1);
    ends_here_.assign(1, {});
    output_link_.assign(1, -1);
    // The trie.
    for (std::size_t p = 0; p < patterns_.size(); ++p) {
        std::int32_t state = 0;
        for (const char c : patterns_[p].folded) {
            auto& slot = next_[static_cast<std::size_t>(state) * kClasses + symbol(static_cast<unsigned char>(c))];
            if (slot < 0) {
                slot = static_cast<std::int32_t>(ends_here_.size());
                next_.insert(next_.end(), kClasses, -1);
                ends_here_.emplace_back();
                output_link_.push_back(-1);
            }
            state = next_[static_cast<std::size_t>(state) * kClasses + symbol(static_cast<unsigned char>(c))];
        }
        // Patterns of one state (the same letters, or other scripts' bytes in one class) are told
        // apart when a match is checked.
        ends_here_[static_cast<std::size_t>(state)].push_back(static_cast<std::int32_t>(p));
    }
    // Failure links by breadth-first search, folded into a complete transition table.
    std::vector<std::int32_t> fail(ends_here_.size(), 0);
    std::deque<std::int32_t> queue;
    for (int s = 0; s < kClasses; ++s) {
        auto& t = next_[static_cast<std::size_t>(s)];
        if (t < 0) t = 0;
        else queue.push_back(t);
    }
    while (!queue.empty()) {
        const auto state = queue.front();
        queue.pop_front();
        const auto f = fail[static_cast<std::size_t>(state)];
        output_link_[static_cast<std::size_t>(state)] = !ends_here_[static_cast<std::size_t>(f)].empty() ? f : output_link_[static_cast<std::size_t>(f)];
        for (int s = 0; s < kClasses; ++s) {
            auto& t = next_[static_cast<std::size_t>(state) * kClasses + s];
            const auto via_fail = next_[static_cast<std::size_t>(f) * kClasses + s];
            if (t < 0) {
                t = via_fail;
            } else {
                fail[static_cast<std::size_t>(t)] = via_fail;
                queue.push_back(t);
            }
        }
    }
    built_ = true;
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
// through core's folding. The space between words maps to where the next word begins.
std::size_t fold_mapped(std::string_view text, std::string& out, std::vector<std::uint32_t>& begins) {
    static const auto table = [] {
        std::array<char, 128> t{};
        for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
        for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
        for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
        return t;
    }();
    out.clear();
    out.reserve(text.size());
    begins.clear();
    begins.reserve(text.size());
    bool pending_space = false;
    const auto emit = [&](std::string_view piece, std::size_t begin) {
        if (pending_space && !out.empty()) {
            out += ' ';
            begins.push_back(static_cast<std::uint32_t>(begin));
        }
        pending_space = false;
        out += piece;
        begins.insert(begins.end(), piece.size(), static_cast<std::uint32_t>(begin));
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (const char f = table[c]) {
                if (pending_space && !out.empty()) {
                    out += ' ';
                    begins.push_back(static_cast<std::uint32_t>(i));
                }
                pending_space = false;
                out += f;
                begins.push_back(static_cast<std::uint32_t>(i));
                ++i;
                continue;
            }
            // A word hyphenated at a line's end ("Salva-\ntrucha") is read whole.
            // The letter before may be accented ("Pú-\nblico"): any byte of a multi-byte character.
            if (c == '-' && i > 0 && (std::isalpha(static_cast<unsigned char>(text[i - 1])) || (static_cast<unsigned char>(text[i - 1]) & 0x80))) {
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
        if (piece.empty()) pending_space = true;
        else emit(piece, i);
        i += len;
    }
    return out.size();
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
            if (blank != std::string_view::npos && blank > 0) end = start + blank + 1;
            else if (line != std::string_view::npos && line > 0) end = start + line + 1;
            else if (space != std::string_view::npos && space > 0) end = start + space + 1; // text without line breaks
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

std::vector<std::vector<Gazetteer::Match>> Gazetteer::find_each(std::string_view text, const std::vector<std::pair<const Gazetteer*, bool>>& gazetteers) {
    std::vector<std::vector<Match>> out(gazetteers.size());
    FoldBuffers buffers; // reused from piece to piece
    for (const auto& chunk : chunks(text)) {
        buffers.base = chunk.begin;
        buffers.size = fold_mapped(text.substr(chunk.begin, chunk.end - chunk.begin), buffers.folded, buffers.begins);
        for (std::size_t g = 0; g < gazetteers.size(); ++g) {
            auto found = gazetteers[g].first->find_in(text, gazetteers[g].second, buffers);
            out[g].insert(out[g].end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        }
    }
    return out;
}

std::vector<Gazetteer::Match> Gazetteer::outermost(const std::vector<Match>& matches) {
    std::vector<Match> out;
    std::size_t taken_until = 0;
    for (const auto& m : matches) {
        if (!out.empty() && m.span.begin < taken_until) continue;
        out.push_back(m);
        taken_until = m.span.end;
    }
    return out;
}

std::vector<Gazetteer::Match> Gazetteer::find_in(std::string_view text, bool nested, const FoldBuffers& buffers) const {
    if (!built_) build();
    // Where the character of folded byte k begins and ends in the text.
    const auto begin_of = [&](std::size_t k) { return buffers.base + buffers.begins[k]; };
    const auto end_of = [&](std::size_t k) { return char_end(text, buffers.base + buffers.begins[k]); };
    const std::string_view folded(buffers.folded.data(), buffers.size);
    struct Candidate {
        std::size_t begin, end; // in the folded text
        std::size_t pattern;
    };
    std::vector<Candidate> candidates;
    const auto consider = [&](std::size_t pattern, std::size_t end) {
        const auto& p = patterns_[pattern];
        const std::size_t begin = end - p.folded.size();
        if (folded.compare(begin, p.folded.size(), p.folded) != 0) return; // another script's bytes
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
        candidates.push_back({begin, end, pattern});
    };
    std::int32_t state = 0;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        state = next_[static_cast<std::size_t>(state) * kClasses + symbol(static_cast<unsigned char>(folded[i]))];
        for (auto s = state; s > 0; s = output_link_[static_cast<std::size_t>(s)])
            for (const auto pattern : ends_here_[static_cast<std::size_t>(s)]) consider(static_cast<std::size_t>(pattern), i + 1);
    }
    // Leftmost first, the longer first at one place; no overlaps.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::vector<Match> out;
    std::size_t taken_until = 0;
    for (const auto& c : candidates) {
        if (c.begin < taken_until && !(nested && c.end <= taken_until)) continue;
        taken_until = std::max(taken_until, c.end);
        const auto& p = patterns_[c.pattern];
        out.push_back({{begin_of(c.begin), end_of(c.end - 1)}, p.entities, p.name});
    }
    return out;
}

} // namespace tg
