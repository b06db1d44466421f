#pragma once
// A node of the graph: a state, a threat actor, an agency, a route, a commodity...
#include "model/attribute.hpp"
#include "model/evidence.hpp"

#include <string>
#include <vector>

namespace tg {

using EntityIndex = std::size_t;

struct Entity {
    std::string id;   // stable, unique
    std::string kind; // an EntityKind id
    std::string name; // display name
    std::vector<std::string> aliases;
    std::vector<std::string> domains; // ThreatDomain ids
    Attributes attributes;
    std::vector<Evidence> evidence;
    std::string note; // the curator's remark, if any
};

} // namespace tg
