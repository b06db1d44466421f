#pragma once
// The grammar of a whitespace edge list, shared by the reader that builds a KnowledgeGraph and
// the one that builds a PlainNetwork: one tie per line as "source target [weight]", fields
// split by spaces, tabs or commas; lines starting with '#' or '%' are comments; blank lines
// are skipped.
#include "core/source_text.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

namespace tg {

struct TieLine {
    std::string_view from, to; // views into the source's text
    std::optional<double> weight;
    std::size_t offset = 0;    // where the line's first field starts
};

// Calls on_tie for every tie, in file order. Throws DataError at the first malformed line,
// positioned at the offending field.
void scan_edge_list(const SourceTextPtr& source, const std::function<void(const TieLine&)>& on_tie);

} // namespace tg
