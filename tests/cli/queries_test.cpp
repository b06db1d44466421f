// The shipped queries keep giving their expected output; the prompt answers line by line.
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using namespace tg::test;
namespace fs = std::filesystem;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
    return text;
}

} // namespace

// Paraphrases only: the output is the same whether or not the proceedings text is at hand.
TEST_CASE("every shipped query gives its expected output on the bundled graph", "[cli][query]") {
    const fs::path queries = fs::path(TG_SOURCE_DIR) / "queries";
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(queries))
        if (f.path().extension() == ".tgq") files.push_back(f.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 15);
    for (const auto& file : files) {
        INFO(file.filename().string());
        TempDir tmp;
        const auto result = run_cli(
            {"--data", std::string(TG_SOURCE_DIR) + "/graph-data", "--no-quotes", "query", file.string(), "--out-dir", "out"}, tmp.str());
        CHECK(result.exit_code == 0);
        CHECK(result.err.find("error") == std::string::npos);
        auto expected_path = file;
        expected_path.replace_extension(".expected");
        REQUIRE(fs::exists(expected_path));
        CHECK(replaced(result.out, std::string(TG_SOURCE_DIR) + "/graph-data", "{graph-data}") == read_text(expected_path));
    }
}

TEST_CASE("the prompt runs each line, keeps selections for the session and explains a mistake without stopping", "[cli][query]") {
    TempDir tmp;
    const auto input = tmp.write("session.txt", "help keyplayers\n"
                                                "LET gangs = SELECT ENTITIES WHERE kind = gang OR name = \"Honduras\"\n"
                                                "CENTRALITY degree TOP 2 IN gangs\n"
                                                "SHOW \"Hesbollah\"\n"
                                                "history\n"
                                                "!2\n"
                                                "!9\n"
                                                "quit\n");
    const auto result = run_cli({"--data", std::string(TG_SOURCE_DIR) + "/graph-data", "query", "--interactive"}, tmp.str(), input);
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("KEYPLAYERS <K> [OBJECTIVE x]") != std::string::npos);
    CHECK(result.out.find("selection gangs: 4 entities, 6 relations") != std::string::npos);
    CHECK(result.out.find("degree (4 entities in view") != std::string::npos);
    CHECK(result.out.find("prompt:1:6: error: unknown entity \"Hesbollah\"") != std::string::npos);
    CHECK(result.out.find("  3  SHOW \"Hesbollah\"") != std::string::npos);
    // !2 runs the centrality again: its heading appears twice.
    const auto first = result.out.find("-- CENTRALITY degree TOP 2 IN gangs");
    CHECK(result.out.find("-- CENTRALITY degree TOP 2 IN gangs", first + 1) != std::string::npos);
    CHECK(result.out.find("no line 9 in the history") != std::string::npos);
}
