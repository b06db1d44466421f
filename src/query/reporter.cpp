#include "query/reporter.hpp"

#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace tg::query {

void Reporter::problem(std::size_t offset, std::size_t length, std::string message, std::string hint) {
    diagnostics_.push_back(
        {Severity::error, source_, {}, offset, std::max<std::size_t>(length, 1), code_, std::move(message), std::move(hint)});
    ok_ = false;
}

std::string Reporter::known(const Literal& value, const std::vector<std::string>& names, const std::string& what) {
    const auto text = to_lower_ascii(value.text);
    if (std::find(names.begin(), names.end(), text) == names.end())
        problem(value.offset, value.length, "unknown " + what + " \"" + value.text + "\"",
                hint_for(value.text, names, what + "s are " + join_quoted(names, 12)));
    return text;
}

std::optional<std::string> Reporter::entity_id(const KnowledgeGraph& graph, const Literal& value) {
    try {
        return std::string(graph.entity(graph.resolve(value.text)).id());
    } catch (const DataError& e) {
        problem(value.offset, value.length, e.what(), e.hint());
        return std::nullopt;
    }
}

} // namespace tg::query
