// `query`: query files, an expression, or an interactive prompt, parsed and bound in full before
// anything runs.
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/line_editor.hpp"
#include "cli/query_runner.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/text_file.hpp"
#include "query/binder.hpp"
#include "query/statements.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>

namespace tg::cli {

namespace {

struct Compiled {
    query::QueryFile file; // the statements the bound query points into
    query::BoundQuery bound;
};

std::unique_ptr<Compiled> compile(const SourceTextPtr& source, const KnowledgeGraph& graph, std::vector<Diagnostic>& diagnostics,
                                  const std::vector<std::string>& known = {}) {
    auto c = std::make_unique<Compiled>();
    c->bound = query::compile_query(source, graph, diagnostics, c->file, known);
    return c;
}

// One statement's synopsis: its argument and clauses.
std::string synopsis(const query::StatementSpec& s) {
    std::string out = to_upper_ascii(s.verb);
    if (s.argument != query::Shape::none) out += s.argument_required ? " <" + s.argument_help + ">" : " [" + s.argument_help + "]";
    for (const auto& c : s.clauses) {
        const bool required = std::find(s.required.begin(), s.required.end(), c.keyword) != s.required.end();
        std::string clause = to_upper_ascii(c.keyword);
        if (c.shape == query::Shape::one) clause += " x";
        if (c.shape == query::Shape::list) clause += " x, ...";
        if (c.shape == query::Shape::expression) clause += " filter";
        out += required ? " " + clause : " [" + clause + "]";
    }
    return out;
}

std::string help(const std::string& topic) {
    if (topic.empty()) {
        std::string out = "statements (help NAME for one):\n";
        for (const auto& s : query::statement_specs())
            out += "  " + to_upper_ascii(s.verb) + std::string(16 - std::min<std::size_t>(15, s.verb.size()), ' ') + s.summary + "\n";
        return out + "also: LET name = SELECT|FIND|NEIGHBORS|PATHS|CONNECT ...  makes a selection for IN; history; !N; quit\n";
    }
    const auto* s = query::find_statement(to_lower_ascii(topic));
    if (!s) return "no statement \"" + topic + "\"; type help for the list\n";
    std::string out = synopsis(*s) + "\n  " + s->summary + "\n";
    for (const auto& c : s->clauses)
        out += "  " + to_upper_ascii(c.keyword) + ": " + c.help + (c.choices.empty() ? "" : " (" + join_quoted(c.choices, 10) + ")") + "\n";
    return out + "example: " + s->example + "\n";
}

// What Tab completes at the prompt: the statements, their clauses and choices, the graph's kinds
// and relation types, the selections made so far, and every entity's name in quotes.
std::vector<std::string> prompt_words(const KnowledgeGraph& graph, const QueryRunner& runner) {
    std::vector<std::string> words{"LET", "AND", "OR", "NOT", "help", "history", "quit"};
    const auto add_words = [&](const std::string& phrase) {
        for (const auto& word : split_words(to_upper_ascii(phrase))) words.push_back(word);
    };
    for (const auto& s : query::statement_specs()) {
        add_words(s.verb);
        for (const auto& c : s.clauses) {
            add_words(c.keyword);
            for (const auto& choice : c.choices) words.push_back(choice);
        }
    }
    for (const auto& kind : graph.ontology().kind_ids()) words.push_back(kind);
    for (const auto& type : graph.ontology().relation_type_ids()) words.push_back(type);
    for (const auto& name : runner.selection_names()) words.push_back(name);
    for (std::size_t e = 0; e < graph.entity_count(); ++e) words.push_back("\"" + std::string(graph.entity(e).name()) + "\"");
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

// The prompt: one statement per line; LET selections last for the session.
int prompt(Context& context, QueryRunner& runner, std::istream& in, std::ostream& out) {
    const auto& graph = context.graph();
    LineEditor editor(in, out, query_history_file(), [&] { return prompt_words(graph, runner); });
    out << "threatgraph query: one statement per line; help, help NAME, history, !N, quit"
        << (editor.editing() ? "; Up recalls, Tab completes" : "") << "\n";
    std::vector<std::string> history;
    while (const auto line = editor.read("tg> ")) {
        std::string text(trim(*line));
        editor.remember(text);
        // !N runs line N of the history again.
        if (!text.empty() && text[0] == '!') {
            const auto n = parse_number(text.substr(1));
            if (!n || *n < 1 || *n > static_cast<double>(history.size()) || std::floor(*n) != *n) {
                out << "no line " << text.substr(1) << " in the history (history lists them)\n";
                continue;
            }
            text = history[static_cast<std::size_t>(*n) - 1];
            out << text << "\n";
        }
        if (text.empty() || text[0] == '#') continue;
        const auto lower = to_lower_ascii(text);
        if (lower == "quit" || lower == "exit") break;
        if (lower == "help" || starts_with(lower, "help ")) {
            out << help(std::string(trim(text.substr(4))));
            continue;
        }
        if (lower == "history") {
            for (std::size_t i = 0; i < history.size(); ++i) out << "  " << i + 1 << "  " << history[i] << "\n";
            continue;
        }
        history.push_back(text);
        std::vector<Diagnostic> diagnostics;
        const auto source = std::make_shared<SourceText>("prompt", text + "\n");
        auto compiled = compile(source, graph, diagnostics, runner.selection_names());
        if (count_errors(diagnostics) > 0) {
            for (const auto& d : diagnostics) out << format_diagnostic(d);
            continue;
        }
        std::string partial;
        try {
            out << runner.run({&compiled->bound}, &partial);
        } catch (const DataError& e) {
            out << partial;
            for (const auto& d : e.diagnostics()) out << format_diagnostic(d);
        } catch (const std::exception& e) {
            out << "error: " << e.what() << "\n"; // the session goes on
        }
    }
    out << "\n";
    return kOk;
}

// A query piped in, up to a size no query needs (`yes | threatgraph query` would otherwise read
// until memory runs out).
std::string query_from_stdin() {
    constexpr std::size_t kMostBytes = std::size_t{16} << 20;
    std::string text;
    char buffer[1 << 16];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
        if (text.size() > kMostBytes)
            throw UsageError("more than 16 MB of query text arrived on standard input without its end",
                             "a query is a few lines; write it to a file and pass the file");
    }
    return text;
}

} // namespace

int run_query(Context& context, const QueryArgs& args) {
    const auto& graph = context.graph();
    QueryRunner runner(context, args.out_dir);
    const bool from_stdin = args.files.empty() && !args.has_expression;
    if (args.interactive || (from_stdin && ::isatty(STDIN_FILENO))) return prompt(context, runner, std::cin, context.out());

    std::vector<SourceTextPtr> sources;
    std::vector<Diagnostic> diagnostics;
    for (const auto& path : args.files) sources.push_back(read_text_source(path, diagnostics));
    if (args.has_expression) sources.push_back(std::make_shared<SourceText>("-e", args.expression));
    if (from_stdin) sources.push_back(text_source("<stdin>", query_from_stdin(), diagnostics));
    // Every file parsed and bound before anything runs: all mistakes at once. A file may use the
    // selections the files before it make.
    std::vector<std::unique_ptr<Compiled>> queries;
    std::vector<std::string> known;
    for (const auto& source : sources) {
        queries.push_back(compile(source, graph, diagnostics, known));
        for (const auto& s : queries.back()->file.statements)
            if (!s.assign_to.empty()) known.push_back(s.assign_to);
    }
    // In the order of the files given, and of the text in each.
    const auto file_index = [&](const Diagnostic& d) {
        return static_cast<std::size_t>(std::find(sources.begin(), sources.end(), d.source) - sources.begin());
    };
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        return file_index(a) != file_index(b) ? file_index(a) < file_index(b) : a.offset < b.offset;
    });
    if (count_errors(diagnostics) > 0) throw DataError("the query has " + diagnostic_counts(diagnostics) + "; nothing ran", diagnostics);
    context.report(diagnostics);
    std::size_t statements = 0;
    for (const auto& q : queries) statements += q->bound.statements.size();
    if (statements == 0) context.err() << "threatgraph: note: the query holds no statement; nothing ran\n";
    std::vector<const query::BoundQuery*> bound;
    for (const auto& q : queries) bound.push_back(&q->bound);
    std::string partial;
    try {
        context.emit(runner.run(bound, &partial));
    } catch (const DataError&) {
        context.emit(partial); // what ran before the failure is printed, as its files were written
        throw;
    }
    return kOk;
}

} // namespace tg::cli
