#include "cli/app.hpp"

#include "cli/command_examples.hpp"
#include "cli/commands.hpp"
#include "cli/completion.hpp"
#include "cli/context.hpp"
#include "cli/parameter_words.hpp"
#include "command_line/help_format.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/text.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <functional>
#include <new>
#include <optional>
#include <ostream>

namespace tg::cli {

using command_line::count_validator;

namespace {

const CLI::Validator& kCount = count_validator();

void print_error(std::ostream& err, const std::string& message, const std::string& hint) {
    err << "threatgraph: error: " << message << '\n';
    if (!hint.empty()) err << "hint: " << hint << '\n';
}

// What the command line chose: each command's arguments, filled by CLI11, and the command to run.
struct Commands {
    ShowArgs show_args;
    SearchArgs search_args;
    PathsArgs paths_args;
    ConnectArgs connect_args;
    EgoArgs ego_args;
    CentralityArgs centrality_args;
    StructureArgs structure_args;
    CommunitiesArgs communities_args;
    KeyPlayersArgs keyplayers_args;
    DisruptArgs disrupt_args;
    ConvergenceArgs convergence_args;
    CounterNetworkArgs counter_args;
    QueryArgs query_args;
    RenderArgs render_args;
    DiagramsArgs diagrams_args;
    ReportArgs report_args;
    ExportArgs export_args;
    ImportArgs import_args;
    ExtractArgs extract_args;
    BuildArgs build_args;
    ReviewArgs review_args;
    std::string completion_shell;
    std::function<int(Context&)> command;
};

// The options every command takes: which graph, how to read it, where output goes.
void add_global_options(CLI::App& app, GlobalOptions& options) {
    app.add_option("--data", options.data, "graph-data folder (default: $THREATGRAPH_DATA, ./graph-data, or the installed data)")
        ->type_name("DIR");
    app.add_option("--input", options.input, "analyze this network file instead of graph-data")->type_name("FILE");
    app.add_option("--input-format", options.input_format, "format of --input: " + format_choices(", ") + " (default: from the file)")
        ->type_name("FORMAT");
    app.add_option("--nodes", options.nodes, "CSV of nodes (id, name, attributes) for a CSV edge list")->type_name("FILE");
    app.add_flag("--undirected", options.undirected, "treat --input as undirected: a b and b a are one tie");
    app.add_option("--self-loops", options.self_loops, "keep or drop ties from a node to itself in --input (default: keep)")
        ->type_name("keep|drop");
    app.add_option("--merge", options.merge, "weight of a tie listed more than once: first, last, sum, max (default: first)")
        ->type_name("RULE");
    app.add_option("--sources", options.sources,
                   "folder with the source texts, to check evidence and quote exact passages (default: $THREATGRAPH_SOURCES, else found "
                   "beside graph-data)")
        ->type_name("DIR");
    app.add_flag("--no-quotes", options.no_quotes, "paraphrases only: do not look for the source texts to quote");
    app.add_option("--format", options.format, "output: text, json or csv (default: text)")->type_name("FORMAT");
    app.add_option("-o,--output", options.output, "write the result to PATH instead of standard output")->type_name("PATH");
}

// Validate, info, show and search: finding and reading what the graph holds.
void add_lookup_commands(CLI::App& app, Commands& chosen) {
    auto& command = chosen.command;
    auto& show_args = chosen.show_args;
    auto& search_args = chosen.search_args;
    auto* validate = app.add_subcommand("validate", "check graph-data (or --input) and report every problem; exit 1 if any");
    validate->callback([&] { command = run_validate; });

    auto* info = app.add_subcommand("info", "counts by kind and relation type, sources, density, components");
    info->callback([&] { command = run_info; });

    auto* show =
        app.add_subcommand("show", "an entity's kind, aliases, attributes and every relation with its evidence; or one relation by its id");
    show->add_option("entity", show_args.entity, "an entity's id, name or alias, or a relation's id")
        ->required()
        ->type_name("ENTITY|RELATION");
    show->callback([&] { command = [&](Context& c) { return run_show(c, show_args); }; });

    auto* search = app.add_subcommand("search", "ranked fuzzy matches over names and aliases; exit 1 if none");
    search->add_option("text", search_args.text, "what to look for")->required()->type_name("TEXT");
    search->add_option("--limit", search_args.limit, "at most this many results (default: 10)")->check(kCount)->type_name("N");
    search->callback([&] { command = [&](Context& c) { return run_search(c, search_args); }; });
}

// Paths, connect and ego: how entities are linked.
void add_path_commands(CLI::App& app, Commands& chosen) {
    auto& command = chosen.command;
    auto& paths_args = chosen.paths_args;
    auto& connect_args = chosen.connect_args;
    auto& ego_args = chosen.ego_args;
    auto* paths = app.add_subcommand("paths", "shortest, k shortest or all simple paths between two entities, with their relations");
    paths->add_option("from", paths_args.from, "where the paths start")->required()->type_name("ENTITY");
    paths->add_option("to", paths_args.to, "where they end")->required()->type_name("ENTITY");
    paths->add_option("--k", paths_args.k, "the k shortest simple paths (Yen), default 1")->check(kCount)->type_name("N");
    paths->add_option("--max-hops", paths_args.max_hops, "at most this many hops")->check(kCount)->type_name("N");
    paths->add_flag("--all", paths_args.all, "every simple path up to --max-hops (required), at most --cap of them");
    paths->add_option("--cap", paths_args.cap, "with --all: stop after this many paths (default 100)")->check(kCount)->type_name("N");
    paths->add_option("--direction", paths_args.direction, "out: follow arrows (default); in: against them; any: either way")
        ->type_name("out|in|any");
    paths->add_option("--through", paths_args.through, "entity kinds allowed as intermediates, comma-separated")
        ->delimiter(',')
        ->type_name("KINDS");
    add_view_options(*paths, paths_args.view,
                     "cost of a relation: confidence (-ln confidence, the default: the most credible chain), hops, or a numeric attribute");
    add_world_options(*paths, paths_args.worlds, true);
    paths->callback([&] { command = [&](Context& c) { return run_paths(c, paths_args); }; });

    auto* connect = app.add_subcommand("connect", "the connecting network of entities: every shortest path between each pair");
    connect->add_option("entities", connect_args.members, "two or more ids, names or aliases")->required()->type_name("ENTITY...");
    connect->add_option("--direction", connect_args.direction, "any: either way (default); out: follow arrows (each pair both ways); in")
        ->type_name("out|in|any");
    connect->add_option("--through", connect_args.through, "entity kinds allowed as intermediates, comma-separated")
        ->delimiter(',')
        ->type_name("KINDS");
    connect->add_option("--max-hops", connect_args.max_hops, "paths of at most this many hops")->check(kCount)->type_name("N");
    add_view_options(*connect, connect_args.view,
                     "cost of a relation: confidence (-ln confidence, the default), hops, or a numeric attribute");
    connect->callback([&] { command = [&](Context& c) { return run_connect(c, connect_args); }; });

    auto* ego = app.add_subcommand("ego", "an entity's ego network: everything within --depth hops and the relations among them");
    ego->add_option("entity", ego_args.entity, "an id, a name or an alias")->required()->type_name("ENTITY");
    ego->add_option("--depth", ego_args.depth, "hops from the entity (default 1)")->check(kCount)->type_name("N");
    ego->add_option("--direction", ego_args.direction, "any: either way (default); out: follow arrows; in: against them")
        ->type_name("out|in|any");
    add_view_options(*ego, ego_args.view, "weights play no part in an ego network; accepted for symmetry");
    ego->callback([&] { command = [&](Context& c) { return run_ego(c, ego_args); }; });
}

// Centrality, structure, communities, keyplayers, disrupt, convergence and counter-network: the analyses.
void add_measure_commands(CLI::App& app, Commands& chosen) {
    auto& command = chosen.command;
    auto& centrality_args = chosen.centrality_args;
    auto& structure_args = chosen.structure_args;
    auto& communities_args = chosen.communities_args;
    auto& keyplayers_args = chosen.keyplayers_args;
    auto& disrupt_args = chosen.disrupt_args;
    auto& convergence_args = chosen.convergence_args;
    auto& counter_args = chosen.counter_args;
    auto* centrality = app.add_subcommand("centrality", "rank entities by a centrality measure, as NetworkX computes it");
    centrality
        ->add_option("--measure", centrality_args.measure,
                     "degree, in-degree, out-degree, strength, betweenness, edge-betweenness, closeness, harmonic, "
                     "eigenvector, pagerank or katz (default: degree)")
        ->type_name("NAME");
    centrality->add_option("--top", centrality_args.top, "only the N highest")->check(kCount)->type_name("N");
    centrality->add_flag("--raw", centrality_args.raw, "betweenness without NetworkX's normalization");
    centrality->add_option("--samples", centrality_args.samples, "betweenness from K sampled sources (approximate)")
        ->check(kCount)
        ->type_name("K");
    centrality->add_option("--seed", centrality_args.seed, "seed for --samples and --uncertainty (default 0)")
        ->check(kCount)
        ->type_name("S");
    centrality->add_option("--alpha", centrality_args.alpha, "PageRank damping (default 0.85) or Katz attenuation (default 0.1)")
        ->type_name("X");
    centrality
        ->add_option("--personalization", centrality_args.personalization,
                     "PageRank restarts at these entities (repeat the option), weighted 1 unless NAME=W says; the others weigh 0")
        ->type_name("NAME[=W]");
    add_view_options(*centrality, centrality_args.view, "hops (default), confidence (-ln confidence) or a numeric attribute");
    add_world_options(*centrality, centrality_args.worlds, false);
    centrality->callback([&] { command = [&](Context& c) { return run_centrality(c, centrality_args); }; });

    auto* structure = app.add_subcommand("structure", "components, articulation points, bridges, k-core, clustering, diameter");
    structure->add_flag("--exact", structure_args.exact,
                        "compute the average path length from every entity however long it takes (on a large network it is otherwise "
                        "estimated from a sample, with its margin)");
    add_view_options(*structure, structure_args.view, "ignored: structure counts hops");
    structure->callback([&] { command = [&](Context& c) { return run_structure(c, structure_args); }; });

    auto* communities = app.add_subcommand("communities", "communities by Louvain or Girvan-Newman, with their modularity");
    communities->add_option("--method", communities_args.method, "louvain (default) or girvan-newman")->type_name("METHOD");
    communities->add_option("--seed", communities_args.seed, "Louvain's seed (default 0): the same seed, the same answer")
        ->check(kCount)
        ->type_name("S");
    communities->add_option("--max-levels", communities_args.max_levels, "Girvan-Newman: at most this many splits (default 1000)")
        ->check(kCount)
        ->type_name("N");
    add_view_options(*communities, communities_args.view, "hops (default) or a numeric attribute as the edge weight");
    communities->callback([&] { command = [&](Context& c) { return run_communities(c, communities_args); }; });

    auto* keyplayers =
        app.add_subcommand("keyplayers", "the k entities whose removal most fragments the network, or that reach most others");
    keyplayers->add_option("--k", keyplayers_args.k, "how many key players")->required()->check(kCount)->type_name("N");
    keyplayers->add_option("--objective", keyplayers_args.objective, "fragmentation (default), distance-fragmentation or reach")
        ->type_name("NAME");
    keyplayers->add_option("--steps", keyplayers_args.steps, "reach: within this many hops (default 1)")->check(kCount)->type_name("M");
    keyplayers
        ->add_option("--seed", keyplayers_args.seed,
                     "seed of the search order and of the --uncertainty worlds (default 0): the same seed, the same set")
        ->check(kCount)
        ->type_name("S");
    keyplayers
        ->add_option("--restarts", keyplayers_args.restarts,
                     "when not every set can be tried: greedy searches from this many seeded orders (default 5, 1 above 10,000 entities)")
        ->check(CLI::Range(1, 1000))
        ->type_name("R");
    add_view_options(*keyplayers, keyplayers_args.view, "", true, false);
    add_world_options(*keyplayers, keyplayers_args.worlds, false);
    keyplayers->callback([&] { command = [&](Context& c) { return run_keyplayers(c, keyplayers_args); }; });

    auto* disrupt = app.add_subcommand("disrupt", "remove entities step by step and measure what is left of the network");
    disrupt
        ->add_option("--strategy", disrupt_args.strategies,
                     "degree (default; betweenness with --remove ties), betweenness, keyplayer, random or names; several, "
                     "comma-separated, to compare them")
        ->delimiter(',')
        ->type_name("NAMES");
    disrupt
        ->add_option("--remove", disrupt_args.remove,
                     "entities (default) or ties: cut the ties between entities instead (by betweenness, random or names)")
        ->type_name("entities|ties");
    disrupt
        ->add_option("--targets", disrupt_args.targets,
                     "with --strategy names: the entities (or ties, as A--B) to remove, in order, comma-separated")
        ->delimiter(',')
        ->type_name("ENTITIES");
    disrupt->add_option("--steps", disrupt_args.steps, "entities removed, one per step (default 10)")->check(kCount)->type_name("N");
    disrupt->add_option("--seeds", disrupt_args.seeds, "random: runs to average (default 10)")->check(kCount)->type_name("N");
    disrupt->add_option("--seed", disrupt_args.seed, "first seed of the random runs and of the key-player search (default 0)")
        ->check(kCount)
        ->type_name("S");
    disrupt
        ->add_option("--samples", disrupt_args.samples,
                     "betweenness and efficiency from K sampled sources, for large networks (approximate, seeded by --seed)")
        ->check(kCount)
        ->type_name("K");
    disrupt->add_option("--chart", disrupt_args.chart, "also draw the robustness curves to PATH (.svg, .png or .pdf)")->type_name("PATH");
    disrupt
        ->add_option("--chart-measure", disrupt_args.chart_measure,
                     "what the chart plots: largest (the largest component's share, default), fragmentation or efficiency")
        ->type_name("NAME");
    disrupt->add_option("--before", disrupt_args.before, "also draw the network before any removal to PATH (.svg, .png or .pdf)")
        ->type_name("PATH");
    disrupt
        ->add_option("--after", disrupt_args.after,
                     "also draw it after the first strategy's removals, removed entities greyed, the cut-off unfilled")
        ->type_name("PATH");
    add_view_options(*disrupt, disrupt_args.view, "betweenness weight: hops (default), confidence or a numeric attribute", true, false);
    disrupt->callback([&] { command = [&](Context& c) { return run_disrupt(c, disrupt_args); }; });

    convergence_args.view.default_lens = Lens::threat;
    auto* convergence = app.add_subcommand("convergence", "where threat domains meet: brokers, brokerage roles and the nexus relations");
    convergence
        ->add_option("--domains", convergence_args.domains,
                     "the threat domains to tell apart, comma-separated, in order of precedence (default: all)")
        ->delimiter(',')
        ->type_name("DOMAINS");
    convergence
        ->add_option("--group-by", convergence_args.group_by,
                     "group actors by this node attribute instead of threat domains (a column of --nodes); "
                     "--domains then lists the values to keep")
        ->type_name("ATTR");
    convergence->add_option("--diagram", convergence_args.diagram, "also draw the nexus to PATH (.svg, .png or .pdf)")->type_name("PATH");
    convergence->add_option("--top", convergence_args.top, "text output: at most N entities (default 15, 0 for all)")
        ->check(kCount)
        ->type_name("N");
    convergence->add_flag("--directed", convergence_args.directed, "follow the arrows (default: read every relation both ways)");
    add_view_options(*convergence, convergence_args.view, "", false, false);
    add_world_options(*convergence, convergence_args.worlds, true);
    convergence->callback([&] { command = [&](Context& c) { return run_convergence(c, convergence_args); }; });

    auto* counter =
        app.add_subcommand("counter-network", "the coalition against the threat network: silos, coverage, side-by-side measures");
    counter->add_option("--coalition", counter_args.coalition, "kinds in the coalition (default: state,organization,initiative)")
        ->delimiter(',')
        ->type_name("KINDS");
    counter
        ->add_option("--threats", counter_args.threats,
                     "kinds in the threat network (default: threat_actor,illicit_activity,commodity,route)")
        ->delimiter(',')
        ->type_name("KINDS");
    counter->add_option("--targets", counter_args.targets, "kinds a member should counter (default: threat_actor,illicit_activity,route)")
        ->delimiter(',')
        ->type_name("KINDS");
    counter->add_option("--via", counter_args.via, "relation types by which a member counters a target (default: counters)")
        ->delimiter(',')
        ->type_name("TYPES");
    counter
        ->add_option("--cooperation", counter_args.cooperation,
                     "relation types that make two members partners (default: cooperates_with, supports, member_of, part_of, "
                     "leads, participates_in, adopts, verifies, hosts, protects, funds, supplies, located_in, operates_in)")
        ->delimiter(',')
        ->type_name("TYPES");
    add_min_confidence(*counter, counter_args.view.min_confidence, "only relations at least this confident (0-1)");
    counter->add_option("--as-of", counter_args.view.as_of, "only relations valid at this date (YYYY, YYYY-MM or YYYY-MM-DD)")
        ->type_name("DATE");
    counter->callback([&] { command = [&](Context& c) { return run_counter_network(c, counter_args); }; });
}

// Query, render, diagrams, report, export and import: questions in files, drawings and other formats.
void add_output_commands(CLI::App& app, Commands& chosen) {
    auto& command = chosen.command;
    auto& query_args = chosen.query_args;
    auto& render_args = chosen.render_args;
    auto& diagrams_args = chosen.diagrams_args;
    auto& report_args = chosen.report_args;
    auto& export_args = chosen.export_args;
    auto& import_args = chosen.import_args;
    auto* query = app.add_subcommand("query", "run query files (see queries/README.md), a query given with -e, or a prompt");
    query->add_option("files", query_args.files, "query files (.tgq)")->type_name("FILE...");
    query->add_option("-e,--execute", query_args.expression, "a query given on the command line")->type_name("TEXT");
    query->add_option("--out-dir", query_args.out_dir, "where EXPORT, RENDER and charts write (default: out)")->type_name("DIR");
    query->add_flag("--interactive", query_args.interactive, "a prompt, even when standard input is not a terminal");
    query->callback([&, query] { // the subcommand by value: this function returns before parsing
        query_args.has_expression = query->get_option("-e")->count() > 0;
        command = [&](Context& c) { return run_query(c, query_args); };
    });

    auto* render = app.add_subcommand("render", "draw the graph, or the part the filters select, to an SVG, PNG or PDF");
    render->add_option("path", render_args.path, "the image to write: .svg, .png or .pdf")->required()->type_name("PATH");
    render->add_option("--layout", render_args.layout, "auto (default: neato, sfdp above 300 entities), dot, neato, fdp, sfdp or circo")
        ->type_name("NAME");
    render->add_option("--title", render_args.title, "the diagram's title (default: what it shows)")->type_name("TEXT");
    render->add_option("--highlight", render_args.highlight, "entities drawn with a heavy outline, comma-separated")
        ->delimiter(',')
        ->type_name("ENTITIES");
    render->add_option("--size-by", render_args.size_by, "label size by a centrality measure (degree, betweenness, pagerank...)")
        ->type_name("MEASURE");
    render
        ->add_option("--path", render_args.paths, "draw the most credible path between two entities heavy, as A--B (repeat for more paths)")
        ->type_name("A--B");
    render
        ->add_option("--cluster-by", render_args.cluster_by,
                     "box entities by country, domain, kind, community or an entity attribute (drawn with dot, left to right)")
        ->type_name("RULE");
    render->add_option("--max-entities", render_args.max_entities, "refuse to draw a view of more entities than this (default 5000)")
        ->type_name("N");
    add_view_options(*render, render_args.view, "weight for --size-by: hops (default), confidence or a numeric attribute");
    render->callback([&] { command = [&](Context& c) { return run_render(c, render_args); }; });

    auto* diagrams = app.add_subcommand("diagrams", "draw the standard views into a folder: the whole network, threat actors, routes, "
                                                    "convergence, the counter-network beside the threat network");
    diagrams->add_option("folder", diagrams_args.folder, "where to write them (default: out)")->type_name("DIR");
    diagrams->add_option("--type", diagrams_args.type, "svg (default), png or pdf")->type_name("TYPE");
    diagrams->add_option("--max-entities", diagrams_args.max_entities, "skip a view of more entities than this (default 5000)")
        ->type_name("N");
    diagrams->callback([&] { command = [&](Context& c) { return run_diagrams(c, diagrams_args); }; });

    auto* report = app.add_subcommand("report", "one self-contained HTML page to explore the network and its evidence offline (-o PATH, "
                                                "default report.html)");
    report->add_option("--title", report_args.title, "the page's title (default: the source's title)")->type_name("TEXT");
    report->add_option("--k", report_args.k, "how many key players to list (default 5)")->type_name("N");
    report->add_option("--max-entities", report_args.max_entities, "refuse a view of more entities than this (default 5000)")
        ->type_name("N");
    add_view_options(*report, report_args.view, "", true, false);
    report->callback([&] { command = [&](Context& c) { return run_report(c, report_args); }; });

    auto* exporter =
        app.add_subcommand("export", "the graph, or the part the filters select, for NetworkX, igraph, Gephi, Graphviz or Neo4j");
    exporter
        ->add_option(
            "--to", export_args.format,
            "json (NetworkX node-link), graphml, gexf (Gephi, NetworkX; GEXF 1.2), gml (NetworkX, igraph), dynetml (ORA), dot (Graphviz, "
            "styled), csv (neo4j-admin "
            "import; -o DIR) "
            "or cypher")
        ->required()
        ->type_name("FORMAT");
    add_view_options(*exporter, export_args.view, "");
    exporter->callback([&] { command = [&](Context& c) { return run_export(c, export_args); }; });

    auto* importer = app.add_subcommand(
        "import", "read an exported graph (GraphML, node-link JSON or the CSV pair) into a new graph-data folder, -o DIR");
    importer->add_option("path", import_args.path, "the file, or for csv the folder holding entities.csv and relations.csv")
        ->required()
        ->type_name("PATH");
    importer->add_option("--from", import_args.from, "graphml, json or csv (default: from the name)")->type_name("FORMAT");
    importer->callback([&] { command = [&](Context& c) { return run_import(c, import_args); }; });
}

// Extract, build and review: from a report's text to reviewed graph-data.
void add_builder_commands(CLI::App& app, Commands& chosen) {
    auto& command = chosen.command;
    auto& extract_args = chosen.extract_args;
    auto& build_args = chosen.build_args;
    auto& review_args = chosen.review_args;
    auto* extract =
        app.add_subcommand("extract", "propose entities and relations from a plain-text report, with evidence, for review (-o DIR)");
    extract->add_option("text", extract_args.text, "the report, as plain UTF-8 text")->required()->type_name("TEXT");
    extract->add_flag("--evaluate", extract_args.evaluate,
                      "score the proposals against --data, which must cite this text: precision, recall and F1");
    add_min_confidence(*extract, extract_args.min_confidence, "leave out relation proposals below X");
    extract->callback([&] { command = [&](Context& c) { return run_extract(c, extract_args); }; });

    auto* review = app.add_subcommand(
        "review",
        "go through extract's candidates at the terminal: accept, reject or skip each, with its passage (-o NEW-DIR or --in-place)");
    review->add_option("candidates", review_args.candidates, "the folder extract wrote")->required()->type_name("DIR");
    review->add_option("--accept-above", review_args.accept_above, "accept every proposal at least this sure (0-1) without asking")
        ->check(CLI::Range(0.0, 1.0))
        ->type_name("X");
    review->add_flag("--in-place", review_args.in_place,
                     "save the verdicts in the candidates folder, keeping its previous files in a backup beside it");
    review->callback([&] { command = [&](Context& c) { return run_review(c, review_args); }; });

    auto* build =
        app.add_subcommand("build", "merge the accepted items of a reviewed candidates folder into graph-data (-o NEW-DIR or --in-place)");
    build->add_option("candidates", build_args.candidates, "the folder extract wrote, after review")->required()->type_name("DIR");
    build->add_flag("--in-place", build_args.in_place,
                    "rewrite the --data folder's files, after copying them to a backup folder beside it");
    build->callback([&] { command = [&](Context& c) { return run_build(c, build_args); }; });
}

// completion: the shell scripts, made from this very command line.
void add_shell_commands(CLI::App& app, Commands& chosen) {
    auto* completion = app.add_subcommand("completion", "print the bash or zsh completion script (installed with threatgraph)");
    completion->add_option("shell", chosen.completion_shell, "bash or zsh")->required()->type_name("bash|zsh");
    completion->callback([&chosen, &app] {
        chosen.command = [&chosen, &app](Context& c) {
            if (chosen.completion_shell == "bash")
                c.emit(bash_completion(app));
            else if (chosen.completion_shell == "zsh")
                c.emit(zsh_completion(app));
            else
                throw UsageError("no completion for the shell \"" + chosen.completion_shell + "\"", "use bash or zsh");
            return static_cast<int>(kOk);
        };
    });
}

// Parses the command line; on a parse error or a request for help, the exit code (help and
// the version print and exit 0), else nothing.
std::optional<int> parse(CLI::App& app, int argc, char** argv, std::ostream& out, std::ostream& err) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, out, err);
    } catch (const CLI::ParseError& e) {
        // A mistyped option is left unparsed (with its value after it): name it, with the
        // closest option of the command given (global options included).
        const auto* given = app.get_subcommands().empty() ? nullptr : app.get_subcommands().front();
        for (const auto& word : app.remaining()) {
            if (word.size() < 2 || word[0] != '-' || (word[1] >= '0' && word[1] <= '9') || word[1] == '.') continue;
            const auto flag = word.substr(0, word.find('='));
            std::vector<std::string> flags;
            for (const CLI::App* owner : {static_cast<const CLI::App*>(&app), given}) {
                if (!owner) continue;
                for (const auto* option : owner->get_options()) {
                    for (const auto& name : option->get_lnames()) flags.push_back("--" + name);
                    for (const auto& name : option->get_snames()) flags.push_back("-" + name);
                }
            }
            const std::string where = given ? " for " + given->get_name() : "";
            print_error(
                err, "unknown option \"" + flag + "\"" + where,
                hint_for(flag, flags, "run 'threatgraph " + (given ? given->get_name() + " " : std::string()) + "--help' for its options"));
            return kUsageError;
        }
        // A mistyped command leaves its name unparsed: say so, with the closest command.
        std::vector<std::string> names;
        for (const auto* sub : app.get_subcommands({})) names.push_back(sub->get_name());
        for (const auto& word : app.remaining()) {
            if (word.empty() || word[0] == '-') continue;
            if (std::find(names.begin(), names.end(), word) != names.end()) break;
            print_error(err, "unknown command \"" + word + "\"", hint_for(word, names, "commands are " + join_quoted(names, names.size())));
            return kUsageError;
        }
        std::string message = e.what();
        if (message == "A subcommand is required") message = "a command is required";
        // "--top: 1 required N:N missing" is the parser's way to say a value is missing.
        const std::string missing = " missing";
        if (const auto at = message.find(": 1 required "); at != std::string::npos && message.size() > missing.size() &&
                                                           message.compare(message.size() - missing.size(), missing.size(), missing) == 0)
            message = message.substr(0, at) + " needs a value";
        if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z' && !(message.size() > 1 && message[1] >= 'A' && message[1] <= 'Z'))
            message[0] = static_cast<char>(message[0] - 'A' + 'a');
        print_error(err, message, "run 'threatgraph --help' (or 'threatgraph COMMAND --help') for usage");
        return kUsageError;
    }
    return std::nullopt;
}

