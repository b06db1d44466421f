// The layers of src/ as src/README.md describes them, checked on the source itself: each layer
// includes only the layers before it, and the library below the CLI names no CLI flag and
// throws no usage error of its own making (it names parameters with parameter()).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kLayers{"core", "model", "io", "extract", "analysis", "query", "render", "cli"};

std::size_t layer_of(const std::string& name) {
    for (std::size_t i = 0; i < kLayers.size(); ++i)
        if (kLayers[i] == name) return i;
    return kLayers.size();
}

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

TEST_CASE("each layer of src includes only itself and the layers before it", "[source]") {
    const std::regex include(R"re(^\s*#include "([a-z_]+)/)re");
    std::size_t checked = 0;
    for (std::size_t layer = 0; layer < kLayers.size(); ++layer)
        for (const auto& path : sources_of(kLayers[layer]))
            for (const auto& line : lines_of(path)) {
                std::smatch m;
                if (!std::regex_search(line, m, include)) continue;
                ++checked;
                INFO(path.string() << ": " << line);
                CHECK(layer_of(m[1]) <= layer);
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
