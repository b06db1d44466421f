#include "io/plain_network_reader.hpp"

#include "core/error.hpp"
#include "core/huge_pages.hpp"
#include "core/pair_groups.hpp"
#include "io/edge_list_scan.hpp"
#include "io/network_builder.hpp"
#include "io/text_file.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <exception>
#include <limits>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace tg {

namespace {

constexpr std::uint32_t kUnseen = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kParallelText = std::size_t{4} << 20; // bytes from which two threads parse

constexpr std::uint32_t kTableLimit = std::uint32_t{1} << 24;

// The value of a canonical decimal number ("0", "17", never "017" or "+1") below 2^24.
std::optional<std::uint32_t> small_number(std::string_view s) {
    if (s.empty() || s.size() > 8 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
    std::uint32_t value = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::uint32_t>(c - '0');
    }
    if (value >= kTableLimit) return std::nullopt;
    return value;
}

// Node numbers by label. Labels written as plain decimal numbers below 2^24 (the usual case in
// large edge lists) are looked up in a table, every other label in a hash map.
class NodeIndex {
public:
    explicit NodeIndex(NodeLabels& labels) : labels_(labels) {}

    std::uint32_t operator()(std::string_view label) {
        if (const auto number = small_number(label)) return numbered(*number);
        const auto [it, inserted] = by_label_.try_emplace(label, 0);
        if (inserted) it->second = add(label);
        return it->second;
    }

    // The node of a label known to be the canonical decimal number below 2^24.
    std::uint32_t numbered(std::uint32_t number) {
        if (number >= by_number_.size()) by_number_.resize(std::max<std::size_t>(std::size_t{number} + 1, by_number_.size() * 2), kUnseen);
        auto& slot = by_number_[number];
        if (slot == kUnseen) {
            char digits[8];
            const auto written = std::to_chars(digits, digits + sizeof digits, number);
            slot = add(std::string_view(digits, static_cast<std::size_t>(written.ptr - digits)));
        }
        return slot;
    }

private:
    std::uint32_t add(std::string_view label) {
        if (labels_.size() >= kUnseen - 1) throw DataError("the network has more nodes than the analysis engine takes (2^32 - 2)");
        if (labels_.characters() + label.size() > std::numeric_limits<std::uint32_t>::max())
            throw DataError("the network's node labels hold more than 4 GiB of text, more than the analysis engine takes");
        labels_.push_back(label);
        return static_cast<std::uint32_t>(labels_.size() - 1);
    }

    NodeLabels& labels_;
    std::vector<std::uint32_t> by_number_;
    std::unordered_map<std::string_view, std::uint32_t> by_label_; // views into the file's text
};

// A tie's weight as listed: only kept once some tie of the file has one.
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
    std::vector<double>& values() { return values_; }

private:
    std::vector<double> values_;
    std::vector<std::uint8_t> listed_;
};

// Marks the first listing of every distinct tie (a b and b a being one when undirected) and
// combines the weights of the repeats into it, the ties grouped by their first end.
struct Repeats {
    std::vector<std::uint8_t> first_listing;
    std::size_t merged = 0, other_weight = 0;
};

Repeats find_repeats(const std::vector<std::uint32_t>& from, const std::vector<std::uint32_t>& to, std::size_t n, bool undirected,
                     MergeRule merge, ListedWeights& weights) {
    const std::size_t m = from.size();
    const auto ends = [&](std::size_t i) {
        std::uint32_t a = from[i], b = to[i];
        if (undirected && b < a) std::swap(a, b);
        return std::pair{a, b};
    };
    const auto groups = group_pairs(n, m, ends);
    Repeats out;
    out.first_listing = huge_vector<std::uint8_t>(m, 0);
    for (std::size_t v = 0; v < n; ++v) {
        const auto begin = groups.entry.begin() + static_cast<std::ptrdiff_t>(groups.offset[v]);
        const auto end = groups.entry.begin() + static_cast<std::ptrdiff_t>(groups.offset[v + 1]);
        for (auto k = begin; k != end;) {
            const auto first = PairGroups::pair(*k);
            std::optional<double> merged = weights.listed(first);
            auto j = k + 1;
            for (; j != end && PairGroups::second(*j) == PairGroups::second(*k); ++j) {
                ++out.merged;
                if (merge_tie_weight(merge, merged, weights.listed(PairGroups::pair(*j)))) ++out.other_weight;
            }
            if (weights.any()) weights.values()[first] = merged.value_or(1.0);
            out.first_listing[first] = 1;
            k = j;
        }
    }
    return out;
}

// Keeps the entries of `values` at the first listings, in order.
template <class T>
void keep_first_listings(std::vector<T>& values, const std::vector<std::uint8_t>& first_listing) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (first_listing[i]) values[kept++] = values[i];
    values.resize(kept);
    values.shrink_to_fit();
}

