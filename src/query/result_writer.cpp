#include "query/result_writer.hpp"

#include "core/error.hpp"
#include "io/json_writer.hpp"
#include "query/describe.hpp"
#include "query/evidence.hpp"
#include "query/result_writer_parts.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace tg::query {

namespace {

std::string write(const KnowledgeGraph&, const SelectionMade& made, OutputFormat format) {
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object()
            .key("selection")
            .value(made.name)
            .key("entities")
            .value(made.entities)
            .key("relations")
            .value(made.relations)
            .end_object();
        return json.str();
    }
    if (format == OutputFormat::csv)
        return csv_row({"selection", "entities", "relations"}) +
               csv_row({made.name, std::to_string(made.entities), std::to_string(made.relations)});
    return "selection " + made.name + ": " + count_of(made.entities, "entity") + ", " + count_of(made.relations, "relation") + "\n";
}

std::string write(const KnowledgeGraph& graph, const EntitiesFound& found, OutputFormat format) {
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("entities").begin_array();
        for (auto e : found.entities) write_entity_json(json, graph, e);
        json.end_array().end_object();
        return json.str();
    }
    if (format == OutputFormat::csv) {
        std::string out = csv_row({"id", "name", "kind"});
        for (auto e : found.entities)
            out += csv_row({std::string(graph.entity(e).id()), std::string(graph.entity(e).name()), graph.entity(e).kind()});
        return out;
    }
    if (found.entities.empty()) return "no entity matches\n";
    TextTable table({"id", "name", "kind"});
    for (auto e : found.entities) {
        const auto* kind = graph.ontology().kind(graph.entity(e).kind());
        table.add({std::string(graph.entity(e).id()), std::string(graph.entity(e).name()),
                   kind && !kind->label.empty() ? kind->label : graph.entity(e).kind()});
    }
    return table.str() + count_of(found.entities.size(), "entity") + "\n";
}

// Lists longer than this are cut in the text output, with a line saying how many more there
// are; JSON and CSV list everything.
constexpr std::size_t kListed = 100;

std::string more_line(std::size_t total) {
    if (total <= kListed) return {};
    return "  ... and " + std::to_string(total - kListed) + " more (" + parameter("format") + " csv or json lists every one)\n";
}

std::string diameter_text(const PathLengths& p) {
    if (p.diameter_exact()) return std::to_string(p.diameter) + " hops (largest component, ignoring direction)";
    return "between " + std::to_string(p.diameter) + " and " + std::to_string(p.diameter_upper) +
           " hops (largest component, ignoring direction; the search stopped at its time budget, " + parameter("exact") + " finishes it)";
}

std::string average_text(const PathLengths& p) {
    if (p.average_exact()) return format_number(p.average, 4);
    return format_number(p.average, 4) + " ± " + format_number(p.margin, 2) + " (95% confidence; estimated from " +
           std::to_string(p.sources) + " of " + std::to_string(p.vertices) +
           " entities as sources, as searching from all would take about " + duration_text(p.full_seconds) + "; " + parameter("exact") +
           " does)";
}

