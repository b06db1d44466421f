#pragma once
// Turns the nodes and ties a reader finds into a KnowledgeGraph of kind "node" and type "tie",
// merging repeated ties and handling self-loops as the options say. Internal to io/.
#include "io/network_reader.hpp"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace tg {

class NetworkBuilder {
public:
    explicit NetworkBuilder(const NetworkOptions& options) : options_(options) {}

    // Adds a node (or gives an existing one its name and attributes).
    void add_node(const std::string& id, const std::string& name = {}, Attributes attributes = {});
    bool has_node(const std::string& id) const { return index_.count(id) > 0; }
    // Adds a tie, creating missing endpoints.
    void add_tie(const std::string& from, const std::string& to, std::optional<double> weight,
                 Attributes attributes = {});

    // Counts names that had spaces around them (reported once by finish()).
    void count_trimmed_name() { ++trimmed_names_; }

    NetworkImport finish(NetworkFormat format, std::vector<Diagnostic> notices, std::vector<std::string> files);

private:
    struct Node {
        std::string id, name;
        Attributes attributes;
    };
    struct Tie {
        std::string from, to;
        std::optional<double> weight;
        Attributes attributes;
    };

    const NetworkOptions& options_;
    std::vector<Node> nodes_;
    std::unordered_map<std::string, std::size_t> index_;
    std::vector<Tie> ties_;
    std::map<std::pair<std::string, std::string>, std::size_t> tie_index_;
    std::size_t merged_ = 0, merged_with_other_weight_ = 0, self_loops_ = 0, trimmed_names_ = 0;
};

// Folds the weight of a repeated listing of a tie into the weight kept, by the rule; a tie kept
// without a weight takes the repeated one's. Returns true when the two weights differed.
bool merge_tie_weight(MergeRule rule, std::optional<double>& kept, const std::optional<double>& repeated);

// The notes on ties listed more than once and on self-loops, worded the same for every reader.
void add_tie_notices(std::vector<Diagnostic>& notices, const NetworkOptions& options, std::size_t merged,
                     std::size_t merged_with_other_weight, std::size_t self_loops);

} // namespace tg
