#include "query/statements.hpp"

#include "analysis/disruption.hpp"
#include "query/paths_statement.hpp"

namespace tg::query {

namespace {

using V = ValueType;

std::vector<ClauseSpec> view_clauses(bool weight = true, bool direction = true) {
    std::vector<ClauseSpec> c{
        {"in", Shape::one, V::selection, {}, "a selection made by LET"},
        {"where", Shape::expression, V::entity_filter, {}, "only entities that match"},
        {"via", Shape::list, V::relation_type, {}, "only relations of these types"},
        {"not via", Shape::list, V::relation_type, {}, "leave out relations of these types"},
        {"lens", Shape::one, V::choice, {"threat", "counter", "all"}, "a named view: threat, counter or all"},
        {"min confidence", Shape::one, V::fraction, {}, "only relations at least this confident"},
        {"as of", Shape::one, V::date, {}, "only relations valid at this date"},
    };
    if (weight) c.push_back({"weight", Shape::one, V::text, {}, "hops, confidence or a numeric relation attribute"});
    if (direction) c.push_back({"ignore direction", Shape::none, V::none, {}, "read every relation both ways"});
    return c;
}

std::vector<ClauseSpec> with(std::vector<ClauseSpec> own, std::vector<ClauseSpec> more) {
    own.insert(own.end(), more.begin(), more.end());
    return own;
}

const ClauseSpec kDirection{"direction", Shape::one, V::choice, {"out", "in", "any"}, "follow arrows, go against them, or either way"};
const ClauseSpec kThrough{"through", Shape::list, V::kind, {}, "kinds allowed between the ends"};
const ClauseSpec kMaxHops{"max hops", Shape::one, V::count, {}, "at most this many hops"};
const ClauseSpec kTop{"top", Shape::one, V::count, {}, "only the first N"};
const ClauseSpec kSeed{"seed", Shape::one, V::count, {}, "the random seed"};

std::vector<StatementSpec> make_specs() {
    return {
        {"find",
         "entities that match a filter",
         Shape::none,
         V::none,
         false,
         "",
         {{"where", Shape::expression, V::entity_filter, {}, "the filter"}, {"limit", Shape::one, V::count, {}, "at most N entities", 1}},
         {},
         true,
         "FIND WHERE kind IN (gang, cartel) AND domain = organized_crime"},
        {"search",
         "names and aliases that resemble a text, best first",
         Shape::one,
         V::text,
         true,
         "the text",
         {{"limit", Shape::one, V::count, {}, "at most N matches (default 10)", 1}},
         {},
         false,
         "SEARCH \"hezbolah\" LIMIT 3"},
        {"show",
         "an entity with its aliases, attributes, evidence and relations, or a relation with its evidence",
         Shape::one,
         V::item,
         true,
         "the entity, or a relation's id",
         {},
         {},
         false,
         "SHOW \"Mara 18\""},
        {"summary",
         "counts by kind, relation type and domain; density; components",
         Shape::none,
         V::none,
         false,
         "",
         {},
         {},
         false,
         "SUMMARY"},
        {"neighbors",
         "the ego network: everything within DEPTH hops of an entity and the relations among them",
         Shape::one,
         V::entity,
         true,
         "the entity",
         with({{"depth", Shape::one, V::count, {}, "hops out (default 1)"}, kDirection}, view_clauses(false, false)),
         {},
         true,
         "NEIGHBORS \"MS-13\" DEPTH 2"},
        {"paths",
         "the shortest, the k shortest or all paths between two entities",
         Shape::none,
         V::none,
         false,
         "",
         with({{"from", Shape::one, V::entity, {}, "where paths start"},
               {"to", Shape::one, V::entity, {}, "where they end"},
               {"k", Shape::one, V::count, {}, "the K shortest", 1, kMostShortestPaths},
               {"all", Shape::none, V::none, {}, "every simple path (needs MAX HOPS)"},
               {"cap", Shape::one, V::count, {}, "with ALL, at most N paths (default 100)", 1},
               kMaxHops,
               kDirection,
               kThrough},
              view_clauses()),
         {"from", "to"},
         true,
         "PATHS FROM \"FARC\" TO \"Hezbollah\" K 3 DIRECTION any"},
        {"connect",
         "the connecting network of entities: every relation on a shortest path between two of them",
         Shape::list,
         V::entity,
         true,
         "two or more entities",
         with({kDirection, kThrough, kMaxHops}, view_clauses(false, false)),
         {},
         true,
         "CONNECT \"FARC\", \"ELN\", \"Hezbollah\""},
        {"centrality",
         "entities ranked by a measure",
         Shape::one,
         V::measure,
         true,
         "the measure",
         with({kTop,
               {"raw", Shape::none, V::none, {}, "scores as counted, not normalized"},
               {"samples", Shape::one, V::count, {}, "estimate betweenness from N sources"},
               kSeed},
              view_clauses()),
         {},
         false,
         "CENTRALITY betweenness TOP 10 WHERE kind = state"},
        {"structure",
         "components, articulation points, bridges, k-cores, clustering, diameter",
         Shape::none,
         V::none,
         false,
         "",
         view_clauses(),
         {},
         false,
         "STRUCTURE VIA traffics, uses_route"},
        {"communities",
         "Louvain or Girvan-Newman communities and their modularity",
         Shape::none,
         V::none,
         false,
         "",
         with({{"method", Shape::one, V::choice, {"louvain", "girvan-newman"}, "the method (default louvain)"},
               kSeed,
               {"max levels", Shape::one, V::count, {}, "Girvan-Newman splits examined (default 1000)"}},
              view_clauses()),
         {},
         false,
         "COMMUNITIES METHOD louvain SEED 1"},
        {"convergence",
         "where threat domains meet: brokers, brokerage roles, constraint, the nexus",
         Shape::none,
         V::none,
         false,
         "",
         with({{"domains", Shape::list, V::domain, {}, "the domains to compare (default all)"},
               {"group by", Shape::one, V::text, {}, "group by an entity attribute or community instead of domains"},
               kTop,
               {"directed", Shape::none, V::none, {}, "keep relation direction for the roles"}},
              view_clauses(false, false)),
         {},
         false,
         "CONVERGENCE DOMAINS terrorism, organized_crime TOP 5"},
        {"keyplayers",
         "the K entities whose removal most fragments the network, or that reach the most",
         Shape::one,
         V::count,
         true,
         "K",
         with({{"objective", Shape::one, V::choice, {"fragmentation", "distance-fragmentation", "reach"}, "what the set should do"},
               {"steps", Shape::one, V::count, {}, "for reach: within this many hops", 1},
               kSeed},
              view_clauses(false, false)),
         {},
         false,
         "KEYPLAYERS 3 WHERE kind IN (threat_actor, illicit_activity, commodity, route)",
         1},
        {"disrupt",
         "removes entities (or ties) step by step by a strategy and measures what is left",
         Shape::none,
         V::none,
         false,
         "",
         with({{"strategy", Shape::list, V::choice, {"degree", "betweenness", "keyplayer", "random", "names"}, "how to choose"},
               {"remove", Shape::one, V::choice, {"entities", "ties"}, "what to remove (default entities)"},
               {"targets", Shape::list, V::text, {}, "for STRATEGY names: entities, or ties as \"A--B\""},
               {"steps", Shape::one, V::count, {}, "removals (default 10)", 1},
               {"seeds", Shape::one, V::count, {}, "random runs averaged (default 10)", 1, kMostRandomRuns},
               kSeed,
               {"samples", Shape::one, V::count, {}, "estimate betweenness and efficiency from N sources"},
               {"chart", Shape::one, V::file, {}, "draw the robustness curves to this image"}},
              view_clauses(false, false)),
         {},
         false,
         "DISRUPT STRATEGY degree, betweenness STEPS 5 WHERE kind IN (threat_actor, illicit_activity)"},
        {"counter-network",
         "the coalition against the threat network: silos, coverage, side-by-side measures",
         Shape::none,
         V::none,
         false,
         "",
         {{"coalition", Shape::list, V::kind, {}, "kinds in the coalition"},
          {"threats", Shape::list, V::kind, {}, "kinds in the threat network"},
          {"targets", Shape::list, V::kind, {}, "kinds a member should counter"},
          {"via", Shape::list, V::relation_type, {}, "relation types by which a member counters a target"},
          {"cooperation", Shape::list, V::relation_type, {}, "relation types that make two members partners"},
          {"min confidence", Shape::one, V::fraction, {}, "only relations at least this confident"},
          {"as of", Shape::one, V::date, {}, "only relations valid at this date"}},
         {},
         false,
         "COUNTER-NETWORK"},
        {"select",
         "a selection of entities and relations, to use with IN",
         Shape::none,
         V::none,
         false,
         "",
         {{"entities where", Shape::expression, V::entity_filter, {}, "the entities kept"},
          {"relations where", Shape::expression, V::relation_filter, {}, "the relations kept"}},
         {},
         true,
         "LET actors = SELECT ENTITIES WHERE kind = threat_actor RELATIONS WHERE confidence >= 0.7"},
        {"export",
         "a selection, or the whole graph, to a file another tool reads",
         Shape::one,
         V::selection,
         false,
         "the selection (default: the whole graph)",
         {{"to", Shape::one, V::file, {}, "the file, under the output folder"},
          {"as",
           Shape::one,
           V::choice,
           {"json", "graphml", "gexf", "gml", "dynetml", "dot", "cypher"},
           "the format (default: from the file name)"}},
         {"to"},
         false,
         "EXPORT TO \"proceedings.graphml\" AS graphml"},
        {"render",
         "a selection, or the whole graph, drawn to SVG, PNG or PDF",
         Shape::one,
         V::selection,
         false,
         "the selection (default: the whole graph)",
         {{"to", Shape::one, V::file, {}, "the image, under the output folder"},
          {"layout", Shape::one, V::choice, {"auto", "dot", "neato", "fdp", "sfdp", "circo"}, "the Graphviz layout"},
          {"title", Shape::one, V::text, {}, "the diagram's title"},
          {"highlight", Shape::list, V::entity, {}, "entities drawn with a heavy outline"},
          {"path", Shape::list, V::entity, {}, "two entities: their most credible path drawn heavy"},
          {"size by", Shape::one, V::measure, {}, "label size by a measure"},
          {"cluster by", Shape::one, V::text, {}, "boxes by country, domain, kind, community or an attribute"}},
         {"to"},
         false,
         "RENDER TO \"farc-hezbollah.svg\" PATH \"FARC\", \"Hezbollah\""},
    };
}

} // namespace

const std::vector<StatementSpec>& statement_specs() {
    static const auto specs = make_specs();
    return specs;
}

const StatementSpec* find_statement(const std::string& verb) {
    for (const auto& s : statement_specs())
        if (s.verb == verb) return &s;
    return nullptr;
}

std::vector<std::string> statement_verbs() {
    std::vector<std::string> out;
    for (const auto& s : statement_specs()) out.push_back(s.verb);
    return out;
}

bool is_view_clause(const std::string& keyword) {
    for (const auto& c : view_clauses())
        if (c.keyword == keyword) return true;
    return false;
}

} // namespace tg::query
