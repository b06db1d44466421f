#pragma once
// A network as bare as a large edge list is: labelled nodes and weighted ties, with no kinds,
// types, confidence or evidence. Where a KnowledgeGraph spends hundreds of bytes on a relation,
// this spends twelve, so that millions of ties fit the analysis engine (see GraphSnapshot).
#include <cstdint>
#include <string>
#include <vector>

namespace tg {

struct PlainNetwork {
    std::vector<std::string> labels;          // node i as the file names it
    std::vector<std::uint32_t> source, target; // tie i joins source[i] to target[i]
    std::vector<double> weights;               // one per tie, or empty when no tie has a weight
    bool directed = true;

    std::size_t node_count() const { return labels.size(); }
    std::size_t tie_count() const { return source.size(); }
    // What tie i weighs; ties without a weight weigh 1, as in NetworkX.
    double weight(std::size_t tie) const { return weights.empty() ? 1.0 : weights[tie]; }
};

} // namespace tg
