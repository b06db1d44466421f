#include "io/edge_list_scan.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <string>

namespace tg {

namespace {

[[noreturn]] void fail(const SourceTextPtr& source, std::size_t offset, std::string code, std::string message, std::string hint) {
    throw DataError({{Severity::error, source, {}, offset, 1, std::move(code), std::move(message), std::move(hint)}});
}

bool separator(char c) { return c == ' ' || c == '\t' || c == '\r' || c == ','; }

} // namespace

void scan_edge_list(const SourceTextPtr& source, const std::function<void(const TieLine&)>& on_tie) {
    const std::string_view text = source->content();
    const std::size_t size = text.size();
    std::size_t line_start = 0;
    std::string_view field[4];
    std::size_t at[4] = {};
    while (line_start < size) {
        auto line_end = text.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = size;
        std::size_t count = 0, i = line_start;
        while (i < line_end) {
            while (i < line_end && separator(text[i])) ++i;
            if (i >= line_end) break;
            const std::size_t start = i;
            while (i < line_end && !separator(text[i])) ++i;
            if (count < 4) field[count] = text.substr(start, i - start), at[count] = start;
            ++count;
            if (count == 1 && (text[start] == '#' || text[start] == '%')) break; // a comment
        }
        const bool comment = count == 1 && (field[0][0] == '#' || field[0][0] == '%');
        if (count > 0 && !comment) {
            if (count == 1)
                fail(source, at[0], "edgelist-short-line", "expected \"source target [weight]\", found one name",
                     "each line of an edge list holds one tie");
            if (count > 3)
                fail(source, at[3], "edgelist-long-line", "expected \"source target [weight]\", found " + std::to_string(count) + " fields",
                     "names cannot contain spaces in an edge list; use --input-format csv for such names");
            TieLine tie{field[0], field[1], std::nullopt, at[0]};
            if (count == 3) {
                tie.weight = parse_number(field[2]);
                if (!tie.weight) fail(source, at[2], "bad-weight", "weight \"" + std::string(field[2]) + "\" is not a number", {});
            }
            on_tie(tie);
        }
        line_start = line_end + 1;
    }
}

} // namespace tg
