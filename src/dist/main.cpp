// threatgraph-dist: the analyses of threatgraph on a network spread over processes, for networks
// larger than one machine. Started under mpirun, every process reads its share of the edge
// list, the node labels are numbered across processes, each tie goes to the process that owns
// its source, and the Parallel Boost Graph Library runs the analysis; process 0 gathers the
// rows to print and prints them as `threatgraph --input FILE COMMAND` does.
//
//   mpirun -np 4 threatgraph-dist --input calls.tsv centrality --measure pagerank --top 10
#include "command_line/help_format.hpp"
#include "core/error.hpp"
#include "core/output.hpp"
#include "dist/distributed_measures.hpp"
#include "dist/edge_share.hpp"
#include "dist/exchange.hpp"
#include "dist/numbering.hpp"
#include "io/file_guard.hpp"
#include "io/json_writer.hpp"
#include "io/text_file.hpp"
#include "model/knowledge_graph.hpp"
#include "query/result_writer.hpp"

#include <CLI/CLI.hpp>
#include <mpi.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

namespace tg::dist {

namespace {

struct Arguments {
    std::string command, input, format = "text", output, measure = "pagerank";
    bool undirected = false, stats = false;
    std::size_t top = 0;
    double alpha = 0.85;
};

// One row of a ranking: a node's label and score.
struct Row {
    std::string id;
    double score = 0;
};

// This process's peak resident memory.
long peak_megabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

bool before(const Row& a, const Row& b) { return a.score != b.score ? a.score > b.score : a.id < b.id; }

// The rows every process holds, on process 0 (the top `top` of each when top is not 0).
std::vector<Row> gather_rows(Exchange& exchange, std::vector<Row> rows, std::size_t top) {
    if (top && rows.size() > top) {
        std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(top), rows.end(), before);
        rows.resize(top);
    }
    std::vector<std::vector<std::string>> labels(static_cast<std::size_t>(exchange.ranks()));
    std::vector<std::vector<double>> scores(static_cast<std::size_t>(exchange.ranks()));
    for (auto& row : rows) {
        labels[0].push_back(std::move(row.id));
        scores[0].push_back(row.score);
    }
    const auto got_labels = exchange.all_to_all(labels);
    const auto got_scores = exchange.all_to_all(scores);
    std::vector<Row> all;
    for (std::size_t r = 0; r < got_labels.size(); ++r)
        for (std::size_t i = 0; i < got_labels[r].size(); ++i) all.push_back({got_labels[r][i], got_scores[r][i]});
    std::sort(all.begin(), all.end(), before);
    if (top && all.size() > top) all.resize(top);
    return all;
}

// A run's counts, in every process, summed or the largest.
struct Totals {
    std::uint64_t ties = 0, merged = 0, self_loops = 0, bytes = 0;
};

// The problem with the file that comes first in it, told by every process alike.
void stop_at_first_problem(Exchange& exchange, const std::string& path, const EdgeShare& share) {
    std::uint64_t lines_before = 0;
    MPI_Exscan(&share.lines, &lines_before, 1, MPI_UINT64_T, MPI_SUM, exchange.comm());
    if (exchange.rank() == 0) lines_before = 0;
    const std::uint64_t none = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t line = share.problem.empty() ? none : lines_before + share.problem_line;
    std::uint64_t first = line;
    MPI_Allreduce(&line, &first, 1, MPI_UINT64_T, MPI_MIN, exchange.comm());
    if (first == none) return;
    // The process whose problem it is tells process 0, which says it.
    std::vector<std::vector<std::string>> say(static_cast<std::size_t>(exchange.ranks()));
    if (line == first) say[0].push_back(share.problem);
    const auto heard = exchange.all_to_all(say);
    std::string message;
    for (const auto& from : heard)
        if (!from.empty()) message = from.front();
    throw DataError(path + ":" + std::to_string(first) + ": " + message, "every line is \"source target [weight]\"");
}

// What every command starts from: this process's share read, labels numbered, its ties in place.
struct Loaded {
    EdgeShare share;
    Numbering numbering;
    OwnTies ties;
    std::uint64_t ties_total = 0, merged = 0, self_loops = 0; // over every process
    std::uint64_t bytes_numbering = 0, bytes_ties = 0;
};

Loaded load(Exchange& exchange, const Arguments& args) {
    Loaded out;
    out.share = read_edge_share(args.input, exchange.rank(), exchange.ranks());
    // An output over the input is refused before any work, by every process alike.
    if (!args.output.empty() && args.output != "-" && file_read_as(args.output))
        throw UsageError("refusing to write \"" + args.output + "\": it is the input file",
                         "choose another output path; nothing was written");
    stop_at_first_problem(exchange, args.input, out.share);
    const auto bytes_after_read = exchange.bytes_sent();
    out.numbering = number_labels(exchange, out.share.labels);
    out.bytes_numbering = exchange.bytes_sent() - bytes_after_read;

    // Each tie to the process that owns its source (undirected: its lower end), once.
    const bool directed = !args.undirected;
    std::vector<std::vector<std::uint64_t>> outgoing(static_cast<std::size_t>(exchange.ranks()));
    for (std::size_t i = 0; i < out.share.from.size(); ++i) {
        auto a = out.numbering.global_of[out.share.from[i]], b = out.numbering.global_of[out.share.to[i]];
        if (!directed && b < a) std::swap(a, b);
        auto& to = outgoing[static_cast<std::size_t>(out.numbering.owner(a))];
        to.push_back(a);
        to.push_back(b);
    }
    const auto before_ties = exchange.bytes_sent();
    const auto incoming = exchange.all_to_all(outgoing);
    out.bytes_ties = exchange.bytes_sent() - before_ties;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> pairs;
    for (const auto& from : incoming)
        for (std::size_t i = 0; i + 1 < from.size(); i += 2) pairs.emplace_back(from[i], from[i + 1]);
    std::sort(pairs.begin(), pairs.end());
    const auto listed = pairs.size();
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::uint64_t counts[3] = {pairs.size(), listed - pairs.size(), 0};
    for (const auto& [a, b] : pairs) {
        out.ties.from.push_back(a);
        out.ties.to.push_back(b);
        counts[2] += a == b;
    }
    MPI_Allreduce(MPI_IN_PLACE, counts, 3, MPI_UINT64_T, MPI_SUM, exchange.comm());
    out.ties_total = counts[0], out.merged = counts[1], out.self_loops = counts[2];
    if (exchange.rank() == 0) {
        if (out.numbering.total() == 0) std::cerr << args.input << ": warning: the file holds no nodes [empty-network]\n";
        if (out.merged)
            std::cerr << args.input << ": note: merged " << out.merged << " ties listed more than once"
                      << (directed ? "" : " (a b and b a count as one tie)") << " [merged-ties]\n";
        if (out.self_loops)
            std::cerr << args.input << ": note: kept " << out.self_loops << (out.self_loops == 1 ? " self-loop" : " self-loops")
                      << " [self-loops]\n";
    }
    return out;
}

void report_stats(const Exchange& exchange, const Loaded& loaded, std::uint64_t bytes_after, std::size_t iterations, double seconds,
                  double measure_seconds) {
    // Per process: its share, its nodes and ties, the bytes it sent in each phase (the
    // analysis's own messages go through PBGL and are not counted here).
    std::ostringstream line;
    line << "threatgraph-dist: process " << exchange.rank() << " of " << exchange.ranks() << ": " << loaded.share.bytes << " bytes read, "
         << loaded.numbering.own_labels.size() << " nodes, " << loaded.ties.from.size() << " ties; sent " << loaded.bytes_numbering
         << " bytes numbering labels, " << loaded.bytes_ties << " bytes moving ties, " << exchange.bytes_sent() - bytes_after
         << " bytes gathering; " << iterations << " iterations; " << seconds << " s, of which " << measure_seconds
         << " s building the graph and measuring; peak memory " << peak_megabytes() << " MB\n";
    std::cerr << line.str() << std::flush;
}

// On process 0: to standard output, or to -o PATH atomically (never over the input).
void emit(const Arguments& args, const std::string& text) {
    if (args.output.empty() || args.output == "-") {
        std::cout << text << std::flush;
        return;
    }
    write_file_atomically(args.output, text);
}

OutputFormat format_of(const Arguments& args) {
    return args.format == "json" ? OutputFormat::json : args.format == "csv" ? OutputFormat::csv : OutputFormat::text;
}

int run_centrality(Exchange& exchange, const Arguments& args) {
    const auto started = std::chrono::steady_clock::now();
    const auto loaded = load(exchange, args);
    const bool directed = !args.undirected;
    const auto before_measure = exchange.bytes_sent();
    const auto measure_started = std::chrono::steady_clock::now();
    PagerankOptions options;
    options.alpha = args.alpha;
    const auto measured = distributed_pagerank(exchange, loaded.numbering, loaded.ties, directed, options);
    const auto measure_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - measure_started).count();
    std::vector<Row> rows;
    for (std::size_t i = 0; i < loaded.numbering.own_labels.size(); ++i)
        rows.push_back({loaded.numbering.own_labels[i], measured.scores[i]});
    auto shown = gather_rows(exchange, std::move(rows), args.top);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (args.stats) report_stats(exchange, loaded, before_measure, measured.iterations, seconds, measure_seconds);
    if (exchange.rank() != 0) return measured.converged ? 0 : 1;
    if (!measured.converged && loaded.numbering.total() > 0)
        throw DataError("pagerank did not converge in " + std::to_string(options.max_iterations) + " iterations");
    query::RankingFound found;
    found.measure = args.measure;
    found.lens = "all";
    found.weight = "hops";
    found.directed = directed;
    found.entities = loaded.numbering.total();
    for (auto& row : shown) found.rows.push_back({row.id, row.id, "Node", row.score, {}, {}});
    const KnowledgeGraph none{Ontology{}};
    emit(args, query::write_result(none, query::StatementResult{found}, format_of(args)));
    return 0;
}

