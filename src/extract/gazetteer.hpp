#pragma once
// Every known name and alias found in a text in one pass (an Aho-Corasick automaton over the
// text folded as names are compared: case, accents and punctuation ignored, words kept apart, so
// "Policia Nacional" finds "Policía Nacional" and a name broken across lines is found whole, even
// when a word of it is hyphenated at the line's end: "Mara Salva-\ntrucha").
// A match lies on word boundaries, may carry a plural "s" or a possessive ("FARC's", "ELNs"), and
// an acronym (two capitals or more, no lower-case letter: FARC, MS-13) matches only in capitals,
// so "farc" in a word list is no FARC. The longest match wins; overlapping ones are resolved
// left to right, the longer first. The text is read in pieces of about a megabyte ending at line
// breaks (preferably blank lines; in text without any, at a space), so a name is never cut by a
// piece's end unless a paragraph is longer than that.
#include "extract/sentences.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tg {

class KnowledgeGraph;

class Gazetteer {
public:
    // A name or alias of the entity with this index. Empty names (after folding) are ignored.
    void add(std::string_view name, std::size_t entity);
    // Every entity's name and aliases.
    static Gazetteer of(const KnowledgeGraph& graph);

    struct Match {
        TextSpan span;                    // in the text, without a plural or possessive ending
        std::vector<std::size_t> entities; // those the matched name belongs to (usually one)
        std::string_view name;             // the name or alias as added; valid while the gazetteer is unchanged
    };
    // Builds the automaton on first use after an add(). With `nested`, names inside a longer
    // match are kept too ("UN Security Council" in "UN Security Council Resolution 1325"), after it.
    std::vector<Match> find(std::string_view text, bool nested = false) const;
    // Several gazetteers over one text, folding it once: one list per gazetteer, each found as
    // find(text, nested) would find it.
    static std::vector<std::vector<Match>> find_each(std::string_view text,
                                                     const std::vector<std::pair<const Gazetteer*, bool>>& gazetteers);
    // The matches find() gives from those find(text, true) gives: none inside another.
    static std::vector<Match> outermost(const std::vector<Match>& matches);

    std::size_t size() const { return patterns_.size(); }

private:
    void build() const;
    // A folded piece of the text and, per folded byte, where its character begins in the piece.
    struct FoldBuffers {
        std::string folded;
        std::vector<std::uint32_t> begins;
        std::size_t size = 0; // of the folded piece
        std::size_t base = 0; // where the piece begins in the text
    };
    std::vector<Match> find_in(std::string_view text, bool nested, const FoldBuffers& buffers) const;

    struct Pattern {
        std::string folded, name;
        bool acronym = false;
        std::vector<std::size_t> entities;
    };
    std::vector<Pattern> patterns_;
    // The automaton: per state a row of transitions by symbol class, the patterns ending there
    // and the next state on the suffix chain that ends a pattern (-1: none).
    mutable std::vector<std::int32_t> next_;
    mutable std::vector<std::vector<std::int32_t>> ends_here_;
    mutable std::vector<std::int32_t> output_link_;
    mutable bool built_ = false;
};

} // namespace tg