std::string write(const KnowledgeGraph& graph, const StructureFound& found, OutputFormat format) {
    const auto& report = found.report;
    const auto& summary = report.summary;
    const auto& lengths = summary.path_lengths;
    const auto& weak = report.weak_components;
    const auto& points = report.articulation_points;
    const auto& links = report.bridges;
    const auto& cores = report.core_numbers;
    const auto& local = report.clustering;
    const auto id = [&](Vertex32 v) { return std::string(graph.entity(v).id()); };
    const auto name = [&](Vertex32 v) { return std::string(graph.entity(v).name()); };

    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object();
        json.key("entities").value(summary.vertices).key("arcs").value(summary.arcs).key("directed").value(found.directed);
        json.key("density").value(summary.density);
        json.key("weak_components").value(summary.weak_components).key("strong_components").value(summary.strong_components);
        json.key("largest_component").value(summary.largest_component);
        json.key("average_clustering").value(summary.average_clustering).key("transitivity").value(summary.transitivity);
        json.key("max_core").value(summary.max_core);
        json.key("diameter").value(lengths.diameter);
        if (!lengths.diameter_exact()) json.key("diameter_upper_bound").value(lengths.diameter_upper);
        json.key("average_path_length").value(lengths.average);
        if (!lengths.average_exact())
            json.key("average_path_length_estimate")
                .begin_object()
                .key("sources")
                .value(lengths.sources)
                .key("of")
                .value(lengths.vertices)
                .key("margin_95")
                .value(lengths.margin)
                .end_object();
        json.key("components").begin_array();
        for (const auto& c : weak) {
            json.begin_array();
            for (auto v : c) json.value(id(v));
            json.end_array();
        }
        json.end_array().key("articulation_points").begin_array();
        for (auto v : points) json.value(id(v));
        json.end_array().key("bridges").begin_array();
        for (const auto& [a, b] : links) json.begin_array().value(id(a)).value(id(b)).end_array();
        json.end_array().key("core_numbers").begin_object();
        for (auto v : found.shown) json.key(id(v)).value(cores[v]);
        json.end_object().key("clustering").begin_object();
        for (auto v : found.shown) json.key(id(v)).value(local[v]);
        json.end_object().end_object();
        return json.str();
    }
    if (format == OutputFormat::csv) {
        std::string out = csv_row({"id", "name", "component", "articulation_point", "core_number", "clustering"});
        std::vector<std::size_t> component_of(graph.entity_count(), 0);
        for (std::size_t c = 0; c < weak.size(); ++c)
            for (auto v : weak[c]) component_of[v] = c + 1;
        for (auto v : found.shown)
            out += csv_row({id(v), name(v), std::to_string(component_of[v]),
                            std::binary_search(points.begin(), points.end(), v) ? "true" : "false", std::to_string(cores[v]),
                            format_exact(local[v])});
        return out;
    }
    TextTable table;
    table.add({"entities", std::to_string(summary.vertices)});
    table.add({found.directed ? "linked pairs (directed)" : "linked pairs", std::to_string(summary.arcs)});
    table.add({"density", format_number(summary.density, 4)});
    table.add(
        {"weak components", std::to_string(summary.weak_components) + " (largest: " + std::to_string(summary.largest_component) + ")"});
    if (found.directed) table.add({"strong components", std::to_string(summary.strong_components)});
    table.add({"average clustering", format_number(summary.average_clustering, 4)});
    table.add({"transitivity", format_number(summary.transitivity, 4)});
    table.add({"highest k-core", std::to_string(summary.max_core)});
    table.add({"diameter", diameter_text(lengths)});
    table.add({"average path length", average_text(lengths)});
    std::string out = table.str();
    // NetworkX's clustering and transitivity on a directed graph count directed triangles; these are
    // those of the network read without direction.
    if (found.directed) out += "(clustering and transitivity read the relations without direction, as NetworkX's on G.to_undirected())\n";
    out += "\narticulation points (" + std::to_string(points.size()) + "): removing one splits its component\n";
    for (std::size_t i = 0; i < points.size() && i < kListed; ++i) out += "  " + name(points[i]) + "  [" + id(points[i]) + "]\n";
    out += more_line(points.size());
    out += "\nbridges (" + std::to_string(links.size()) + "): removing one splits its component\n";
    for (std::size_t i = 0; i < links.size() && i < kListed; ++i)
        out += "  " + name(links[i].first) + " -- " + name(links[i].second) + "\n";
    out += more_line(links.size());
    std::string core_members;
    std::size_t in_core = 0;
    for (auto v : found.shown)
        if (cores[v] == summary.max_core && in_core++ < kListed) core_members += (core_members.empty() ? "" : ", ") + name(v);
    out += "\n" + std::to_string(summary.max_core) + "-core (the most cohesive group";
    out += in_core > kListed ? ", " + std::to_string(in_core) + " entities)\n" : ")\n";
    out += wrap(core_members, 100, "  ") + more_line(in_core);
    return out;
}

