#pragma once
// Approximate string matching for "did you mean" hints and ranked search.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tg {

// Optimal string alignment distance (Levenshtein plus adjacent transpositions), on bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates closest to `wanted`, best first, within a distance that grows with length;
// ties keep the candidates' order.
std::vector<std::string> closest(std::string_view wanted, const std::vector<std::string>& candidates, std::size_t max_results = 3);

// "did you mean "x"?" or "did you mean one of "x", "y"?", empty when there is nothing close.
std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates);

// The same sentence for suggestions already chosen; empty for none.
std::string did_you_mean(const std::vector<std::string>& suggestions);

// did_you_mean, or `otherwise` when nothing is close.
std::string hint_for(std::string_view wanted, const std::vector<std::string>& candidates, std::string otherwise);

// The position of `wanted` among `names`; otherwise throws ParameterError "unknown WHAT "x"" with the
// closest names or the full list.
std::size_t choose_name(const std::string& wanted, const std::vector<std::string>& names, const std::string& what);

} // namespace tg
