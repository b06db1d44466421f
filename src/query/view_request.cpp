#include "query/view_request.hpp"

#include "core/error.hpp"

namespace tg {

Lens lens_of(const ViewRequest& args, const Ontology& ontology) {
    if (!args.lens.empty()) return parse_lens(args.lens);
    return lens_applies(args.default_lens, ontology) ? args.default_lens : Lens::all;
}

std::string lens_line(const ViewRequest& args, const Ontology& ontology) {
    const auto lens = lens_of(args, ontology);
    if (lens == Lens::all) return {};
    return lens_summary(lens) + (args.lens.empty() ? " (the default here; the lens all takes in every entity and relation)" : "") + "\n";
}

void default_to_threat_lens_between(ViewRequest& args, const KnowledgeGraph& graph, const std::vector<std::string>& ends) {
    if (!args.lens.empty() || !lens_applies(Lens::threat, graph.ontology())) return;
    // Places (states among them) both host threats and act against them: a path that starts or
    // ends at one is not a threat question alone.
    const auto& ontology = graph.ontology();
    for (const auto& name : ends) {
        const auto& kind = graph.entity(graph.resolve(name)).kind();
        if (!lens_keeps_kind(Lens::threat, ontology, kind) || ontology.is_a(kind, "place")) return;
    }
    args.default_lens = Lens::threat;
}

ViewFilter filter_of(const ViewRequest& args, const Ontology& ontology) {
    ViewFilter f;
    f.kinds = args.kinds;
    f.not_kinds = args.not_kinds;
    f.not_relation_types = args.not_via;
    apply_lens(lens_of(args, ontology), ontology, f);
    f.domains = args.domains;
    f.relation_types = args.via;
    f.min_confidence = args.min_confidence;
    f.as_of = args.as_of;
    return f;
}

View make_view(const GraphSnapshot& snapshot, const ViewRequest& args, const std::string& default_weight) {
    const auto weight = WeightSpec::parse(args.weight.empty() ? default_weight : args.weight);
    View view(snapshot, filter_of(args, snapshot.graph().ontology()), weight, snapshot.graph().directed() && !args.ignore_direction);
    if (args.keep_entity)
        for (auto v : view.active_vertices())
            if (!args.keep_entity(v)) view.deactivate_vertex(v);
    if (args.keep_relation)
        for (Vertex32 u = 0; u < view.vertex_count(); ++u)
            for (std::size_t p = snapshot.out_begin(u); p < snapshot.out_begin(u + 1); ++p)
                if (view.arc_active(p) && !args.keep_relation(snapshot.out_relation(p))) view.deactivate_arc(p);
    return view;
}

Direction parse_direction(const std::string& text) {
    if (text == "out") return Direction::out;
    if (text == "in") return Direction::in;
    if (text == "any") return Direction::any;
    throw ParameterError("unknown " + parameter("direction") + " \"" + text + "\"", "use out (follow arrows), in (against them) or any");
}

Vertex32 resolve_in_view(const View& view, const std::string& name) {
    const auto e = view.graph().resolve(name);
    const auto v = static_cast<Vertex32>(e);
    if (!view.active(v))
        throw DataError("\"" + std::string(view.graph().entity(e).name()) + "\" is outside the view the filters select",
                        "loosen " + parameter("kinds") + ", " + parameter("domains") + " or the other filters");
    return v;
}

std::pair<Vertex32, Vertex32> resolve_pair_in_view(const View& view, const std::string& text, const std::string& what) {
    const auto at = text.find("--");
    if (at == std::string::npos || at == 0 || at + 2 == text.size())
        throw ParameterError("cannot read the " + what + " \"" + text + "\"",
                             "name a " + what + " as ENTITY--ENTITY, for example FARC--Colombia");
    return {resolve_in_view(view, text.substr(0, at)), resolve_in_view(view, text.substr(at + 2))};
}

} // namespace tg
