// --uncertainty from the command line on the proceedings: intervals that hold their median,
// worlds repeated exactly by their seed, and shares that add up as their definition says.
#include "support/run.hpp"
#include "support/run_json.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using namespace tg::test;

namespace {

const std::string kGraphData = std::string(TG_SOURCE_DIR) + "/graph-data";

RunResult run_on_graph_data(const std::vector<std::string>& command) {
    std::vector<std::string> args = {"--data", kGraphData, "--no-quotes", "--format", "json"};
    args.insert(args.end(), command.begin(), command.end());
    return run_cli(args);
}

} // namespace

TEST_CASE("centrality --uncertainty gives every entity a median inside its 90% interval and repeats exactly by seed",
          "[cli][uncertainty]") {
    const std::vector<std::string> command = {"centrality", "--measure", "betweenness", "--uncertainty", "200", "--top", "5"};
    const auto doc = graph_data_json(command);
    REQUIRE(doc["uncertainty"]["worlds"].GetUint64() == 200);
    REQUIRE(doc["results"].Size() == 5);
    for (const auto& r : doc["results"].GetArray()) {
        INFO(r["id"].GetString());
        CHECK(r["low"].GetDouble() <= r["median"].GetDouble());
        CHECK(r["median"].GetDouble() <= r["high"].GetDouble());
        CHECK(r["top_share"].GetDouble() >= 0);
        CHECK(r["top_share"].GetDouble() <= 1);
    }
    CHECK(run_on_graph_data(command).out == run_on_graph_data(command).out);
    auto other = command;
    other.insert(other.end(), {"--seed", "9"});
    CHECK(run_on_graph_data(command).out != run_on_graph_data(other).out);
}

TEST_CASE("keyplayers --uncertainty counts each world's own set once per member", "[cli][uncertainty]") {
    const auto doc = graph_data_json({"keyplayers", "--k", "2", "--uncertainty", "100"});
    const auto searched = doc["worlds_searched"].GetUint64();
    REQUIRE(searched == 100);
    double total = 0, previous = 1;
    for (const auto& m : doc["membership"].GetArray()) {
        const double share = m["share"].GetDouble();
        CHECK(share > 0);
        CHECK(share <= previous); // most often first
        previous = share;
        total += share;
    }
    // Every world's set has two members: the shares add up to 2.
    CHECK(total == Approx(2.0));
    CHECK(doc["score_over_worlds"]["low"].GetDouble() <= doc["score_over_worlds"]["high"].GetDouble());
}

TEST_CASE("paths --uncertainty reports the chance of reaching and the most reliable path", "[cli][uncertainty]") {
    const auto doc = graph_data_json({"paths", "MS-13", "Hezbollah", "--direction", "any", "--uncertainty", "300"});
    const auto& reach = doc["reachability"];
    CHECK(reach["worlds"].GetUint64() == 300);
    const double p = reach["probability"].GetDouble();
    CHECK(p == Approx(static_cast<double>(reach["reached"].GetUint64()) / 300));
    CHECK(reach["low"].GetDouble() <= p);
    CHECK(p <= reach["high"].GetDouble());
    // By confidence, the first path is the most reliable one, and no world keeps a path more
    // often than it reaches at all.
    CHECK(doc["most_reliable"]["confidence"].GetDouble() == Approx(doc["paths"][0]["confidence"].GetDouble()));
    CHECK(doc["most_reliable"]["confidence"].GetDouble() <= reach["high"].GetDouble() + 0.05);
}

TEST_CASE("convergence --uncertainty says how often transnational organized crime is the top broker", "[cli][uncertainty]") {
    const auto doc = graph_data_json({"convergence", "--top", "1", "--uncertainty", "300"});
    CHECK(std::string(doc["lens"].GetString()) == "threat");
    const auto& top = doc["nodes"][0];
    CHECK(std::string(top["id"].GetString()) == "transnational_organized_crime");
    CHECK(top["top_share"].GetDouble() > 0.5);
    CHECK(top["top_share"].GetDouble() <= 1);
    double shares = 0;
    for (const auto& n : doc["nodes"].GetArray()) shares += n["top_share"].GetDouble();
    // Ties aside, one entity a world ranks first: the shares add up to at least 1.
    CHECK(shares >= 1 - 1e-9);
}
