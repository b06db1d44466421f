#include "render/report_page.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/evidence_writer.hpp"
#include "io/json_writer.hpp"
#include "render/dot_text.hpp"
#include "render/network_diagram.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace tg {

// The page's parts, inlined at build time from src/render/report/ (report_assets.cpp).
extern const char kReportPage[];
extern const char kReportStyle[];
extern const char kReportScript[];

namespace {

// Names broken into lines of about 20 characters at spaces, as the page draws them.
std::vector<std::string> label_lines(const std::string& name) { return name_lines(name, 20); }

void write_number(JsonWriter& json, double x) {
    if (std::isfinite(x))
        json.value(x);
    else
        json.null();
}

class PageData {
public:
    PageData(const View& view, const std::vector<NodePlace>& places, const ReportContent& content)
        : view_(view), graph_(view.snapshot().graph()), places_(places), content_(content), json_(false) {}

    std::string str() {
        json_.begin_object();
        json_.key("title").value(content_.title).key("origin").value(content_.origin).key("version").value(content_.version);
        json_.key("directed").value(view_.directed());
        write_fold_table();
        index_entities();
        write_ontology();
        write_sources();
        write_entities();
        write_relations();
        write_key_players();
        write_convergence();
        write_counter_network();
        json_.end_object();
        return json_.str();
    }

private:
    // How the command line folds the letters U+00C0-U+017F ("e" for "é", "ss" for "ß", "" for "×"),
    // so that the page folds what the user types exactly as the keys below were folded.
    void write_fold_table() {
        json_.key("fold").begin_array();
        for (std::uint32_t cp = 0xC0; cp <= 0x17F; ++cp) {
            std::string letter;
            append_utf8(letter, cp);
            json_.value(fold_key(letter));
        }
        json_.end_array();
    }

    void index_entities() {
        for (auto v : view_.active_vertices()) {
            position_[v] = order_.size();
            order_.push_back(v);
        }
    }

    void write_ontology() {
        const auto& ontology = graph_.ontology();
        std::set<std::string> kinds, types, domains;
        for (auto v : order_) {
            kinds.insert(graph_.entity(v).kind());
            for (const auto& d : graph_.entity(v).domains()) domains.insert(d);
        }
        relations_ = relations_in(view_);
        for (auto r : relations_) types.insert(graph_.relation(r).type());
        json_.key("kinds").begin_array();
        for (const auto& id : ontology.kind_ids()) {
            if (!kinds.count(id)) continue;
            const auto* kind = ontology.kind(id);
            const auto* look = ontology.drawn_kind(id);
            json_.begin_object().key("id").value(id).key("label").value(kind->label.empty() ? id : kind->label);
            json_.key("color").value(look && !look->color.empty() ? look->color : std::string("#56B4E9"));
            json_.key("shape").value(look && !look->shape.empty() ? look->shape : std::string("ellipse")).end_object();
        }
        json_.end_array().key("types").begin_array();
        for (const auto& id : ontology.relation_type_ids()) {
            if (!types.count(id)) continue;
            const auto* type = ontology.relation_type(id);
            json_.begin_object().key("id").value(id).key("label").value(type->label.empty() ? id : type->label);
            json_.key("color").value(type->color.empty() ? std::string("#666666") : type->color);
            json_.key("style").value(type->style.empty() ? std::string("solid") : type->style);
            json_.key("symmetric").value(type->symmetric).end_object();
        }
        json_.end_array().key("domains").begin_array();
        for (const auto& id : ontology.domain_ids()) {
            if (!domains.count(id)) continue;
            const auto* domain = ontology.domain(id);
            json_.begin_object().key("id").value(id).key("label").value(domain->label.empty() ? id : domain->label).end_object();
        }
        json_.end_array();
    }

    void write_sources() {
        json_.key("sources").begin_array();
        for (const auto& source : graph_.sources()) {
            json_.begin_object().key("id").value(source.id).key("title").value(source.title).key("publisher").value(source.publisher);
            json_.key("date").value(source.date).key("sections").begin_object();
            for (const auto& section : source.sections) json_.key(section.id).value(section.title);
            json_.end_object().end_object();
        }
        json_.end_array();
    }

    void write_evidence(Span<Evidence> list) { write_evidence_list(json_, list, content_.quote, &graph_.sources()); }

