// The builder's round trip as an analyst runs it: extract a new report, review the candidates,
// build a new graph-data folder or rewrite the data in place (after a backup), and extract again
// to find the new names known.
#include "io/graph_data_loader.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

using namespace tg;
using namespace tg::test;
namespace fs = std::filesystem;

namespace {

const fs::path kSource(TG_SOURCE_DIR);

// The tests' tiny graph-data, copied with its links resolved: in-place builds rewrite it.
void copy_tiny(const fs::path& to) {
    fs::create_directories(to / "schema");
    for (const char* name :
         {"entities.json", "relations.json", "sources.json", "ontology.json", "relation-cues.json", "schema/graph-data.schema.json"})
        fs::copy_file(kSource / "tests/data/tiny" / name, to / name);
}

void write(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

// The reviewer's verdict, as an analyst edits the file: cue relations, names the gazetteer or an
// abbreviation found are accepted; co-occurrences, paragraph subjects and untyped names are rejected.
std::string reviewed(std::string json) {
    std::istringstream in(json);
    std::string line, out, pending;
    while (std::getline(in, line)) {
        if (line.find("\"status\": \"candidate\"") != std::string::npos) {
            pending = line;
            continue;
        }
        if (!pending.empty()) {
            const bool accept = line.find("\"rule\": \"cue:") != std::string::npos ||
                                line.find("\"rule\": \"gazetteer") != std::string::npos ||
                                line.find("\"rule\": \"abbreviation:") != std::string::npos;
            const auto at = pending.find("candidate");
            out += pending.replace(at, 9, accept ? "accepted" : "rejected") + "\n";
            pending.clear();
        }
        out += line + "\n";
    }
    return out;
}

// A copy of the tiny graph-data in `dir`/data and the Spanish report's candidates in
// `dir`/candidates, as extract wrote them.
std::pair<fs::path, fs::path> extracted(const TempDir& dir) {
    const auto data = dir.path() / "data", candidates = dir.path() / "candidates";
    copy_tiny(data);
    const auto run =
        run_cli({"--data", data.string(), "extract", (kSource / "tests/data/extract/report-es.txt").string(), "-o", candidates.string()});
    if (run.exit_code != 0) throw std::runtime_error("extract failed: " + run.err);
    return {data, candidates};
}

} // namespace

TEST_CASE("a new report goes from candidates through review to a merged graph, and is then known", "[cli]") {
    TempDir dir;
    const auto data = dir.path() / "data";
    copy_tiny(data);
    const auto report = (kSource / "tests/data/extract/report-es.txt").string();
    const auto candidates = dir.path() / "candidates";
    auto run = run_cli({"--data", data.string(), "extract", report, "-o", candidates.string()});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("proposed 5 entities and 7 relations") != std::string::npos);
    CHECK(fs::exists(candidates / "review.md"));
    write(candidates / "entities.json", reviewed(read_text(candidates / "entities.json")));
    write(candidates / "relations.json", reviewed(read_text(candidates / "relations.json")));

    // A new folder first: the data is left as it was.
    const auto merged = dir.path() / "merged";
    run = run_cli({"--data", data.string(), "build", candidates.string(), "-o", merged.string(), "--sources",
                   (kSource / "tests/data/extract").string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("1 new entity, 3 into existing ones (0 new aliases), 1 new relation") != std::string::npos);
    CHECK(run.out.find("left out 7 rejected and 0 unreviewed") != std::string::npos); // Guatemala, a place of the world, among them
    const auto before = load_graph_data(data.string());
    const auto after = load_graph_data(merged.string());
    CHECK(after.entity_count() == before.entity_count() + 1);
    CHECK(after.relation_count() == before.relation_count() + 1);
    REQUIRE(after.find("fuerza_de_tarea_conjunta"));
    CHECK(after.resolve("FTC") == *after.find("fuerza_de_tarea_conjunta"));
    CHECK(after.source("report-es"));

    // Then in place: the previous files are kept in a backup folder beside the data.
    const auto original = read_text(data / "entities.json");
    run = run_cli({"--data", data.string(), "build", candidates.string(), "--in-place"});
    REQUIRE(run.exit_code == 0);
    std::vector<fs::path> backups;
    for (const auto& entry : fs::directory_iterator(dir.path()))
        if (entry.path().filename().string().rfind("data.backup-", 0) == 0) backups.push_back(entry.path());
    REQUIRE(backups.size() == 1);
    CHECK(read_text(backups[0] / "entities.json") == original);
    CHECK(read_text(data / "entities.json") == read_text(merged / "entities.json"));

    // The new name is now the gazetteer's.
    run = run_cli({"--data", data.string(), "extract", report});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("- fuerza_de_tarea_conjunta [government_agency] \"Fuerza de Tarea Conjunta\"\n  known; rule gazetteer") !=
          std::string::npos);
}

TEST_CASE("an in-place build whose result is not valid leaves the data as it was and keeps the result to inspect", "[cli]") {
    TempDir dir;
    const auto [data, candidates] = extracted(dir);
    // An accepted relation whose evidence, inside its section, names neither end: only the check
    // of the merged data against the text finds that.
    auto relations = reviewed(read_text(candidates / "relations.json"));
    const auto start = relations.find("\"start\": "), end = relations.find("\"end\": ");
    REQUIRE((start != std::string::npos && end != std::string::npos));
    relations.replace(end, relations.find(',', end) - end, "\"end\": 10");
    relations.replace(start, relations.find(',', start) - start, "\"start\": 0");
    write(candidates / "relations.json", relations);
    write(candidates / "entities.json", reviewed(read_text(candidates / "entities.json")));
    const auto original = read_text(data / "relations.json");
    const auto run = run_cli(
        {"--data", data.string(), "--sources", (kSource / "tests/data/extract").string(), "build", candidates.string(), "--in-place"});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("does not name") != std::string::npos);
    CHECK(run.err.find(data.string() + " is unchanged; the merged graph-data in " + data.string() + ".build") != std::string::npos);
    CHECK(read_text(data / "relations.json") == original);
}

