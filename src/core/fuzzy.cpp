#include "core/fuzzy.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <numeric>

namespace tg {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
    std::iota(previous.begin(), previous.end(), std::size_t{0});
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[m];
}

std::vector<std::string> closest(std::string_view wanted, const std::vector<std::string>& candidates, std::size_t max_results) {
    const std::string key = fold_key(wanted);
    const std::size_t limit = std::max<std::size_t>(1, (key.size() + 2) / 3);
    std::vector<std::pair<std::size_t, std::size_t>> scored; // distance, index
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto distance = edit_distance(key, fold_key(candidates[i]));
        if (distance <= limit) scored.emplace_back(distance, i);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (const auto& [distance, index] : scored) {
        (void)distance;
        if (std::find(out.begin(), out.end(), candidates[index]) != out.end()) continue;
        out.push_back(candidates[index]);
        if (out.size() == max_results) break;
    }
    return out;
}

std::string did_you_mean(const std::vector<std::string>& suggestions) {
    if (suggestions.empty()) return {};
    if (suggestions.size() == 1) return "did you mean \"" + suggestions.front() + "\"?";
    return "did you mean one of " + join_quoted(suggestions) + "?";
}

std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates) {
    return did_you_mean(closest(wanted, candidates));
}

std::string hint_for(std::string_view wanted, const std::vector<std::string>& candidates, std::string otherwise) {
    auto hint = did_you_mean(wanted, candidates);
    return hint.empty() ? otherwise : hint;
}

std::size_t choose_name(const std::string& wanted, const std::vector<std::string>& names, const std::string& what) {
    const auto it = std::find(names.begin(), names.end(), wanted);
    if (it == names.end())
        throw ParameterError("unknown " + what + " \"" + wanted + "\"",
                             hint_for(wanted, names, "choose one of " + join_quoted(names, names.size())));
    return static_cast<std::size_t>(it - names.begin());
}

} // namespace tg