std::string write(const KnowledgeGraph& graph, const CommunitiesFound& found, OutputFormat format) {
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("method").value(found.method).key("modularity").value(found.modularity);
        if (found.method == "louvain") json.key("seed").value(static_cast<std::int64_t>(found.seed));
        if (!found.assumed_weight.empty()) json.key("weight").value(found.assumed_weight);
        json.key("truncated").value(found.truncated).key("communities").begin_array();
        for (const auto& c : found.communities) {
            json.begin_array();
            for (auto v : c) json.value(graph.entity(v).id());
            json.end_array();
        }
        json.end_array().end_object();
        return json.str();
    }
    if (format == OutputFormat::csv) {
        std::string out = csv_row({"community", "id", "name"});
        for (std::size_t i = 0; i < found.communities.size(); ++i)
            for (auto v : found.communities[i])
                out += csv_row({std::to_string(i + 1), std::string(graph.entity(v).id()), std::string(graph.entity(v).name())});
        return out;
    }
    // A large network's text output names at most kListed communities and kListed members of
    // each; JSON and CSV list every one.
    std::string out = found.method + ": " + std::to_string(found.communities.size()) + " communities, modularity " +
                      format_number(found.modularity, 4) + "\n";
    if (!found.assumed_weight.empty())
        out += "ties weighed by their " + found.assumed_weight + " attribute, as NetworkX's louvain_communities does (" +
               parameter("weight") + " hops counts each tie once)\n";
    for (std::size_t i = 0; i < found.communities.size() && i < kListed; ++i) {
        std::string members;
        for (std::size_t k = 0; k < found.communities[i].size() && k < kListed; ++k)
            members += (members.empty() ? "" : ", ") + std::string(graph.entity(found.communities[i][k]).name());
        if (found.communities[i].size() > kListed)
            members += ", ... and " + std::to_string(found.communities[i].size() - kListed) + " more";
        out += "\n" + std::to_string(i + 1) + " (" + std::to_string(found.communities[i].size()) + ")\n" + wrap(members, 100, "  ");
    }
    if (found.communities.size() > kListed)
        out += "\n... and " + std::to_string(found.communities.size() - kListed) + " more communities (" + parameter("format") +
               " csv or json lists every one)\n";
    if (found.truncated) out += "\n(stopped after " + parameter("max_levels") + " splits)\n";
    return out;
}

std::string write(const KnowledgeGraph& graph, const MatchesFound& found, OutputFormat format) {
    const auto& matches = found.matches;
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("query").value(found.text).key("results").begin_array();
        for (const auto& m : matches) {
            json.begin_object();
            write_entity_fields(json, graph, m.entity);
            json.key("matched").value(m.matched).key("score").value(m.score).end_object();
        }
        json.end_array().end_object();
        return json.str();
    }
    if (format == OutputFormat::csv) {
        std::string out = csv_row({"rank", "id", "name", "kind", "matched", "score"});
        std::size_t rank = 0;
        for (const auto& m : matches) {
            const auto& e = graph.entity(m.entity);
            out +=
                csv_row({std::to_string(++rank), std::string(e.id()), std::string(e.name()), e.kind(), m.matched, format_exact(m.score)});
        }
        return out;
    }
    if (matches.empty()) return "no entity matches \"" + found.text + "\"\n";
    TextTable table({"score", "id", "name", "kind", "matched"});
    for (const auto& m : matches) {
        const auto& e = graph.entity(m.entity);
        table.add({format_number(m.score, 2), std::string(e.id()), std::string(e.name()), kind_label(graph, m.entity),
                   m.matched == std::string(e.name()) ? "" : m.matched});
    }
    return table.str();
}

std::string write(const KnowledgeGraph&, const RankingFound& found, OutputFormat format) {
    const auto& rows = found.rows;
    const bool worlds = found.worlds.worlds > 0;
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("measure").value(found.measure).key("lens").value(found.lens);
        json.key("weight").value(found.weight);
        json.key("normalized").value(found.normalized).key("directed").value(found.directed);
        if (worlds) write_worlds_json(json, found.worlds, found.top_k);
        if (!found.restart.empty()) {
            json.key("personalization").begin_array();
            for (std::size_t i = 0; i < found.restart.size(); ++i)
                json.begin_object().key("id").value(found.restart_ids[i]).key("weight").value(found.restart[i].second).end_object();
            json.end_array();
        }
        json.key("results").begin_array();
        for (const auto& r : rows) {
            json.begin_object().key("id").value(r.id).key("name").value(r.name).key("score").value(r.score);
            if (!r.relations.empty()) json.key("relations").value(r.relations);
            if (worlds) write_spread_json(json, r.spread);
            json.end_object();
        }
        json.end_array().end_object();
        return json.str();
    }
    if (format == OutputFormat::csv) {
        std::vector<std::string> header{"rank", "id", "name", "kind", "score"};
        if (worlds) header.insert(header.end(), {"median", "low", "high", "top_share"});
        std::string out = csv_row(header);
        const auto exact = [](double x) { return std::isnan(x) ? std::string() : format_exact(x); };
        for (std::size_t i = 0; i < rows.size(); ++i) {
            std::vector<std::string> row{std::to_string(i + 1), rows[i].id, rows[i].name, rows[i].kind, format_exact(rows[i].score)};
            if (worlds)
                row.insert(row.end(), {exact(rows[i].spread.median), exact(rows[i].spread.low), exact(rows[i].spread.high),
                                       exact(rows[i].spread.top_share)});
            out += csv_row(row);
        }
        return out;
    }
    std::vector<std::string> header{"rank", "score"};
    if (worlds) header.insert(header.end(), {"median", "90% interval", "top " + std::to_string(found.top_k)});
    header.insert(header.end(), {"id", "name", "kind"});
    TextTable table(header);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::vector<std::string> row{std::to_string(i + 1), format_number(rows[i].score, 4)};
        if (worlds) row.insert(row.end(), {spread_median(rows[i].spread), spread_interval(rows[i].spread), spread_share(rows[i].spread)});
        row.insert(row.end(), {rows[i].id, rows[i].name, rows[i].kind});
        table.add(row);
    }
    std::string restarts;
    for (const auto& [name, weight] : found.restart)
        restarts += (restarts.empty() ? ", restarting at " : ", ") + name + " (" + format_number(weight, 4) + ")";
    return found.lens_line + found.measure + " (" + std::to_string(found.entities) + " entities in view, " + found.weight +
           (found.directed ? ", directed" : ", undirected") + restarts + ")\n" +
           (worlds ? worlds_line(found.worlds, found.top_k, true) : "") + table.str();
}

