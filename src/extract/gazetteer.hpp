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
#include <unordered_map>
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

    // The entities a matched name belongs to, usually one: that one, or a view of a list kept
    // elsewhere (the gazetteer's), so that a match copies nothing. A match points into its
    // gazetteer: use it while the gazetteer lives, unchanged.
    class Entities {
    public:
        Entities() = default;
        Entities(std::size_t one) : one_(one), size_(1) {} // NOLINT: a match of one entity reads as {e}
        explicit Entities(const std::vector<std::size_t>& list) : many_(list.data()), size_(list.size()) {}
        const std::size_t* begin() const { return many_ ? many_ : &one_; }
        const std::size_t* end() const { return begin() + size_; }
        std::size_t size() const { return size_; }
        std::size_t front() const { return *begin(); }

    private:
        std::size_t one_ = 0;
        const std::size_t* many_ = nullptr;
        std::size_t size_ = 0;
    };
    struct Match {
        TextSpan span;         // in the text, without a plural or possessive ending
        Entities entities;     // those the matched name belongs to
        std::string_view name; // the name or alias as added
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
    struct Pattern {
        std::string folded, name;
        bool acronym = false;
        bool exact = false; // no byte of another script: reaching its state is a match
        std::vector<std::size_t> entities;
    };
    // An Aho-Corasick automaton over the patterns of one gazetteer or of several (pattern k is
    // patterns_[index[k]] of gazetteer list[k]). Per state a row of transitions by symbol class;
    // a transition holds the next state's row offset (state * classes), with the top bit set
    // when a pattern ends there (in the state itself or a suffix of it): those patterns are
    // outputs[output_begin[state]..output_begin[state + 1]).
    struct Automaton {
        std::vector<std::uint32_t> list, index;
        std::vector<std::uint32_t> next, output_begin, outputs;
        void build(const std::vector<const Gazetteer*>& sources);
    };
    // A folded piece of the text and, per folded byte, where its character begins in the piece.
    struct FoldBuffers {
        std::string folded;
        std::vector<std::uint32_t> begins;
        std::size_t size = 0; // of the folded piece
        std::size_t base = 0; // where the piece begins in the text
    };
    // The matches in one piece of each source, as find(text, nested[source]) finds them,
    // appended to out[source].
    static void find_in(const Automaton& automaton, const std::vector<const Gazetteer*>& sources, const std::vector<bool>& nested,
                        std::string_view text, const FoldBuffers& buffers, std::vector<std::vector<Match>>& out);
    // This gazetteer's own automaton, built on first use after an add().
    const Automaton& automaton() const;

    std::vector<Pattern> patterns_;
    std::unordered_map<std::string, std::size_t> index_; // "A" or "n" (acronym or not) + folded -> pattern
    mutable Automaton automaton_;
    mutable bool built_ = false;
};

} // namespace tg
