// `review`: the candidates at the terminal, one key each, the verdicts saved without touching
// what was read, and `build` merging what was accepted.
#include "io/graph_data_loader.hpp"
#include "io/json_document.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

using namespace tg::test;
namespace fs = std::filesystem;

namespace {

const std::string kData = std::string(TG_SOURCE_DIR) + "/tests/data";

// Each proposal's status by id ("source--type--target" for a relation), from a candidates file.
std::map<std::string, std::string> statuses(const fs::path& file, const char* list) {
    rapidjson::Document doc;
    std::string problem;
    REQUIRE(tg::parse_json_text(read_text(file), doc, problem));
    std::map<std::string, std::string> out;
    for (const auto& item : doc[list].GetArray()) {
        const std::string id = item.HasMember("id") ? item["id"].GetString() : "";
        out[id.empty() ? std::string(item["source"].GetString()) + "--" + item["type"].GetString() + "--" + item["target"].GetString()
                       : id] = item["status"].GetString();
    }
    return out;
}

// extract's candidates for the world report, against the tiny graph, in `dir`/candidates.
fs::path candidates_in(const TempDir& dir) {
    const auto candidates = dir.path() / "candidates";
    const auto run = run_cli({"--data", kData + "/tiny", "extract", kData + "/extract/report-world.txt", "-o", candidates.string()});
    REQUIRE(run.exit_code == 0);
    return candidates;
}

} // namespace

TEST_CASE("review takes one key a proposal, A accepts the rest as sure, and the verdicts go to a new folder", "[cli][review]") {
    TempDir dir;
    const auto candidates = candidates_in(dir);
    const auto before = read_text(candidates / "entities.json");
    // Colombia accepted, Argentina rejected, Brazil skipped, a wrong key asked again, then
    // Paraguay and every proposal at least as sure (0.8) accepted; the input then ends.
    const auto answers = dir.write("answers.txt", "a\nr\ns\nx\nA\n");
    const auto reviewed = dir.path() / "reviewed";
    const auto run = run_cli({"--data", kData + "/tiny", "review", candidates.string(), "-o", reviewed.string()}, {}, answers);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("answer a, r, s, A or q") != std::string::npos);
    CHECK(run.out.find("review saved in " + reviewed.string() + ": 7 accepted (5 without asking), 1 rejected, 14 still candidates") !=
          std::string::npos);
    const auto entities = statuses(reviewed / "entities.json", "entities");
    CHECK(entities.at("colombia") == "accepted");
    CHECK(entities.at("argentina") == "rejected");
    CHECK(entities.at("brazil") == "candidate");
    for (const char* id : {"paraguay", "el_salvador", "united_states", "los_angeles", "buenos_aires", "sao_paulo"})
        CHECK(entities.at(id) == "accepted");
    for (const auto& [id, status] : statuses(reviewed / "relations.json", "relations")) CHECK(status == "candidate");
    // What was read is as it was; the other files came along.
    CHECK(read_text(candidates / "entities.json") == before);
    CHECK(fs::exists(reviewed / "sources.json"));
    CHECK(fs::exists(reviewed / "review.md"));

    // build merges what was accepted.
    const auto merged = dir.path() / "merged";
    fs::create_directories(dir.path() / "data" / "schema");
    for (const char* name :
         {"entities.json", "relations.json", "sources.json", "ontology.json", "relation-cues.json", "schema/graph-data.schema.json"})
        fs::copy_file(kData + "/tiny/" + name, dir.path() / "data" / name);
    const auto build = run_cli({"--data", (dir.path() / "data").string(), "build", reviewed.string(), "-o", merged.string()});
    INFO(build.err);
    REQUIRE(build.exit_code == 0);
    const auto graph = tg::load_graph_data(merged.string());
    CHECK(graph.find("paraguay"));
    CHECK(graph.find("los_angeles"));
    CHECK_FALSE(graph.find("argentina"));
}

TEST_CASE("review --in-place keeps the previous files beside the folder, and --accept-above asks about the rest only", "[cli][review]") {
    TempDir dir;
    const auto candidates = candidates_in(dir);
    const auto before = read_text(candidates / "relations.json");
    const auto run = run_cli({"--data", kData + "/tiny", "review", candidates.string(), "--in-place", "--accept-above", "0.8"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    for (const auto& [id, status] : statuses(candidates / "entities.json", "entities")) CHECK(status == "accepted");    // all at 0.8 or 0.9
    for (const auto& [id, status] : statuses(candidates / "relations.json", "relations")) CHECK(status == "candidate"); // all below
    std::vector<fs::path> backups;
    for (const auto& entry : fs::directory_iterator(dir.path()))
        if (entry.path().filename().string().rfind("candidates.backup-", 0) == 0) backups.push_back(entry.path());
    REQUIRE(backups.size() == 1);
    CHECK(read_text(backups[0] / "relations.json") == before);
}

TEST_CASE("review says where to write its verdicts when told neither place", "[cli][review]") {
    TempDir dir;
    const auto candidates = candidates_in(dir);
    const auto run = run_cli({"--data", kData + "/tiny", "review", candidates.string()});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("review writes the verdicts: say where") != std::string::npos);
    const auto both = run_cli({"--data", kData + "/tiny", "-o", (dir.path() / "x").string(), "review", candidates.string(), "--in-place"});
    CHECK(both.exit_code == 2);
}