std::string write(const KnowledgeGraph& graph, const KeyPlayersFound& found, OutputFormat format) {
    const auto& set = found.set;
    const bool reach = found.reach;
    const double baseline = found.baseline;
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("objective").value(found.objective).key("lens").value(found.lens);
        json.key("score").value(set.score);
        json.key("set").begin_array();
        for (const auto& m : set.members) {
            const auto& e = graph.entity(m.vertex);
            json.begin_object().key("id").value(e.id()).key("name").value(e.name()).key("contribution").value(m.contribution).end_object();
        }
        json.end_array();
        json.key("k").value(found.k);
        if (reach) json.key("steps").value(found.steps);
        json.key("baseline").value(baseline).key("entities").value(found.entities).key("seed").value(found.seed);
        json.key("passes").value(set.passes).key("evaluations").value(set.evaluations).key("converged").value(set.converged);
        json.key("search").value(set.exhaustive ? "exhaustive" : "greedy");
        if (!set.exhaustive) json.key("restarts").value(set.restarts).key("restarts_agreeing").value(set.restarts_agreeing);
        json.key("upper_bound");
        if (std::isnan(set.upper_bound))
            json.null();
        else
            json.value(set.upper_bound);
        if (found.worlds.worlds) {
            write_worlds_json(json, found.worlds, 0);
            json.key("score_over_worlds").begin_object();
            write_spread_json(json, found.over_worlds.set_score);
            json.end_object()
                .key("worlds_searched")
                .value(found.over_worlds.searched_worlds)
                .key("worlds_exhaustive")
                .value(found.over_worlds.exhaustive_worlds);
            json.key("membership").begin_array();
            for (auto v : found.members_somewhere)
                json.begin_object()
                    .key("id")
                    .value(graph.entity(v).id())
                    .key("name")
                    .value(graph.entity(v).name())
                    .key("share")
                    .value(found.over_worlds.membership[v])
                    .end_object();
            json.end_array();
        }
        json.end_object();
        return json.str();
    }
    if (format == OutputFormat::csv) {
        std::string out = csv_row({"rank", "id", "name", "kind", "contribution"});
        for (std::size_t i = 0; i < set.members.size(); ++i) {
            const auto& e = graph.entity(set.members[i].vertex);
            out += csv_row(
                {std::to_string(i + 1), std::string(e.id()), std::string(e.name()), e.kind(), format_exact(set.members[i].contribution)});
        }
        return out;
    }
    std::string out = found.lens_line + std::to_string(found.k) + " key player" + (found.k == 1 ? "" : "s") + " of " +
                      std::to_string(found.entities) + " entities by " + found.objective +
                      (reach ? " within " + std::to_string(found.steps) + " step" + (found.steps == 1 ? "" : "s") : "") +
                      " (Borgatti 2006, seed " + std::to_string(found.seed) + ")\n";
    if (reach)
        out += "together they reach " + format_number(100 * set.score, 4) + "% of the other entities\n";
    else
        out +=
            "removing them raises " + found.objective + " from " + format_number(baseline, 4) + " to " + format_number(set.score, 4) + "\n";
    if (set.exhaustive)
        out += "every set of " + std::to_string(found.k) + " was tried: no other set scores higher\n";
    else
        out += "greedy search with swaps from " + count_of(set.restarts, "seeded order") + " (" + std::to_string(set.restarts_agreeing) +
               " reached this score); " +
               (std::isnan(set.upper_bound)
                    ? std::string("no cheap bound is known for ") + found.objective
                    : "no set of " + std::to_string(found.k) + " can score above " + format_number(set.upper_bound, 4)) +
               "\n";
    TextTable table({"rank", "entity", "kind", "contribution"});
    for (std::size_t i = 0; i < set.members.size(); ++i) {
        const auto v = set.members[i].vertex;
        table.add({std::to_string(i + 1), std::string(graph.entity(v).name()), kind_label(graph, v),
                   format_number(set.members[i].contribution, 4)});
    }
    out += "\n" + table.str("  ");
    out += "\ncontribution: how much the score drops when that one member is left out of the set\n";
    if (!set.converged) out += "note: stopped after " + std::to_string(set.passes) + " swap passes; a better set may exist\n";
    if (found.worlds.worlds) {
        out += "\n" + worlds_line(found.worlds, 0, true);
        out += "this set's " + (reach ? std::string("reach") : found.objective) + " over the worlds: median " +
               spread_median(found.over_worlds.set_score) + ", 90% interval " + spread_interval(found.over_worlds.set_score) + "\n";
        out += "how often each entity is in a world's own best set of " + std::to_string(found.k) + " (searched in " +
               std::to_string(found.over_worlds.searched_worlds) + " worlds; every set tried in " +
               std::to_string(found.over_worlds.exhaustive_worlds) + ", greedy search with swaps from one seeded order in the others)\n";
        TextTable shares({"entity", "kind", "share", "in this set"});
        const std::size_t shown = std::min<std::size_t>(found.members_somewhere.size(), std::max<std::size_t>(2 * found.k, 10));
        for (std::size_t i = 0; i < shown; ++i) {
            const auto v = found.members_somewhere[i];
            const bool in_set = std::any_of(set.members.begin(), set.members.end(), [&](const KeyPlayer& m) { return m.vertex == v; });
            shares.add({std::string(graph.entity(v).name()), kind_label(graph, v), share_text(found.over_worlds.membership[v]),
                        in_set ? "yes" : ""});
        }
        out += shares.str("  ");
        if (found.members_somewhere.size() > shown)
            out += "  ... and " + count_of(found.members_somewhere.size() - shown, "more entity") + "\n";
    }
    return out;
}

