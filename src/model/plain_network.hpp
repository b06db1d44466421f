#pragma once
// A network as bare as a large edge list is: labelled nodes and weighted ties, with no kinds,
// types, confidence or evidence. Where a KnowledgeGraph spends hundreds of bytes on a relation,
// this spends twelve, so that millions of ties fit the analysis engine (see GraphSnapshot).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tg {

// Node labels end to end in one block of text: a million labels cost their characters and four
// bytes each, not a string object each.
class NodeLabels {
public:
    std::size_t size() const { return ends_.size(); }
    bool empty() const { return ends_.empty(); }
    std::string_view operator[](std::size_t i) const {
        const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
        return std::string_view(text_).substr(begin, ends_[i] - begin);
    }
    // Fewer than 4 GiB of labels in all; the readers check.
    void push_back(std::string_view label) {
        text_.append(label);
        ends_.push_back(static_cast<std::uint32_t>(text_.size()));
    }
    std::size_t characters() const { return text_.size(); }

private:
    std::string text_;
    std::vector<std::uint32_t> ends_;
};

struct PlainNetwork {
    NodeLabels labels;                         // node i as the file names it
    std::vector<std::uint32_t> source, target; // tie i joins source[i] to target[i]
    std::vector<double> weights;               // one per tie, or empty when no tie has a weight
    bool directed = true;

    std::size_t node_count() const { return labels.size(); }
    std::size_t tie_count() const { return source.size(); }
    // What tie i weighs; ties without a weight weigh 1, as in NetworkX.
    double weight(std::size_t tie) const { return weights.empty() ? 1.0 : weights[tie]; }
};

} // namespace tg
