#include "core/error.hpp"
#include "core/output.hpp"
#include "io/evidence_writer.hpp"
#include "io/json_writer.hpp"
#include "model/admiralty.hpp"
#include "query/describe.hpp"
#include "query/evidence.hpp"
#include "query/result_writer_parts.hpp"

namespace tg::query {

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

} // namespace

std::string write_relation_shown(const KnowledgeGraph& graph, const RelationShown& shown, OutputFormat format, Passages& passages) {
    const auto r = shown.relation;
    const auto relation = graph.relation(r);
    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("relation");
        write_relation_json(json, graph, r, passages);
        for (const auto& [role, e] : {std::pair<const char*, EntityIndex>{"source", graph.source_of(r)}, {"target", graph.target_of(r)}}) {
            json.key(role);
            write_entity_json(json, graph, e);
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
        return json.str();
    }
    if (format == OutputFormat::csv) {
        std::string out = csv_row({"source", "section", "start", "end", "paraphrase", "quote"});
        for (const auto& e : relation.evidence())
            out +=
                csv_row({e.source, e.section, std::to_string(e.start), std::to_string(e.end), e.paraphrase, passages.of(e).value_or("")});
        return out;
    }
    std::string out = std::string(graph.entity(graph.source_of(r)).name()) + relation_arrow(graph, r) +
                      std::string(graph.entity(graph.target_of(r)).name()) + "  [" + relation.id() + "]\n";
    if (!shown.network) {
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
    if (const auto hint = passages_hint(graph, passages, parameter); !hint.empty()) out += "\n" + hint;
    return out;
}

std::string write_entity_shown(const KnowledgeGraph& graph, const EntityShown& shown, OutputFormat format, Passages& passages) {
    const auto index = shown.entity;
    const auto& relations = shown.relations;
    const auto& entity = graph.entity(index);

    if (format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object();
        write_entity_fields(json, graph, index);
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
            json.begin_object().key("id").value(relation.id()).key("type").value(relation.type());
            json.key("direction").value(outgoing ? "out" : "in").key("other");
            write_entity_json(json, graph, outgoing ? graph.target_of(r) : graph.source_of(r));
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
        return json.str();
    }

    if (format == OutputFormat::csv) {
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
        return out;
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
        if (!shown.network) {
            line += "  confidence " + format_number(relation.confidence());
            if (relation.grading()) line += ", " + relation.grading()->code();
            if (relation.period()) line += ", " + period_text(*relation.period());
        }
        out += line + "\n";
        for (const auto& [name, a] : relation.attributes()) out += "      " + name + " = " + attribute_text(a) + "\n";
        append_evidence_text(out, relation.evidence(), passages, "      ");
    }
    if (const auto hint = passages_hint(graph, passages, parameter); !hint.empty()) out += "\n" + hint;
    return out;
}

} // namespace tg::query
