#include "analysis/paths.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parameter_words.hpp"
#include "cli/view_options.hpp"
#include "cli/worlds.hpp"
#include "core/error.hpp"
#include "core/output.hpp"
#include "io/json_writer.hpp"
#include "query/describe.hpp"
#include "query/evidence.hpp"

#include <cmath>
#include <ostream>

namespace tg::cli {

namespace {

std::string hop_text(const KnowledgeGraph& g, const Hop& hop) {
    return relation_arrow(g, hop.relation, hop.along) + std::string(g.entity(hop.to).name());
}

} // namespace

int run_paths(Context& context, const PathsArgs& args) {
    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    auto view_args = args.view;
    default_to_threat_lens_between(view_args, graph, {args.from, args.to});
    const View view = make_view(snapshot, view_args, "confidence");
    // Yen's search runs a shortest-path search per hop of every path found: k is bounded so that
    // a mistyped count cannot run for hours.
    constexpr std::size_t kMostPaths = 1000;
    if (args.k < 1) throw UsageError("--k must be at least 1");
    if (args.k > kMostPaths)
        throw UsageError("--k " + std::to_string(args.k) + " is more than " + std::to_string(kMostPaths) + " paths",
                         "choose at most " + std::to_string(kMostPaths) + ", or list every path within a few hops with --all --max-hops N");
    PathOptions options;
    options.direction = parse_direction(args.direction);
    if (!graph.directed()) options.direction = Direction::any;
    options.through_kinds = args.through;
    options.max_hops = args.max_hops;
    const auto s = resolve_in_view(view, args.from);
    const auto t = resolve_in_view(view, args.to);
    if (s == t) throw UsageError("the two ends of a path must differ");

    std::vector<Path> paths;
    bool truncated = false;
    if (args.all) {
        if (args.max_hops == 0) throw UsageError("--all needs --max-hops N: the number of simple paths grows exponentially");
        auto list = all_simple_paths(view, s, t, options, args.cap);
        paths = std::move(list.paths);
        truncated = list.truncated;
    } else {
        paths = shortest_paths(view, s, t, options, args.k);
    }
    if (paths.empty())
        throw DataError(
            "no path from \"" + std::string(graph.entity(s).name()) + "\" to \"" + std::string(graph.entity(t).name()) + "\" in this view",
            std::string(options.direction == Direction::out ? "try --direction any, or loosen the filters" : "loosen the filters") +
                (lens_of(view_args, graph.ontology()) == Lens::all ? "" : " (--lens all takes in every relation)"));

    const bool by_confidence = view.weight_spec().kind == WeightSpec::Kind::confidence;
    // With --uncertainty: how often B is still reached, and the most reliable path (the greatest
    // product of confidences: the chance that every relation on it holds).
    Reachability reach;
    std::vector<Path> reliable;
    if (args.worlds.worlds) {
        warn_if_certain(view, context);
        reach = reachability(view, s, t, options, world_options(args.worlds, context));
        if (by_confidence) {
            reliable.push_back(paths.front());
        } else {
            auto confident = view_args;
            confident.weight = "confidence";
            reliable = shortest_paths(make_view(snapshot, confident, "confidence"), s, t, options, 1);
        }
    }
    // The most reliable path is found by -ln(confidence): its cost gives the product back.
    const auto chain_confidence = [](const Path& p) { return std::exp(-p.cost); };
    auto& passages = context.passages();
    if (context.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("from").value(graph.entity(s).id()).key("to").value(graph.entity(t).id());
        json.key("lens").value(lens_name(lens_of(view_args, graph.ontology())));
        if (args.worlds.worlds) {
            write_worlds_json(json, args.worlds, 0);
            json.key("reachability").begin_object().key("worlds").value(reach.worlds).key("reached").value(reach.reached);
            json.key("probability").value(reach.probability()).key("low").value(reach.low).key("high").value(reach.high).end_object();
            json.key("most_reliable");
            if (reliable.empty()) {
                json.null();
            } else {
                json.begin_object().key("nodes").begin_array();
                for (auto v : reliable.front().vertices) json.value(graph.entity(v).id());
                json.end_array().key("relations").begin_array();
                for (const auto& h : reliable.front().hops) json.value(graph.relation(h.relation).id());
                json.end_array().key("confidence").value(chain_confidence(reliable.front())).end_object();
            }
        }
        json.key("weight").value(view.weight_spec().describe()).key("paths").begin_array();
        for (const auto& p : paths) {
            json.begin_object().key("nodes").begin_array();
            for (auto v : p.vertices) json.value(graph.entity(v).id());
            json.end_array().key("relations").begin_array();
            for (const auto& h : p.hops) {
                const auto& r = graph.relation(h.relation);
                json.begin_object().key("id").value(r.id()).key("source").value(r.source()).key("target").value(r.target());
                json.key("type").value(r.type()).key("confidence").value(r.confidence());
                if (!h.parallel.empty()) {
                    json.key("parallel").begin_array();
                    for (auto other : h.parallel) json.value(graph.relation(other).id());
                    json.end_array();
                }
                if (r.grading()) json.key("grading").value(r.grading()->code());
                json.key("evidence");
                write_evidence_json(json, graph, r.evidence(), passages);
                json.end_object();
            }
            json.end_array().key("hops").value(p.hops.size()).key("cost").value(p.cost);
            if (by_confidence) json.key("confidence").value(std::exp(-p.cost));
            json.end_object();
        }
        json.end_array().key("truncated").value(truncated).end_object();
        context.emit(json.str());
    } else if (context.format() == OutputFormat::csv) {
        std::string out = csv_row({"path", "step", "from", "relation", "type", "to", "confidence"});
        for (std::size_t i = 0; i < paths.size(); ++i)
            for (std::size_t k = 0; k < paths[i].hops.size(); ++k) {
                const auto& h = paths[i].hops[k];
                const auto& r = graph.relation(h.relation);
                out += csv_row({std::to_string(i + 1), std::to_string(k + 1), std::string(graph.entity(h.from).id()), r.id(), r.type(),
                                std::string(graph.entity(h.to).id()), format_exact(r.confidence())});
            }
        context.emit(out);
    } else {
        std::string out = lens_line(view_args, graph.ontology());
        if (args.worlds.worlds) {
            out += worlds_line(args.worlds, 0, false);
            out += std::string(graph.entity(s).name()) + " reaches " + std::string(graph.entity(t).name()) + " in " +
                   std::to_string(reach.reached) + " of " + count_of(reach.worlds, "world") + ": probability " +
                   format_number(reach.probability(), 3) + " (90% interval " + format_number(reach.low, 3) + "-" +
                   format_number(reach.high, 3) + ")\n";
            if (!reliable.empty()) {
                out += "most reliable path: chain confidence " + format_number(chain_confidence(reliable.front()), 3) +
                       " (the chance that every relation on it holds)\n  " + std::string(graph.entity(s).name());
                for (const auto& h : reliable.front().hops) out += hop_text(graph, h);
                out += "\n";
            }
            out += "\n";
        }
        for (std::size_t i = 0; i < paths.size(); ++i) {
            const auto& p = paths[i];
            out += "path " + std::to_string(i + 1) + ": " + std::to_string(p.hops.size()) + " hop" + (p.hops.size() == 1 ? "" : "s");
            if (by_confidence)
                out += ", chain confidence " + format_number(std::exp(-p.cost), 3);
            else if (view.weighted())
                out += ", cost " + format_number(p.cost);
            out += "\n  " + std::string(graph.entity(p.vertices.front()).name());
            for (const auto& h : p.hops) out += hop_text(graph, h);
            out += "\n";
            for (const auto& h : p.hops) {
                const auto& r = graph.relation(h.relation);
                out += "    " + r.id() + "  (confidence " + format_number(r.confidence()) + ")";
                if (!r.evidence().empty()) out += ": " + r.evidence().front().paraphrase;
                out += "\n";
                for (const auto& e : r.evidence())
                    if (const auto quote = passages.of(e))
                        out += wrap("\"" + *quote + "\" (" + e.source + " " + e.section + ")", 100, "      > ");
                for (auto other : h.parallel) out += "      also: " + graph.relation(other).id() + "\n";
            }
        }
        if (const auto hint = passages_hint(graph, passages, flag_words); !hint.empty()) out += hint;
        if (truncated)
            out += "(the list stopped at --cap " + std::to_string(args.cap) + " or at the work limit; there may be more paths)\n";
        context.emit(out);
    }
    if (truncated) context.err() << "threatgraph: note: the path list was cut at " << paths.size() << " paths\n";
    return kOk;
}

} // namespace tg::cli
