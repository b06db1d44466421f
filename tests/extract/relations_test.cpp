// Relation proposals from cue phrases and co-occurrence, on sentences written for the tests,
// with the ontology of the tests' tiny graph-data.
#include "extract/relations.hpp"
#include "io/graph_data_loader.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace tg;

namespace {

const KnowledgeGraph& tiny() {
    static const auto graph = load_graph_data(std::string(TG_SOURCE_DIR) + "/tests/data/tiny");
    return graph;
}

// The catalog of these tests: names, their kinds, and where the text names them.
struct Named {
    std::vector<std::string> names{"FARC", "Colombia", "Venezuela", "cocaine", "MS-13", "OAS", "Guatemala", "Honduras"};
    std::vector<std::string> kinds{"insurgent_group", "state", "state", "commodity", "gang", "multilateral_organization", "state", "state"};

    std::vector<Mention> in(const std::string& text) const {
        std::vector<Mention> out;
        for (std::size_t at = 0; at < text.size();) {
            std::size_t best = std::string::npos, which = 0;
            for (std::size_t e = 0; e < names.size(); ++e) {
                const auto p = text.find(names[e], at);
                if (p < best) best = p, which = e;
            }
            if (best == std::string::npos) break;
            out.push_back({{best, best + names[which].size()}, which});
            at = best + names[which].size();
        }
        return out;
    }
};

const std::vector<RelationCue> kCues{
    {"operates-in", {"operates in", "operate in"}, {{"operates_in", false}}, 0.7},
    {"produced-in", {"produced in"}, {{"produces", true}}, 0.6},
    {"counters", {"counters"}, {{"counters", false}}, 0.7},
};

// "source type target rule confidence sentences" for each proposal.
std::vector<std::string> proposals(const std::string& text) {
    const Named named;
    std::vector<std::string> out;
    for (const auto& r : propose_relations(text, sentences(text), named.in(text), named.kinds, tiny().ontology(), kCues)) {
        char confidence[16];
        std::snprintf(confidence, sizeof confidence, "%.2f", r.confidence);
        out.push_back(named.names[r.source] + " " + r.type + " " + named.names[r.target] + " " + r.rule + " " + confidence + " " +
                      std::to_string(r.sentences.size()));
    }
    return out;
}

} // namespace

TEST_CASE("a cue phrase links the name before it to the name after it, in the reading's direction", "[extract]") {
    CHECK(proposals("The FARC operates in Colombia.") == std::vector<std::string>{"FARC operates_in Colombia cue:operates-in 0.70 1"});
    // "produced in" is read backwards: the place produces the commodity.
    CHECK(proposals("Most cocaine is produced in Colombia.") == std::vector<std::string>{"Colombia produces cocaine cue:produced-in 0.60 1"});
}

TEST_CASE("a name whose kind the reading does not allow is skipped, and the confidence drops by a fifth", "[extract]") {
    // A commodity cannot operate in a place: the FARC, further away, does.
    // The pairs no cue links are left to co-occurrence (ordered as the catalog lists the names).
    CHECK(proposals("The FARC with cocaine operates in Venezuela.") ==
          std::vector<std::string>{"FARC operates_in Venezuela cue:operates-in 0.56 1", "FARC related_to cocaine co-occurrence 0.30 1",
                                   "Venezuela related_to cocaine co-occurrence 0.30 1"});
    CHECK(proposals("Here cocaine operates in Venezuela.") == std::vector<std::string>{"Venezuela related_to cocaine co-occurrence 0.30 1"});
}

TEST_CASE("names listed together share the cue relation, and are not related to each other by the list", "[extract]") {
    CHECK(proposals("The FARC and MS-13 operate in Colombia, Venezuela and in Guatemala.") ==
          std::vector<std::string>{"MS-13 operates_in Colombia cue:operates-in 0.70 1", "MS-13 operates_in Venezuela cue:operates-in 0.70 1",
                                   "MS-13 operates_in Guatemala cue:operates-in 0.70 1", "FARC operates_in Colombia cue:operates-in 0.70 1",
                                   "FARC operates_in Venezuela cue:operates-in 0.70 1", "FARC operates_in Guatemala cue:operates-in 0.70 1"});
    CHECK(proposals("Colombia, Venezuela and Guatemala met.").empty());
}

TEST_CASE("co-occurrence relates names sharing sentences, weighted by how many, unless a cue already links them", "[extract]") {
    CHECK(proposals("Honduras met the OAS. Later the OAS visited Honduras. Colombia counters the FARC. The FARC fought Colombia.") ==
          std::vector<std::string>{"Colombia counters FARC cue:counters 0.70 1", "OAS related_to Honduras co-occurrence 0.40 2"});
    CHECK(co_occurrence_confidence(1) == Approx(0.3));
    CHECK(co_occurrence_confidence(9) == Approx(0.6));
}

TEST_CASE("the same cue relation in several sentences is one proposal with each sentence", "[extract]") {
    CHECK(proposals("The FARC operates in Colombia. Yes, the FARC operates in Colombia.") ==
          std::vector<std::string>{"FARC operates_in Colombia cue:operates-in 0.70 2"});
}

TEST_CASE("a cue phrase inside a name is part of the name, and nothing links across sentences", "[extract]") {
    const Named named;
    const std::string text = "The FARC Counters Unit met Colombia. Venezuela counters";
    auto mentions = named.in(text);
    mentions.insert(mentions.begin() + 1, Mention{{9, 22}, 1}); // "Counters Unit", as if a name of Colombia's
    const auto found = propose_relations(text, sentences(text), mentions, named.kinds, tiny().ontology(), kCues);
    REQUIRE(found.size() == 1);
    for (const auto& r : found) CHECK(r.rule == "co-occurrence");
}