// The ties of part of the text as the numbers their labels are, for the usual large edge list
// whose every label is a canonical decimal number below 2^24; `numeric` turns false at the
// first other label, and the error of a malformed line is kept for the caller to throw.
struct NumberedTies {
    std::vector<std::uint32_t> from, to;
    ListedWeights weights;
    bool numeric = true;
    std::exception_ptr error;
};

struct NotNumbers {};

void number_ties(const SourceTextPtr& source, std::size_t begin, std::size_t end, std::size_t room, NumberedTies& part) {
    try {
        reserve_huge(part.from, room), reserve_huge(part.to, room);
        scan_edge_list(
            source,
            [&](const TieLine& tie) {
                const auto a = small_number(tie.from), b = small_number(tie.to);
                if (!a || !b) throw NotNumbers{};
                part.weights.add(tie.weight, part.from.size());
                part.from.push_back(*a), part.to.push_back(*b);
            },
            begin, end);
    } catch (const NotNumbers&) {
        part.numeric = false;
    } catch (...) {
        part.error = std::current_exception();
    }
}

} // namespace

PlainNetworkImport read_plain_edge_list(const NetworkOptions& options) {
    PlainNetworkImport out;
    const auto source = read_text_source(options.path, out.notices);
    auto& net = out.network;
    net.directed = !options.undirected;
    NodeIndex node(net.labels);
    auto& from = net.source;
    auto& to = net.target;
    const auto& text = source->content();
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    ListedWeights weights;
    const bool keep_loops = options.self_loops == SelfLoops::keep;
    // Keeps tie a -> b unless it is a self-loop to drop.
    const auto add_tie = [&](std::uint32_t a, std::uint32_t b, const std::optional<double>& weight, std::size_t& kept) {
        if (a == b) {
            ++out.self_loops;
            if (!keep_loops) return;
        }
        weights.add(weight, kept);
        from[kept] = a, to[kept] = b;
        ++kept;
    };

    // Numbers first: a large text is parsed in two halves on two threads, then the numbers
    // become nodes in order of first appearance. A text with other labels is read again below.
    std::array<NumberedTies, 2> parts;
    {
        const std::size_t middle = text.size() >= kParallelText ? std::min(text.find('\n', text.size() / 2), text.size()) : text.size();
        std::thread helper;
        if (middle < text.size()) helper = std::thread([&] { number_ties(source, middle + 1, text.size(), lines, parts[1]); });
        number_ties(source, 0, middle, lines, parts[0]);
        if (helper.joinable()) helper.join();
    }
    if (parts[0].error) std::rethrow_exception(parts[0].error);
    if (parts[0].numeric && parts[1].error) std::rethrow_exception(parts[1].error);
    if (parts[0].numeric && parts[1].numeric) {
        // The first part's arrays have room for every line: the ties are written into them.
        const std::size_t first_count = parts[0].from.size();
        from = std::move(parts[0].from), to = std::move(parts[0].to);
        from.resize(first_count + parts[1].from.size()), to.resize(from.size());
        std::size_t kept = 0;
        // (The source is numbered before the target: nodes are numbered as they first appear.)
        for (std::size_t i = 0; i < first_count; ++i) {
            const auto a = node.numbered(from[i]);
            add_tie(a, node.numbered(to[i]), parts[0].weights.listed(i), kept);
        }
        for (std::size_t i = 0; i < parts[1].from.size(); ++i) {
            const auto a = node.numbered(parts[1].from[i]);
            add_tie(a, node.numbered(parts[1].to[i]), parts[1].weights.listed(i), kept);
        }
        from.resize(kept), to.resize(kept);
    } else {
        parts = {};
        from.clear(), to.clear();
        reserve_huge(from, lines), reserve_huge(to, lines);
        from.resize(lines), to.resize(lines);
        std::size_t kept = 0;
        scan_edge_list(source, [&](const TieLine& tie) {
            const auto a = node(tie.from);
            add_tie(a, node(tie.to), tie.weight, kept);
        });
        from.resize(kept), to.resize(kept);
    }
    parts = {};

    if (from.size() >= kUnseen) throw DataError("the network has more ties than the analysis engine takes (2^32 - 2)");

    // Repeated ties (a b and b a too, when undirected) become one, in order of first listing,
    // their weights combined by the merge rule; a tie without a weight takes a later one's.
    const auto repeats = find_repeats(from, to, net.labels.size(), options.undirected, options.merge, weights);
    out.merged_ties = repeats.merged;
    if (repeats.merged > 0) {
        keep_first_listings(from, repeats.first_listing);
        keep_first_listings(to, repeats.first_listing);
        if (weights.any()) keep_first_listings(weights.values(), repeats.first_listing);
    }
    if (weights.any()) net.weights = std::move(weights.values());

    add_tie_notices(out.notices, options, out.merged_ties, repeats.other_weight, out.self_loops);
    if (net.labels.empty())
        out.notices.push_back({Severity::warning, nullptr, options.path, 0, 0, "empty-network", "the file holds no nodes", {}});
    return out;
}

} // namespace tg
