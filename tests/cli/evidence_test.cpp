// Evidence behind every answer: the source texts found without typing their folder, and every
// JSON output that names a relation carrying the relation's evidence, quoted when the text is
// at hand.
#include "io/json_document.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <functional>

using namespace tg::test;
namespace fs = std::filesystem;

namespace {

const std::string kData = std::string(TG_SOURCE_DIR) + "/tests/data";

// A copy of the tiny graph-data in `dir`/data, with its source text in data/texts when asked.
std::string tiny_copy(const TempDir& dir, bool with_texts) {
    const auto data = dir.path() / "data";
    fs::copy(kData + "/tiny", data, fs::copy_options::recursive);
    if (with_texts) {
        fs::create_directories(data / "texts");
        fs::copy_file(kData + "/texts/brief.txt", data / "texts" / "brief.txt");
    }
    return data.string();
}

// Every object with an "id" and a "type": the relations a JSON output names (entities have a kind).
void for_each_relation(const rapidjson::Value& value, const std::function<void(const rapidjson::Value&)>& visit) {
    if (value.IsObject()) {
        if (value.HasMember("id") && value.HasMember("type")) visit(value);
        for (const auto& member : value.GetObject()) for_each_relation(member.value, visit);
    } else if (value.IsArray()) {
        for (const auto& item : value.GetArray()) for_each_relation(item, visit);
    }
}

struct EnvironmentVariable {
    EnvironmentVariable(const char* name, const std::string& value) : name_(name) { ::setenv(name, value.c_str(), 1); }
    ~EnvironmentVariable() { ::unsetenv(name_); }
    const char* name_;
};

} // namespace

TEST_CASE("the source texts are found in the data folder's texts folder without --sources", "[cli][evidence]") {
    TempDir tmp;
    const auto data = tiny_copy(tmp, true);
    const auto quoted = run_cli({"--data", data, "show", "panama"});
    REQUIRE(quoted.exit_code == 0);
    CHECK(quoted.out.find("> \"with the help of Panama\"") != std::string::npos);
    CHECK(quoted.out.find("source passages are not shown") == std::string::npos);

    const auto declined = run_cli({"--data", data, "--no-quotes", "show", "panama"});
    REQUIRE(declined.exit_code == 0);
    CHECK(declined.out.find("> \"") == std::string::npos);
    CHECK(declined.out.find("source passages are not shown") == std::string::npos);
}

TEST_CASE("without the source texts show says how to get the quotes", "[cli][evidence]") {
    TempDir tmp;
    const auto data = tiny_copy(tmp, false);
    const auto result = run_cli({"--data", data, "show", "panama"});
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("> \"") == std::string::npos);
    CHECK(result.out.find("put brief.txt in the data folder's texts/, or name its folder with --sources DIR or THREATGRAPH_SOURCES") !=
          std::string::npos);
}

TEST_CASE("THREATGRAPH_SOURCES names the folder of source texts as --sources does", "[cli][evidence]") {
    TempDir tmp;
    const auto data = tiny_copy(tmp, false);
    EnvironmentVariable sources("THREATGRAPH_SOURCES", kData + "/texts");
    const auto shown = run_cli({"--data", data, "show", "panama"});
    REQUIRE(shown.exit_code == 0);
    CHECK(shown.out.find("> \"with the help of Panama\"") != std::string::npos);
    // validate checks the texts it names, as with --sources.
    const auto valid = run_cli({"--data", data, "validate"});
    CHECK(valid.exit_code == 0);
    CHECK(valid.out.find("evidence checked against 1 source text") != std::string::npos);
}

TEST_CASE("every analysis JSON that names a relation carries its evidence with the quoted passage", "[cli][evidence]") {
    const std::vector<std::vector<std::string>> commands = {
        {"paths", "venezuela", "ms13", "--direction", "any", "--k", "2", "--lens", "all"},
        {"connect", "farc", "panama", "ms13"},
        {"ego", "colombia", "--depth", "2"},
        {"convergence", "--kinds", "state,threat_actor", "--lens", "all"},
        {"counter-network", "--via", "counters,monitors"},
        {"show", "panama"},
        {"show", "panama-monitors-ms13"},
    };
    for (const auto& command : commands) {
        std::vector<std::string> args = {"--data", kData + "/tiny", "--sources", kData + "/texts", "--format", "json"};
        args.insert(args.end(), command.begin(), command.end());
        INFO(command.front() << " " << command[1]);
        const auto result = run_cli(args);
        REQUIRE(result.exit_code == 0);
        rapidjson::Document document;
        std::string problem;
        REQUIRE(tg::parse_json_text(result.out, document, problem));
        std::size_t relations = 0;
        for_each_relation(document, [&](const rapidjson::Value& relation) {
            ++relations;
            INFO(relation["id"].GetString());
            REQUIRE(relation.HasMember("evidence"));
            REQUIRE(relation["evidence"].IsArray());
            REQUIRE(relation["evidence"].Size() >= 1);
            for (const auto& e : relation["evidence"].GetArray()) {
                CHECK(e["source"].GetString() == std::string("brief"));
                CHECK(e["end"].GetUint64() > e["start"].GetUint64());
                CHECK(std::string(e["paraphrase"].GetString()).size() > 5);
                REQUIRE(e.HasMember("quote"));
                CHECK(std::string(e["quote"].GetString()).size() == e["end"].GetUint64() - e["start"].GetUint64());
            }
        });
        CHECK(relations >= 1);
    }
}
