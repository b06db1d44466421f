#pragma once
// The grammar of a whitespace edge list, for both of the edge-list reader's passes (numbers on
// two threads, then labels of any kind): one tie per line as "source target [weight]", fields
// split by spaces, tabs or commas; lines starting with '#' or '%' are comments; blank lines
// are skipped.
#include "core/source_text.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>

namespace tg {

struct TieLine {
    std::string_view from, to; // views into the source's text
    std::optional<double> weight;
    std::size_t offset = 0; // where the line's first field starts
};

namespace edge_list_detail {

inline bool separator(char c) { return c == ' ' || c == '\t' || c == '\r' || c == ','; }

// The fields of one line that is neither blank nor a comment.
struct Fields {
    std::string_view field[4];
    std::size_t at[4] = {};
    std::size_t count = 0;
};

// The tie the fields hold; throws DataError, positioned at the offending field, when they are
// not "source target [weight]".
TieLine to_tie(const SourceTextPtr& source, const Fields& fields);

} // namespace edge_list_detail

// Calls on_tie(const TieLine&) for every tie, in file order. Throws DataError at the first
// malformed line, positioned at the offending field. A template, so that the millions of calls
// of a large edge list are inlined. [begin, end) limits the scan to whole lines of the text.
template <class OnTie>
void scan_edge_list(const SourceTextPtr& source, OnTie&& on_tie, std::size_t begin = 0, std::size_t end = std::string_view::npos) {
    using edge_list_detail::separator;
    const std::string_view text = source->content();
    const std::size_t size = std::min(end, text.size());
    std::size_t line_start = begin;
    edge_list_detail::Fields f;
    while (line_start < size) {
        auto line_end = text.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = size;
        f.count = 0;
        std::size_t i = line_start;
        while (i < line_end) {
            while (i < line_end && separator(text[i])) ++i;
            if (i >= line_end) break;
            const std::size_t start = i;
            while (i < line_end && !separator(text[i])) ++i;
            if (f.count < 4) f.field[f.count] = text.substr(start, i - start), f.at[f.count] = start;
            ++f.count;
            if (f.count == 1 && (text[start] == '#' || text[start] == '%')) break; // a comment
        }
        const bool comment = f.count == 1 && (f.field[0][0] == '#' || f.field[0][0] == '%');
        if (f.count == 2) {
            on_tie(TieLine{f.field[0], f.field[1], std::nullopt, f.at[0]});
        } else if (f.count > 0 && !comment) {
            on_tie(edge_list_detail::to_tie(source, f));
        }
        line_start = line_end + 1;
    }
}

} // namespace tg
