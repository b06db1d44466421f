#pragma once
// What every command shares: the global options, the graph they name (graph-data or a network
// brought with --input, loaded once), and where output goes.
#include "cli/progress_bar.hpp"
#include "core/diagnostic.hpp"
#include "core/output.hpp"
#include "io/network_reader.hpp"
#include "model/knowledge_graph.hpp"
#include "query/results.hpp"
#include "query/run_hooks.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tg {
class Passages;
}

namespace tg::cli {

struct GlobalOptions {
    std::string data;
    std::string input;
    std::string input_format;
    std::string nodes;
    bool undirected = false;
    std::string self_loops = "keep";
    std::string merge = "first";
    std::string sources;
    bool no_quotes = false;
    std::string format = "text";
    std::string output;
};

// Every --input format by name, as help and messages list them: "json, graphml, ..." with `last`
// before the final one (" or " in a sentence, ", " in a list).
std::string format_choices(const std::string& last);

class Context {
public:
    Context(GlobalOptions options, std::ostream& out, std::ostream& err);
    ~Context();

    const GlobalOptions& options() const { return options_; }
    OutputFormat format() const { return format_; }
    bool using_input() const { return !options_.input.empty(); }

    // The graph-data folder the options name: --data, $THREATGRAPH_DATA, ./graph-data, or the
    // data installed with the binary.
    std::string data_dir() const;
    // Loads on first use; throws DataError with every diagnostic when the data is invalid.
    const KnowledgeGraph& graph();
    // Set once graph() read a network with --input.
    const NetworkImport* network() const { return network_ ? &*network_ : nullptr; }

    // The exact passages behind evidence, from the folder of source texts: --sources, else
    // $THREATGRAPH_SOURCES, else the one found beside graph-data (see discover_source_folder).
    // Loads the graph.
    Passages& passages();

    // Writes the command's result to -o PATH (atomically) or to standard output.
    void emit(const std::string& text);
    // Warnings and notes go to standard error; they never mix with the result.
    void report(const std::vector<Diagnostic>& diagnostics);
    // A progress line on standard error, only when it is a terminal.
    void progress(const std::string& line);
    // A meter for a long computation: a bar with the time left, on a terminal only.
    ProgressMeter meter();
    // The meter, progress lines, notes ("threatgraph: note: ...") and files written
    // ("threatgraph: chart written to ...") for the query layer.
    query::RunHooks hooks();
    // Where the graph came from: the graph-data folder, or the network file and its format.
    // Loads the graph.
    query::GraphOrigin origin();

    std::ostream& err() { return err_; }
    // Standard output, for commands whose -o names something other than their report.
    std::ostream& out() { return out_; }

private:
    GlobalOptions options_;
    OutputFormat format_ = OutputFormat::text;
    std::ostream& out_;
    std::ostream& err_;
    bool err_is_terminal_ = false;
    ProgressBar bar_;
    std::unique_ptr<KnowledgeGraph> graph_;
    std::optional<NetworkImport> network_;
    std::unique_ptr<Passages> passages_;
};

} // namespace tg::cli