    void write_attributes(const Attributes& attributes) {
        json_.begin_array();
        for (const auto& [name, a] : attributes) {
            json_.begin_object().key("name").value(name).key("value").value(a.value);
            if (!a.unit.empty()) json_.key("unit").value(a.unit);
            if (a.year) json_.key("year").value(*a.year);
            if (!a.note.empty()) json_.key("note").value(a.note);
            json_.key("evidence");
            write_evidence(a.evidence);
            json_.end_object();
        }
        json_.end_array();
    }

    void write_entities() {
        json_.key("entities").begin_array();
        for (auto v : order_) {
            const auto e = graph_.entity(v);
            const auto& place = places_[v];
            json_.begin_object().key("id").value(e.id()).key("name").value(e.name()).key("kind").value(e.kind());
            json_.key("lines").begin_array();
            for (const auto& line : label_lines(std::string(e.name()))) json_.value(line);
            json_.end_array();
            json_.key("x").value(std::round(place.x * 10) / 10).key("y").value(std::round(place.y * 10) / 10);
            json_.key("w").value(std::round(place.width * 10) / 10).key("h").value(std::round(place.height * 10) / 10);
            json_.key("aliases").begin_array();
            for (const auto& a : e.aliases()) json_.value(a);
            // The name, the aliases and the id as the command line compares them.
            json_.end_array().key("keys").begin_array();
            json_.value(fold_key(e.name()));
            for (const auto& a : e.aliases()) json_.value(fold_key(a));
            json_.value(fold_key(e.id()));
            json_.end_array().key("domains").begin_array();
            for (const auto& d : e.domains()) json_.value(d);
            json_.end_array().key("attributes");
            write_attributes(e.attributes());
            json_.key("evidence");
            write_evidence(e.evidence());
            json_.end_object();
        }
        json_.end_array();
    }

    void write_relations() {
        json_.key("relations").begin_array();
        for (auto r : relations_) {
            const auto relation = graph_.relation(r);
            json_.begin_object().key("id").value(relation.id()).key("s").value(position_.at(graph_.source_of(r)));
            json_.key("t").value(position_.at(graph_.target_of(r))).key("type").value(relation.type());
            json_.key("confidence").value(relation.confidence());
            if (relation.grading()) json_.key("grading").value(relation.grading()->code());
            write_period(json_, relation.period());
            json_.key("attributes");
            write_attributes(relation.attributes());
            json_.key("evidence");
            write_evidence(relation.evidence());
            json_.end_object();
        }
        json_.end_array();
    }

    void write_key_players() {
        json_.key("keyplayers").begin_object().key("note").value(content_.key_players_note);
        if (const auto& set = content_.key_players) {
            json_.key("objective").value(objective_name(set->objective)).key("score");
            write_number(json_, set->score);
            json_.key("members").begin_array();
            for (const auto& m : set->members) {
                json_.begin_object().key("e").value(position_.at(m.vertex)).key("contribution");
                write_number(json_, m.contribution);
                json_.end_object();
            }
            json_.end_array();
        }
        json_.end_object();
    }

    void write_convergence() {
        json_.key("brokers").begin_object().key("note").value(content_.convergence_note);
        if (const auto& c = content_.convergence) {
            json_.key("groups").begin_array();
            for (std::size_t g = 0; g < c->domains.size(); ++g)
                if (c->members[g] > 0) json_.value(c->domains[g]);
            json_.end_array().key("rows").begin_array();
            for (const auto& n : c->nodes) {
                if (n.score == 0 && n.roles.total() == 0) break;
                json_.begin_object().key("e").value(position_.at(n.vertex)).key("group");
                if (n.group == kNoGroup)
                    json_.null();
                else
                    json_.value(c->domains[n.group]);
                json_.key("score");
                write_number(json_, n.score);
                json_.key("roles").value(n.roles.total()).key("gatekeeper").value(n.roles.gatekeeper).key("liaison").value(n.roles.liaison);
                json_.key("constraint");
                write_number(json_, n.constraint);
                json_.end_object();
            }
            json_.end_array().key("nexus").begin_array();
            for (auto r : c->nexus) json_.value(graph_.relation(r).id());
            json_.end_array();
        }
        json_.end_object();
    }

