// The lens each command looks through when none is asked for: a threat question is not answered
// through the network set against the threat, and the output says which lens it used.
#include "support/run.hpp"
#include "support/run_json.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace tg::test;

namespace {

// The relation types the counter-network acts and cooperates by.
const std::set<std::string> kCounterTypes = {"counters", "monitors", "protects", "cooperates_with", "supports",  "participates_in",
                                             "leads",    "adopts",   "verifies", "hosts",           "member_of", "funds"};

} // namespace

TEST_CASE("paths between two threat actors do not run through the counter-network unless asked", "[cli][lens]") {
    const auto threat = graph_data_json({"paths", "FARC", "Hezbollah", "--direction", "any", "--k", "10"});
    CHECK(std::string(threat["lens"].GetString()) == "threat");
    REQUIRE(threat["paths"].Size() == 10);
    for (const auto& path : threat["paths"].GetArray())
        for (const auto& relation : path["relations"].GetArray()) {
            INFO(relation["id"].GetString());
            CHECK(kCounterTypes.count(relation["type"].GetString()) == 0);
            for (const auto& node : path["nodes"].GetArray()) CHECK(std::string(node.GetString()) != "ctn_seminar_2018");
        }
    // Asked for, the whole graph: the third most credible chain is Panama's watch on Hezbollah.
    const auto all = graph_data_json({"paths", "FARC", "Hezbollah", "--direction", "any", "--k", "3", "--lens", "all"});
    CHECK(std::string(all["lens"].GetString()) == "all");
    bool through_counter = false;
    for (const auto& path : all["paths"].GetArray())
        for (const auto& relation : path["relations"].GetArray()) through_counter |= kCounterTypes.count(relation["type"].GetString()) > 0;
    CHECK(through_counter);
}

TEST_CASE("paths from a threat actor to a state look at the whole graph by default", "[cli][lens]") {
    const auto doc = graph_data_json({"paths", "FARC", "Panama", "--direction", "any"});
    CHECK(std::string(doc["lens"].GetString()) == "all");
}

TEST_CASE("convergence's nexus and brokers leave out the counter-network and the seminar by default", "[cli][lens]") {
    const auto doc = graph_data_json({"convergence"});
    CHECK(std::string(doc["lens"].GetString()) == "threat");
    REQUIRE(doc["nexus"].Size() > 10);
    for (const auto& relation : doc["nexus"].GetArray()) {
        INFO(relation["id"].GetString());
        CHECK(kCounterTypes.count(relation["type"].GetString()) == 0);
        CHECK(std::string(relation["source"].GetString()) != "natural_disasters");
    }
    for (const auto& node : doc["nodes"].GetArray()) {
        const std::string kind = node["kind"].GetString();
        INFO(node["id"].GetString());
        CHECK(kind != "event");
        CHECK(kind != "government_agency");
        CHECK(kind != "initiative");
    }
    const auto all = graph_data_json({"convergence", "--lens", "all"});
    CHECK(std::string(all["lens"].GetString()) == "all");
    CHECK(all["nexus"].Size() > doc["nexus"].Size());
}