// Weak components, in the words and fields of `threatgraph structure` (the part of it that is
// about them).
int run_components(Exchange& exchange, const Arguments& args) {
    const auto started = std::chrono::steady_clock::now();
    const auto loaded = load(exchange, args);
    const bool directed = !args.undirected;
    const auto before_measure = exchange.bytes_sent();
    const auto measure_started = std::chrono::steady_clock::now();
    const auto found = distributed_components(exchange, loaded.numbering, loaded.ties);
    const auto measure_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - measure_started).count();
    // Every node's label and weak component, on process 0.
    std::vector<std::vector<std::string>> labels(static_cast<std::size_t>(exchange.ranks()));
    std::vector<std::vector<std::uint64_t>> weak(static_cast<std::size_t>(exchange.ranks()));
    labels[0] = loaded.numbering.own_labels;
    weak[0] = found.weak;
    const auto all_labels = exchange.all_to_all(labels);
    const auto all_weak = exchange.all_to_all(weak);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (args.stats) report_stats(exchange, loaded, before_measure, 0, seconds, measure_seconds);
    if (exchange.rank() != 0) return 0;

    std::vector<std::vector<std::string>> components(found.weak_count);
    for (std::size_t r = 0; r < all_labels.size(); ++r)
        for (std::size_t i = 0; i < all_labels[r].size(); ++i) components.at(all_weak[r][i]).push_back(all_labels[r][i]);
    for (auto& members : components) std::sort(members.begin(), members.end());
    // Largest first, then by their first member.
    std::sort(components.begin(), components.end(),
              [](const auto& a, const auto& b) { return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front(); });
    const auto n = loaded.numbering.total();
    const auto m = loaded.ties_total;
    const double pairs = static_cast<double>(n) * static_cast<double>(n > 0 ? n - 1 : 0);
    const double density = pairs > 0 ? (directed ? 1.0 : 2.0) * static_cast<double>(m) / pairs : 0.0;
    const std::size_t largest = components.empty() ? 0 : components.front().size();
    const auto format = format_of(args);
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object();
        json.key("entities").value(static_cast<std::size_t>(n));
        json.key("arcs").value(static_cast<std::size_t>(m));
        json.key("directed").value(directed);
        json.key("density").value(density);
        json.key("weak_components").value(static_cast<std::size_t>(found.weak_count));
        json.key("largest_component").value(largest);
        json.key("components").begin_array();
        for (const auto& members : components) {
            json.begin_array();
            for (const auto& id : members) json.value(id);
            json.end_array();
        }
        json.end_array();
        json.end_object();
        emit(args, json.str() + "\n");
    } else if (format == OutputFormat::csv) {
        std::string out = csv_row({"id", "name", "component"});
        for (std::size_t c = 0; c < components.size(); ++c)
            for (const auto& id : components[c]) out += csv_row({id, id, std::to_string(c + 1)});
        emit(args, out);
    } else {
        std::ostringstream out;
        const auto row = [&](const std::string& name, const std::string& value) {
            out << name << std::string(name.size() < 25 ? 25 - name.size() : 1, ' ') << value << "\n";
        };
        row("entities", std::to_string(n));
        row(directed ? "linked pairs (directed)" : "linked pairs", std::to_string(m));
        row("density", format_number(density, 4));
        row("weak components", std::to_string(found.weak_count) + " (largest: " + std::to_string(largest) + ")");
        emit(args, out.str());
    }
    return 0;
}

} // namespace

} // namespace tg::dist

