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
#include "dist/node_choice.hpp"
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
#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <sstream>

namespace tg::dist {

namespace {

struct Arguments {
    std::string command, input, format = "text", output, measure = "pagerank", from, merge = "first";
    bool undirected = false, stats = false, raw = false, weighted = false;
    std::size_t top = 0, samples = 0;
    std::uint64_t seed = 0;
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
    out.share = read_edge_share(args.input, exchange.rank(), exchange.ranks(), args.weighted);
    // An output over the input is refused before any work, by every process alike.
    if (!args.output.empty() && args.output != "-" && file_read_as(args.output))
        throw UsageError("refusing to write \"" + args.output + "\": it is the input file",
                         "choose another output path; nothing was written");
    stop_at_first_problem(exchange, args.input, out.share);
    const auto bytes_after_read = exchange.bytes_sent();
    out.numbering = number_labels(exchange, out.share.labels);
    out.bytes_numbering = exchange.bytes_sent() - bytes_after_read;

    // Each tie to the process that owns its source (undirected: its lower end), once; with
    // lengths, its length beside it.
    const bool directed = !args.undirected;
    std::vector<std::vector<std::uint64_t>> outgoing(static_cast<std::size_t>(exchange.ranks()));
    std::vector<std::vector<double>> outgoing_lengths(args.weighted ? outgoing.size() : 0);
    std::vector<std::vector<std::uint64_t>> outgoing_order(args.weighted ? outgoing.size() : 0);
    const auto share_start = static_cast<std::uint64_t>(exchange.rank()) << 40; // shares follow one another in the file
    for (std::size_t i = 0; i < out.share.from.size(); ++i) {
        auto a = out.numbering.global_of[out.share.from[i]], b = out.numbering.global_of[out.share.to[i]];
        if (!directed && b < a) std::swap(a, b);
        const auto owner = static_cast<std::size_t>(out.numbering.owner(a));
        outgoing[owner].push_back(a);
        outgoing[owner].push_back(b);
        if (args.weighted) outgoing_lengths[owner].push_back(out.share.length[i]), outgoing_order[owner].push_back(share_start + i);
    }
    const auto before_ties = exchange.bytes_sent();
    const auto incoming = exchange.all_to_all(outgoing);
    const auto incoming_lengths = args.weighted ? exchange.all_to_all(outgoing_lengths) : std::vector<std::vector<double>>{};
    const auto incoming_order = args.weighted ? exchange.all_to_all(outgoing_order) : std::vector<std::vector<std::uint64_t>>{};
    out.bytes_ties = exchange.bytes_sent() - before_ties;
    // Sorted by ends, then by place in the file: a tie listed more than once gets its length by
    // the --merge rule, as threatgraph --input gives its weight.
    struct Arrived {
        std::uint64_t a, b, order;
        double length;
        bool operator<(const Arrived& o) const { return a != o.a ? a < o.a : b != o.b ? b < o.b : order < o.order; }
    };
    std::vector<Arrived> arrived;
    for (std::size_t r = 0; r < incoming.size(); ++r)
        for (std::size_t i = 0; i + 1 < incoming[r].size(); i += 2)
            arrived.push_back({incoming[r][i], incoming[r][i + 1], args.weighted ? incoming_order[r][i / 2] : 0,
                               args.weighted ? incoming_lengths[r][i / 2] : 1.0});
    std::sort(arrived.begin(), arrived.end());
    const auto listed = arrived.size();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < arrived.size(); ++i) {
        if (kept > 0 && arrived[kept - 1].a == arrived[i].a && arrived[kept - 1].b == arrived[i].b) {
            auto& tie = arrived[kept - 1];
            if (args.merge == "last") tie.length = arrived[i].length;
            if (args.merge == "sum") tie.length += arrived[i].length;
            if (args.merge == "max") tie.length = std::max(tie.length, arrived[i].length);
            continue;
        }
        arrived[kept++] = arrived[i];
    }
    arrived.resize(kept);
    std::uint64_t counts[3] = {arrived.size(), listed - arrived.size(), 0};
    for (const auto& tie : arrived) {
        out.ties.from.push_back(tie.a);
        out.ties.to.push_back(tie.b);
        if (args.weighted) out.ties.length.push_back(tie.length);
        counts[2] += tie.a == tie.b;
    }
    MPI_Allreduce(MPI_IN_PLACE, counts, 3, MPI_UINT64_T, MPI_SUM, exchange.comm());
    out.ties_total = counts[0], out.merged = counts[1], out.self_loops = counts[2];
    if (exchange.rank() == 0) {
        if (out.numbering.total() == 0) std::cerr << args.input << ": warning: the file holds no nodes [empty-network]\n";
        if (out.merged)
            std::cerr << args.input << ": note: merged " << out.merged << (out.merged == 1 ? " tie" : " ties") << " listed more than once"
                      << (directed ? "" : " (a b and b a count as one tie)")
                      << (args.weighted ? ", their length by --merge " + args.merge : "") << " [merged-ties]\n";
        if (out.self_loops)
            std::cerr << args.input << ": note: kept " << out.self_loops << (out.self_loops == 1 ? " self-loop" : " self-loops")
                      << " [self-loops]\n";
    }
    return out;
}

// `work`: what the measure did, "12 iterations" or "50 sources" (or nothing).
void report_stats(const Exchange& exchange, const Loaded& loaded, std::uint64_t bytes_after, const std::string& work, double seconds,
                  double measure_seconds) {
    // Per process: its share, its nodes and ties, the bytes it sent in each phase (the
    // analysis's own messages go through PBGL and are not counted here).
    std::ostringstream line;
    line << "threatgraph-dist: process " << exchange.rank() << " of " << exchange.ranks() << ": " << loaded.share.bytes << " bytes read, "
         << loaded.numbering.own_labels.size() << " nodes, " << loaded.ties.from.size() << " ties; sent " << loaded.bytes_numbering
         << " bytes numbering labels, " << loaded.bytes_ties << " bytes moving ties, " << exchange.bytes_sent() - bytes_after
         << " bytes gathering; " << (work.empty() ? "" : work + "; ") << seconds << " s, of which " << measure_seconds
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
    const bool pagerank = args.measure == "pagerank";
    if (pagerank && args.samples) throw ParameterError("--samples applies to betweenness only");
    if (pagerank && args.raw) throw ParameterError("--raw applies to betweenness only", "PageRank's scores always sum to 1");
    const auto before_measure = exchange.bytes_sent();
    const auto measure_started = std::chrono::steady_clock::now();
    PagerankRun measured;
    std::size_t sources = 0;
    if (pagerank) {
        PagerankOptions options;
        options.alpha = args.alpha;
        measured = distributed_pagerank(exchange, loaded.numbering, loaded.ties, directed, options);
    } else {
        const auto from = sample_sources(exchange, loaded.numbering, args.samples, args.seed);
        sources = from.size();
        measured.scores = distributed_betweenness(exchange, loaded.numbering, loaded.ties, directed, from, !args.raw);
        measured.converged = true;
    }
    const auto measure_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - measure_started).count();
    std::vector<Row> rows;
    for (std::size_t i = 0; i < loaded.numbering.own_labels.size(); ++i)
        rows.push_back({loaded.numbering.own_labels[i], measured.scores[i]});
    auto shown = gather_rows(exchange, std::move(rows), args.top);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (args.stats)
        report_stats(exchange, loaded, before_measure,
                     pagerank ? std::to_string(measured.iterations) + " iterations" : std::to_string(sources) + " sources", seconds,
                     measure_seconds);
    if (exchange.rank() != 0) return measured.converged ? 0 : 1;
    if (!measured.converged && loaded.numbering.total() > 0)
        throw DataError("pagerank did not converge in " + std::to_string(PagerankOptions{}.max_iterations) + " iterations");
    if (!pagerank && sources < loaded.numbering.total())
        std::cerr << args.input << ": note: betweenness estimated from " << sources << " of " << loaded.numbering.total()
                  << " sources, the labels with the smallest FNV-1a hash of \"" << args.seed << ":label\" [sampled-sources]\n";
    query::RankingFound found;
    found.measure = args.measure;
    found.lens = "all";
    found.weight = "hops";
    found.directed = directed;
    found.normalized = pagerank || !args.raw;
    found.entities = loaded.numbering.total();
    for (auto& row : shown) found.rows.push_back({row.id, row.id, "Node", row.score, {}, {}});
    const KnowledgeGraph none{Ontology{}};
    emit(args, query::write_result(none, query::StatementResult{found}, format_of(args)));
    return 0;
}

