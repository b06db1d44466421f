#include "io/edge_list_scan.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <string>

namespace tg::edge_list_detail {

namespace {

[[noreturn]] void fail(const SourceTextPtr& source, std::size_t offset, std::string code, std::string message, std::string hint) {
    throw DataError({{Severity::error, source, {}, offset, 1, std::move(code), std::move(message), std::move(hint)}});
}

} // namespace

TieLine to_tie(const SourceTextPtr& source, const Fields& f) {
    if (f.count == 1)
        fail(source, f.at[0], "edgelist-short-line", "expected \"source target [weight]\", found one name",
             "each line of an edge list holds one tie");
    if (f.count > 3)
        fail(source, f.at[3], "edgelist-long-line", "expected \"source target [weight]\", found " + std::to_string(f.count) + " fields",
             "names cannot contain spaces in an edge list; use --input-format csv for such names");
    TieLine tie{f.field[0], f.field[1], std::nullopt, f.at[0]};
    if (f.count == 3) {
        tie.weight = parse_number(f.field[2]);
        if (!tie.weight) fail(source, f.at[2], "bad-weight", "weight \"" + std::string(f.field[2]) + "\" is not a number", {});
    }
    return tie;
}

} // namespace tg::edge_list_detail
