#include "cli/query_runner.hpp"

#include "cli/parameter_words.hpp"
#include "core/error.hpp"
#include "core/output.hpp"
#include "core/text.hpp"
#include "io/json_writer.hpp"
#include "query/clause_words.hpp"
#include "query/evidence.hpp"
#include "query/result_writer.hpp"
#include "render/graphviz_drawings.hpp"

namespace tg::cli {

namespace {

// A parameter the library names, in the query's words: its clause, or the flag for a parameter
// no clause sets (how threatgraph was started).
std::string query_words(std::string_view parameter) {
    const auto clause = query::clause_words(parameter);
    return clause.empty() ? flag_words(parameter) : std::string(clause);
}

} // namespace

QueryRunner::QueryRunner(Context& context, std::string out_dir)
    : context_(context), executor_(context.graph(), {context.origin(), std::move(out_dir), context.hooks(), graphviz_drawings()}) {}

std::string QueryRunner::run_statement(const query::BoundStatement& b) {
    return query::write_result(context_.graph(), executor_.run(b), context_.format(), query_words,
                               [&]() -> Passages& { return context_.passages(); });
}

std::vector<std::string> QueryRunner::selection_names() const { return executor_.selection_names(); }

std::string QueryRunner::format(const std::vector<Result>& results) const {
    if (context_.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_array();
        for (const auto& r : results) {
            json.begin_object().key("statement").value(r.statement->text);
            if (results.front().query != results.back().query) json.key("file").value(r.query->source->name());
            json.key("line").value(r.query->source->position(r.statement->statement->begin).line).key("result");
            if (r.output.empty() || (r.output[0] != '{' && r.output[0] != '['))
                json.value(r.output);
            else
                json.document(r.output);
            json.end_object();
        }
        json.end_array();
        return json.str();
    }
    std::string out;
    for (const auto& r : results) {
        if (context_.format() == OutputFormat::text) out += (out.empty() ? "" : "\n") + std::string("-- ") + r.statement->text + "\n";
        out += r.output;
        if (context_.format() == OutputFormat::csv && !r.output.empty()) out += "\n";
    }
    return out;
}

std::string QueryRunner::run(const std::vector<const query::BoundQuery*>& queries, std::string* partial) {
    std::vector<Result> results;
    for (const auto* query : queries)
        for (std::size_t i = 0; i < query->statements.size(); ++i) {
            const auto& b = query->statements[i];
            const auto stop = [&](std::vector<Diagnostic> diagnostics) {
                if (partial) *partial = format(results); // what ran before is not lost
                throw DataError("the query stopped at statement " + std::to_string(i + 1) + " of " + query->source->name(),
                                std::move(diagnostics));
            };
            std::string output;
            try {
                output = run_statement(b);
            } catch (const DataError& e) {
                auto diagnostics = e.diagnostics();
                diagnostics.insert(diagnostics.begin(), Diagnostic{Severity::error,
                                                                   query->source,
                                                                   {},
                                                                   b.statement->offset,
                                                                   b.statement->length,
                                                                   "query-run",
                                                                   to_upper_ascii(b.spec->verb) + " failed: " + e.message(query_words),
                                                                   e.hint(query_words)});
                stop(std::move(diagnostics));
            } catch (const Error& e) {
                stop({{Severity::error,
                       query->source,
                       {},
                       b.statement->offset,
                       b.statement->length,
                       "query-run",
                       to_upper_ascii(b.spec->verb) + " failed: " + e.message(query_words),
                       e.hint(query_words)}});
            }
            results.push_back({query, &b, std::move(output)});
        }
    return format(results);
}

} // namespace tg::cli