// Distances from one node, by hops (breadth-first) or by the ties' lengths (delta-stepping):
// text gives how many nodes lie at each distance; JSON and CSV give every node reached.
int run_distances(Exchange& exchange, const Arguments& args) {
    const auto started = std::chrono::steady_clock::now();
    const auto loaded = load(exchange, args);
    const bool directed = !args.undirected;
    if (loaded.numbering.total() == 0) throw ParameterError("--from \"" + args.from + "\": the network has no nodes");
    if (args.merge != "first" && !args.weighted) throw ParameterError("--merge applies with --weighted only", "add --weighted");
    if (args.weighted) {
        // A path's length is a sum of at most n - 1 ties: it must stay a finite number.
        double longest = 0;
        for (const auto length : loaded.ties.length) longest = std::max(longest, length);
        MPI_Allreduce(MPI_IN_PLACE, &longest, 1, MPI_DOUBLE, MPI_MAX, exchange.comm());
        if (longest * static_cast<double>(loaded.numbering.total() - 1) > std::numeric_limits<double>::max())
            throw DataError(args.input + ": a tie " + format_number(longest, 6) + " long could make a path's length overflow",
                            "scale the lengths down (divide them all by the same number)");
    }
    const auto from = find_node(exchange, loaded.numbering, args.from, "--from");
    const auto before_measure = exchange.bytes_sent();
    const auto measure_started = std::chrono::steady_clock::now();
    const auto distance = distributed_distances(exchange, loaded.numbering, loaded.ties, directed, from);
    const auto measure_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - measure_started).count();
    // The nodes reached, on process 0.
    std::vector<std::vector<std::string>> labels(static_cast<std::size_t>(exchange.ranks()));
    std::vector<std::vector<double>> values(labels.size());
    for (std::size_t i = 0; i < distance.size(); ++i)
        if (std::isfinite(distance[i])) labels[0].push_back(loaded.numbering.own_labels[i]), values[0].push_back(distance[i]);
    const auto all_labels = exchange.all_to_all(labels);
    const auto all_values = exchange.all_to_all(values);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (args.stats) report_stats(exchange, loaded, before_measure, "", seconds, measure_seconds);
    if (exchange.rank() != 0) return 0;

    std::vector<Row> reached; // nearest first, then by label
    for (std::size_t r = 0; r < all_labels.size(); ++r)
        for (std::size_t i = 0; i < all_labels[r].size(); ++i) reached.push_back({all_labels[r][i], all_values[r][i]});
    std::sort(reached.begin(), reached.end(),
              [](const Row& a, const Row& b) { return a.score != b.score ? a.score < b.score : a.id < b.id; });
    const auto n = loaded.numbering.total();
    const double farthest = reached.empty() ? 0 : reached.back().score;
    const std::string weight = args.weighted ? "length" : "hops";
    const auto format = format_of(args);
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object();
        json.key("from").value(args.from);
        json.key("directed").value(directed);
        json.key("weight").value(weight);
        json.key("entities").value(static_cast<std::size_t>(n));
        json.key("reached").value(reached.size());
        json.key("farthest").value(farthest);
        json.key("distances").begin_array();
        for (const auto& row : reached) {
            json.begin_object();
            json.key("id").value(row.id);
            json.key("distance").value(row.score);
            json.end_object();
        }
        json.end_array();
        json.end_object();
        emit(args, json.str() + "\n");
    } else if (format == OutputFormat::csv) {
        std::string out = csv_row({"id", "name", "distance"});
        for (const auto& row : reached) out += csv_row({row.id, row.id, format_number(row.score, 17)});
        emit(args, out);
    } else {
        std::ostringstream out;
        out << "distances from \"" << args.from << "\" by " << (args.weighted ? "length" : "hops")
            << (directed ? ", following the ties' direction" : "") << "\n";
        out << "reached " << reached.size() << " of " << n << " nodes; the farthest at " << format_number(farthest, 6) << "\n";
        if (!args.weighted) {
            out << "\nhops  nodes\n";
            for (std::size_t i = 0; i < reached.size();) {
                std::size_t j = i;
                while (j < reached.size() && reached[j].score == reached[i].score) ++j;
                const auto hops = std::to_string(static_cast<std::uint64_t>(reached[i].score));
                out << hops << std::string(hops.size() < 6 ? 6 - hops.size() : 1, ' ') << j - i << "\n";
                i = j;
            }
        } else {
            out << "\nnearest:\n";
            for (std::size_t i = 1; i < reached.size() && i <= 10; ++i)
                out << "  " << format_number(reached[i].score, 6) << "  " << reached[i].id << "\n";
        }
        emit(args, out.str());
    }
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
    if (args.stats) report_stats(exchange, loaded, before_measure, "", seconds, measure_seconds);
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
        centrality->add_option("--measure", args.measure, "pagerank (default) or betweenness")
            ->check(CLI::IsMember({"pagerank", "betweenness"}))
            ->type_name("pagerank|betweenness");
        centrality->add_option("--top", args.top, "only the N highest")->check(tg::command_line::count_validator())->type_name("N");
        centrality->add_option("--alpha", args.alpha, "PageRank damping (default 0.85)")->check(CLI::Range(0.0, 0.999999))->type_name("X");
        centrality
            ->add_option("--samples", args.samples, "estimate betweenness from K sources (the labels with the smallest hash of SEED:label)")
            ->check(tg::command_line::count_validator())
            ->type_name("K");
        centrality->add_option("--seed", args.seed, "the seed that picks the sources (default 0)")
            ->check(tg::command_line::count_validator())
            ->type_name("N");
        centrality->add_flag("--raw", args.raw, "betweenness as counted, not normalized");
        centrality->callback([&] { args.command = "centrality"; });
        centrality->group("Commands")
            ->footer("Example:\n  mpirun -np 4 threatgraph-dist --input calls.tsv centrality --measure pagerank --top 10");
        auto* components = app.add_subcommand("components", "weak components, as threatgraph structure finds them");
        components->callback([&] { args.command = "components"; });
        components->group("Commands")->footer("Example:\n  mpirun -np 4 threatgraph-dist --input calls.tsv --format json components");
        auto* distances = app.add_subcommand("distances", "how far every node lies from one: hops, or the ties' lengths");
        distances->add_option("--from", args.from, "the node the distances are from")->required()->type_name("LABEL");
        distances->add_flag("--weighted", args.weighted, "a tie's third field is its length (1 when missing); shortest by delta-stepping");
        distances
            ->add_option("--merge", args.merge,
                         "with --weighted, the length of a tie listed more than once: first, last, sum, max (default: first)")
            ->check(CLI::IsMember({"first", "last", "sum", "max"}))
            ->type_name("RULE");
        distances->callback([&] { args.command = "distances"; });
        distances->group("Commands")->footer("Example:\n  mpirun -np 4 threatgraph-dist --input calls.tsv distances --from 5551234");
        try {
            app.parse(argc, argv);
        } catch (const CLI::ParseError& e) {
            // Help asked for is printed; a mistake is said once, as the CLI says its own.
            if (e.get_exit_code() == 0) {
                if (rank == 0) app.exit(e);
            } else if (rank == 0) {
                const std::string message = e.what();
                std::cerr << "threatgraph-dist: error: "
                          << (message == "A subcommand is required" ? "a command is required: centrality, components or distances"
                                                                    : message)
                          << "\nhint: run 'threatgraph-dist --help' (or 'threatgraph-dist COMMAND --help') for usage\n";
            }
            MPI_Finalize();
            return e.get_exit_code() == 0 ? 0 : 2;
        }
        try {
            tg::dist::Exchange exchange(MPI_COMM_WORLD);
            code = args.command == "components"  ? tg::dist::run_components(exchange, args)
                   : args.command == "distances" ? tg::dist::run_distances(exchange, args)
                                                 : tg::dist::run_centrality(exchange, args);
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
