#pragma once
// A typed, directed, sourced link between two entities. Parallel relations of different types
// between the same pair are normal.
#include "model/attribute.hpp"
#include "model/evidence.hpp"
#include "model/period.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tg {

using RelationIndex = std::size_t;

// Admiralty (NATO) source grading: reliability of the source A-F, credibility of the item 1-6.
struct Grading {
    char reliability = 'F';
    int credibility = 6;
    std::string code() const { return std::string(1, reliability) + std::to_string(credibility); }
};

// Parses "B2"; nothing when the text is not a valid code.
std::optional<Grading> parse_grading(const std::string& code);

struct Relation {
    std::string id;
    std::string source; // Entity ids
    std::string type;   // a RelationType id
    std::string target;
    double confidence = 1.0; // in [0, 1]
    std::optional<Grading> grading;
    std::optional<Period> period;
    Attributes attributes;
    std::vector<Evidence> evidence;
    std::string note; // the curator's remark, if any
};

// True when the relation holds at `date` (a valid date): within its period, or it has none.
bool valid_at(const Relation& relation, const std::string& date);
// The same for a period (null: always).
bool valid_at(const Period* period, const std::string& date);

} // namespace tg
