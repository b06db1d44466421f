#include "io/network_builder.hpp"

#include "core/error.hpp"
#include "core/huge_pages.hpp"
#include "core/pair_groups.hpp"

#include <algorithm>
#include <charconv>

namespace tg {

namespace {

// Keeps the entries of `values` at the marked positions, in order.
template <class T>
void keep_marked(std::vector<T>& values, const std::vector<std::uint8_t>& keep) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (keep[i]) values[kept++] = values[i];
    values.resize(kept);
    values.shrink_to_fit();
}

} // namespace

std::optional<std::uint32_t> small_number(std::string_view s) {
    constexpr std::uint32_t kTableLimit = std::uint32_t{1} << 24;
    if (s.empty() || s.size() > 8 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
    std::uint32_t value = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::uint32_t>(c - '0');
    }
    if (value >= kTableLimit) return std::nullopt;
    return value;
}

void ListedWeights::keep(const std::vector<std::uint8_t>& keep) {
    keep_marked(values_, keep);
    keep_marked(listed_, keep);
}

NetworkBuilder::NetworkBuilder(const NetworkOptions& options) : options_(options) {}

std::uint32_t NetworkBuilder::add_label(std::string_view label) {
    if (labels_.size() >= kNoNode - 1) throw DataError("the network has more nodes than the analysis engine takes (2^32 - 2)");
    labels_.push_back(label);
    return static_cast<std::uint32_t>(labels_.size() - 1);
}

std::uint32_t NetworkBuilder::numbered_node(std::uint32_t number) {
    if (number >= by_number_.size()) by_number_.resize(std::max<std::size_t>(std::size_t{number} + 1, by_number_.size() * 2), kNoNode);
    auto& slot = by_number_[number];
    if (slot == kNoNode) {
        char digits[8];
        const auto written = std::to_chars(digits, digits + sizeof digits, number);
        slot = add_label(std::string_view(digits, static_cast<std::size_t>(written.ptr - digits)));
        label_index_.catch_up(labels_);
    }
    return slot;
}

std::uint32_t NetworkBuilder::node(std::string_view label) {
    // A label written as a plain decimal number below 2^24 (the usual case in large edge lists)
    // is found in a table; every other label by its hash.
    if (const auto number = small_number(label)) return numbered_node(*number);
    bool added = false;
    const auto row = label_index_.intern(labels_, label, added);
    if (added && labels_.size() >= kNoNode - 1) throw DataError("the network has more nodes than the analysis engine takes (2^32 - 2)");
    return row;
}

std::uint32_t NetworkBuilder::find_node(std::string_view label) const {
    if (const auto number = small_number(label)) return *number < by_number_.size() ? by_number_[*number] : kNoNode;
    return label_index_.find(labels_, label);
}

void NetworkBuilder::set_name(std::uint32_t node, std::string_view name) {
    if (name == labels_[node]) name = {};
    if (name.empty() && names_.size() <= node) return;
    // Names usually come with their node, the last one added: the column grows at its end.
    while (names_.size() < node) names_.push_back({});
    if (names_.size() == node)
        names_.push_back(name);
    else if (names_.size() == std::size_t{node} + 1)
        names_.replace_last(name);
    else
        late_names_.emplace_back(node, std::string(name));
}

void NetworkBuilder::set_node_attribute(std::uint32_t node, const std::string& key, const AttributeValue& value) {
    node_attributes_.set(node, node_attributes_.add_column(key), value);
}

bool NetworkBuilder::keeps_tie(std::uint32_t a, std::uint32_t b) {
    if (a != b) return true;
    ++self_loops_;
    return options_.self_loops == SelfLoops::keep;
}

std::size_t NetworkBuilder::add_tie(std::uint32_t a, std::uint32_t b, const std::optional<double>& weight) {
    if (!keeps_tie(a, b)) return kDropped;
    if (from_.size() >= kNoNode - 1) throw DataError("the network has more ties than the analysis engine takes (2^32 - 2)");
    weights_.add(weight, from_.size());
    from_.push_back(a);
    to_.push_back(b);
    return from_.size() - 1;
}

