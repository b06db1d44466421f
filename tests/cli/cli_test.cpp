// Runs every case in tests/cli/cases/*.test against the threatgraph executable.
//
// A case file holds cases separated by a line "====". Each case is:
//   # a sentence saying what the case proves
//   $ threatgraph ARGS...        (arguments split on spaces; "quoted words" stay together)
//   ? EXIT_CODE                  (optional, default 0)
//   ----
//   expected standard output, then expected standard error
// In arguments and expected text, {graph-data}, {data} (tests/data), {shared} and {tmp}
// (a fresh temporary folder) stand for the real paths.
#include "io/xml_reader.hpp"
#include "render/graphviz.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

using namespace tg::test;
namespace fs = std::filesystem;

namespace {

struct Case {
    std::string title;
    std::vector<std::string> args;
    int exit_code = 0;
    std::string expected;
    std::size_t line = 0;
};

std::vector<Case> parse_cases(const std::string& text) {
    std::vector<Case> cases;
    Case current;
    bool in_expected = false;
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        ++line_number;
        if (line == "====") {
            // The blank line before the separator is not part of the output.
            if (!current.expected.empty()) current.expected.pop_back();
            cases.push_back(current);
            current = Case{};
            in_expected = false;
        } else if (in_expected) {
            current.expected += line + "\n";
        } else if (line.rfind("# ", 0) == 0) {
            current.title = line.substr(2);
        } else if (line.rfind("$ threatgraph", 0) == 0) {
            current.args = split_arguments(line.substr(13));
            current.line = line_number;
        } else if (line.rfind("? ", 0) == 0) {
            current.exit_code = std::stoi(line.substr(2));
        } else if (line == "----") {
            in_expected = true;
        }
        if (end == text.size()) break;
        start = end + 1;
    }
    if (!current.args.empty()) cases.push_back(current);
    return cases;
}

std::string substitute(std::string text, const std::vector<std::pair<std::string, std::string>>& map, bool to_placeholder) {
    for (const auto& [placeholder, real] : map) {
        const auto& from = to_placeholder ? real : placeholder;
        const auto& to = to_placeholder ? placeholder : real;
        for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
    }
    return text;
}

} // namespace

TEST_CASE("every CLI case file produces its expected output and exit code", "[cli]") {
    const fs::path cases_dir = fs::path(TG_SOURCE_DIR) / "tests" / "cli" / "cases";
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(cases_dir))
        if (f.path().extension() == ".test") files.push_back(f.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 3);
    std::size_t total = 0;
    for (const auto& file : files) {
        const bool needs_shared = read_text(file).find("{shared}") != std::string::npos;
        if (needs_shared && !TG_HAVE_SHARED) continue;
        for (const auto& c : parse_cases(read_text(file))) {
            TempDir tmp;
            // Longest real paths first, so that {graph-data} wins over the source dir it is in.
            const std::vector<std::pair<std::string, std::string>> map = {
                {"{tmp}", tmp.str()},
                {"{graph-data}", std::string(TG_SOURCE_DIR) + "/graph-data"},
                {"{data}", std::string(TG_SOURCE_DIR) + "/tests/data"},
                {"{shared}", std::string(TG_SHARED_DIR)},
            };
            std::vector<std::string> args;
            for (const auto& a : c.args) args.push_back(substitute(a, map, false));
            const auto result = run_cli(args, tmp.str());
            // INFO, not sections: a section per case would rerun every earlier case.
            INFO(file.filename().string() << ":" << c.line << ": " << c.title);
            const auto output = substitute(result.out + result.err, map, true);
            CHECK(output == c.expected);
            CHECK(result.exit_code == c.exit_code);
            ++total;
        }
    }
    CHECK(total >= 10);
}

TEST_CASE("the output option writes exactly what standard output would show", "[cli]") {
    TempDir tmp;
    const std::string data = std::string(TG_SOURCE_DIR) + "/tests/data/tiny";
    const auto printed = run_cli({"--data", data, "--format", "json", "show", "farc"});
    REQUIRE(printed.exit_code == 0);
    const auto written = run_cli({"--data", data, "--format", "json", "-o", tmp.str() + "/farc.json", "show", "farc"});
    CHECK(written.exit_code == 0);
    CHECK(written.out.empty());
    CHECK(read_text(tmp.path() / "farc.json") == printed.out);
    // No temporary file is left beside the output.
    std::size_t files = 0;
    for (const auto& f : fs::directory_iterator(tmp.path())) files += f.is_regular_file();
    CHECK(files == 1);
}

