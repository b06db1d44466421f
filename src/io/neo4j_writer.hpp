#pragma once
// The graph for Neo4j, for a user who outgrows one machine: a pair of CSV files in the header
// format `neo4j-admin database import` reads (id:ID, :LABEL, :START_ID, :END_ID, :TYPE and typed
// property columns such as confidence:double), or one Cypher script of CREATE statements for
// `cypher-shell -f`. Entities get the label Entity and one label per kind up their kind's
// lineage (a gang is :Entity:gang:threat_actor); relation types are relationship types as they
// are. Properties are the GraphML columns (see property_columns.hpp); in Cypher, aliases and
// domains are lists. `threatgraph import` reads the CSV pair back into the same graph.
#include "model/knowledge_graph.hpp"

#include <string>
#include <vector>

namespace tg {

struct Neo4jCsv {
    std::string entities;  // entities.csv
    std::string relations; // relations.csv
};

Neo4jCsv write_neo4j_csv(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities,
                         const std::vector<RelationIndex>& relations);

std::string write_cypher(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities,
                         const std::vector<RelationIndex>& relations);

} // namespace tg
