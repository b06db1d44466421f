#pragma once
// Loads a graph-data folder (ontology.json, sources.json, entities.json, relations.json and
// schema/graph-data.schema.json), checks it against the schema and every semantic rule, and
// builds the KnowledgeGraph. Every problem is collected; nothing is half-loaded.
#include "core/diagnostic.hpp"
#include "model/knowledge_graph.hpp"

#include <memory>
#include <string>
#include <vector>

namespace tg {

struct GraphDataCheck {
    std::vector<Diagnostic> diagnostics;       // errors and warnings, sorted by file and position
    std::unique_ptr<KnowledgeGraph> graph;     // null when there is any error
    std::vector<std::string> files;            // the files read, the files read
    std::vector<std::string> verified_sources; // source ids whose text was found and matched
};

// Checks the folder; throws IoError only when the folder itself cannot be read. When
// `sources_dir` is given, each source text found there is checked against its SHA-256 and length.
GraphDataCheck check_graph_data(const std::string& dir, const std::string& sources_dir = {});

// Like check_graph_data but throws DataError carrying every diagnostic when there is an error.
KnowledgeGraph load_graph_data(const std::string& dir, const std::string& sources_dir = {}, std::vector<Diagnostic>* warnings = nullptr);

} // namespace tg
