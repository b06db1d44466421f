#include "cli/query_runner.hpp"

#include "analysis/paths.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/parameter_words.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/file_guard.hpp"
#include "io/json_writer.hpp"
#include "query/clause_words.hpp"

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
    throw UsageError("cannot tell the export format of \"" + path + "\"", "end the name in .json, .graphml, .gexf, .dot or .cypher, or add AS FORMAT");
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

ViewArgs QueryRunner::view_args(const query::BoundStatement& b) const {
    ViewArgs v;
    if (b.has("via")) v.via = b.values.at("via");
    if (b.has("not via")) v.not_via = b.values.at("not via");
    v.lens = b.value("lens");
    if (b.spec->verb == "convergence") v.default_lens = Lens::threat;
    v.min_confidence = b.number("min confidence", 0);
    v.as_of = b.value("as of");
    v.weight = b.value("weight");
    v.ignore_direction = b.has("ignore direction");
    const Selection* in = nullptr;
    if (!b.selection.empty() && selections_.count(b.selection)) in = &selections_.at(b.selection);
    const auto where = b.entities;
    if (in || where)
        v.keep_entity = [in, where](EntityIndex e) { return (!in || in->entities[e]) && (!where || where(e)); };
    const auto relations = b.relations;
    if (in || relations)
        v.keep_relation = [in, relations](RelationIndex r) { return (!in || in->relations[r]) && (!relations || relations(r)); };
    return v;
}

// The entities and relations a LET statement names.
QueryRunner::Selection QueryRunner::select(const query::BoundStatement& b) {
    const auto& graph = context_.graph();
    const GraphSnapshot snapshot(graph);
    const auto& verb = b.spec->verb;
    auto args = view_args(b);
    if (verb == "paths") default_to_threat_lens_between(args, graph, {b.value("from"), b.value("to")});
    if (verb == "connect") default_to_threat_lens_between(args, graph, b.arguments);
    const View view = make_view(snapshot, args, verb == "paths" ? "confidence" : "hops");
    Selection s;
    s.entities.assign(graph.entity_count(), 0);
    s.relations.assign(graph.relation_count(), 0);
    // An entity outside the view is the mistake the statement's command reports, not an empty selection.
    const auto vertex = [&](const std::string& id) { return resolve_in_view(view, id); };
    const std::size_t hop_limit = std::min<std::size_t>(b.count("max hops", 0), graph.entity_count());
    Subnetwork part;
    if (verb == "select" || verb == "find") {
        part.vertices = view.active_vertices();
        if (b.has("limit") && part.vertices.size() > b.count("limit", 0)) part.vertices.resize(b.count("limit", 0));
        std::vector<std::uint8_t> kept(graph.entity_count(), 0);
        for (auto v : part.vertices) kept[v] = 1;
        for (auto r : relations_in(view))
            if (kept[snapshot.relation_source(r)] && kept[static_cast<Vertex32>(graph.target_of(r))]) part.relations.push_back(r);
    } else if (verb == "neighbors") {
        part = ego_network(view, vertex(b.arguments.front()), b.count("depth", 1), parse_direction(b.value("direction", "any")));
    } else if (verb == "connect") {
        std::vector<Vertex32> members;
        for (const auto& id : b.arguments) members.push_back(vertex(id));
        PathOptions options;
        options.direction = parse_direction(b.value("direction", "any"));
        if (b.has("through")) options.through_kinds = b.values.at("through");
        options.max_hops = hop_limit;
        part = connecting_network(view, members, options);
    } else if (verb == "paths") {
        PathOptions options;
        options.direction = parse_direction(b.value("direction", "out"));
        if (b.has("through")) options.through_kinds = b.values.at("through");
        options.max_hops = hop_limit;
        const auto from = vertex(b.value("from")), to = vertex(b.value("to"));
        const auto paths = b.has("all") ? all_simple_paths(view, from, to, options, b.count("cap", 100)).paths
                                        : shortest_paths(view, from, to, options, b.count("k", 1));
        if (paths.empty())
            throw DataError("no path from \"" + std::string(graph.entity(from).name()) + "\" to \"" + std::string(graph.entity(to).name()) + "\" in this view",
                            "try DIRECTION any, or loosen the filters");
        for (const auto& path : paths) {
            part.vertices.insert(part.vertices.end(), path.vertices.begin(), path.vertices.end());
            for (const auto& hop : path.hops) part.relations.push_back(hop.relation);
        }
    }
    for (auto v : part.vertices) s.entities[v] = 1;
    for (auto r : part.relations) s.relations[r] = 1;
    return s;
}

