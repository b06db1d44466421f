#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/text.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <functional>
#include <new>
#include <ostream>

namespace tg::cli {

namespace {

void print_error(std::ostream& err, const std::string& message, const std::string& hint) {
    err << "threatgraph: error: " << message << '\n';
    if (!hint.empty()) err << "hint: " << hint << '\n';
}

} // namespace

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
    CLI::App app{"threatgraph: build, check and question knowledge graphs of transnational threat networks", "threatgraph"};
    app.set_version_flag("--version", std::string("threatgraph ") + TG_VERSION);
    app.require_subcommand(1, 1);
    app.fallthrough();

    GlobalOptions options;
    app.add_option("--data", options.data, "graph-data folder (default: $THREATGRAPH_DATA, ./graph-data, or the installed data)")
        ->type_name("DIR");
    app.add_option("--input", options.input, "analyze this network file instead of graph-data")->type_name("FILE");
    app.add_option("--input-format", options.input_format, "format of --input: json, graphml, csv, edgelist, matrix (default: from the file)")
        ->type_name("FORMAT");
    app.add_option("--nodes", options.nodes, "CSV of nodes (id, name, attributes) for a CSV edge list")->type_name("FILE");
    app.add_flag("--undirected", options.undirected, "treat --input as undirected: a b and b a are one tie");
    app.add_option("--self-loops", options.self_loops, "keep or drop ties from a node to itself in --input (default: keep)")
        ->type_name("keep|drop");
    app.add_option("--merge", options.merge, "weight of a tie listed more than once: first, last, sum, max (default: first)")
        ->type_name("RULE");
    app.add_option("--sources", options.sources, "folder with the source texts, to check evidence and print exact passages")
        ->type_name("DIR");
    app.add_option("--format", options.format, "output: text, json or csv (default: text)")->type_name("FORMAT");
    app.add_option("-o,--output", options.output, "write the result to PATH instead of standard output")->type_name("PATH");

    std::function<int(Context&)> command;

    auto* validate = app.add_subcommand("validate", "check graph-data (or --input) and report every problem; exit 1 if any");
    validate->callback([&] { command = run_validate; });

    auto* info = app.add_subcommand("info", "counts by kind and relation type, sources, density, components");
    info->callback([&] { command = run_info; });

    ShowArgs show_args;
    auto* show = app.add_subcommand("show", "an entity's kind, aliases, attributes and every relation with its evidence");
    show->add_option("entity", show_args.entity, "an id, a name or an alias")->required()->type_name("ENTITY");
    show->callback([&] { command = [&](Context& c) { return run_show(c, show_args); }; });

    SearchArgs search_args;
    auto* search = app.add_subcommand("search", "ranked fuzzy matches over names and aliases; exit 1 if none");
    search->add_option("text", search_args.text, "what to look for")->required()->type_name("TEXT");
    search->add_option("--limit", search_args.limit, "at most this many results (default: 10)")->type_name("N");
    search->callback([&] { command = [&](Context& c) { return run_search(c, search_args); }; });

    for (auto* sub : {validate, info, show, search}) sub->fallthrough();

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, out, err);
    } catch (const CLI::ParseError& e) {
        // A mistyped command leaves its name unparsed: say so, with the closest command.
        std::vector<std::string> names;
        for (const auto* sub : app.get_subcommands({})) names.push_back(sub->get_name());
        for (const auto& word : app.remaining()) {
            if (word.empty() || word[0] == '-') continue;
            if (std::find(names.begin(), names.end(), word) != names.end()) break;
            const auto suggestion = did_you_mean(word, names);
            print_error(err, "unknown command \"" + word + "\"",
                        suggestion.empty() ? "commands are " + join_quoted(names) : suggestion);
            return kUsageError;
        }
        std::string message = e.what();
        if (message == "A subcommand is required") message = "a command is required";
        if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z' && !(message.size() > 1 && message[1] >= 'A' && message[1] <= 'Z'))
            message[0] = static_cast<char>(message[0] - 'A' + 'a');
        print_error(err, message, "run 'threatgraph --help' (or 'threatgraph COMMAND --help') for usage");
        return kUsageError;
    }

    try {
        Context context(options, out, err);
        return command(context);
    } catch (const DataError& e) {
        for (const auto& d : e.diagnostics()) err << format_diagnostic(d);
        print_error(err, e.what(), e.hint());
        return kDataError;
    } catch (const QueryError& e) {
        print_error(err, e.what(), e.hint());
        return kDataError;
    } catch (const UsageError& e) {
        print_error(err, e.what(), e.hint());
        return kUsageError;
    } catch (const IoError& e) {
        print_error(err, e.what(), e.hint());
        return kIoError;
    } catch (const InternalError& e) {
        print_error(err, std::string("internal error: ") + e.what(), "please report this with the command that caused it");
        return kInternalError;
    } catch (const std::bad_alloc&) {
        print_error(err, "out of memory", "the input may be too large for this machine");
        return kInternalError;
    } catch (const std::exception& e) {
        print_error(err, std::string("internal error: ") + e.what(), "please report this with the command that caused it");
        return kInternalError;
    }
}

} // namespace tg::cli
