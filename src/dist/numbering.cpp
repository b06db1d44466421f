#include "dist/numbering.hpp"

#include <algorithm>
#include <unordered_map>

namespace tg::dist {

std::uint64_t label_hash(std::string_view label) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const unsigned char c : label) h = (h ^ c) * 1099511628211ULL;
    return h;
}

int Numbering::owner(std::uint64_t global) const {
    // The last process whose first number is at or below it (a process may own none).
    return static_cast<int>(std::upper_bound(starts.begin(), starts.end() - 1, global) - starts.begin()) - 1;
}

Numbering number_labels(Exchange& exchange, const std::vector<std::string>& labels) {
    const auto ranks = static_cast<std::size_t>(exchange.ranks());
    std::vector<std::vector<std::string>> asked(ranks);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> where(labels.size()); // (owner, position in asked[owner])
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const auto owner = static_cast<std::uint32_t>(label_hash(labels[i]) % ranks);
        where[i] = {owner, static_cast<std::uint32_t>(asked[owner].size())};
        asked[owner].push_back(labels[i]);
    }
    const auto to_number = exchange.all_to_all(asked);
    Numbering out;
    std::unordered_map<std::string, std::uint32_t> local;
    std::vector<std::vector<std::uint32_t>> answers(ranks);
    for (std::size_t r = 0; r < ranks; ++r)
        for (const auto& label : to_number[r]) {
            const auto [at, added] = local.emplace(label, static_cast<std::uint32_t>(out.own_labels.size()));
            if (added) out.own_labels.push_back(label);
            answers[r].push_back(at->second);
        }
    // Every process's count, then where its numbers start.
    std::vector<std::uint64_t> counts(ranks);
    const std::uint64_t mine = out.own_labels.size();
    MPI_Allgather(&mine, 1, MPI_UINT64_T, counts.data(), 1, MPI_UINT64_T, exchange.comm());
    exchange.count_sent(sizeof mine * (ranks - 1));
    out.starts.assign(ranks + 1, 0);
    for (std::size_t r = 0; r < ranks; ++r) out.starts[r + 1] = out.starts[r] + counts[r];
    const auto numbers = exchange.all_to_all(answers);
    out.global_of.resize(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i)
        out.global_of[i] = out.starts[where[i].first] + numbers[where[i].first][where[i].second];
    return out;
}

} // namespace tg::dist
