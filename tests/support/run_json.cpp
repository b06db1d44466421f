#include "support/run_json.hpp"

#include "io/json_document.hpp"
#include "support/run.hpp"

#include <catch2/catch.hpp>

namespace tg::test {

rapidjson::Document graph_data_json(const std::vector<std::string>& command) {
    std::vector<std::string> args = {"--data", std::string(TG_SOURCE_DIR) + "/graph-data", "--no-quotes", "--format", "json"};
    args.insert(args.end(), command.begin(), command.end());
    const auto result = run_cli(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    rapidjson::Document document;
    std::string problem;
    REQUIRE(tg::parse_json_text(result.out, document, problem));
    return document;
}

} // namespace tg::test
