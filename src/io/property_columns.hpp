#pragma once
// Entities and relations as flat, typed properties, for the formats whose values are scalars:
// GraphML, GEXF, Neo4j CSV and Cypher. Aliases, domains and evidence are JSON text; each attribute
// is a typed column of its own, with NAME.unit, NAME.year, NAME.note and NAME.evidence beside it
// when any row has them (and NAME.type when its values mix numbers, text and booleans). Reading
// the columns back gives the same entities and relations, so the formats round-trip.
#include "core/source_text.hpp"
#include "model/knowledge_graph.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tg {

enum class PropertyType { text, number, integer, boolean };

struct PropertyColumn {
    std::string name;
    PropertyType type = PropertyType::text;
    bool json = false; // text holding a JSON array (aliases, domains, evidence)
};

// Nothing when the row has no such property.
using PropertyCell = std::optional<AttributeValue>;

struct PropertyTable {
    std::vector<PropertyColumn> columns;
    std::vector<std::vector<PropertyCell>> rows; // one per entity or relation, in column order
};

// name, kind, aliases, domains, note, evidence, then the attributes. The id is no column: each
// format has its own place for it. Throws DataError when an attribute's name is taken by a
// column (an attribute called "kind", or "x.unit" beside an attribute "x").
PropertyTable entity_properties(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities);
// type, symmetric, confidence, grading, valid_from, valid_to, note, evidence, then the
// attributes; id, source and target are left to the format.
PropertyTable relation_properties(const KnowledgeGraph& graph, const std::vector<RelationIndex>& relations);

// One property of one row as a file holds it.
struct PropertyText {
    std::string name;
    std::optional<PropertyType> declared; // the type the file declares for it, if any
    std::string text;
    std::size_t offset = 0; // where it is in `source`, for messages
};

// The inverse. A property that is none of the columns above becomes an attribute (so a file
// another tool wrote keeps its extra properties). Throws DataError positioned at the property
// when its text is not what the writers write (bad JSON, a word where a number belongs).
Entity entity_from_properties(const SourceTextPtr& source, std::string id, const std::vector<PropertyText>& properties);
Relation relation_from_properties(const SourceTextPtr& source, std::string id, std::string from, std::string to,
                                  const std::vector<PropertyText>& properties);

// A cell as text: whole numbers for integer columns, true/false for booleans, numbers that read
// back as the same double, text as it is.
std::string property_text(PropertyType type, const AttributeValue& value);

// A relation's weight as a tie: the network's own (a numeric "weight" attribute), else the
// confidence. What GEXF and DyNetML write as the edge's weight or the link's value.
double relation_weight(const KnowledgeGraph& graph, RelationIndex r);

// The type as GraphML and GEXF name it (XML Schema names): double, long, boolean or string.
const char* xml_type_name(PropertyType type);

// Shortest decimal text that reads back as the same double.
std::string round_trip_number(double value);

} // namespace tg
