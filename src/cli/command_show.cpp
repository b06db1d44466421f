#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parameter_words.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/output.hpp"
#include "io/evidence_writer.hpp"
#include "io/json_writer.hpp"
#include "model/admiralty.hpp"
#include "query/describe.hpp"
#include "query/evidence.hpp"

#include <algorithm>
#include <memory>

namespace tg::cli {

namespace {

std::string attribute_text(const Attribute& a) {
    std::string text = format_value(a.value);
    if (!a.unit.empty()) text += " " + a.unit;
    if (a.year) text += " (" + std::to_string(*a.year) + ")";
    if (!a.note.empty()) text += " - " + a.note;
    return text;
}

std::string period_text(const Period& p) {
    if (p.from.empty()) return "until " + p.to;
    if (p.to.empty()) return "from " + p.from;
    return p.from + " to " + p.to;
}

struct Relating {
    RelationIndex index;
    bool outgoing;
};

// Relations of an entity: outgoing first, then incoming, each by type then by the other end.
std::vector<Relating> relations_of(const KnowledgeGraph& graph, EntityIndex e) {
    std::vector<Relating> list;
    for (auto r : graph.out_relations(e)) list.push_back({r, true});
    for (auto r : graph.in_relations(e))
        if (graph.source_of(r) != graph.target_of(r)) list.push_back({r, false});
    // In an undirected network in and out mean nothing: order by type and name only.
    const bool directed = graph.directed();
    std::stable_sort(list.begin(), list.end(), [&](const Relating& a, const Relating& b) {
        if (directed && a.outgoing != b.outgoing) return a.outgoing;
        const auto& ra = graph.relation(a.index);
        const auto& rb = graph.relation(b.index);
        if (ra.type() != rb.type()) return ra.type() < rb.type();
        const auto oa = a.outgoing ? graph.target_of(a.index) : graph.source_of(a.index);
        const auto ob = b.outgoing ? graph.target_of(b.index) : graph.source_of(b.index);
        return std::string(graph.entity(oa).name()) < std::string(graph.entity(ob).name());
    });
    return list;
}

// `show RELATION_ID`: the relation, its ends, grading, period, attributes and evidence.
int show_relation(Context& context, RelationIndex r) {
    const auto& graph = context.graph();
    auto& passages = context.passages();
    const auto relation = graph.relation(r);
    if (context.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("relation");
        write_relation_json(json, graph, r, passages);
        for (const auto& [role, e] : {std::pair<const char*, EntityIndex>{"source", graph.source_of(r)}, {"target", graph.target_of(r)}}) {
            const auto end = graph.entity(e);
            json.key(role)
                .begin_object()
                .key("id")
                .value(end.id())
                .key("name")
                .value(end.name())
                .key("kind")
                .value(end.kind())
                .end_object();
        }
        json.key("attributes").begin_object();
        for (const auto& [name, a] : relation.attributes()) {
            json.key(name).begin_object().key("value").value(a.value);
            if (!a.unit.empty()) json.key("unit").value(a.unit);
            if (a.year) json.key("year").value(*a.year);
            if (!a.note.empty()) json.key("note").value(a.note);
            json.end_object();
        }
        json.end_object().end_object();
        context.emit(json.str());
        return kOk;
    }
    if (context.format() == OutputFormat::csv) {
        std::string out = csv_row({"source", "section", "start", "end", "paraphrase", "quote"});
        for (const auto& e : relation.evidence())
            out +=
                csv_row({e.source, e.section, std::to_string(e.start), std::to_string(e.end), e.paraphrase, passages.of(e).value_or("")});
        context.emit(out);
        return kOk;
    }
    std::string out = std::string(graph.entity(graph.source_of(r)).name()) + relation_arrow(graph, r) +
                      std::string(graph.entity(graph.target_of(r)).name()) + "  [" + relation.id() + "]\n";
    if (!context.network()) {
        out += "confidence " + format_number(relation.confidence());
        if (relation.grading()) out += ", graded " + relation.grading()->code();
        if (const auto why = grade_reason(relation.evidence()); !why.empty()) out += " (" + why + ")";
        if (relation.period()) out += ", " + period_text(*relation.period());
        out += "\n";
    }
    for (const auto& [name, a] : relation.attributes()) out += "  " + name + " = " + attribute_text(a) + "\n";
    if (!relation.evidence().empty()) {
        out += "\nevidence\n";
        append_evidence_text(out, relation.evidence(), passages, "  ");
    }
    if (const auto hint = passages_hint(graph, passages, flag_words); !hint.empty()) out += "\n" + hint;
    context.emit(out);
    return kOk;
}

} // namespace

int run_show(Context& context, const ShowArgs& args) {
    const auto& graph = context.graph();
    // An entity's id, name or alias first; a relation's id when no entity has it as its id.
    if (!graph.find(args.entity))
        if (const auto r = find_relation(graph, args.entity)) return show_relation(context, *r);
    EntityIndex index = 0;
    try {
        index = graph.resolve(args.entity);
    } catch (const DataError& unknown) {
        // Named like a relation ("a-type-b") and close to one: say so.
        if (args.entity.find('-') == std::string::npos || graph.relation_count() > 100000) throw;
        std::vector<std::string> ids;
        ids.reserve(graph.relation_count());
        for (RelationIndex r = 0; r < graph.relation_count(); ++r) ids.push_back(graph.relation(r).id());
        const auto hint = did_you_mean(args.entity, ids);
        if (hint.empty()) throw;
        throw DataError("no entity or relation \"" + args.entity + "\"", hint);
    }
    const auto& entity = graph.entity(index);
    auto& passages = context.passages();
    const auto relations = relations_of(graph, index);

    if (context.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_object();
        json.key("id").value(entity.id()).key("name").value(entity.name()).key("kind").value(entity.kind());
        json.key("aliases").begin_array();
        for (const auto& a : entity.aliases()) json.value(a);
        json.end_array().key("domains").begin_array();
        for (const auto& d : entity.domains()) json.value(d);
        json.end_array().key("attributes").begin_object();
        for (const auto& [name, a] : entity.attributes()) {
            json.key(name).begin_object().key("value").value(a.value);
            if (!a.unit.empty()) json.key("unit").value(a.unit);
            if (a.year) json.key("year").value(*a.year);
            if (!a.note.empty()) json.key("note").value(a.note);
            json.key("evidence");
            write_evidence_json(json, graph, a.evidence, passages);
            json.end_object();
        }
        json.end_object().key("evidence");
        write_evidence_json(json, graph, entity.evidence(), passages);
        json.key("relations").begin_array();
        for (const auto& [r, outgoing] : relations) {
            const auto& relation = graph.relation(r);
            const auto& other = graph.entity(outgoing ? graph.target_of(r) : graph.source_of(r));
            json.begin_object().key("id").value(relation.id()).key("type").value(relation.type());
            json.key("direction").value(outgoing ? "out" : "in");
            json.key("other")
                .begin_object()
                .key("id")
                .value(other.id())
                .key("name")
                .value(other.name())
                .key("kind")
                .value(other.kind())
                .end_object();
            json.key("confidence").value(relation.confidence());
            if (relation.grading()) json.key("grading").value(relation.grading()->code());
            write_period(json, relation.period());
            if (!relation.attributes().empty()) {
                json.key("attributes").begin_object();
                for (const auto& [name, a] : relation.attributes()) {
                    json.key(name).value(a.value);
                }
                json.end_object();
            }
            json.key("evidence");
            write_evidence_json(json, graph, relation.evidence(), passages);
            json.end_object();
        }
        json.end_array().end_object();
        context.emit(json.str());
        return kOk;
    }

    if (context.format() == OutputFormat::csv) {
        std::string out = csv_row({"relation", "direction", "type", "other_id", "other_name", "other_kind", "confidence", "grading",
                                   "period_from", "period_to", "attributes", "evidence"});
        for (const auto& [r, outgoing] : relations) {
            const auto& relation = graph.relation(r);
            const auto& other = graph.entity(outgoing ? graph.target_of(r) : graph.source_of(r));
            std::string evidence;
            for (const auto& e : relation.evidence())
                evidence += (evidence.empty() ? "" : "; ") + e.source + ":" + e.section + ":" + std::to_string(e.start) + "-" +
                            std::to_string(e.end);
            std::string attributes;
            for (const auto& [name, a] : relation.attributes())
                attributes += (attributes.empty() ? "" : "; ") + name + "=" + format_value(a.value);
            out += csv_row({relation.id(), outgoing ? "out" : "in", relation.type(), std::string(other.id()), std::string(other.name()),
                            other.kind(), format_exact(relation.confidence()), relation.grading() ? relation.grading()->code() : "",
                            relation.period() ? relation.period()->from : "", relation.period() ? relation.period()->to : "", attributes,
                            evidence});
        }
        context.emit(out);
        return kOk;
    }

    std::string out = std::string(entity.name()) + "  [" + std::string(entity.id()) + "]  " + kind_label(graph, entity.kind()) + "\n";
    if (!entity.aliases().empty()) {
        std::string list;
        for (const auto& a : entity.aliases()) list += (list.empty() ? "" : "; ") + a;
        out += wrap("aliases: " + list, 100, "");
    }
    if (!entity.domains().empty()) {
        std::string list;
        for (const auto& d : entity.domains()) {
            const auto* domain = graph.ontology().domain(d);
            list += (list.empty() ? "" : ", ") + (domain ? domain->label : d);
        }
        out += "threat domains: " + list + "\n";
    }
    if (!entity.attributes().empty()) {
        out += "\nattributes\n";
        for (const auto& [name, a] : entity.attributes()) {
            out += "  " + name + " = " + attribute_text(a) + "\n";
            append_evidence_text(out, a.evidence, passages, "    ");
        }
    }
    if (!entity.evidence().empty()) {
        out += "\nevidence\n";
        append_evidence_text(out, entity.evidence(), passages, "  ");
    }
    out += "\nrelations (" + std::to_string(relations.size()) + ")\n";
    for (const auto& [r, outgoing] : relations) {
        const auto& relation = graph.relation(r);
        const auto& other = graph.entity(outgoing ? graph.target_of(r) : graph.source_of(r));
        const auto* type = graph.ontology().relation_type(relation.type());
        const std::string label = type ? type->label : relation.type();
        const bool symmetric = type && type->symmetric;
        std::string line = "  ";
        if (symmetric)
            line += label + " " + std::string(other.name());
        else if (outgoing)
            line += label + " -> " + std::string(other.name());
        else
            line += "<- " + label + " " + std::string(other.name());
        line += "  [" + std::string(other.id()) + ", " + kind_label(graph, other.kind()) + "]";
        // A network brought with --input has no confidences or gradings to show.
        if (!context.network()) {
            line += "  confidence " + format_number(relation.confidence());
            if (relation.grading()) line += ", " + relation.grading()->code();
            if (relation.period()) line += ", " + period_text(*relation.period());
        }
        out += line + "\n";
        for (const auto& [name, a] : relation.attributes()) out += "      " + name + " = " + attribute_text(a) + "\n";
        append_evidence_text(out, relation.evidence(), passages, "      ");
    }
    if (const auto hint = passages_hint(graph, passages, flag_words); !hint.empty()) out += "\n" + hint;
    context.emit(out);
    return kOk;
}

} // namespace tg::cli
