// The query executor on its own: bound statements run on a graph with no CLI object, and
// return typed results the result writer prints.
#include "core/error.hpp"
#include "io/graph_data_loader.hpp"
#include "query/binder.hpp"
#include "query/executor.hpp"
#include "query/result_writer.hpp"
#include "support/run.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <variant>

using namespace tg;
using namespace tg::query;

namespace {

// The tests' tiny graph: FARC operates in Colombia and Venezuela, MS-13 in Honduras; Colombia
// counters the FARC; Panama cooperates with Colombia and monitors MS-13.
const KnowledgeGraph& tiny() {
    static const auto graph = load_graph_data(std::string(TG_SOURCE_DIR) + "/tests/data/tiny");
    return graph;
}

struct Session {
    Executor executor{tiny()};
    std::vector<std::string> known;

    StatementResult run(const std::string& text) {
        std::vector<Diagnostic> diagnostics;
        QueryFile file;
        const auto bound = compile_query(std::make_shared<SourceText>("q.tgq", text), tiny(), diagnostics, file, known);
        REQUIRE(diagnostics.empty());
        REQUIRE(bound.statements.size() == 1);
        REQUIRE(Executor::runs(bound.statements.front()));
        auto result = executor.run(bound.statements.front());
        known = executor.selection_names();
        return result;
    }
};

const KnowledgeGraph& proceedings() {
    static const auto graph = load_graph_data(std::string(TG_SOURCE_DIR) + "/graph-data");
    return graph;
}

std::string as_flag(std::string_view name) {
    std::string out = "--";
    for (const char c : name) out += c == '_' ? '-' : c;
    return out;
}

// What the executor finds for a statement on the proceedings, written as the CLI writes it.
std::string executed(const std::string& statement, OutputFormat format) {
    std::vector<Diagnostic> diagnostics;
    QueryFile file;
    const auto bound = compile_query(std::make_shared<SourceText>("q.tgq", statement), proceedings(), diagnostics, file);
    REQUIRE(diagnostics.empty());
    Executor executor(proceedings());
    return write_result(proceedings(), executor.run(bound.statements.front()), format, as_flag);
}

std::vector<std::string> ids(const StatementResult& result) {
    std::vector<std::string> out;
    for (auto e : std::get<EntitiesFound>(result).entities) out.emplace_back(tiny().entity(e).id());
    return out;
}

} // namespace

TEST_CASE("the executor makes selections and finds entities with no CLI, as typed results", "[query][executor]") {
    Session session;
    // The states, and the relations among them: Panama cooperates with Colombia.
    const auto made = std::get<SelectionMade>(session.run("LET states = SELECT ENTITIES WHERE kind = state"));
    CHECK(made.name == "states");
    CHECK(made.entities == 4);
    CHECK(made.relations == 1);
    CHECK(session.executor.selection_names() == std::vector<std::string>{"states"});
    // FIND in the graph's order, cut by LIMIT.
    CHECK(ids(session.run("FIND WHERE kind = state")) == std::vector<std::string>{"colombia", "venezuela", "panama", "honduras"});
    CHECK(ids(session.run("FIND WHERE kind = state LIMIT 2")) == std::vector<std::string>{"colombia", "venezuela"});
    CHECK(ids(session.run("FIND WHERE kind = cartel")).empty());
    // A neighbourhood: MS-13 and what it touches either way (Honduras, Panama), with both relations.
    const auto near = std::get<SelectionMade>(session.run("LET near = NEIGHBORS \"MS-13\" DEPTH 1"));
    CHECK((near.entities == 3 && near.relations == 2));
    // A view request carries the selection a statement runs IN to the analyses the CLI runs.
    std::vector<Diagnostic> diagnostics;
    QueryFile file;
    const auto bound =
        compile_query(std::make_shared<SourceText>("q.tgq", "DISRUPT STEPS 2 IN states"), tiny(), diagnostics, file, session.known);
    REQUIRE(diagnostics.empty());
    CHECK_FALSE(Executor::runs(bound.statements.front()));
    const auto request = session.executor.view_request(bound.statements.front());
    const GraphSnapshot snapshot(tiny());
    CHECK(make_view(snapshot, request, "hops").active_count() == 4);
}

TEST_CASE("the executor finds the structure the CLI's structure command prints", "[query][executor]") {
    Session session;
    // Six entities, seven linked ordered pairs (Panama and Colombia cooperate both ways); read
    // without direction a tree: one component, every link a bridge, and the FARC, Colombia,
    // Panama and MS-13 each hold a leaf or a branch.
    const auto found = std::get<StructureFound>(session.run("STRUCTURE"));
    CHECK(found.directed);
    CHECK(found.shown.size() == 6);
    CHECK(found.report.summary.vertices == 6);
    CHECK(found.report.summary.arcs == 7);
    CHECK(found.report.summary.weak_components == 1);
    CHECK(found.report.bridges.size() == 5);
    std::vector<std::string> points;
    for (auto v : found.report.articulation_points) points.emplace_back(tiny().entity(v).id());
    std::sort(points.begin(), points.end());
    CHECK(points == std::vector<std::string>{"colombia", "farc", "ms13", "panama"});
    // Text names the parameters a front end spells: here their bare names.
    CHECK(write_result(tiny(), found, OutputFormat::text).find("articulation points (4)") != std::string::npos);
}

