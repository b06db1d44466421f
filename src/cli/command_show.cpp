#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/describe.hpp"
#include "cli/output.hpp"
#include "io/json_writer.hpp"
#include "io/source_texts.hpp"

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

class Passages {
public:
    Passages(const KnowledgeGraph& graph, const std::string& dir) : graph_(graph) {
        if (!dir.empty()) texts_ = std::make_unique<SourceTexts>(dir);
    }
    bool enabled() const { return texts_ != nullptr; }
    std::optional<std::string> of(const Evidence& e) {
        if (!texts_) return std::nullopt;
        const auto* source = graph_.source(e.source);
        return source ? texts_->passage(*source, e) : std::nullopt;
    }

private:
    const KnowledgeGraph& graph_;
    std::unique_ptr<SourceTexts> texts_;
};

void evidence_json(JsonWriter& json, Span<Evidence> list, Passages& passages) {
    json.begin_array();
    for (const auto& e : list) {
        json.begin_object();
        json.key("source").value(e.source).key("section").value(e.section);
        json.key("start").value(e.start).key("end").value(e.end).key("paraphrase").value(e.paraphrase);
        if (!e.refers_to.empty()) json.key("refers_to").value(e.refers_to);
        if (const auto passage = passages.of(e)) json.key("passage").value(*passage);
        json.end_object();
    }
    json.end_array();
}

void evidence_text(std::string& out, Span<Evidence> list, Passages& passages, const std::string& indent) {
    for (const auto& e : list) {
        out += indent + e.source + " " + e.section + " [" + std::to_string(e.start) + ", " + std::to_string(e.end) + ")\n";
        out += wrap(e.paraphrase, 100, indent + "  ");
        if (!e.refers_to.empty()) out += wrap("(how the passage names it: " + e.refers_to + ")", 100, indent + "  ");
        if (const auto passage = passages.of(e)) out += wrap("\"" + *passage + "\"", 100, indent + "  > ");
    }
}

} // namespace

int run_show(Context& context, const ShowArgs& args) {
    const auto& graph = context.graph();
    const auto index = graph.resolve(args.entity);
    const auto& entity = graph.entity(index);
    Passages passages(graph, context.options().sources);
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
            evidence_json(json, a.evidence, passages);
            json.end_object();
        }
        json.end_object().key("evidence");
        evidence_json(json, entity.evidence(), passages);
        json.key("relations").begin_array();
        for (const auto& [r, outgoing] : relations) {
            const auto& relation = graph.relation(r);
            const auto& other = graph.entity(outgoing ? graph.target_of(r) : graph.source_of(r));
            json.begin_object().key("id").value(relation.id()).key("type").value(relation.type());
            json.key("direction").value(outgoing ? "out" : "in");
            json.key("other").begin_object().key("id").value(other.id()).key("name").value(other.name()).key("kind").value(other.kind()).end_object();
            json.key("confidence").value(relation.confidence());
            if (relation.grading()) json.key("grading").value(relation.grading()->code());
            if (relation.period()) {
                json.key("period").begin_object();
                if (!relation.period()->from.empty()) json.key("from").value(relation.period()->from);
                if (!relation.period()->to.empty()) json.key("to").value(relation.period()->to);
                json.end_object();
            }
            if (!relation.attributes().empty()) {
                json.key("attributes").begin_object();
                for (const auto& [name, a] : relation.attributes()) {
                    json.key(name).value(a.value);
                }
                json.end_object();
            }
            json.key("evidence");
            evidence_json(json, relation.evidence(), passages);
            json.end_object();
        }
        json.end_array().end_object();
        context.emit(json.str());
        return kOk;
    }

    if (context.format() == OutputFormat::csv) {
        std::string out = csv_row({"relation", "direction", "type", "other_id", "other_name", "other_kind", "confidence",
                                   "grading", "period_from", "period_to", "attributes", "evidence"});
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
            out += csv_row({relation.id(), outgoing ? "out" : "in", relation.type(), std::string(other.id()), std::string(other.name()), other.kind(),
                            format_exact(relation.confidence()), relation.grading() ? relation.grading()->code() : "",
                            relation.period() ? relation.period()->from : "", relation.period() ? relation.period()->to : "",
                            attributes, evidence});
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
            evidence_text(out, a.evidence, passages, "    ");
        }
    }
    if (!entity.evidence().empty()) {
        out += "\nevidence\n";
        evidence_text(out, entity.evidence(), passages, "  ");
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
        evidence_text(out, relation.evidence(), passages, "      ");
    }
    if (context.options().sources.empty() && !graph.sources().empty())
        out += "\n(add --sources DIR to see the source passages)\n";
    context.emit(out);
    return kOk;
}

} // namespace tg::cli