std::string domains_of(const Convergence& c, const EntityRef& e, const ConvergenceNode& n, bool by_attribute) {
    if (by_attribute) return n.group == kNoGroup ? "" : c.domains[n.group];
    std::string out;
    for (const auto& d : e.domains()) out += (out.empty() ? "" : ", ") + d;
    if (n.group != kNoGroup && e.domains().size() > 1) out += " (as " + c.domains[n.group] + ")";
    return out;
}

std::string roles_of(const Brokerage& r) {
    if (r.total() == 0) return "";
    std::string out;
    const auto add = [&](std::size_t count, const char* name) {
        if (count) out += (out.empty() ? "" : ", ") + std::to_string(count) + " " + name;
    };
    add(r.coordinator, "coordinator");
    add(r.itinerant, "itinerant");
    add(r.representative, "representative");
    add(r.gatekeeper, "gatekeeper");
    add(r.liaison, "liaison");
    return out;
}

std::string number_or_dash(double x) { return std::isnan(x) ? "-" : format_number(x, 4); }

std::string write(const KnowledgeGraph& graph, const ConvergenceFound& found, OutputFormat format, Passages& passages) {
    const auto& c = found.convergence;
    const bool by_attribute = !found.group_by.empty();
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("lens").value(found.lens);
        json.key("directed").value(found.directed);
        if (!found.spreads.empty()) write_worlds_json(json, found.worlds, found.top_k);
        json.key("domains").begin_array();
        for (std::size_t g = 0; g < c.domains.size(); ++g)
            json.begin_object().key("id").value(c.domains[g]).key("actors").value(c.members[g]).end_object();
        json.end_array().key("cross_domain_pairs").value(c.cross_pairs).key("nodes").begin_array();
        for (const auto& n : c.nodes) {
            const auto& e = graph.entity(n.vertex);
            json.begin_object();
            write_entity_fields(json, graph, n.vertex);
            json.key("domains").begin_array();
            for (const auto& d : e.domains()) json.value(d);
            json.end_array().key("group");
            if (n.group == kNoGroup)
                json.null();
            else
                json.value(c.domains[n.group]);
            json.key("brokerage").begin_object().key("coordinator").value(n.roles.coordinator).key("itinerant").value(n.roles.itinerant);
            json.key("representative").value(n.roles.representative).key("gatekeeper").value(n.roles.gatekeeper);
            json.key("liaison").value(n.roles.liaison).key("total").value(n.roles.total()).end_object();
            json.key("constraint").value(n.constraint).key("effective_size").value(n.effective_size).key("score").value(n.score);
            if (!found.spreads.empty()) write_spread_json(json, found.spreads[n.vertex]);
            json.end_object();
        }
        json.end_array().key("nexus").begin_array();
        for (auto r : c.nexus) write_relation_json(json, graph, r, passages);
        json.end_array().end_object();
        return json.str();
    }
    if (format == OutputFormat::csv) {
        std::string out = csv_row({"id", "name", "kind", "domains", "group", "coordinator", "itinerant", "representative", "gatekeeper",
                                   "liaison", "constraint", "effective_size", "score"});
        for (const auto& n : c.nodes) {
            const auto& e = graph.entity(n.vertex);
            std::string domains;
            for (const auto& d : e.domains()) domains += (domains.empty() ? "" : ";") + d;
            const auto exact_or_empty = [](double x) { return std::isnan(x) ? std::string() : format_exact(x); };
            out += csv_row({std::string(e.id()), std::string(e.name()), e.kind(), domains, n.group == kNoGroup ? "" : c.domains[n.group],
                            std::to_string(n.roles.coordinator), std::to_string(n.roles.itinerant), std::to_string(n.roles.representative),
                            std::to_string(n.roles.gatekeeper), std::to_string(n.roles.liaison), exact_or_empty(n.constraint),
                            exact_or_empty(n.effective_size), format_exact(n.score)});
        }
        return out;
    }
    std::string out = found.lens_line + "convergence of ";
    for (std::size_t g = 0; g < c.domains.size(); ++g)
        if (c.members[g]) out += c.domains[g] + " (" + std::to_string(c.members[g]) + "), ";
    out += count_of(c.cross_pairs, by_attribute ? "cross-group pair" : "cross-domain pair") + " of actors, " +
           (found.directed ? "along the arrows" : "ties read both ways") + "\n";
    const std::string apart = by_attribute ? "actors of different groups" : "actors of different domains";
    out += "score: the share of shortest paths between " + apart + " that pass through the entity\n";
    if (!found.spreads.empty()) out += worlds_line(found.worlds, found.top_k, true);
    out += "\n";
    std::vector<std::string> header{"rank", "entity", "kind", by_attribute ? found.group_by : "domains", "score"};
    if (!found.spreads.empty()) header.insert(header.end(), {"median", "90% interval", "top " + std::to_string(found.top_k)});
    header.insert(header.end(), {"brokerage", "constraint", "effective size"});
    TextTable table(header);
    std::size_t shown = 0;
    for (const auto& n : c.nodes) {
        if (found.top && shown == found.top) break;
        if (n.score == 0 && n.roles.total() == 0) break;
        const auto& e = graph.entity(n.vertex);
        std::vector<std::string> row{std::to_string(++shown), std::string(e.name()), kind_label(graph, n.vertex),
                                     domains_of(c, e, n, by_attribute), format_number(n.score, 4)};
        if (!found.spreads.empty())
            row.insert(row.end(), {spread_median(found.spreads[n.vertex]), spread_interval(found.spreads[n.vertex]),
                                   spread_share(found.spreads[n.vertex])});
        row.insert(row.end(), {roles_of(n.roles), number_or_dash(n.constraint), number_or_dash(n.effective_size)});
        table.add(row);
    }
    out += shown ? table.str("  ") : "  no entity lies between " + apart + "\n";
    out += "\nnexus: " + std::to_string(c.nexus.size()) + " relation" + (c.nexus.size() == 1 ? "" : "s") +
           " on the shortest paths between " + apart + "\n";
    for (auto r : c.nexus) {
        const auto& rel = graph.relation(r);
        out += "  " + std::string(graph.entity(*graph.find(std::string(rel.source()))).name()) + relation_arrow(graph, r) +
               std::string(graph.entity(*graph.find(std::string(rel.target()))).name()) + "\n";
    }
    return out;
}

