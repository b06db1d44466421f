#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "core/output.hpp"
#include "core/error.hpp"
#include "io/json_writer.hpp"

namespace tg::cli {

int run_search(Context& context, const SearchArgs& args) {
    if (args.limit == 0) throw UsageError("--limit must be at least 1");
    const auto& graph = context.graph();
    const auto matches = graph.aliases().search(args.text, args.limit);

    if (context.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("query").value(args.text).key("results").begin_array();
        for (const auto& m : matches) {
            const auto& e = graph.entity(m.entity);
            json.begin_object().key("id").value(e.id()).key("name").value(e.name()).key("kind").value(e.kind());
            json.key("matched").value(m.matched).key("score").value(m.score).end_object();
        }
        json.end_array().end_object();
        context.emit(json.str());
    } else if (context.format() == OutputFormat::csv) {
        std::string out = csv_row({"rank", "id", "name", "kind", "matched", "score"});
        std::size_t rank = 0;
        for (const auto& m : matches) {
            const auto& e = graph.entity(m.entity);
            out += csv_row({std::to_string(++rank), std::string(e.id()), std::string(e.name()), e.kind(), m.matched, format_exact(m.score)});
        }
        context.emit(out);
    } else {
        if (matches.empty()) {
            context.emit("no entity matches \"" + args.text + "\"\n");
        } else {
            TextTable table({"score", "id", "name", "kind", "matched"});
            for (const auto& m : matches) {
                const auto& e = graph.entity(m.entity);
                const auto* kind = graph.ontology().kind(e.kind());
                table.add({format_number(m.score, 2), std::string(e.id()), std::string(e.name()), kind ? kind->label : e.kind(), m.matched == std::string(e.name()) ? "" : m.matched});
            }
            context.emit(table.str());
        }
    }
    // Like grep: 1 when nothing matched, so scripts can tell.
    return matches.empty() ? kDataError : kOk;
}

} // namespace tg::cli
