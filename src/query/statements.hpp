#pragma once
// The statements of the query language: each verb with its argument and clauses, what each
// takes, and an example. The parser reads clauses by this table, the binder checks values by it,
// and `help` and queries/README.md show it, so the three never disagree.
#include <cstddef>
#include <string>
#include <vector>

namespace tg::query {

enum class Shape { none, one, list, expression };

// What a value must be; the binder checks it against the graph.
enum class ValueType {
    none,
    entity,          // a name, alias or id
    item,            // an entity's name, alias or id, or a relation's id
    count,           // a whole number, 0 or more
    number,          // any number
    fraction,        // a number from 0 to 1
    text,            // any word or string
    date,            // YYYY, YYYY-MM or YYYY-MM-DD
    kind,            // an entity kind of the ontology
    relation_type,   // a relation type of the ontology
    domain,          // a threat domain of the ontology
    measure,         // a centrality measure
    choice,          // one of the clause's choices
    selection,       // a name given by LET
    file,            // a path under the output folder
    entity_filter,   // an expression over entity fields
    relation_filter, // an expression over relation fields
};

struct ClauseSpec {
    std::string keyword; // lower case; several words for "max hops"
    Shape shape = Shape::one;
    ValueType type = ValueType::none;
    std::vector<std::string> choices; // for ValueType::choice
    std::string help;
    // For a count: the least and the most the analysis takes (0: no bound), so that a query is
    // refused before any statement runs.
    std::size_t least = 0, most = 0;
};

struct StatementSpec {
    std::string verb; // lower case
    std::string summary;
    Shape argument = Shape::none;
    ValueType argument_type = ValueType::none;
    bool argument_required = false;
    std::string argument_help;
    std::vector<ClauseSpec> clauses;
    std::vector<std::string> required; // clause keywords that must be present
    bool makes_selection = false;      // may follow LET NAME =
    std::string example;
    std::size_t argument_least = 0; // for a count argument: the least the analysis takes
};

const std::vector<StatementSpec>& statement_specs();
const StatementSpec* find_statement(const std::string& verb);
std::vector<std::string> statement_verbs();

// The clauses shared by every analysis: IN, WHERE, VIA, MIN CONFIDENCE, AS OF, IGNORE DIRECTION.
bool is_view_clause(const std::string& keyword);

} // namespace tg::query