void write_profile(JsonWriter& json, const NetworkProfile& p) {
    json.begin_object().key("nodes").value(p.nodes).key("ties").value(p.ties).key("density").value(p.density);
    json.key("centralization").value(p.centralization).key("fragmentation").value(p.fragmentation);
    json.key("components").value(p.components).key("largest_component").value(p.largest_component).key("diameter").value(p.diameter);
    json.end_object();
}

void write_ids(JsonWriter& json, const KnowledgeGraph& graph, const std::vector<Vertex32>& vertices) {
    json.begin_array();
    for (auto v : vertices) json.value(graph.entity(v).id());
    json.end_array();
}

std::string names_of(const KnowledgeGraph& graph, const std::vector<Vertex32>& vertices) {
    std::string out;
    for (auto v : vertices) out += (out.empty() ? "" : ", ") + std::string(graph.entity(v).name());
    return out;
}

std::string write(const KnowledgeGraph& graph, const CounterNetworkFound& found, OutputFormat format, Passages& passages) {
    const auto& c = found.analysis;
    const auto& uncovered = found.uncovered;
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("threat_network");
        write_profile(json, c.threat);
        json.key("counter_network");
        write_profile(json, c.coalition);
        json.key("members");
        write_ids(json, graph, c.members);
        json.key("components").begin_array();
        for (const auto& component : c.components) write_ids(json, graph, component);
        json.end_array().key("isolated");
        write_ids(json, graph, c.isolated);
        json.key("coverage").begin_array();
        for (std::size_t i = 0; i < c.coverage.size(); ++i) {
            const auto& cover = c.coverage[i];
            json.begin_object().key("id").value(graph.entity(cover.target).id()).key("kind").value(graph.entity(cover.target).kind());
            json.key("countered_by");
            write_ids(json, graph, cover.countered_by);
            json.key("relations").begin_array();
            for (auto r : found.countering[i]) write_relation_json(json, graph, r, passages);
            json.end_array();
            json.end_object();
        }
        json.end_array().key("uncovered");
        write_ids(json, graph, uncovered);
        json.end_object();
        return json.str();
    }
    if (format == OutputFormat::csv) {
        std::string out = csv_row({"id", "name", "kind", "countered_by"});
        for (const auto& cover : c.coverage) {
            const auto& e = graph.entity(cover.target);
            std::string by;
            for (auto v : cover.countered_by) by += (by.empty() ? "" : ";") + std::string(graph.entity(v).id());
            out += csv_row({std::string(e.id()), std::string(e.name()), e.kind(), by});
        }
        return out;
    }
    TextTable table({"measure", "threat network", "counter-network"});
    const auto row = [&](const std::string& name, const std::string& a, const std::string& b) { table.add({name, a, b}); };
    const auto& t = c.threat;
    const auto& k = c.coalition;
    row("entities", std::to_string(t.nodes), std::to_string(k.nodes));
    row("linked pairs", std::to_string(t.ties), std::to_string(k.ties));
    row("density", format_number(t.density, 4), format_number(k.density, 4));
    row("degree centralization", format_number(t.centralization, 4), format_number(k.centralization, 4));
    row("fragmentation", format_number(t.fragmentation, 4), format_number(k.fragmentation, 4));
    row("components", std::to_string(t.components), std::to_string(k.components));
    row("largest component", std::to_string(t.largest_component), std::to_string(k.largest_component));
    row("diameter (hops)", std::to_string(t.diameter), std::to_string(k.diameter));
    std::string out = table.str();
    out += "\ncounter-network: " + count_of(c.members.size(), "member") + " in " + std::to_string(c.components.size()) + " component" +
           (c.components.size() == 1 ? "" : "s") + "\n";
    for (const auto& component : c.components) {
        if (component.size() < 2) break;
        out += "  " + std::to_string(component.size()) + ": " + (component.size() <= 12 ? names_of(graph, component) : "") + "\n";
        if (component.size() > 12) {
            std::vector<Vertex32> first(component.begin(), component.begin() + 12);
            out.pop_back();
            out += names_of(graph, first) + " and " + std::to_string(component.size() - 12) + " more\n";
        }
    }
    out += "\nisolated members (" + std::to_string(c.isolated.size()) + "): they counter threats alone, tied to no other member\n";
    if (!c.isolated.empty()) out += wrap(names_of(graph, c.isolated), 100, "  ");
    std::size_t covered = c.coverage.size() - uncovered.size();
    out += "\ncoverage: " + std::to_string(covered) + " of " + std::to_string(c.coverage.size()) +
           " threat actors, activities and routes are countered by a member\n";
    TextTable countered({"target", "kind", "countered by"});
    for (const auto& cover : c.coverage)
        if (!cover.countered_by.empty())
            countered.add(
                {std::string(graph.entity(cover.target).name()), kind_label(graph, cover.target), names_of(graph, cover.countered_by)});
    if (covered) out += countered.str("  ");
    out += "\nnot countered by any member (" + std::to_string(uncovered.size()) + ")\n";
    if (!uncovered.empty()) out += wrap(names_of(graph, uncovered), 100, "  ");
    return out;
}

