#include "dist/node_choice.hpp"

#include "core/error.hpp"
#include "core/fuzzy.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

namespace tg::dist {

namespace {

// What every process sent every other, in one list (the same list in every process).
template <typename T>
std::vector<T> share_with_all(Exchange& exchange, const std::vector<T>& mine) {
    const std::vector<std::vector<T>> outgoing(static_cast<std::size_t>(exchange.ranks()), mine);
    std::vector<T> all;
    for (auto& from : exchange.all_to_all(outgoing)) all.insert(all.end(), from.begin(), from.end());
    return all;
}

std::vector<std::string> share_with_all(Exchange& exchange, const std::vector<std::string>& mine) {
    const std::vector<std::vector<std::string>> outgoing(static_cast<std::size_t>(exchange.ranks()), mine);
    std::vector<std::string> all;
    for (auto& from : exchange.all_to_all(outgoing)) all.insert(all.end(), from.begin(), from.end());
    return all;
}

} // namespace

std::uint64_t find_node(Exchange& exchange, const Numbering& numbering, const std::string& label, const std::string& what) {
    const auto rank = static_cast<std::size_t>(exchange.rank());
    const std::uint64_t none = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t found = none;
    if (label_hash(label) % static_cast<std::uint64_t>(exchange.ranks()) == rank) {
        const auto& own = numbering.own_labels;
        if (const auto at = std::find(own.begin(), own.end(), label); at != own.end())
            found = numbering.starts[rank] + static_cast<std::uint64_t>(at - own.begin());
    }
    MPI_Allreduce(MPI_IN_PLACE, &found, 1, MPI_UINT64_T, MPI_MIN, exchange.comm());
    if (found != none) return found;
    // The closest labels of each process, then the closest of those.
    const auto near = share_with_all(exchange, closest(label, numbering.own_labels));
    throw ParameterError(what + " \"" + label + "\": no node has that label", hint_for(label, near, "labels are as the file writes them"));
}

std::vector<std::uint64_t> sample_sources(Exchange& exchange, const Numbering& numbering, std::uint64_t count, std::uint64_t seed) {
    const auto total = numbering.total();
    const auto first = numbering.starts[static_cast<std::size_t>(exchange.rank())];
    std::vector<std::uint64_t> every;
    if (count == 0 || count >= total) {
        every.resize(total);
        for (std::uint64_t i = 0; i < total; ++i) every[i] = i;
        return every;
    }
    // Each process's `count` smallest, then the smallest of all of them.
    using Key = std::tuple<std::uint64_t, std::string, std::uint64_t>; // hash, label, global number
    const std::string prefix = std::to_string(seed) + ":";
    std::vector<Key> mine;
    mine.reserve(numbering.own_labels.size());
    for (std::size_t i = 0; i < numbering.own_labels.size(); ++i)
        mine.emplace_back(label_hash(prefix + numbering.own_labels[i]), numbering.own_labels[i], first + i);
    const auto kept = std::min<std::size_t>(mine.size(), static_cast<std::size_t>(count));
    std::partial_sort(mine.begin(), mine.begin() + static_cast<std::ptrdiff_t>(kept), mine.end());
    mine.resize(kept);
    std::vector<std::uint64_t> hashes, numbers;
    std::vector<std::string> labels;
    for (const auto& [hash, label, number] : mine) hashes.push_back(hash), labels.push_back(label), numbers.push_back(number);
    const auto all_hashes = share_with_all(exchange, hashes);
    const auto all_labels = share_with_all(exchange, labels);
    const auto all_numbers = share_with_all(exchange, numbers);
    std::vector<Key> all;
    for (std::size_t i = 0; i < all_hashes.size(); ++i) all.emplace_back(all_hashes[i], all_labels[i], all_numbers[i]);
    std::sort(all.begin(), all.end());
    all.resize(static_cast<std::size_t>(count));
    std::vector<std::uint64_t> sources;
    for (const auto& key : all) sources.push_back(std::get<2>(key));
    return sources;
}

} // namespace tg::dist