TEST_CASE("evidence outside its section is refused at the reviewer's line, and nothing is merged", "[cli]") {
    TempDir dir;
    const auto [data, candidates] = extracted(dir);
    auto relations = reviewed(read_text(candidates / "relations.json"));
    const auto at = relations.find("\"end\": ");
    relations.replace(at, relations.find(',', at) - at, "\"end\": 99999");
    write(candidates / "relations.json", relations);
    write(candidates / "entities.json", reviewed(read_text(candidates / "entities.json")));
    const auto original = read_text(data / "relations.json");
    const auto run = run_cli({"--data", data.string(), "build", candidates.string(), "--in-place"});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find((candidates / "relations.json").string() + ":") != std::string::npos);
    CHECK(run.err.find("[bad-evidence]") != std::string::npos);
    CHECK(run.err.find("nothing merged") != std::string::npos);
    CHECK(read_text(data / "relations.json") == original);
}

TEST_CASE("two in-place builds in one second keep two backups, and a link in the data folder is not followed", "[cli]") {
    TempDir dir;
    const auto data = dir.path() / "data";
    copy_tiny(data);
    fs::create_directory_symlink(dir.path(), data / "up"); // a link back up: following it would copy everything
    const auto candidates = dir.path() / "candidates";
    REQUIRE(run_cli({"--data", data.string(), "extract", (kSource / "tests/data/extract/report-es.txt").string(), "-o",
                     candidates.string() + "/"})
                .exit_code == 0);
    write(candidates / "entities.json", reviewed(read_text(candidates / "entities.json")));
    write(candidates / "relations.json", reviewed(read_text(candidates / "relations.json")));
    const auto original = read_text(data / "entities.json");
    REQUIRE(run_cli({"--data", data.string() + "/", "build", candidates.string(), "--in-place"}).exit_code == 0);
    const auto once = read_text(data / "entities.json");
    REQUIRE(run_cli({"--data", data.string(), "build", candidates.string(), "--in-place"}).exit_code == 0);
    std::vector<fs::path> backups;
    for (const auto& entry : fs::directory_iterator(dir.path()))
        if (entry.path().filename().string().rfind("data.backup-", 0) == 0) backups.push_back(entry.path());
    std::sort(backups.begin(), backups.end());
    REQUIRE(backups.size() == 2);
    // Whatever their names, one holds the data as it first was and the other as the first build left it.
    const auto first = read_text(backups[0] / "entities.json"), second = read_text(backups[1] / "entities.json");
    CHECK(((first == original && second == once) || (first == once && second == original)));
    CHECK(fs::is_empty(data / "up") == false); // still the link, untouched
    const auto merged = dir.path() / "merged";
    REQUIRE(run_cli({"--data", data.string(), "build", candidates.string(), "-o", merged.string() + "/"}).exit_code == 0);
    CHECK_FALSE(fs::exists(merged / "up"));
    CHECK(fs::exists(merged / "schema/graph-data.schema.json"));
    CHECK(fs::exists(merged / "relation-cues.json"));
}

TEST_CASE("proposals of every rule, once accepted, merge into graph-data that is valid against the report", "[cli]") {
    // Routes described without a name, names under a shared head, paragraph subjects and
    // descriptions: the evidence of each says how the passage refers to what it does not name.
    TempDir dir;
    const auto report = kSource / "tests/data/extract/report-routes.txt";
    const auto candidates = dir.path() / "candidates";
    auto run = run_cli({"--data", (kSource / "graph-data").string(), "extract", report.string(), "-o", candidates.string()});
    REQUIRE(run.exit_code == 0);
    const auto review = read_text(candidates / "review.md");
    for (const char* rule : {"rule route-pattern;", "rule gazetteer+shared-head;", "rule paragraph-subject;", "rule co-occurrence;"}) {
        INFO(rule);
        CHECK(review.find(rule) != std::string::npos);
    }
    // Everything accepted.
    for (const char* file : {"entities.json", "relations.json"}) {
        auto json = read_text(candidates / file);
        for (auto at = json.find("\"candidate\""); at != std::string::npos; at = json.find("\"candidate\"", at))
            json.replace(at, 11, "\"accepted\"");
        write(candidates / file, json);
    }
    const auto merged = dir.path() / "merged";
    run = run_cli({"--data", (kSource / "graph-data").string(), "build", candidates.string(), "-o", merged.string(), "--sources",
                   (kSource / "tests/data/extract").string()});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("valid graph-data") != std::string::npos);
    CHECK(run.err.find("evidence-does-not-name") == std::string::npos);
    const auto after = load_graph_data(merged.string());
    const auto route = after.find("route_from_colombia_via_panama_to_honduras");
    REQUIRE(route);
    std::vector<std::string> ends;
    for (const auto r : after.out_relations(*route))
        ends.push_back(after.relation(r).type() + " " + std::string(after.entity(after.target_of(r)).id()));
    std::sort(ends.begin(), ends.end());
    CHECK(ends ==
          std::vector<std::string>{"carries cocaine", "route_destination honduras", "route_origin colombia", "route_transit panama"});
    const auto& doj = after.entity(*after.find("doj"));
    CHECK(std::any_of(doj.evidence().begin(), doj.evidence().end(), [](const Evidence& e) {
        return e.refers_to == "\"Departments of Homeland Security and Justice\" names the Department of Justice";
    }));
}