std::string write(const KnowledgeGraph& graph, const SubnetworkFound& found, OutputFormat format, Passages& passages) {
    const auto& net = found.part;
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("lens").value(found.lens).key(found.named_as).begin_array();
        for (auto v : found.named) json.value(graph.entity(v).id());
        json.end_array().key("entities").begin_array();
        for (auto v : net.vertices) write_entity_json(json, graph, v);
        json.end_array().key("relations").begin_array();
        for (auto r : net.relations) write_relation_json(json, graph, r, passages);
        json.end_array().end_object();
        return json.str();
    }
    if (format == OutputFormat::csv) {
        // One table: entity rows, then relation rows, told apart by the first column.
        std::string out = csv_row({"record", "id", "name", "kind", "source", "type", "target", "confidence"});
        for (auto v : net.vertices) {
            const auto& e = graph.entity(v);
            out += csv_row({"entity", std::string(e.id()), std::string(e.name()), e.kind(), "", "", "", ""});
        }
        for (auto r : net.relations) {
            const auto& rel = graph.relation(r);
            out += csv_row({"relation", rel.id(), "", "", std::string(rel.source()), rel.type(), std::string(rel.target()),
                            format_exact(rel.confidence())});
        }
        return out;
    }
    std::string out = found.heading + ": " + std::to_string(net.vertices.size()) + " entit" + (net.vertices.size() == 1 ? "y" : "ies") +
                      ", " + std::to_string(net.relations.size()) + " relation" + (net.relations.size() == 1 ? "" : "s") + "\n" +
                      found.lens_line;
    TextTable entities({"id", "name", "kind"});
    for (auto v : net.vertices)
        entities.add({std::string(graph.entity(v).id()), std::string(graph.entity(v).name()), kind_label(graph, v)});
    out += "\nentities\n" + entities.str("  ");
    if (!net.relations.empty()) {
        TextTable relations({"relation", "confidence", "id"});
        for (auto r : net.relations) {
            const auto& rel = graph.relation(r);
            relations.add({std::string(graph.entity(graph.source_of(r)).name()) + relation_arrow(graph, r) +
                               std::string(graph.entity(graph.target_of(r)).name()),
                           format_number(rel.confidence()), rel.id()});
        }
        out += "\nrelations\n" + relations.str("  ");
    }
    return out;
}