TEST_CASE("a failed command leaves an existing -o file untouched", "[cli]") {
    TempDir tmp;
    const auto path = tmp.write("out.txt", "keep me\n");
    const auto failed = run_cli({"--data", std::string(TG_SOURCE_DIR) + "/tests/data/tiny", "-o", path, "show", "nobody"});
    CHECK(failed.exit_code == 1);
    CHECK(read_text(path) == "keep me\n");
}

TEST_CASE("render writes an SVG that parses and names every entity in the view", "[cli]") {
    TempDir tmp;
    const std::string data = std::string(TG_SOURCE_DIR) + "/tests/data/tiny";
    const auto result = run_cli({"--data", data, "render", tmp.str() + "/tiny.svg", "--kinds", "state,threat_actor"});
    REQUIRE(result.exit_code == 0);
    const auto svg = read_text(tmp.path() / "tiny.svg");
    tg::XmlReader reader(std::make_shared<tg::SourceText>("tiny.svg", svg));
    std::vector<std::string> texts;
    bool in_text = false;
    for (auto e = reader.next(); e.type != tg::XmlEvent::done; e = reader.next()) {
        if (e.type == tg::XmlEvent::start) in_text = e.name == "text";
        if (e.type == tg::XmlEvent::end) in_text = false;
        if (e.type == tg::XmlEvent::text && in_text) texts.push_back(e.content);
    }
    for (const auto& name : {"FARC", "Colombia", "Venezuela", "Panama", "Honduras", "MS-13", "State", "Gang"})
        CHECK(std::find(texts.begin(), texts.end(), name) != texts.end());
    const auto png = run_cli({"--data", data, "render", tmp.str() + "/tiny.png"});
    REQUIRE(png.exit_code == 0);
    CHECK(read_text(tmp.path() / "tiny.png").compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
}

TEST_CASE("the DOT export is a graph Graphviz draws with every entity", "[cli]") {
    TempDir tmp;
    const auto result = run_cli({"--format", "text", "-o", tmp.str() + "/graph.dot", "export", "--to", "dot"}, TG_SOURCE_DIR);
    REQUIRE(result.exit_code == 0);
    const auto dot = read_text(tmp.path() / "graph.dot");
    CHECK(dot.rfind("digraph network {", 0) == 0);
    const auto svg = tg::render_dot(dot, "sfdp", tg::ImageFormat::svg);
    std::size_t nodes = 0;
    for (auto at = svg.find("class=\"node\""); at != std::string::npos; at = svg.find("class=\"node\"", at + 1)) ++nodes;
    CHECK(nodes >= 187); // every entity, and the legend's kinds
    const auto bad = run_cli({"--data", std::string(TG_SOURCE_DIR) + "/tests/data/tiny", "export", "--to", "gefx"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("did you mean \"gexf\"") != std::string::npos);
}

TEST_CASE("the standard diagrams are SVG drawings of every entity of their view and nothing else", "[cli]") {
    TempDir tmp;
    const auto result = run_cli({"--data", std::string(TG_SOURCE_DIR) + "/graph-data", "--format", "json", "diagrams", tmp.str()});
    REQUIRE(result.exit_code == 0);
    const auto listed = [&](const std::string& file) { return result.out.find(tmp.str() + "/" + file) != std::string::npos; };
    const std::map<std::string, std::size_t> entities{
        {"network.svg", 187}, {"threat-actors.svg", 33}, {"routes.svg", 23}, {"convergence.svg", 37}, {"counter-network.svg", 50}};
    for (const auto& [file, count] : entities) {
        INFO(file);
        CHECK(listed(file));
        CHECK(result.out.find("\"entities\": " + std::to_string(count)) != std::string::npos);
        tg::XmlReader reader(std::make_shared<tg::SourceText>(file, read_text(tmp.path() / file)));
        std::size_t nodes = 0, clusters = 0;
        for (auto e = reader.next(); e.type != tg::XmlEvent::done; e = reader.next())
            if (e.type == tg::XmlEvent::start && e.name == "g" && e.attribute("class")) {
                nodes += *e.attribute("class") == "node";
                clusters += *e.attribute("class") == "cluster";
            }
        CHECK(nodes == count); // every entity, and no key among them
        CHECK(clusters == 0u);
    }
}
