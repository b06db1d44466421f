// The layers of src/ as src/README.md describes them, checked on the source itself: each layer
// includes only the layers it may, and the library below the CLI names no CLI flag and throws
// no usage error of its own making (it names parameters with parameter()).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kLayers{"core",   "model",        "io",  "extract", "analysis", "query",
                                       "render", "command_line", "cli", "python",  "dist"};

// What each layer may include besides itself (src/README.md).
const std::map<std::string, std::set<std::string>> kMayInclude{
    {"core", {}},
    {"model", {"core"}},
    {"io", {"core", "model"}},
    {"extract", {"core", "model"}},
    {"analysis", {"core", "model"}},
    {"query", {"core", "model", "io", "analysis"}},
    {"render", {"core", "model", "io", "analysis", "query"}},
    {"command_line", {"core"}},
    {"cli", {"core", "model", "io", "extract", "analysis", "query", "render", "command_line"}},
    // The Python module is a front end beside the CLI, never on top of it.
    {"python", {"core", "model", "io", "extract", "analysis", "query", "render"}},
    // threatgraph-dist, the distributed front end: the readers' words, the result writer.
    {"dist", {"core", "model", "io", "query", "command_line"}},
};

std::vector<fs::path> sources_of(const std::string& layer) {
    std::vector<fs::path> out;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(TG_SOURCE_DIR) / "src" / layer)) {
        const auto ext = entry.path().extension();
        if (ext == ".cpp" || ext == ".hpp") out.push_back(entry.path());
    }
    return out;
}

std::vector<std::string> lines_of(const fs::path& path) {
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

} // namespace

TEST_CASE("each layer of src includes only itself and the layers it may", "[source]") {
    const std::regex include(R"re(^\s*#include "([a-z_]+)/)re");
    std::size_t checked = 0;
    for (const auto& layer : kLayers)
        for (const auto& path : sources_of(layer))
            for (const auto& line : lines_of(path)) {
                std::smatch m;
                if (!std::regex_search(line, m, include)) continue;
                ++checked;
                INFO(path.string() << ": " << line);
                CHECK((m[1] == layer || kMayInclude.at(layer).count(m[1]) > 0));
            }
    CHECK(checked > 500);
}

TEST_CASE("below the CLI, the analyses name no command-line flag and throw no usage error of their own wording", "[source]") {
    // A flag inside a string literal, such as "--k" or "choose another --weight".
    const std::regex flag(R"re("[^"]*--[a-z][^"]*")re");
    std::size_t files = 0;
    for (const std::string layer : {"model", "analysis", "query"})
        for (const auto& path : sources_of(layer)) {
            ++files;
            for (const auto& line : lines_of(path)) {
                const auto code = line.substr(0, line.find("//"));
                INFO(path.string() << ": " << line);
                CHECK_FALSE(std::regex_search(code, flag));
                CHECK(code.find("UsageError(") == std::string::npos);
            }
        }
    CHECK(files > 50);
}
