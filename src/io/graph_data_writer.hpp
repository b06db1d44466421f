#pragma once
// Entities and relations as graph-data files, in the layout of the curated files (two-space
// indent, members in the order the schema lists them), so that an imported graph can be read,
// diffed and edited like the bundled one.
#include "model/entity.hpp"
#include "model/relation.hpp"
#include "model/review.hpp"
#include "model/source_document.hpp"

#include <string>
#include <vector>

namespace tg {

std::string write_entities_file(const std::vector<Entity>& entities);
std::string write_relations_file(const std::vector<Relation>& relations);
std::string write_sources_file(const std::vector<SourceDocument>& sources);

// A candidates folder's files: each item with its review marks after the id ("status", "rule",
// and for an entity "confidence"); `reviews[i]` belongs to item i.
std::string write_entities_file(const std::vector<Entity>& entities, const std::vector<Review>& reviews);
std::string write_relations_file(const std::vector<Relation>& relations, const std::vector<Review>& reviews);

} // namespace tg