std::string write(const KnowledgeGraph& graph, const EntityShown& shown, OutputFormat format, Passages& passages) {
    return write_entity_shown(graph, shown, format, passages);
}

std::string write(const KnowledgeGraph& graph, const RelationShown& shown, OutputFormat format, Passages& passages) {
    return write_relation_shown(graph, shown, format, passages);
}

std::string write(const KnowledgeGraph& graph, const SummaryFound& found, OutputFormat format) {
    return write_summary(graph, found, format);
}

std::string write(const KnowledgeGraph& graph, const PathsFound& found, OutputFormat format, Passages& passages) {
    return write_paths(graph, found, format, passages);
}

std::string write(const KnowledgeGraph& graph, const DisruptionFound& found, OutputFormat format) {
    return write_disruption(graph, found, format);
}

std::string write(const KnowledgeGraph&, const FileWritten& written, OutputFormat format) {
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("wrote").value(written.path).key("format").value(written.format);
        json.key("entities").value(written.entities).key("relations").value(written.relations).end_object();
        return json.str();
    }
    if (format == OutputFormat::csv)
        return csv_row({"wrote", "format", "entities", "relations"}) +
               csv_row({written.path, written.format, std::to_string(written.entities), std::to_string(written.relations)});
    return "wrote " + written.path + "\n";
}

// The results that quote evidence.
template <class T>
constexpr bool kQuotesEvidence =
    std::is_same_v<T, ConvergenceFound> || std::is_same_v<T, CounterNetworkFound> || std::is_same_v<T, SubnetworkFound> ||
    std::is_same_v<T, EntityShown> || std::is_same_v<T, RelationShown> || std::is_same_v<T, PathsFound>;

} // namespace

std::string write_result(const KnowledgeGraph& graph, const StatementResult& result, OutputFormat format, Spelling spell,
                         const std::function<Passages&()>& passages) {
    const auto text = std::visit(
        [&](const auto& r) {
            if constexpr (kQuotesEvidence<std::decay_t<decltype(r)>>) {
                if (passages) return write(graph, r, format, passages());
                Passages none(graph, {}, true);
                return write(graph, r, format, none);
            } else {
                return write(graph, r, format);
            }
        },
        result);
    return spell_parameters(text, spell);
}

} // namespace tg::query
