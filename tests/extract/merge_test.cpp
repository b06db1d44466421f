// Merging reviewed candidates into graph-data: what is accepted goes in, what conflicts is
// reported and nothing of it merged.
#include "extract/merge.hpp"
#include "io/graph_data_loader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace tg;

namespace {

const KnowledgeGraph& tiny() {
    static const auto graph = load_graph_data(std::string(TG_SOURCE_DIR) + "/tests/data/tiny");
    return graph;
}

Evidence seen(std::size_t start) { return {"brief", "one", start, start + 10, "Seen in the brief.", {}, {}, {}}; }

struct Files {
    CandidateFiles c;
    Files& entity(const std::string& id, const std::string& kind, const std::string& name, ReviewStatus status,
                  std::vector<std::string> aliases = {}) {
        c.entities.push_back({Entity{id, kind, name, std::move(aliases), {}, {}, {seen(1)}, {}}, Review{status, "test", 0.5}, {}});
        return *this;
    }
    Files& relation(const std::string& source, const std::string& type, const std::string& target, ReviewStatus status) {
        Relation r;
        r.id = source + "-" + type + "-" + target;
        r.source = source;
        r.type = type;
        r.target = target;
        r.confidence = 0.6;
        r.evidence = {seen(40)};
        c.relations.push_back({r, Review{status, "test", 0.6}, {}});
        return *this;
    }
};

std::vector<std::string> messages(const Merge& m) {
    std::vector<std::string> out;
    for (const auto& d : m.diagnostics) out.push_back(d.code + ": " + d.message);
    return out;
}

const Entity* find(const Merge& m, const std::string& id) {
    for (const auto& e : m.entities)
        if (e.id == id) return &e;
    return nullptr;
}

constexpr auto accepted = ReviewStatus::accepted;
constexpr auto rejected = ReviewStatus::rejected;
constexpr auto candidate = ReviewStatus::candidate;

} // namespace

TEST_CASE("accepted items are merged; rejected and unreviewed ones are left out and counted", "[extract]") {
    Files f;
    f.entity("farc", "insurgent_group", "FARC", accepted, {"FARC-EP"})
        .entity("gulf_clan", "cartel", "Gulf Clan", accepted, {"Clan del Golfo"})
        .entity("blue_horizon", "organization", "Blue Horizon", rejected)
        .relation("gulf_clan", "operates_in", "colombia", accepted)
        .relation("farc", "operates_in", "colombia", accepted)
        .relation("colombia", "related_to", "panama", candidate);
    const auto m = merge_candidates(tiny(), f.c);
    CHECK(messages(m).empty());
    CHECK((m.new_entities == 1 && m.merged_entities == 1 && m.new_aliases == 1));
    CHECK((m.new_relations == 1 && m.merged_relations == 1));
    CHECK((m.rejected == 1 && m.unreviewed == 1));
    CHECK(m.entities.size() == tiny().entity_count() + 1);
    CHECK(m.relations.size() == tiny().relation_count() + 1);
    const auto* farc = find(m, "farc");
    REQUIRE(farc);
    CHECK(farc->aliases == std::vector<std::string>{"Revolutionary Armed Forces of Colombia", "FARC-EP"});
    CHECK(farc->evidence.size() == tiny().entity(*tiny().find("farc")).evidence().size() + 1);
    const auto existing = std::find_if(m.relations.begin(), m.relations.end(), [](const Relation& r) {
        return r.source == "farc" && r.type == "operates_in" && r.target == "colombia";
    });
    REQUIRE(existing != m.relations.end());
    CHECK(existing->evidence.back().start == 40);
    CHECK(m.relations.back().id == "gulf_clan-operates_in-colombia");
}

TEST_CASE("a kind conflict, a duplicate name and an unaccepted endpoint are reported, not merged", "[extract]") {
    Files f;
    f.entity("farc", "gang", "FARC", accepted)
        .entity("mara_salvatrucha", "gang", "Mara Salvatrucha", accepted)
        .entity("new_front", "unknown", "New Front", accepted)
        .entity("gulf_clan", "cartel", "Gulf Clan", candidate)
        .relation("gulf_clan", "operates_in", "colombia", accepted)
        .relation("colombia", "produces", "panama", accepted)
        .relation("nobody", "operates_in", "colombia", accepted);
    const auto m = merge_candidates(tiny(), f.c);
    CHECK(messages(m) == std::vector<std::string>{
                             "kind-conflict: entity \"farc\" is a \"gang\" here but a \"insurgent_group\" in graph-data",
                             "duplicate-entity: \"Mara Salvatrucha\" already names entity \"ms13\"",
                             "unknown-kind: unknown kind \"unknown\"",
                             "unknown-endpoint: entity \"gulf_clan\" is not accepted",
                             "kind-mismatch: \"produces\" cannot go from a \"state\" to a \"state\"",
                             "unknown-endpoint: no entity \"nobody\"",
                         });
    CHECK(m.diagnostics[1].hint.find("set the candidate's id to \"ms13\"") != std::string::npos);
}

TEST_CASE("a symmetric relation accepted the other way round merges into the one graph-data has", "[extract]") {
    Files f;
    f.relation("colombia", "cooperates_with", "panama", accepted);
    const auto m = merge_candidates(tiny(), f.c);
    CHECK(messages(m).empty());
    CHECK((m.merged_relations == 1 && m.new_relations == 0));
}

TEST_CASE("nothing accepted is an error that says what to do", "[extract]") {
    Files f;
    f.entity("farc", "insurgent_group", "FARC", candidate).relation("farc", "operates_in", "colombia", rejected);
    const auto m = merge_candidates(tiny(), f.c);
    CHECK(messages(m) == std::vector<std::string>{"nothing-accepted: no candidate is accepted (1 unreviewed, 1 rejected)"});
}

TEST_CASE("a source that is another text under a known id, or a known text under another id, is a conflict", "[extract]") {
    Files f;
    f.relation("farc", "operates_in", "colombia", accepted);
    auto other = tiny().sources().front();
    other.sha256 = std::string(64, 'a');
    f.c.sources = {other};
    CHECK(messages(merge_candidates(tiny(), f.c)).front().find("another text than graph-data's source") != std::string::npos);
    auto renamed = tiny().sources().front();
    renamed.id = "brief-copy";
    f.c.sources = {renamed};
    CHECK(messages(merge_candidates(tiny(), f.c)).front().find("the same text as graph-data's source \"brief\"") != std::string::npos);
}

TEST_CASE("accepted evidence that points outside its section or at an unknown source is refused at the reviewer's line", "[extract]") {
    Files f;
    f.entity("gulf_clan", "cartel", "Gulf Clan", accepted).relation("farc", "operates_in", "colombia", accepted);
    f.c.entities[0].item.evidence[0].end = 99999;
    f.c.relations[0].item.evidence[0].source = "nowhere";
    CHECK(messages(merge_candidates(tiny(), f.c)) ==
          std::vector<std::string>{"bad-evidence: evidence points at bytes 1-99999, outside section \"one\" (0-191)",
                                   "bad-evidence: evidence cites source \"nowhere\", which neither graph-data nor the candidates list"});
}