    void write_counter_network() {
        json_.key("gaps").begin_object().key("note").value(content_.counter_network_note);
        if (const auto& c = content_.counter_network) {
            // Entities outside the view (filtered out) are left out of the tables: nothing to highlight.
            const auto ids = [&](const std::vector<Vertex32>& list) {
                json_.begin_array();
                for (auto v : list)
                    if (position_.count(v)) json_.value(position_.at(v));
                json_.end_array();
            };
            // Counted over the whole network, as counter-network counts them; the table lists those in view.
            json_.key("members").value(c->members.size()).key("components").value(c->components.size());
            json_.key("uncovered");
            std::vector<Vertex32> uncovered;
            for (const auto& cover : c->coverage)
                if (cover.countered_by.empty()) uncovered.push_back(cover.target);
            ids(uncovered);
            json_.key("isolated");
            ids(c->isolated);
            json_.key("covered").value(c->coverage.size() - uncovered.size()).key("targets").value(c->coverage.size());
        }
        json_.end_object();
    }

    const View& view_;
    const KnowledgeGraph& graph_;
    const std::vector<NodePlace>& places_;
    const ReportContent& content_;
    JsonWriter json_;
    std::vector<Vertex32> order_;
    std::map<Vertex32, std::size_t> position_;
    std::vector<RelationIndex> relations_;
};

// The data inside its <script> element: every "<" written as the JSON escape \u003c (only strings
// hold one), so that no name or passage can end the element or start a comment there.
std::string data_safe(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    for (char c : json) {
        if (c == '<')
            out += "\\u003c";
        else
            out += c;
    }
    return out;
}

// The script, which is ours: "</" written "<\/" all the same.
std::string script_safe(std::string text) {
    for (auto at = text.find("</"); at != std::string::npos; at = text.find("</", at + 3)) text.replace(at, 2, "<\\/");
    return text;
}

std::string html_text(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// The template with each marker replaced by its text. Markers are found in the template itself,
// so that text put in (a title, say) is never searched for another marker.
std::string filled(const std::string& page, const std::vector<std::pair<std::string, std::string>>& parts) {
    std::vector<std::pair<std::size_t, std::size_t>> at; // where, which part
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto where = page.find(parts[i].first);
        if (where == std::string::npos) throw InternalError("the report template lacks " + parts[i].first);
        at.emplace_back(where, i);
    }
    std::sort(at.begin(), at.end());
    std::string out;
    std::size_t from = 0;
    for (const auto& [where, i] : at) {
        out.append(page, from, where - from);
        out += parts[i].second;
        from = where + parts[i].first.size();
    }
    out.append(page, from, std::string::npos);
    return out;
}

} // namespace

std::vector<NodePlace> report_layout(const View& view) {
    const auto& graph = view.snapshot().graph();
    // Each node as big as its label at 10 pt, so that the layout keeps labels apart.
    std::string dot = "graph layout {\n  graph [overlap=false, sep=\"+10\", splines=false, start=1, outputorder=edgesfirst];\n"
                      "  node [shape=box, fontname=\"Helvetica\", fontsize=10, margin=\"0.08,0.04\"];\n";
    for (auto v : view.active_vertices()) {
        std::string label;
        for (const auto& line : label_lines(std::string(graph.entity(v).name()))) label += (label.empty() ? "" : "\n") + line;
        dot += "  v" + std::to_string(v) + " [label=" + dot_quoted(label) + "];\n";
    }
    for (auto r : relations_in(view)) {
        const auto s = graph.source_of(r), t = graph.target_of(r);
        if (s != t) dot += "  v" + std::to_string(s) + " -- v" + std::to_string(t) + ";\n";
    }
    dot += "}\n";
    const auto found = lay_out(dot, layout_for(view.active_count()));
    std::vector<NodePlace> places(view.vertex_count());
    for (auto v : view.active_vertices()) {
        const auto it = found.find("v" + std::to_string(v));
        if (it != found.end()) places[v] = it->second;
    }
    return places;
}

std::string report_page(const View& view, const std::vector<NodePlace>& places, const ReportContent& content) {
    return filled(kReportPage, {{"{{title}}", html_text(content.title)},
                                {"/*{{style}}*/", kReportStyle},
                                {"{{data}}", data_safe(PageData(view, places, content).str())},
                                {"/*{{script}}*/", script_safe(kReportScript)}});
}

} // namespace tg
