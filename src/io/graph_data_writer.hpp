#pragma once
// Entities and relations as graph-data files, in the layout of the curated files (two-space
// indent, members in the order the schema lists them), so that an imported graph can be read,
// diffed and edited like the bundled one.
#include "model/entity.hpp"
#include "model/relation.hpp"

#include <string>
#include <vector>

namespace tg {

std::string write_entities_file(const std::vector<Entity>& entities);
std::string write_relations_file(const std::vector<Relation>& relations);

} // namespace tg