std::string QueryRunner::run_statement(const query::BoundStatement& b) {
    const auto& s = *b.statement;
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

    if (!s.assign_to.empty()) {
        auto selection = select(b);
        std::size_t entities = 0, relations = 0;
        for (auto e : selection.entities) entities += e;
        for (auto r : selection.relations) relations += r;
        selections_[s.assign_to] = std::move(selection);
        if (context_.format() == OutputFormat::json) {
            JsonWriter json;
            json.begin_object().key("selection").value(s.assign_to).key("entities").value(entities).key("relations").value(relations).end_object();
            return json.str();
        }
        if (context_.format() == OutputFormat::csv)
            return csv_row({"selection", "entities", "relations"}) + csv_row({s.assign_to, std::to_string(entities), std::to_string(relations)});
        return "selection " + s.assign_to + ": " + count_of(entities, "entity") + ", " + count_of(relations, "relation") + "\n";
    }

    if (verb == "find") {
        const GraphSnapshot snapshot(graph);
        const View view = make_view(snapshot, view_args(b), "hops");
        auto found = view.active_vertices();
        if (b.has("limit") && found.size() > b.count("limit", 0)) found.resize(b.count("limit", 0));
        if (context_.format() == OutputFormat::json) {
            JsonWriter json;
            json.begin_object().key("entities").begin_array();
            for (auto v : found)
                json.begin_object().key("id").value(graph.entity(v).id()).key("name").value(graph.entity(v).name()).key("kind").value(graph.entity(v).kind()).end_object();
            json.end_array().end_object();
            return json.str();
        }
        if (context_.format() == OutputFormat::csv) {
            out = csv_row({"id", "name", "kind"});
            for (auto v : found) out += csv_row({std::string(graph.entity(v).id()), std::string(graph.entity(v).name()), graph.entity(v).kind()});
            return out;
        }
        TextTable table({"id", "name", "kind"});
        for (auto v : found) {
            const auto* kind = graph.ontology().kind(graph.entity(v).kind());
            table.add({std::string(graph.entity(v).id()), std::string(graph.entity(v).name()), kind && !kind->label.empty() ? kind->label : graph.entity(v).kind()});
        }
        return found.empty() ? "no entity matches\n" : table.str() + count_of(found.size(), "entity") + "\n";
    }
    if (verb == "select") throw UsageError("SELECT makes a selection: name it with LET name = SELECT ...");
    if (verb == "search") run_search(context_, {b.arguments.front(), b.count("limit", 10)});
    if (verb == "show") run_show(context_, {b.arguments.front()});
    if (verb == "summary") run_info(context_);
    if (verb == "neighbors") run_ego(context_, {b.arguments.front(), b.count("depth", 1), b.value("direction", "any"), view_args(b)});
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
        a.view = view_args(b);
        run_paths(context_, a);
    }
    if (verb == "connect") {
        ConnectArgs a;
        a.members = b.arguments;
        a.direction = b.value("direction", "any");
        if (b.has("through")) a.through = b.values.at("through");
        a.max_hops = std::min<std::size_t>(b.count("max hops", 0), graph.entity_count());
        a.view = view_args(b);
        run_connect(context_, a);
    }
    if (verb == "centrality") {
        CentralityArgs a;
        a.measure = b.arguments.front();
        a.top = b.count("top", 0);
        a.raw = b.has("raw");
        a.samples = b.count("samples", 0);
        a.seed = b.count("seed", 0);
        a.view = view_args(b);
        run_centrality(context_, a);
    }
    if (verb == "structure") {
        StructureArgs a;
        a.view = view_args(b);
        run_structure(context_, a);
    }
    if (verb == "communities") {
        CommunitiesArgs a;
        a.method = b.value("method", "louvain");
        a.seed = b.count("seed", 0);
        a.max_levels = b.count("max levels", 1000);
        a.view = view_args(b);
        run_communities(context_, a);
    }
    if (verb == "convergence") {
        ConvergenceArgs a;
        if (b.has("domains")) a.domains = b.values.at("domains");
        a.group_by = b.value("group by");
        a.top = b.count("top", 15);
        a.directed = b.has("directed");
        a.view = view_args(b);
        run_convergence(context_, a);
    }
    if (verb == "keyplayers") {
        KeyPlayersArgs a;
        a.k = std::stoul(b.arguments.front());
        a.objective = b.value("objective", "fragmentation");
        a.steps = b.count("steps", 1);
        a.seed = b.count("seed", 0);
        a.view = view_args(b);
        run_keyplayers(context_, a);
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
        a.view = view_args(b);
        run_disrupt(context_, a);
    }
    if (verb == "counter-network") {
        CounterNetworkArgs a;
        for (const char* k : {"coalition", "threats", "targets", "via", "cooperation"}) {
            if (!b.has(k)) continue;
            const std::string key(k);
            auto& into = key == "coalition" ? a.coalition : key == "threats" ? a.threats : key == "targets" ? a.targets : key == "via" ? a.via : a.cooperation;
            into = b.values.at(k);
        }
        a.view.min_confidence = b.number("min confidence", 0);
        a.view.as_of = b.value("as of");
        run_counter_network(context_, a);
    }
    if (verb == "export") {
        ExportArgs a;
        a.to = b.has("as") ? b.value("as") : format_for(b.value("to"));
        a.view = view_args(b);
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
        a.view = view_args(b);
        run_render(context_, a);
        out += "wrote " + a.path + "\n";
    }
    return out;
}

std::vector<std::string> QueryRunner::selection_names() const {
    std::vector<std::string> out;
    for (const auto& [name, s] : selections_) out.push_back(name);
    return out;
}

std::string QueryRunner::format(const std::vector<Result>& results) const {
    if (context_.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_array();
        for (const auto& r : results) {
            json.begin_object().key("statement").value(r.statement->text);
            if (results.front().query != results.back().query) json.key("file").value(r.query->source->name());
            json.key("line").value(r.query->source->position(r.statement->statement->begin).line).key("result");
            if (r.output.empty() || (r.output[0] != '{' && r.output[0] != '[')) json.value(r.output);
            else json.document(r.output);
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
                diagnostics.insert(diagnostics.begin(), Diagnostic{Severity::error, query->source, {}, b.statement->offset, b.statement->length,
                                                                   "query-run", to_upper_ascii(b.spec->verb) + " failed: " + in_query_words(e.message(query_words)),
                                                                   in_query_words(e.hint(query_words))});
                stop(std::move(diagnostics));
            } catch (const Error& e) {
                stop({{Severity::error, query->source, {}, b.statement->offset, b.statement->length, "query-run",
                       to_upper_ascii(b.spec->verb) + " failed: " + in_query_words(e.message(query_words)), in_query_words(e.hint(query_words))}});
            }
            results.push_back({query, &b, std::move(output)});
        }
    return format(results);
}

} // namespace tg::cli