TEST_CASE("the executor finds communities and name matches as typed results", "[query][executor]") {
    Session session;
    // Girvan-Newman cuts the tree at its middle link, Colombia -- Panama: modularity 0.3 (as
    // NetworkX's modularity gives for {FARC, Colombia, Venezuela}, {Panama, MS-13, Honduras}).
    const auto split = std::get<CommunitiesFound>(session.run("COMMUNITIES METHOD girvan-newman"));
    CHECK(split.method == "girvan-newman");
    CHECK(split.modularity == Approx(0.3));
    REQUIRE(split.communities.size() == 2);
    std::vector<std::vector<std::string>> named;
    for (const auto& c : split.communities) {
        named.emplace_back();
        for (auto v : c) named.back().emplace_back(tiny().entity(v).id());
        std::sort(named.back().begin(), named.back().end());
    }
    std::sort(named.begin(), named.end());
    CHECK(named == std::vector<std::vector<std::string>>{{"colombia", "farc", "venezuela"}, {"honduras", "ms13", "panama"}});
    // Names and aliases: "colom" is closest to Colombia, then to the FARC's long name.
    const auto matches = std::get<MatchesFound>(session.run("SEARCH \"colom\" LIMIT 2"));
    REQUIRE(matches.matches.size() == 2);
    CHECK(tiny().entity(matches.matches[0].entity).id() == "colombia");
    CHECK(tiny().entity(matches.matches[1].entity).id() == "farc");
}

TEST_CASE("the executor ranks entities by a measure as a typed ranking", "[query][executor]") {
    Session session;
    // NetworkX's degree centrality on a directed graph: in- plus out-degree over n - 1. Colombia
    // links both ways with the FARC and with Panama: 4 / 5; the FARC and Panama 3 / 5 each (tied,
    // by id).
    const auto ranking = std::get<RankingFound>(session.run("CENTRALITY degree TOP 3"));
    CHECK(ranking.measure == "degree");
    CHECK(ranking.entities == 6);
    REQUIRE(ranking.rows.size() == 3);
    CHECK((ranking.rows[0].id == "colombia" && ranking.rows[0].score == Approx(0.8)));
    CHECK((ranking.rows[1].id == "farc" && ranking.rows[1].score == Approx(0.6)));
    CHECK((ranking.rows[2].id == "panama" && ranking.rows[2].score == Approx(0.6)));
    CHECK(ranking.rows[0].kind == "State");
}

TEST_CASE("the executor finds key players as a typed set", "[query][executor]") {
    Session session;
    // Read without direction the tiny graph is a path with a branch; taking out Colombia or
    // Panama leaves parts of 3 and 2 among the 5 others: 8 of 20 ordered pairs still reach each
    // other, fragmentation 1 - 8/20 = 0.6; every single entity is tried.
    const auto found = std::get<KeyPlayersFound>(session.run("KEYPLAYERS 1"));
    CHECK(found.k == 1);
    CHECK(found.objective == "fragmentation");
    CHECK(found.set.score == Approx(0.6));
    CHECK(found.set.exhaustive);
    REQUIRE(found.set.members.size() == 1);
    const std::string chosen(tiny().entity(found.set.members.front().vertex).id());
    CHECK((chosen == "colombia" || chosen == "panama"));
    CHECK(found.baseline == Approx(0.0));
}

TEST_CASE("the result writer prints a selection and a finding as text, JSON and CSV", "[query][executor]") {
    Session session;
    const auto made = session.run("LET gangs = SELECT ENTITIES WHERE kind = gang");
    CHECK(write_result(tiny(), made, OutputFormat::text) == "selection gangs: 1 entity, 0 relations\n");
    CHECK(write_result(tiny(), made, OutputFormat::json) == "{\n  \"selection\": \"gangs\",\n  \"entities\": 1,\n  \"relations\": 0\n}\n");
    CHECK(write_result(tiny(), made, OutputFormat::csv) == "selection,entities,relations\ngangs,1,0\n");
    const auto found = session.run("FIND WHERE kind = gang");
    CHECK(write_result(tiny(), found, OutputFormat::csv) == "id,name,kind\nms13,MS-13,gang\n");
    CHECK(write_result(tiny(), session.run("FIND WHERE kind = cartel"), OutputFormat::text) == "no entity matches\n");
}

TEST_CASE("the executor refuses an entity outside the view", "[query][executor]") {
    Session session;
    CHECK_THROWS_AS(session.run("LET p = PATHS FROM \"MS-13\" TO \"FARC\" WHERE kind = gang"), DataError);
}

TEST_CASE("a statement the executor runs prints what its command prints, in every format", "[query][executor]") {
    const std::string data = std::string(TG_SOURCE_DIR) + "/graph-data";
    const auto command = [&](std::vector<std::string> args, const std::string& format) {
        args.insert(args.begin(), {"--data", data, "--no-quotes", "--format", format});
        const auto r = test::run_cli(args);
        REQUIRE(r.exit_code == 0);
        return r.out;
    };
    const std::pair<const char*, OutputFormat> formats[] = {
        {"text", OutputFormat::text}, {"json", OutputFormat::json}, {"csv", OutputFormat::csv}};
    for (const auto& [name, format] : formats) {
        INFO(name);
        CHECK(executed("CONVERGENCE TOP 5", format) == command({"convergence", "--top", "5"}, name));
        CHECK(executed("CENTRALITY betweenness TOP 5", format) == command({"centrality", "--measure", "betweenness", "--top", "5"}, name));
        CHECK(executed("KEYPLAYERS 2", format) == command({"keyplayers", "--k", "2"}, name));
        CHECK(executed("COMMUNITIES", format) == command({"communities"}, name));
        CHECK(executed("STRUCTURE", format) == command({"structure"}, name));
        CHECK(executed("COUNTER-NETWORK", format) == command({"counter-network"}, name));
        CHECK(executed("NEIGHBORS \"MS-13\" DEPTH 2", format) == command({"ego", "MS-13", "--depth", "2"}, name));
        CHECK(executed("CONNECT \"FARC\", \"Hezbollah\", \"MS-13\"", format) == command({"connect", "FARC", "Hezbollah", "MS-13"}, name));
    }
}
