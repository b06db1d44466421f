#pragma once
// Reading exported graphs back: GraphML, NetworkX node-link JSON and the Neo4j CSV pair, as
// threatgraph export writes them, into entities and relations with every property. A file
// another tool wrote is read too when it names each node's kind and each edge's type; its
// other properties become attributes. Whether the result is a valid graph (known kinds, known
// endpoints, evidence inside its source) is for the graph-data loader to say.
#include "core/diagnostic.hpp"
#include "model/entity.hpp"
#include "model/relation.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tg {

enum class ImportFormat { graphml, json, csv };

struct ImportedGraph {
    ImportFormat format = ImportFormat::json;
    std::vector<Entity> entities;
    std::vector<Relation> relations;
    std::vector<std::string> sources; // source document ids the file names, if it names them
    std::vector<std::string> files;   // the files read
    std::vector<Diagnostic> notices;  // relation ids made up, Latin-1 read as such...
};

std::optional<ImportFormat> parse_import_format(const std::string& name);

// `path` is a .graphml or .json file, or for csv the folder holding entities.csv and
// relations.csv (or one of the two files). The format is guessed from the name when not given.
// Throws DataError positioned in the file on anything malformed, IoError when a file cannot be read.
ImportedGraph import_graph(const std::string& path, std::optional<ImportFormat> format = std::nullopt);

} // namespace tg