int main(int argc, char** argv) {
    MPI_Init(&argc, &argv);
    int rank = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    int code = 0;
    {
        tg::dist::Arguments args;
        CLI::App app{"threatgraph-dist: threatgraph's analyses on a network spread over MPI processes (start it with mpirun)",
                     "threatgraph-dist"};
        app.formatter(std::make_shared<tg::command_line::HelpFormatter>()); // before the commands, which take it from the app
        app.add_option("--input", args.input, "the edge list (source target [weight] per line), read in parallel")
            ->required()
            ->type_name("FILE");
        app.add_flag("--undirected", args.undirected, "a b and b a are one tie");
        app.add_option("--format", args.format, "output: text, json or csv (default: text)")
            ->check(CLI::IsMember({"text", "json", "csv"}))
            ->type_name("text|json|csv");
        app.add_option("-o,--output", args.output, "write the result to PATH instead of standard output")->type_name("PATH");
        app.add_flag("--stats", args.stats, "each process reports its share, its nodes and ties and the bytes it sent");
        app.require_subcommand(1, 1);
        app.fallthrough();
        auto* centrality = app.add_subcommand("centrality", "rank nodes by a measure, as threatgraph centrality does");
        centrality->add_option("--measure", args.measure, "pagerank (the measure the distributed engine runs so far)")
            ->check(CLI::IsMember({"pagerank"}))
            ->type_name("NAME");
        centrality->add_option("--top", args.top, "only the N highest")->check(tg::command_line::count_validator())->type_name("N");
        centrality->add_option("--alpha", args.alpha, "PageRank damping (default 0.85)")->check(CLI::Range(0.0, 0.999999))->type_name("X");
        centrality->callback([&] { args.command = "centrality"; });
        centrality->group("Commands")
            ->footer("Example:\n  mpirun -np 4 threatgraph-dist --input calls.tsv centrality --measure pagerank --top 10");
        auto* components = app.add_subcommand("components", "weak components, as threatgraph structure finds them");
        components->callback([&] { args.command = "components"; });
        components->group("Commands")->footer("Example:\n  mpirun -np 4 threatgraph-dist --input calls.tsv --format json components");
        try {
            app.parse(argc, argv);
        } catch (const CLI::ParseError& e) {
            // Help asked for is printed; a mistake is said once, as the CLI says its own.
            if (e.get_exit_code() == 0) {
                if (rank == 0) app.exit(e);
            } else if (rank == 0) {
                const std::string message = e.what();
                std::cerr << "threatgraph-dist: error: "
                          << (message == "A subcommand is required" ? "a command is required: centrality or components" : message)
                          << "\nhint: run 'threatgraph-dist --help' (or 'threatgraph-dist COMMAND --help') for usage\n";
            }
            MPI_Finalize();
            return e.get_exit_code() == 0 ? 0 : 2;
        }
        try {
            tg::dist::Exchange exchange(MPI_COMM_WORLD);
            code = args.command == "components" ? tg::dist::run_components(exchange, args) : tg::dist::run_centrality(exchange, args);
        } catch (const tg::Error& e) {
            // Every process meets the same error; process 0 says it.
            if (rank == 0) {
                std::cerr << "threatgraph-dist: error: " << e.what() << "\n";
                if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << "\n";
            }
            code = dynamic_cast<const tg::IoError*>(&e) ? 3 : dynamic_cast<const tg::UsageError*>(&e) ? 2 : 1;
        }
    }
    MPI_Finalize();
    return code;
}
