#pragma once
// "It takes a network to defeat a network": the coalition of states, agencies, initiatives and
// multilateral bodies set against the threat network. Its members are the entities of coalition
// kinds that counter a threat or cooperate with another member (by cooperative relation types:
// being monitored or bordering is no partnership), less any that carries a threat domain (a state
// sponsor). Who is tied to whom, which members act alone (intelligence left in silos), its
// components, and its coverage: which threat actors, illicit activities and routes some member
// counters, and which none does. Both networks are profiled side by side with the same measures,
// read without direction and by hops.
#include "analysis/view.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace tg {

struct NetworkProfile {
    std::size_t nodes = 0;
    std::size_t ties = 0; // linked pairs, whatever the direction
    double density = 0;
    double centralization = 0; // Freeman's degree centralization; 0 below 3 nodes
    double fragmentation = 0;  // Borgatti's F
    std::size_t components = 0;
    std::size_t largest_component = 0;
    std::size_t diameter = 0; // of the largest component, in hops
};
NetworkProfile profile_network(const View& view);

struct CounterNetworkOptions {
    std::vector<std::string> coalition_kinds{"state", "organization", "initiative"};
    std::vector<std::string> threat_kinds{"threat_actor", "illicit_activity", "commodity", "route"};
    std::vector<std::string> target_kinds{"threat_actor", "illicit_activity", "route"};
    std::vector<std::string> counter_types{"counters"}; // relation types by which a member counters a target
    // Relation types that make two members partners; empty: those of cooperative_types() that the
    // ontology declares.
    std::vector<std::string> cooperation_types;
    double min_confidence = 0;
    std::string as_of;
};

// cooperates_with, supports, member_of, part_of, leads, participates_in, adopts, verifies, hosts,
// protects, funds, supplies, located_in and operates_in.
const std::vector<std::string>& cooperative_types();

struct Coverage {
    Vertex32 target = 0;
    std::vector<Vertex32> countered_by; // coalition members, sorted; empty: nobody counters it
};

struct CounterNetwork {
    std::vector<Vertex32> members;                 // the coalition, sorted
    std::vector<std::vector<Vertex32>> components; // of the coalition, largest first
    std::vector<Vertex32> isolated;                // members that counter threats alone, tied to no other member
    std::vector<Coverage> coverage;                // every target, in vertex order
    NetworkProfile threat, coalition;
};

// Throws DataError for kinds or relation types the ontology lacks (a network brought with
// --input has only "node" and "tie").
CounterNetwork analyze_counter_network(const GraphSnapshot& snapshot, const CounterNetworkOptions& options = {});

} // namespace tg
