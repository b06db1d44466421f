// Runs every command of the walk-throughs in examples/*.md, in order, in one folder holding
// graph-data, and checks each output against the text printed under it (a line "..." stands for
// any number of lines) and each image a command wrote.
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace tg::test;
namespace fs = std::filesystem;

namespace {

struct Step {
    std::vector<std::string> args;
    std::vector<std::string> expected;
    std::size_t line = 0;
};

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// The "$ threatgraph" commands of ```console blocks and the lines under each.
std::vector<Step> parse_steps(const std::string& markdown) {
    std::vector<Step> steps;
    bool in_console = false;
    const auto lines = lines_of(markdown);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        if (!in_console) {
            in_console = line == "```console";
            continue;
        }
        if (line == "```") {
            in_console = false;
        } else if (line.rfind("$ threatgraph", 0) == 0) {
            steps.push_back({split_arguments(line.substr(13)), {}, i + 1});
        } else if (!steps.empty()) {
            steps.back().expected.push_back(line);
        }
    }
    return steps;
}

// Whether `actual` matches `expected`, where a line "..." matches any run of lines.
bool matches(const std::vector<std::string>& expected, std::size_t e, const std::vector<std::string>& actual, std::size_t a) {
    if (e == expected.size()) return a == actual.size();
    if (expected[e] == "...") {
        for (std::size_t skip = a; skip <= actual.size(); ++skip)
            if (matches(expected, e + 1, actual, skip)) return true;
        return false;
    }
    return a < actual.size() && actual[a] == expected[e] && matches(expected, e + 1, actual, a + 1);
}

} // namespace

TEST_CASE("every walk-through in examples runs as written", "[cli]") {
    std::vector<fs::path> walkthroughs;
    for (const auto& f : fs::directory_iterator(fs::path(TG_SOURCE_DIR) / "examples"))
        if (f.path().extension() == ".md") walkthroughs.push_back(f.path());
    REQUIRE(!walkthroughs.empty());
    for (const auto& file : walkthroughs) {
        TempDir dir;
        fs::create_directory_symlink(fs::path(TG_SOURCE_DIR) / "graph-data", dir.path() / "graph-data");
        const auto steps = parse_steps(read_text(file));
        CHECK(steps.size() >= 5);
        for (const auto& step : steps) {
            INFO(file.filename().string() << ":" << step.line);
            const auto result = run_cli(step.args, dir.str());
            CHECK(result.exit_code == 0);
            const auto actual = lines_of(result.out + result.err);
            CHECK(matches(step.expected, 0, actual, 0));
            if (!matches(step.expected, 0, actual, 0)) FAIL_CHECK(result.out + result.err);
            // Every image the step names was written and is a whole SVG.
            for (std::size_t i = 0; i + 1 < step.args.size(); ++i) {
                const auto& option = step.args[i];
                if (option != "--chart" && option != "--before" && option != "--after" && option != "--diagram") continue;
                const auto image = read_text(dir.path() / step.args[i + 1]);
                CHECK(image.rfind("<?xml", 0) == 0);
                CHECK(image.find("</svg>") != std::string::npos);
            }
        }
    }
}
