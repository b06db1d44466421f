#pragma once
// What every network reader feeds: node labels numbered as they first appear (one block of
// text and a hash of 32-bit numbers, no string per node), ties as pairs of node numbers,
// weights and other attributes in typed columns. finish() merges repeated ties and handles
// self-loops as the options say, reports both, and hands the columns to a KnowledgeGraph whole.
// Internal to io/.
#include "io/network_reader.hpp"
#include "model/network_table.hpp"
#include "model/string_index.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tg {

// The value of a label written as a canonical decimal number ("0", "17", never "017" or "+1")
// below 2^24: such labels are numbered through a table instead of a hash.
std::optional<std::uint32_t> small_number(std::string_view label);

// A tie's weight as listed: kept only once some tie of the file has one.
class ListedWeights {
public:
    void add(const std::optional<double>& w, std::size_t ties_before) {
        if (w && values_.empty() && ties_before > 0) values_.assign(ties_before, 1.0), listed_.assign(ties_before, 0);
        if (w || !values_.empty()) values_.push_back(w.value_or(1.0)), listed_.push_back(w.has_value());
    }
    bool any() const { return !values_.empty(); }
    std::optional<double> listed(std::size_t tie) const {
        return any() && listed_[tie] ? std::optional<double>(values_[tie]) : std::nullopt;
    }
    void set(std::size_t tie, const std::optional<double>& w) {
        if (!any()) return;
        values_[tie] = w.value_or(1.0);
        listed_[tie] = w.has_value();
    }
    std::size_t size() const { return values_.size(); }
    void truncate(std::size_t n) {
        if (values_.size() > n) values_.resize(n), listed_.resize(n);
    }
    // Keeps the entries at `keep`, in order.
    void keep(const std::vector<std::uint8_t>& keep);

private:
    std::vector<double> values_;
    std::vector<std::uint8_t> listed_;
};

class NetworkBuilder {
public:
    static constexpr std::uint32_t kNoNode = std::numeric_limits<std::uint32_t>::max();
    static constexpr std::size_t kDropped = std::numeric_limits<std::size_t>::max();

    explicit NetworkBuilder(const NetworkOptions& options);

    // The node of a label, added when new.
    std::uint32_t node(std::string_view label);
    // The node of a label known to be a canonical decimal number below 2^24 ("0", "17", never
    // "017"): looked up in a table instead of the hash. Labels must be all numbered or all not.
    std::uint32_t numbered_node(std::uint32_t number);
    std::uint32_t find_node(std::string_view label) const;
    bool has_node(std::string_view label) const { return find_node(label) != kNoNode; }
    std::size_t node_count() const { return labels_.size(); }
    void set_name(std::uint32_t node, std::string_view name);
    void set_node_attribute(std::uint32_t node, const std::string& key, const AttributeValue& value);

    // Adds tie a -> b and returns its row, or kDropped for a self-loop the options drop.
    std::size_t add_tie(std::uint32_t a, std::uint32_t b, const std::optional<double>& weight);
    void set_tie_attribute(std::size_t tie, const std::string& key, const AttributeValue& value);
    std::size_t tie_count() const { return from_.size(); }
    // Whether a tie a -> b is kept (a self-loop the options drop is not); counts self-loops.
    // For readers that collect ties themselves and hand them over with take_ties.
    bool keeps_tie(std::uint32_t a, std::uint32_t b);
    // Takes ties already numbered and filtered by keeps_tie; only before any add_tie.
    void take_ties(std::vector<std::uint32_t>&& from, std::vector<std::uint32_t>&& to, ListedWeights&& weights);

    // Counts names that had spaces around them (reported once by finish()).
    void count_trimmed_name() { ++trimmed_names_; }

    NetworkImport finish(NetworkFormat format, std::vector<Diagnostic> notices, std::vector<std::string> files);

private:
    std::uint32_t add_label(std::string_view label);

    const NetworkOptions& options_;
    StringColumn labels_;
    StringIndex label_index_;
    std::vector<std::uint32_t> by_number_;                          // node of each small number, for numbered labels
    StringColumn names_;                                            // "" where a node has no name of its own; empty while none has
    std::vector<std::pair<std::uint32_t, std::string>> late_names_; // names set for a node before the last
    AttributeTable node_attributes_, tie_attributes_;
    std::vector<std::uint32_t> from_, to_;
    ListedWeights weights_;
    std::size_t self_loops_ = 0, trimmed_names_ = 0;
};

// The notes on ties listed more than once and on self-loops, worded the same for every reader.
void add_tie_notices(std::vector<Diagnostic>& notices, const NetworkOptions& options, std::size_t merged,
                     std::size_t merged_with_other_weight, std::size_t self_loops);

// Folds the weight of a repeated listing of a tie into the weight kept, by the rule; a tie kept
// without a weight takes the repeated one's. Returns true when the two weights differed.
bool merge_tie_weight(MergeRule rule, std::optional<double>& kept, const std::optional<double>& repeated);

} // namespace tg
