#include "support/temp_dir.hpp"

#include <atomic>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

namespace tg::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("threatgraph-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(random()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& relative, const std::string& content) const {
    const auto full = path_ / relative;
    fs::create_directories(full.parent_path());
    std::ofstream out(full, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write test file " + full.string());
    return full.string();
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read test file " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void MiniGraphData::write_to(const TempDir& dir) const {
    const fs::path bundled = fs::path(TG_SOURCE_DIR) / "graph-data";
    dir.write("schema/graph-data.schema.json", read_text(bundled / "schema" / "graph-data.schema.json"));
    dir.write("ontology.json", ontology.empty() ? read_text(bundled / "ontology.json") : ontology);
    dir.write("sources.json", sources);
    dir.write("entities.json", entities);
    dir.write("relations.json", relations);
}

// A 100-byte source with two sections; each line of the JSON is one fact so tests can point at
// exact line:column positions.
MiniGraphData valid_mini_graph_data() {
    MiniGraphData d;
    d.sources = R"({"sources": [
  {"id": "doc", "title": "Test document", "file": "doc.txt", "sha256": "0000000000000000000000000000000000000000000000000000000000000000", "length": 100,
   "sections": [{"id": "a", "title": "First", "start": 0, "end": 50}, {"id": "b", "title": "Second", "start": 50, "end": 100}]}
]}
)";
    d.entities = R"({"entities": [
  {"id": "farc", "kind": "insurgent_group", "name": "FARC", "aliases": ["Revolutionary Armed Forces of Colombia"], "domains": ["insurgency"], "evidence": [{"source": "doc", "section": "a", "start": 0, "end": 10, "paraphrase": "FARC is named."}]},
  {"id": "colombia", "kind": "state", "name": "Colombia", "evidence": [{"source": "doc", "section": "a", "start": 10, "end": 20, "paraphrase": "Colombia is named."}]},
  {"id": "ms13", "kind": "gang", "name": "MS-13", "aliases": ["Mara Salvatrucha"], "domains": ["gang"], "attributes": {"members": {"value": 30000, "unit": "people", "year": 2018, "evidence": [{"source": "doc", "section": "b", "start": 60, "end": 70, "paraphrase": "A count."}]}}, "evidence": [{"source": "doc", "section": "b", "start": 50, "end": 60, "paraphrase": "MS-13 is named."}]}
]}
)";
    d.relations = R"({"relations": [
  {"source": "farc", "type": "operates_in", "target": "colombia", "confidence": 0.9, "grading": "B2", "period": {"from": "2016", "to": "2018-06"}, "evidence": [{"source": "doc", "section": "a", "start": 0, "end": 20, "paraphrase": "FARC in Colombia."}]},
  {"source": "ms13", "type": "operates_in", "target": "colombia", "confidence": 0.5, "evidence": [{"source": "doc", "section": "b", "start": 50, "end": 80, "paraphrase": "MS-13 may be there."}]}
]}
)";
    return d;
}

} // namespace tg::test
