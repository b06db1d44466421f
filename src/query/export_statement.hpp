#pragma once
// EXPORT, for the query language and the CLI's export command alike: the part of the graph a
// view keeps, in a format another tool reads.
#include "query/drawings.hpp"
#include "query/view_request.hpp"

#include <string>
#include <vector>

namespace tg::query {

// json (node-link), dot, graphml, gexf, gml, dynetml (ORA), csv (Neo4j's two files), cypher.
const std::vector<std::string>& export_formats();

// The format a file name's extension asks for; ParameterError when it names none.
std::string export_format_for(const std::string& path);

struct ExportRequest {
    std::string format; // one of export_formats()
    ViewRequest view;
};

struct ExportedNetwork {
    std::string format;
    std::vector<EntityIndex> entities; // the view's, in the graph's order
    std::vector<RelationIndex> relations;
    std::string text; // the file's text; empty for csv, which is two files (io/neo4j_writer)
};

// ParameterError (with the closest name) for an unknown format. DOT text is the drawing engine's
// (`drawings`; without one, dot is refused).
ExportedNetwork export_network(const KnowledgeGraph& graph, const ExportRequest& request, const Drawings* drawings);

// The engine or, when there is none, an error saying what needs it.
const Drawings& drawing_engine(const Drawings* drawings, const std::string& what);

} // namespace tg::query
