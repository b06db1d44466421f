#pragma once
// GraphML (http://graphml.graphdrawing.org/), read once for every use: the declared keys, then
// each node and edge with its <data>, handed over as they end. A network given with --input
// and an export brought back with import are read by this one reader, each taking what it needs
// from the elements. Internal to io/.
#include "core/source_text.hpp"

#include <functional>
#include <string>
#include <vector>

namespace tg {

struct GraphmlKey {
    std::string name; // attr.name, else the key's id
    std::string type; // attr.type: boolean, int, long, float, double or string (the default)
};

struct GraphmlData {
    const GraphmlKey* key;
    std::string text;       // entities decoded
    std::size_t offset = 0; // of the text, or of the <data> tag when it is empty
};

struct GraphmlElement {
    enum class Kind { graph, node, edge } kind = Kind::node;
    std::string id;             // the element's id attribute ("" for an edge without one)
    std::string source, target; // an edge's ends
    std::size_t offset = 0;     // of the start tag
    std::vector<GraphmlData> data;
};

bool graphml_declares_undirected(const SourceTextPtr& source);

// Calls on_element for every node and edge as its end tag is read, and for the graph's own
// <data> at its end. Throws DataError (code "graphml", positioned) on a malformed file: no
// <graphml> root, a nested graph, a node without an id, an edge without ends, <data> of an
// undeclared key.
void read_graphml(const SourceTextPtr& source, const std::function<void(const GraphmlElement&)>& on_element);

} // namespace tg