// Runs the chosen command, catching the library's errors once: one clear message and an exit code.
int run_command(const std::function<int(Context&)>& command, const GlobalOptions& options, std::ostream& out, std::ostream& err) {
    try {
        Context context(options, out, err);
        return command(context);
    } catch (const DataError& e) {
        for (const auto& d : e.diagnostics()) err << format_diagnostic(d);
        print_error(err, e.message(flag_words), e.hint(flag_words));
        return kDataError;
    } catch (const QueryError& e) {
        print_error(err, e.message(flag_words), e.hint(flag_words));
        return kDataError;
    } catch (const UsageError& e) {
        print_error(err, e.message(flag_words), e.hint(flag_words));
        return kUsageError;
    } catch (const IoError& e) {
        print_error(err, e.message(flag_words), e.hint(flag_words));
        return kIoError;
    } catch (const InternalError& e) {
        print_error(err, std::string("internal error: ") + e.what(), "please report this with the command that caused it");
        return kInternalError;
    } catch (const Interrupted& e) {
        print_error(err, e.message(flag_words), e.hint(flag_words));
        return kInterrupted;
    } catch (const std::bad_alloc&) {
        print_error(err, "out of memory", "the input may be too large for this machine");
        return kInternalError;
    } catch (const std::exception& e) {
        print_error(err, std::string("internal error: ") + e.what(), "please report this with the command that caused it");
        return kInternalError;
    }
}

} // namespace

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
    CLI::App app{"threatgraph: build, check and question knowledge graphs of transnational threat networks", "threatgraph"};
    app.set_version_flag("--version", std::string("threatgraph ") + TG_VERSION);
    app.require_subcommand(1, 1);
    app.fallthrough();

    app.formatter(std::make_shared<command_line::HelpFormatter>()); // before the commands, which take it from the app
    GlobalOptions options;
    add_global_options(app, options);
    Commands chosen;
    add_lookup_commands(app, chosen);
    add_path_commands(app, chosen);
    add_measure_commands(app, chosen);
    add_output_commands(app, chosen);
    add_builder_commands(app, chosen);
    add_shell_commands(app, chosen);
    for (auto* sub : app.get_subcommands({})) {
        sub->fallthrough();
        sub->group("Commands");
        if (const auto& example = command_example(sub->get_name()); !example.empty()) sub->footer("Example:\n  " + example);
    }
    if (const auto exit_code = parse(app, argc, argv, out, err)) return *exit_code;
    return run_command(chosen.command, options, out, err);
}

} // namespace tg::cli
