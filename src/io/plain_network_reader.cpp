#include "io/plain_network_reader.hpp"

#include "core/error.hpp"
#include "io/edge_list_scan.hpp"
#include "io/network_builder.hpp"
#include "io/text_file.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace tg {

namespace {

constexpr std::uint32_t kUnseen = std::numeric_limits<std::uint32_t>::max();

// Node numbers by label. Labels written as plain decimal numbers below 2^24 (the usual case in
// large edge lists) are looked up in a table, every other label in a hash map.
class NodeIndex {
public:
    explicit NodeIndex(std::vector<std::string>& labels) : labels_(labels) {}

    std::uint32_t operator()(std::string_view label) {
        if (const auto number = small_number(label)) {
            if (*number >= by_number_.size()) by_number_.resize(std::max<std::size_t>(*number + 1, by_number_.size() * 2), kUnseen);
            auto& slot = by_number_[*number];
            if (slot == kUnseen) slot = add(label);
            return slot;
        }
        const auto [it, inserted] = by_label_.try_emplace(label, 0);
        if (inserted) it->second = add(label);
        return it->second;
    }

private:
    static constexpr std::size_t kTableLimit = std::size_t{1} << 24;

    // The value of a canonical decimal number ("0", "17", never "017" or "+1") below the limit.
    static std::optional<std::size_t> small_number(std::string_view s) {
        if (s.empty() || s.size() > 8 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
        std::size_t value = 0;
        for (char c : s) {
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + static_cast<std::size_t>(c - '0');
        }
        if (value >= kTableLimit) return std::nullopt;
        return value;
    }

    std::uint32_t add(std::string_view label) {
        if (labels_.size() >= kUnseen - 1) throw DataError("the network has more nodes than the analysis engine takes (2^32 - 2)");
        labels_.emplace_back(label);
        return static_cast<std::uint32_t>(labels_.size() - 1);
    }

    std::vector<std::string>& labels_;
    std::vector<std::uint32_t> by_number_;
    std::unordered_map<std::string_view, std::uint32_t> by_label_; // views into the file's text
};

} // namespace

PlainNetworkImport read_plain_edge_list(const NetworkOptions& options) {
    PlainNetworkImport out;
    const auto source = read_text_source(options.path, out.notices);
    auto& net = out.network;
    net.directed = !options.undirected;
    NodeIndex node(net.labels);
    std::vector<std::uint32_t> from, to;
    std::vector<double> weight;
    std::vector<std::uint8_t> has_weight;
    bool any_weight = false;
    const bool keep_loops = options.self_loops == SelfLoops::keep;
    scan_edge_list(source, [&](const TieLine& tie) {
        const auto a = node(tie.from), b = node(tie.to);
        if (a == b) {
            ++out.self_loops;
            if (!keep_loops) return;
        }
        from.push_back(a), to.push_back(b);
        weight.push_back(tie.weight.value_or(1.0));
        has_weight.push_back(tie.weight.has_value());
        any_weight = any_weight || tie.weight.has_value();
    });

    // Repeated ties (a b and b a too, when undirected) become one, in order of first listing,
    // their weights combined by the merge rule; a tie without a weight takes a later one's.
    const std::size_t m = from.size();
    const auto key = [&](std::size_t i) {
        std::uint64_t a = from[i], b = to[i];
        if (options.undirected && b < a) std::swap(a, b);
        return (a << 32) | b;
    };
    std::vector<std::pair<std::uint64_t, std::uint32_t>> by_key(m); // (pair, listing): sorted, first listing first
    for (std::uint32_t i = 0; i < m; ++i) by_key[i] = {key(i), i};
    std::sort(by_key.begin(), by_key.end());
    std::vector<std::uint8_t> kept(m, 0); // the first listing of each distinct tie
    std::size_t other_weight = 0;
    for (std::size_t k = 0; k < m;) {
        const std::uint32_t first = by_key[k].second;
        std::optional<double> merged;
        if (has_weight[first]) merged = weight[first];
        std::size_t j = k + 1;
        for (; j < m && by_key[j].first == by_key[k].first; ++j) {
            const auto i = by_key[j].second;
            ++out.merged_ties;
            if (merge_tie_weight(options.merge, merged, has_weight[i] ? std::optional<double>(weight[i]) : std::nullopt)) ++other_weight;
        }
        weight[first] = merged.value_or(1.0);
        kept[first] = 1;
        k = j;
    }
    by_key = {};
    net.source.reserve(m - out.merged_ties), net.target.reserve(m - out.merged_ties);
    if (any_weight) net.weights.reserve(m - out.merged_ties);
    for (std::size_t i = 0; i < m; ++i) {
        if (!kept[i]) continue;
        net.source.push_back(from[i]), net.target.push_back(to[i]);
        if (any_weight) net.weights.push_back(weight[i]);
    }

    add_tie_notices(out.notices, options, out.merged_ties, other_weight, out.self_loops);
    if (net.labels.empty())
        out.notices.push_back({Severity::warning, nullptr, options.path, 0, 0, "empty-network", "the file holds no nodes", {}});
    return out;
}

} // namespace tg
