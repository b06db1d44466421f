#include "cli/context.hpp"

#include "core/error.hpp"
#include "io/file_guard.hpp"
#include "io/graph_data_loader.hpp"
#include "io/source_texts.hpp"
#include "io/text_file.hpp"
#include "query/evidence.hpp"

#include <cstdlib>
#include <ostream>

#include <unistd.h>

namespace tg::cli {

// Every --input format by name, the last after `last` (", or" for a sentence, ", " for a list).
std::string format_choices(const std::string& last) {
    const auto names = network_format_names();
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : i + 1 == names.size() ? last : ", ") + names[i];
    return out;
}

Context::Context(GlobalOptions options, std::ostream& out, std::ostream& err)
    : options_(std::move(options)), out_(out), err_(err), err_is_terminal_(::isatty(STDERR_FILENO) != 0), bar_(err, err_is_terminal_) {
    if (options_.format == "json")
        format_ = OutputFormat::json;
    else if (options_.format == "csv")
        format_ = OutputFormat::csv;
    else if (options_.format != "text")
        throw UsageError("unknown --format \"" + options_.format + "\"", "use text, json or csv");
    if (!using_input() && (!options_.input_format.empty() || !options_.nodes.empty() || options_.undirected))
        throw UsageError("--input-format, --nodes and --undirected describe a network given with --input",
                         "add --input FILE, or leave them out to use graph-data");
    if (using_input() && !options_.data.empty()) throw UsageError("--data and --input both name a graph", "use one of them");
    // $THREATGRAPH_SOURCES stands for --sources: validate checks the texts it names too.
    if (options_.sources.empty())
        if (const char* env = std::getenv("THREATGRAPH_SOURCES"); env && *env) options_.sources = env;
    // Inputs the options name are never overwritten, whether this command reads them or not.
    for (const auto& path : {options_.input, options_.nodes, options_.sources}) note_input(path);
    if (!using_input()) note_input(data_dir());
}

Context::~Context() = default;

std::string Context::data_dir() const {
    if (!options_.data.empty()) return options_.data;
    if (const char* env = std::getenv("THREATGRAPH_DATA"); env && *env) return env;
    if (is_directory("graph-data")) return "graph-data";
#ifdef TG_INSTALLED_DATA
    if (is_directory(TG_INSTALLED_DATA)) return TG_INSTALLED_DATA;
#endif
    return "graph-data";
}

const KnowledgeGraph& Context::graph() {
    if (graph_) return *graph_;
    if (using_input()) {
        NetworkOptions n;
        n.path = options_.input;
        if (!options_.input_format.empty()) {
            n.format = parse_network_format(options_.input_format);
            if (!n.format) throw UsageError("unknown --input-format \"" + options_.input_format + "\"", "use " + format_choices(" or "));
        }
        n.nodes_path = options_.nodes;
        n.undirected = options_.undirected;
        if (options_.self_loops == "drop")
            n.self_loops = SelfLoops::drop;
        else if (options_.self_loops != "keep")
            throw UsageError("unknown --self-loops \"" + options_.self_loops + "\"", "use keep or drop");
        const auto merge = parse_merge_rule(options_.merge);
        if (!merge) throw UsageError("unknown --merge \"" + options_.merge + "\"", "use first, last, sum or max");
        n.merge = *merge;
        progress("reading " + n.path + " ...");
        network_ = read_network(n);
        report(network_->notices);
        graph_ = std::move(network_->graph);
        return *graph_;
    }
    std::vector<Diagnostic> warnings;
    const auto dir = data_dir();
    progress("loading " + dir + " ...");
    auto check = check_graph_data(dir, options_.sources);
    if (!check.graph) throw DataError(std::move(check.diagnostics));
    report(check.diagnostics);
    graph_ = std::move(check.graph);
    return *graph_;
}

Passages& Context::passages() {
    if (passages_) return *passages_;
    const auto& g = graph();
    std::string dir = options_.sources;
    if (dir.empty() && !using_input() && !options_.no_quotes) dir = discover_source_folder(data_dir(), g.sources());
    passages_ = std::make_unique<Passages>(g, options_.no_quotes ? std::string() : dir, options_.no_quotes);
    return *passages_;
}

void Context::emit(const std::string& text) {
    if (options_.output.empty() || options_.output == "-") {
        out_ << text;
        out_.flush();
        return;
    }
    write_file_atomically(options_.output, text);
}

void Context::report(const std::vector<Diagnostic>& diagnostics) {
    if (!diagnostics.empty()) bar_.clear();
    for (const auto& d : diagnostics) err_ << format_diagnostic(d);
}

void Context::progress(const std::string& line) {
    bar_.clear();
    if (err_is_terminal_) err_ << line << '\n';
}

query::RunHooks Context::hooks() {
    return {meter(), [this](const std::string& line) { progress(line); },
            [this](const std::string& note) { err_ << "threatgraph: note: " << note << "\n"; },
            [this](const std::string& line) { err_ << "threatgraph: " << line << "\n"; }};
}

query::GraphOrigin Context::origin() {
    graph();
    if (!network_) return {data_dir(), "", 0};
    return {options_.input, network_format_name(network_->format), network_->merged_ties};
}

ProgressMeter Context::meter() {
    return [this](const std::string& task, std::size_t done, std::size_t total) { bar_.update(task, done, total); };
}

} // namespace tg::cli
