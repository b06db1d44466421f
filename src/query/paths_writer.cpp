#include "core/error.hpp"
#include "core/output.hpp"
#include "io/json_writer.hpp"
#include "query/describe.hpp"
#include "query/evidence.hpp"
#include "query/result_writer_parts.hpp"
#include "query/worlds.hpp"

#include <cmath>

namespace tg::query {

namespace {

std::string hop_text(const KnowledgeGraph& g, const Hop& hop) {
    return relation_arrow(g, hop.relation, hop.along) + std::string(g.entity(hop.to).name());
}

} // namespace

std::string write_paths(const KnowledgeGraph& graph, const PathsFound& found, OutputFormat format, Passages& passages) {
    // The most reliable path is found by -ln(confidence): its cost gives the product back.
    const auto chain_confidence = [](const Path& p) { return std::exp(-p.cost); };
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("from").value(graph.entity(found.from).id()).key("to").value(graph.entity(found.to).id());
        json.key("lens").value(found.lens);
        if (found.worlds.worlds) {
            write_worlds_json(json, found.worlds, 0);
            json.key("reachability").begin_object().key("worlds").value(found.reach.worlds).key("reached").value(found.reach.reached);
            json.key("probability")
                .value(found.reach.probability())
                .key("low")
                .value(found.reach.low)
                .key("high")
                .value(found.reach.high)
                .end_object();
            json.key("most_reliable");
            if (!found.most_reliable) {
                json.null();
            } else {
                json.begin_object().key("nodes").begin_array();
                for (auto v : found.most_reliable->vertices) json.value(graph.entity(v).id());
                json.end_array().key("relations").begin_array();
                for (const auto& h : found.most_reliable->hops) json.value(graph.relation(h.relation).id());
                json.end_array().key("confidence").value(chain_confidence(*found.most_reliable)).end_object();
            }
        }
        json.key("weight").value(found.weight).key("paths").begin_array();
        for (const auto& p : found.paths) {
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
            if (found.by_confidence) json.key("confidence").value(std::exp(-p.cost));
            json.end_object();
        }
        json.end_array().key("truncated").value(found.truncated).end_object();
        return json.str();
    }
    if (format == OutputFormat::csv) {
        std::string out = csv_row({"path", "step", "from", "relation", "type", "to", "confidence"});
        for (std::size_t i = 0; i < found.paths.size(); ++i)
            for (std::size_t k = 0; k < found.paths[i].hops.size(); ++k) {
                const auto& h = found.paths[i].hops[k];
                const auto& r = graph.relation(h.relation);
                out += csv_row({std::to_string(i + 1), std::to_string(k + 1), std::string(graph.entity(h.from).id()), r.id(), r.type(),
                                std::string(graph.entity(h.to).id()), format_exact(r.confidence())});
            }
        return out;
    }
    std::string out = found.lens_line;
    if (found.worlds.worlds) {
        out += worlds_line(found.worlds, 0, false);
        out += std::string(graph.entity(found.from).name()) + " reaches " + std::string(graph.entity(found.to).name()) + " in " +
               std::to_string(found.reach.reached) + " of " + count_of(found.reach.worlds, "world") + ": probability " +
               format_number(found.reach.probability(), 3) + " (90% interval " + format_number(found.reach.low, 3) + "-" +
               format_number(found.reach.high, 3) + ")\n";
        if (found.most_reliable) {
            out += "most reliable path: chain confidence " + format_number(chain_confidence(*found.most_reliable), 3) +
                   " (the chance that every relation on it holds)\n  " + std::string(graph.entity(found.from).name());
            for (const auto& h : found.most_reliable->hops) out += hop_text(graph, h);
            out += "\n";
        }
        out += "\n";
    }
    for (std::size_t i = 0; i < found.paths.size(); ++i) {
        const auto& p = found.paths[i];
        out += "path " + std::to_string(i + 1) + ": " + std::to_string(p.hops.size()) + " hop" + (p.hops.size() == 1 ? "" : "s");
        if (found.by_confidence)
            out += ", chain confidence " + format_number(std::exp(-p.cost), 3);
        else if (found.weighted)
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
    if (const auto hint = passages_hint(graph, passages, parameter); !hint.empty()) out += hint;
    if (found.truncated)
        out += "(the list stopped at " + parameter("cap") + " " + std::to_string(found.cap) +
               " or at the work limit; there may be more paths)\n";
    return out;
}

} // namespace tg::query
