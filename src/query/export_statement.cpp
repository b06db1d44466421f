#include "query/export_statement.hpp"

#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/text.hpp"
#include "io/dynetml_writer.hpp"
#include "io/gexf_writer.hpp"
#include "io/gml_writer.hpp"
#include "io/graphml_writer.hpp"
#include "io/neo4j_writer.hpp"
#include "io/node_link_writer.hpp"

#include <filesystem>

namespace tg::query {

const std::vector<std::string>& export_formats() {
    static const std::vector<std::string> formats{"json", "dot", "graphml", "gexf", "gml", "dynetml", "csv", "cypher"};
    return formats;
}

std::string export_format_for(const std::string& path) {
    const auto extension = to_lower_ascii(std::filesystem::path(path).extension().string());
    if (extension == ".json") return "json";
    if (extension == ".graphml") return "graphml";
    if (extension == ".gexf") return "gexf";
    if (extension == ".gml") return "gml";
    if (extension == ".dynetml") return "dynetml";
    if (extension == ".dot" || extension == ".gv") return "dot";
    if (extension == ".cypher" || extension == ".cql") return "cypher";
    throw ParameterError("cannot tell the export format of \"" + path + "\"",
                         "end the name in .json, .graphml, .gexf, .gml, .dynetml, .dot or .cypher, or add " + parameter("export_format") +
                             " FORMAT");
}

const Drawings& drawing_engine(const Drawings* drawings, const std::string& what) {
    if (!drawings)
        throw QueryError(what + " needs a drawing engine, and this executor has none",
                         "give the executor one in ExecutorSetup::drawings (render/graphviz_drawings.hpp)");
    return *drawings;
}

ExportedNetwork export_network(const KnowledgeGraph& graph, const ExportRequest& request, const Drawings* drawings) {
    ExportedNetwork out;
    out.format = export_formats()[choose_name(request.format, export_formats(), "export format")];
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, request.view, "hops");
    for (auto v : view.active_vertices()) out.entities.push_back(v);
    out.relations = relations_in(view);
    if (out.format == "dot")
        out.text = drawing_engine(drawings, "DOT text")
                       .network_dot(view, graph.entity_count() == view.active_count() ? "" : "a view of the graph");
    if (out.format == "json") out.text = write_node_link(graph, out.entities, out.relations);
    if (out.format == "graphml") out.text = write_graphml(graph, out.entities, out.relations);
    if (out.format == "gexf") out.text = write_gexf(graph, out.entities, out.relations);
    if (out.format == "gml") out.text = write_gml(graph, out.entities, out.relations);
    if (out.format == "dynetml") out.text = write_dynetml(graph, out.entities, out.relations);
    if (out.format == "cypher") out.text = write_cypher(graph, out.entities, out.relations);
    return out;
}

} // namespace tg::query
