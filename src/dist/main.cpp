// threatgraph-dist: the analyses of threatgraph on a network spread over processes, for networks
// larger than one machine. Started under mpirun, every process reads its share of the edge
// list, the node labels are numbered across processes, each tie goes to the process that owns
// its source, and the Parallel Boost Graph Library runs the analysis; process 0 gathers the
// rows to print and prints them as `threatgraph --input FILE COMMAND` does.
//
//   mpirun -np 4 threatgraph-dist --input calls.tsv centrality --measure pagerank --top 10
#include "core/error.hpp"
#include "core/output.hpp"
#include "dist/distributed_measures.hpp"
#include "dist/edge_share.hpp"
#include "dist/exchange.hpp"
#include "dist/numbering.hpp"
#include "model/knowledge_graph.hpp"
#include "query/result_writer.hpp"

#include <CLI/CLI.hpp>
#include <mpi.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace tg::dist {

namespace {

struct Arguments {
    std::string input, format = "text", output, measure = "pagerank";
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

int run(Exchange& exchange, const Arguments& args) {
    const auto started = std::chrono::steady_clock::now();
    const auto share = read_edge_share(args.input, exchange.rank(), exchange.ranks());
    stop_at_first_problem(exchange, args.input, share);
    const auto bytes_after_read = exchange.bytes_sent();
    const auto numbering = number_labels(exchange, share.labels);
    const auto bytes_numbering = exchange.bytes_sent() - bytes_after_read;

    // Each tie to the process that owns its source (undirected: its lower end), once.
    const bool directed = !args.undirected;
    std::vector<std::vector<std::uint64_t>> outgoing(static_cast<std::size_t>(exchange.ranks()));
    for (std::size_t i = 0; i < share.from.size(); ++i) {
        auto a = numbering.global_of[share.from[i]], b = numbering.global_of[share.to[i]];
        if (!directed && b < a) std::swap(a, b);
        auto& to = outgoing[static_cast<std::size_t>(numbering.owner(a))];
        to.push_back(a);
        to.push_back(b);
    }
    const auto before_ties = exchange.bytes_sent();
    const auto incoming = exchange.all_to_all(outgoing);
    const auto bytes_ties = exchange.bytes_sent() - before_ties;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> pairs;
    for (const auto& from : incoming)
        for (std::size_t i = 0; i + 1 < from.size(); i += 2) pairs.emplace_back(from[i], from[i + 1]);
    std::sort(pairs.begin(), pairs.end());
    Totals totals;
    totals.ties = pairs.size();
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    totals.merged = totals.ties - pairs.size();
    OwnTies ties;
    for (const auto& [a, b] : pairs) {
        ties.from.push_back(a);
        ties.to.push_back(b);
        totals.self_loops += a == b;
    }
    std::uint64_t counts[3] = {pairs.size(), totals.merged, totals.self_loops};
    MPI_Allreduce(MPI_IN_PLACE, counts, 3, MPI_UINT64_T, MPI_SUM, exchange.comm());

    const auto before_measure = exchange.bytes_sent();
    const auto measure_started = std::chrono::steady_clock::now();
    PagerankOptions options;
    options.alpha = args.alpha;
    const auto measured = distributed_pagerank(exchange, numbering, ties, directed, options);
    const auto measure_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - measure_started).count();
    std::vector<Row> rows;
    for (std::size_t i = 0; i < numbering.own_labels.size(); ++i) rows.push_back({numbering.own_labels[i], measured.scores[i]});
    auto shown = gather_rows(exchange, std::move(rows), args.top);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    if (args.stats) {
        // Per process: its share, its nodes and ties, the bytes it sent in each phase (the
        // analysis's own messages go through PBGL and are not counted here).
        std::ostringstream line;
        line << "threatgraph-dist: process " << exchange.rank() << " of " << exchange.ranks() << ": " << share.bytes << " bytes read, "
             << numbering.own_labels.size() << " nodes, " << ties.from.size() << " ties; sent " << bytes_numbering
             << " bytes numbering labels, " << bytes_ties << " bytes moving ties, " << exchange.bytes_sent() - before_measure
             << " bytes gathering; " << measured.iterations << " iterations; " << seconds << " s, of which " << measure_seconds
             << " s building the graph and measuring; peak memory " << peak_megabytes() << " MB\n";
        std::cerr << line.str() << std::flush;
    }
    if (exchange.rank() != 0) return measured.converged ? 0 : 1;
    if (counts[1])
        std::cerr << args.input << ": note: merged " << counts[1] << " ties listed more than once"
                  << (directed ? "" : " (a b and b a count as one tie)") << " [merged-ties]\n";
    if (counts[2])
        std::cerr << args.input << ": note: kept " << counts[2] << (counts[2] == 1 ? " self-loop" : " self-loops") << " [self-loops]\n";
    if (!measured.converged && numbering.total() > 0)
        throw DataError("pagerank did not converge in " + std::to_string(options.max_iterations) + " iterations");
    query::RankingFound found;
    found.measure = args.measure;
    found.lens = "all";
    found.weight = "hops";
    found.directed = directed;
    found.entities = numbering.total();
    for (auto& row : shown) found.rows.push_back({row.id, row.id, "Node", row.score, {}, {}});
    const KnowledgeGraph none{Ontology{}};
    const auto format = args.format == "json" ? OutputFormat::json : args.format == "csv" ? OutputFormat::csv : OutputFormat::text;
    const auto text = query::write_result(none, query::StatementResult{found}, format);
    if (args.output.empty() || args.output == "-") {
        std::cout << text << std::flush;
    } else {
        std::ofstream out(args.output, std::ios::binary);
        out << text;
        if (!out.flush()) throw IoError("cannot write \"" + args.output + "\"");
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
        centrality->add_option("--top", args.top, "only the N highest")->type_name("N");
        centrality->add_option("--alpha", args.alpha, "PageRank damping (default 0.85)")->check(CLI::Range(0.0, 0.999999))->type_name("X");
        try {
            app.parse(argc, argv);
        } catch (const CLI::ParseError& e) {
            code = rank == 0 ? app.exit(e) : (e.get_exit_code() == 0 ? 0 : 2);
            MPI_Finalize();
            return code == 0 ? 0 : 2;
        }
        try {
            tg::dist::Exchange exchange(MPI_COMM_WORLD);
            code = tg::dist::run(exchange, args);
        } catch (const tg::Error& e) {
            // Every process meets the same error; process 0 says it.
            if (rank == 0) {
                std::cerr << "threatgraph-dist: error: " << e.what() << "\n";
                if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << "\n";
            }
            code = dynamic_cast<const tg::IoError*>(&e) ? 3 : 1;
        }
    }
    MPI_Finalize();
    return code;
}
