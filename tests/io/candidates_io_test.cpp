// The files of the builder: the relation cue lexicon, candidates folders, and graph-data's
// refusal of review marks.
#include "core/error.hpp"
#include "io/candidates_reader.hpp"
#include "io/graph_data_loader.hpp"
#include "io/graph_data_writer.hpp"
#include "io/relation_cues_reader.hpp"
#include "support/single_error.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace tg;
using namespace tg::test;

namespace {

const std::string kSchema = std::string(TG_SOURCE_DIR) + "/graph-data/schema/graph-data.schema.json";

const Ontology& bundled_ontology() {
    static const auto graph = load_graph_data(std::string(TG_SOURCE_DIR) + "/graph-data");
    return graph.ontology();
}

std::vector<RelationCue> cues(const std::string& json) {
    TempDir dir;
    return read_relation_cues(dir.write("relation-cues.json", json), kSchema, bundled_ontology());
}

std::string position(const Diagnostic& d) {
    const auto at = d.position();
    return std::to_string(at.line) + ":" + std::to_string(at.column) + " " + d.code;
}

} // namespace

TEST_CASE("the bundled cue lexicon reads, and its readings name relation types of the ontology", "[io]") {
    const auto lexicon = read_relation_cues(std::string(TG_SOURCE_DIR) + "/graph-data/relation-cues.json", kSchema, bundled_ontology());
    CHECK(lexicon.size() >= 30);
    bool border = false;
    for (const auto& cue : lexicon)
        for (const auto& phrase : cue.phrases) border = border || (phrase == "border with" && cue.readings.front().type == "borders");
    CHECK(border);
}

TEST_CASE("a cue lexicon with an unknown type or a phrase in two cues is refused at the place", "[io]") {
    const auto unknown = single_error([] {
        cues(R"({"cues": [
  {"id": "a", "phrases": ["operates in"], "readings": [{"type": "operates_inn"}], "confidence": 0.5}
]})");
    });
    CHECK(position(unknown) == "2:65 unknown-relation-type");
    CHECK(unknown.hint.find("operates_in") != std::string::npos);
    const auto twice = single_error([] {
        cues(R"({"cues": [
  {"id": "a", "phrases": ["operates in"], "readings": [{"type": "operates_in"}], "confidence": 0.5},
  {"id": "b", "phrases": ["Operates  IN"], "readings": [{"type": "located_in", "direction": "reverse"}], "confidence": 0.5}
]})");
    });
    CHECK(position(twice) == "3:27 duplicate-phrase");
    const auto zero =
        single_error([] { cues(R"({"cues": [{"id": "a", "phrases": ["in"], "readings": [{"type": "operates_in"}], "confidence": 0}]})"); });
    CHECK(zero.code == "schema-minimum");
    const auto reverse = cues(
        R"({"cues": [{"id": "a", "phrases": ["produced in"], "readings": [{"type": "produces", "direction": "reverse"}], "confidence": 0.6}]})");
    REQUIRE(reverse.size() == 1);
    CHECK(reverse[0].readings[0].reverse);
    CHECK_THROWS_AS(read_relation_cues("/no/such/relation-cues.json", kSchema, bundled_ontology()), IoError);
}

TEST_CASE("graph-data refuses an item that still carries review marks", "[io]") {
    auto data = valid_mini_graph_data();
    const auto at = data.entities.find("{\"id\": \"colombia\",");
    REQUIRE(at != std::string::npos);
    data.entities.insert(at + std::string("{\"id\": \"colombia\",").size(), " \"status\": \"candidate\",");
    TempDir dir;
    data.write_to(dir);
    const auto d = single_error([&] { load_graph_data(dir.str()); });
    CHECK(d.code == "candidate-in-graph-data");
    CHECK(d.hint.find("threatgraph build") != std::string::npos);
}

TEST_CASE("a candidates folder reads back with each item's review and place; an item without a status is refused", "[io]") {
    Entity e{"gulf_clan", "cartel", "Gulf Clan", {"Clan del Golfo"}, {}, {}, {{"doc", "a", 0, 10, "Named.", {}, {}, {}}}, {}};
    Relation r;
    r.id = "gulf_clan-operates_in-colombia";
    r.source = "gulf_clan";
    r.type = "operates_in";
    r.target = "colombia";
    r.confidence = 0.56;
    r.evidence = e.evidence;
    TempDir dir;
    dir.write("c/entities.json", write_entities_file({e}, {Review{ReviewStatus::accepted, "capitalized-words:threat_actor-cue", 0.7}}));
    dir.write("c/relations.json", write_relations_file({r}, {Review{ReviewStatus::rejected, "cue:operates-in", 0.56}}));
    const auto read = read_candidates((dir.path() / "c").string(), kSchema);
    REQUIRE(read.entities.size() == 1);
    CHECK(read.entities[0].item.aliases == std::vector<std::string>{"Clan del Golfo"});
    CHECK(read.entities[0].review.status == ReviewStatus::accepted);
    CHECK(read.entities[0].review.confidence == 0.7);
    REQUIRE(read.relations.size() == 1);
    CHECK(read.relations[0].review.status == ReviewStatus::rejected);
    CHECK(read.relations[0].item.confidence == 0.56);
    CHECK(position(read.relations[0].place.diagnostic("type", "x", "y")) == "8:15 x"); // id, status, rule, source, then type

    dir.write("d/entities.json", write_entities_file({e}));
    dir.write("d/relations.json", R"({"relations": []})");
    const auto missing = single_error([&] { read_candidates((dir.path() / "d").string(), kSchema); });
    CHECK(missing.code == "missing-status");
    CHECK(position(missing) == "3:5 missing-status");
}
