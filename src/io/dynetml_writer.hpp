#pragma once
// DyNetML, the XML that CASOS's ORA reads: one MetaNetwork whose node classes are the entity
// kinds (each with the ORA type its root kind is closest to: Agent, Organization, Location, Task,
// Resource, Knowledge, Event) and whose networks are the relation types, one per pair of classes
// they join. Entity names are node titles; every other property is a typed node or link property
// (the same columns as GraphML); a link's value is the network's own weight, else the confidence.
// A network read from DyNetML keeps its node classes and network names ("nodeclass" and
// "network" attributes), so it round-trips.
#include "model/knowledge_graph.hpp"

#include <string>
#include <vector>

namespace tg {

std::string write_dynetml(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities,
                          const std::vector<RelationIndex>& relations);

} // namespace tg