void NetworkBuilder::set_tie_attribute(std::size_t tie, const std::string& key, const AttributeValue& value) {
    tie_attributes_.set(tie, tie_attributes_.add_column(key), value);
}

void NetworkBuilder::take_ties(std::vector<std::uint32_t>&& from, std::vector<std::uint32_t>&& to, ListedWeights&& weights) {
    if (!from_.empty()) throw InternalError("take_ties after add_tie");
    if (from.size() >= kNoNode - 1) throw DataError("the network has more ties than the analysis engine takes (2^32 - 2)");
    from_ = std::move(from);
    to_ = std::move(to);
    weights_ = std::move(weights);
}

NetworkImport NetworkBuilder::finish(NetworkFormat format, std::vector<Diagnostic> notices, std::vector<std::string> files) {
    const std::size_t n = labels_.size(), m = from_.size();
    // Repeated ties (a b and b a too, when undirected) become one, in order of first listing,
    // their weights combined by the merge rule (a tie without a weight takes a later one's) and
    // the attributes a first listing lacks taken from the repeats. Ties are grouped by their
    // first end and each group sorted where it lies.
    std::size_t merged = 0, other_weight = 0;
    {
        const bool undirected = options_.undirected;
        const auto ends = [&](std::size_t i) {
            std::uint32_t a = from_[i], b = to_[i];
            if (undirected && b < a) std::swap(a, b);
            return std::pair{a, b};
        };
        const auto groups = group_pairs(n, m, ends);
        auto first_listing = huge_vector<std::uint8_t>(m, 0);
        const bool tie_columns = tie_attributes_.column_count() > 0;
        for (std::size_t v = 0; v < n; ++v) {
            const auto begin = groups.entry.begin() + static_cast<std::ptrdiff_t>(groups.offset[v]);
            const auto end = groups.entry.begin() + static_cast<std::ptrdiff_t>(groups.offset[v + 1]);
            for (auto k = begin; k != end;) {
                const auto first = PairGroups::pair(*k);
                auto j = k + 1;
                if (j != end && PairGroups::second(*j) == PairGroups::second(*k)) {
                    std::optional<double> weight = weights_.listed(first);
                    for (; j != end && PairGroups::second(*j) == PairGroups::second(*k); ++j) {
                        ++merged;
                        const auto repeat = PairGroups::pair(*j);
                        if (merge_tie_weight(options_.merge, weight, weights_.listed(repeat))) ++other_weight;
                        if (tie_columns) tie_attributes_.fill_missing(first, repeat);
                    }
                    weights_.set(first, weight);
                }
                first_listing[first] = 1;
                k = j;
            }
        }
        if (merged > 0) {
            keep_marked(from_, first_listing);
            keep_marked(to_, first_listing);
            if (weights_.any()) weights_.keep(first_listing);
            if (tie_columns) tie_attributes_.keep_rows(first_listing);
        }
    }
    if (weights_.any()) {
        const auto column = tie_attributes_.add_column("weight");
        for (std::size_t i = from_.size(); i-- > 0;)
            if (const auto w = weights_.listed(i)) tie_attributes_.set(i, column, AttributeValue{*w});
    }
    weights_ = {};

    if (!names_.empty()) {
        while (names_.size() < n) names_.push_back({});
        if (!late_names_.empty()) {
            // Names given long after their node: the column is written once more with them.
            std::stable_sort(late_names_.begin(), late_names_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            StringColumn all;
            all.reserve(n, names_.characters());
            auto next = late_names_.begin();
            for (std::uint32_t v = 0; v < n; ++v) {
                std::string_view name = names_[v];
                for (; next != late_names_.end() && next->first == v; ++next) name = next->second;
                all.push_back(name);
            }
            names_ = std::move(all);
        }
    }
    // Names come from the nodes file when there is one.
    const std::string names_file = options_.nodes_path.empty() ? options_.path : options_.nodes_path;
    const auto notice_in = [&](const std::string& file, Severity severity, std::string code, std::string message, std::string hint = {}) {
        notices.push_back({severity, nullptr, file, 0, 0, std::move(code), std::move(message), std::move(hint)});
    };
    std::size_t damaged = 0;
    for (std::size_t v = 0; v < n; ++v) {
        const auto name = v < names_.size() && !names_[v].empty() ? names_[v] : labels_[v];
        if (name.find("\xEF\xBF\xBD") != std::string_view::npos) ++damaged;
    }
    if (damaged > 0)
        notice_in(names_file, Severity::warning, "replacement-characters",
                  std::to_string(damaged) + " node name" + (damaged == 1 ? " holds" : "s hold") +
                      " U+FFFD replacement characters: characters were lost before the file reached threatgraph",
                  "get a copy of the data in its original encoding if the names matter");
    if (trimmed_names_ > 0)
        notice_in(names_file, Severity::note, "trimmed-names",
                  "removed spaces around " + std::to_string(trimmed_names_) + " node name" + (trimmed_names_ == 1 ? "" : "s"));
    add_tie_notices(notices, options_, merged, other_weight, self_loops_);

    NetworkTable table;
    table.labels = std::move(labels_);
    table.names = std::move(names_);
    table.source = std::move(from_);
    table.target = std::move(to_);
    table.node_attributes = std::move(node_attributes_);
    table.tie_attributes = std::move(tie_attributes_);
    table.directed = !options_.undirected;

    NetworkImport out;
    out.graph = std::make_unique<KnowledgeGraph>(KnowledgeGraph::from_network(std::move(table)));
    out.format = format;
    out.notices = std::move(notices);
    out.files = std::move(files);
    out.merged_ties = merged;
    out.self_loops = self_loops_;
    return out;
}

bool merge_tie_weight(MergeRule rule, std::optional<double>& kept, const std::optional<double>& repeated) {
    const bool differed = kept != repeated;
    if (repeated && kept) {
        switch (rule) {
            case MergeRule::first:
                break;
            case MergeRule::last:
                kept = repeated;
                break;
            case MergeRule::sum:
                kept = *kept + *repeated;
                break;
            case MergeRule::max:
                kept = std::max(*kept, *repeated);
                break;
        }
    } else if (repeated) {
        kept = repeated;
    }
    return differed;
}

void add_tie_notices(std::vector<Diagnostic>& notices, const NetworkOptions& options, std::size_t merged,
                     std::size_t merged_with_other_weight, std::size_t self_loops) {
    const auto notice = [&](Severity severity, std::string code, std::string message, std::string hint) {
        notices.push_back({severity, nullptr, options.path, 0, 0, std::move(code), std::move(message), std::move(hint)});
    };
    if (merged > 0) {
        std::string message = "merged " + std::to_string(merged) + " tie" + (merged == 1 ? "" : "s") + " listed more than once" +
                              (options.undirected ? " (a b and b a count as one tie)" : "");
        std::string hint;
        if (merged_with_other_weight > 0) {
            message += "; " + std::to_string(merged_with_other_weight) + " had another weight, kept the " + merge_rule_name(options.merge) +
                       (options.merge == MergeRule::sum ? " of the weights" : "");
            hint = "--merge first|last|sum|max chooses how repeated weights combine";
        }
        notice(Severity::note, "merged-ties", message, hint);
    }
    if (self_loops > 0)
        notice(Severity::note, "self-loops",
               std::string(options.self_loops == SelfLoops::keep ? "kept " : "dropped ") + std::to_string(self_loops) + " self-loop" +
                   (self_loops == 1 ? "" : "s"),
               options.self_loops == SelfLoops::keep ? "--self-loops drop removes them" : "--self-loops keep keeps them");
}

} // namespace tg
