#include "cli/query_runner.hpp"

#include "analysis/paths.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parameter_words.hpp"
#include "core/error.hpp"
#include "core/output.hpp"
#include "core/text.hpp"
#include "io/file_guard.hpp"
#include "io/json_writer.hpp"
#include "query/clause_words.hpp"
#include "query/result_writer.hpp"

#include <cctype>
#include <cstring>
#include <filesystem>

namespace tg::cli {

namespace {

// The export format a file name asks for.
std::string format_for(const std::string& path) {
    const auto extension = to_lower_ascii(std::filesystem::path(path).extension().string());
    if (extension == ".json") return "json";
    if (extension == ".graphml") return "graphml";
    if (extension == ".gexf") return "gexf";
    if (extension == ".dot" || extension == ".gv") return "dot";
    if (extension == ".cypher" || extension == ".cql") return "cypher";
    throw UsageError("cannot tell the export format of \"" + path + "\"",
                     "end the name in .json, .graphml, .gexf, .dot or .cypher, or add AS FORMAT");
}

// A parameter the library names, in the query's words: its clause, or the flag for a parameter
// no clause sets (how threatgraph was started).
std::string query_words(std::string_view parameter) {
    const auto clause = query::clause_words(parameter);
    return clause.empty() ? flag_words(parameter) : std::string(clause);
}

// A message in the query's words: the library's parameters by their clauses, and the flags the
// CLI's own messages name ("--max-hops" is the clause MAX HOPS here), by the same two tables.
std::string in_query_words(const std::string& text) {
    std::string out = spell_parameters(text, query_words);
    for (const auto& [parameter, flag] : parameter_flags()) {
        const auto clause = query::clause_words(parameter);
        if (clause.empty()) continue;
        for (auto at = out.find(flag); at != std::string::npos; at = out.find(flag, at + 1)) {
            const auto end = at + flag.size();
            if (end < out.size() && (std::isalnum(static_cast<unsigned char>(out[end])) || out[end] == '-')) continue; // a longer flag
            out.replace(at, flag.size(), clause);
        }
    }
    return out;
}

} // namespace

std::string QueryRunner::file(const query::BoundStatement& b, const std::string& keyword) const {
    return (std::filesystem::path(out_dir_) / b.value(keyword)).string();
}

std::string QueryRunner::run_statement(const query::BoundStatement& b) {
    const auto& verb = b.spec->verb;
    std::string out;
    context_.capture_output(&out);
    struct Release {
        Context& c;
        ~Release() { c.capture_output(nullptr), c.redirect_output({}); }
    } release{context_};
    // EXPORT, RENDER and CHART write inside the output folder, through no symbolic link.
    const ConfinedOutputs confined(out_dir_);
    const auto& graph = context_.graph();

    if (query::Executor::runs(b))
        return query::write_result(graph, executor_.run(b), context_.format(), query_words,
                                   [&]() -> Passages& { return context_.passages(); });
    if (verb == "show") run_show(context_, {b.arguments.front()});
    if (verb == "summary") run_info(context_);
    if (verb == "paths") {
        PathsArgs a;
        a.from = b.value("from");
        a.to = b.value("to");
        a.k = b.count("k", 1);
        a.max_hops = std::min<std::size_t>(b.count("max hops", 0), graph.entity_count()); // no path has more hops
        a.all = b.has("all");
        a.cap = b.count("cap", 100);
        a.direction = b.value("direction", "out");
        if (b.has("through")) a.through = b.values.at("through");
        a.view = executor_.view_request(b);
        run_paths(context_, a);
    }
    if (verb == "disrupt") {
        DisruptArgs a;
        if (b.has("strategy")) a.strategies = b.values.at("strategy");
        a.remove = b.value("remove", "entities");
        if (b.has("targets")) a.targets = b.values.at("targets");
        if (b.has("steps")) a.steps = b.count("steps", 10);
        a.seeds = b.count("seeds", 10);
        a.seed = b.count("seed", 0);
        a.samples = b.count("samples", 0);
        if (b.has("chart")) a.chart = file(b, "chart");
        a.view = executor_.view_request(b);
        run_disrupt(context_, a);
    }
    if (verb == "export") {
        ExportArgs a;
        a.to = b.has("as") ? b.value("as") : format_for(b.value("to"));
        a.view = executor_.view_request(b);
        context_.redirect_output(file(b, "to"));
        run_export(context_, a);
        context_.redirect_output({});
        out += "wrote " + file(b, "to") + "\n";
    }
    if (verb == "render") {
        RenderArgs a;
        a.path = file(b, "to");
        a.layout = b.value("layout", "auto");
        a.title = b.value("title");
        if (b.has("highlight")) a.highlight = b.values.at("highlight");
        if (b.has("path")) a.paths = {b.values.at("path").at(0) + "--" + b.values.at("path").at(1)};
        a.size_by = b.value("size by");
        a.cluster_by = b.value("cluster by");
        a.view = executor_.view_request(b);
        run_render(context_, a);
        out += "wrote " + a.path + "\n";
    }
    return out;
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
                diagnostics.insert(diagnostics.begin(),
                                   Diagnostic{Severity::error,
                                              query->source,
                                              {},
                                              b.statement->offset,
                                              b.statement->length,
                                              "query-run",
                                              to_upper_ascii(b.spec->verb) + " failed: " + in_query_words(e.message(query_words)),
                                              in_query_words(e.hint(query_words))});
                stop(std::move(diagnostics));
            } catch (const Error& e) {
                stop({{Severity::error,
                       query->source,
                       {},
                       b.statement->offset,
                       b.statement->length,
                       "query-run",
                       to_upper_ascii(b.spec->verb) + " failed: " + in_query_words(e.message(query_words)),
                       in_query_words(e.hint(query_words))}});
            }
            results.push_back({query, &b, std::move(output)});
        }
    return format(results);
}

} // namespace tg::cli
