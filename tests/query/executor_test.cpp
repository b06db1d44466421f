// The query executor on its own: bound statements run on a graph with no CLI object, and
// return typed results the result writer prints.
#include "core/error.hpp"
#include "io/graph_data_loader.hpp"
#include "query/binder.hpp"
#include "query/executor.hpp"
#include "query/paths_statement.hpp"
#include "query/result_writer.hpp"
#include "render/graphviz_drawings.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
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
    explicit Session(ExecutorSetup setup = {}) : executor(tiny(), std::move(setup)) {}
    Executor executor;
    std::vector<std::string> known;

    StatementResult run(const std::string& text) {
        std::vector<Diagnostic> diagnostics;
        QueryFile file;
        const auto bound = compile_query(std::make_shared<SourceText>("q.tgq", text), tiny(), diagnostics, file, known);
        REQUIRE(diagnostics.empty());
        REQUIRE(bound.statements.size() == 1);
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
    ExecutorSetup setup;
    setup.origin.path = std::string(TG_SOURCE_DIR) + "/graph-data";
    Executor executor(proceedings(), setup);
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
        CHECK(executed("SHOW \"MS-13\"", format) == command({"show", "MS-13"}, name));
        CHECK(executed("SHOW \"farc-operates_in-colombia\"", format) == command({"show", "farc-operates_in-colombia"}, name));
        CHECK(executed("SUMMARY", format) == command({"info"}, name));
        CHECK(executed("PATHS FROM \"FARC\" TO \"Hezbollah\" K 3", format) == command({"paths", "FARC", "Hezbollah", "--k", "3"}, name));
        CHECK(executed("DISRUPT STRATEGY degree, random STEPS 4 SEEDS 3", format) ==
              command({"disrupt", "--strategy", "degree,random", "--steps", "4", "--seeds", "3"}, name));
    }
}

TEST_CASE("the executor shows an entity, a relation and the graph in counts as typed results", "[query][executor]") {
    ExecutorSetup setup;
    setup.origin.path = "tests/data/tiny";
    Session session(setup);
    // MS-13 operates in Honduras (out) and Panama monitors it (in): outgoing first.
    const auto ms13 = std::get<EntityShown>(session.run("SHOW \"Mara Salvatrucha\""));
    CHECK(tiny().entity(ms13.entity).id() == "ms13");
    REQUIRE(ms13.relations.size() == 2);
    CHECK((tiny().relation(ms13.relations[0].relation).id() == "ms13-operates_in-honduras" && ms13.relations[0].outgoing));
    CHECK((tiny().relation(ms13.relations[1].relation).id() == "panama-monitors-ms13" && !ms13.relations[1].outgoing));
    CHECK_FALSE(ms13.network);
    const auto watch = std::get<RelationShown>(session.run("SHOW \"panama-monitors-ms13\""));
    CHECK(tiny().relation(watch.relation).confidence() == Approx(0.5));
    // Six entities, six relations: density 6 / (6 * 5) = 0.2, one component.
    const auto summary = std::get<SummaryFound>(session.run("SUMMARY"));
    CHECK(summary.origin.path == "tests/data/tiny");
    CHECK_FALSE(summary.origin.network());
    CHECK(summary.summary.entities == 6);
    CHECK(summary.summary.relations == 6);
    CHECK(summary.summary.density == Approx(0.2));
    CHECK(summary.summary.components == 1);
    CHECK(write_result(tiny(), summary, OutputFormat::text).rfind("graph-data at tests/data/tiny\n", 0) == 0);
}

TEST_CASE("the executor finds paths with their chain confidence", "[query][executor]") {
    Session session;
    // FARC -> Colombia -- Panama -> MS-13 -> Honduras, read either way: 0.9 * 0.9 * 0.5 * 0.9.
    const auto found = std::get<PathsFound>(session.run("PATHS FROM \"FARC\" TO \"Honduras\" DIRECTION any"));
    REQUIRE(found.paths.size() == 1);
    CHECK(found.paths.front().hops.size() == 4);
    CHECK(std::exp(-found.paths.front().cost) == Approx(0.3645));
    CHECK(found.by_confidence);
    CHECK_FALSE(found.most_reliable);
    // Along the arrows too (cooperation is symmetric); from Honduras no arrow leads anywhere.
    CHECK(std::get<PathsFound>(session.run("PATHS FROM \"FARC\" TO \"Honduras\"")).paths.front().hops.size() == 4);
    CHECK_THROWS_AS(session.run("PATHS FROM \"Honduras\" TO \"FARC\""), DataError);
    // The three shortest are as many as there are: one.
    CHECK(std::get<PathsFound>(session.run("PATHS FROM \"FARC\" TO \"Honduras\" K 3")).paths.size() == 1);
}

TEST_CASE("a query's counts are held to the bounds the analyses set, before anything runs", "[query][executor]") {
    const auto problems = [](const std::string& text) {
        std::vector<Diagnostic> diagnostics;
        QueryFile file;
        compile_query(std::make_shared<SourceText>("q.tgq", text), tiny(), diagnostics, file);
        std::string out;
        for (const auto& d : diagnostics) out += d.message + "\n";
        return out;
    };
    CHECK(problems("PATHS FROM \"FARC\" TO \"Honduras\" K " + std::to_string(kMostShortestPaths)).empty());
    CHECK(problems("PATHS FROM \"FARC\" TO \"Honduras\" K " + std::to_string(kMostShortestPaths + 1)) ==
          "K must be at most " + std::to_string(kMostShortestPaths) + "\n");
    CHECK(problems("DISRUPT STRATEGY random SEEDS " + std::to_string(kMostRandomRuns + 1)) ==
          "SEEDS must be at most " + std::to_string(kMostRandomRuns) + "\n");
    CHECK(problems("DISRUPT STEPS 0") == "STEPS must be at least 1\n");
    CHECK(problems("KEYPLAYERS 0") == "the K must be at least 1\n");
    CHECK(problems("FIND WHERE kind = state LIMIT 0") == "LIMIT must be at least 1\n");
    // A library user who builds a request by hand meets the same bound in the analysis.
    PathsRequest request;
    request.from = "FARC";
    request.to = "Honduras";
    request.k = kMostShortestPaths + 1;
    CHECK_THROWS_AS(find_paths(tiny(), request), ParameterError);
}

TEST_CASE("the executor simulates a disruption step by step as a typed result", "[query][executor]") {
    Session session;
    // Taking Colombia out of the tree leaves {FARC, Venezuela} and {Panama, MS-13, Honduras}:
    // largest 3 of 6, two components, 8 of 30 ordered pairs linked: fragmentation 1 - 12/30 = 0.6.
    const auto found = std::get<DisruptionFound>(session.run("DISRUPT STRATEGY names TARGETS \"Colombia\""));
    REQUIRE(found.strategies.size() == 1);
    const auto& d = found.strategies.front();
    CHECK(d.initial.largest_component == 6);
    REQUIRE(d.steps.size() == 1);
    CHECK(d.steps[0].largest_component == Approx(3));
    CHECK(d.steps[0].components == Approx(2));
    CHECK(d.steps[0].fragmentation == Approx(0.6));
    CHECK(tiny().entity(d.steps[0].removed.at(0)).id() == "colombia");
}

TEST_CASE("EXPORT and RENDER write inside the output folder, and drawing needs an engine", "[query][executor]") {
    const test::TempDir folder;
    ExecutorSetup setup;
    setup.output_folder = folder.str();
    setup.drawings = graphviz_drawings();
    Session session(setup);
    const auto exported = std::get<FileWritten>(session.run("EXPORT TO \"tiny.graphml\""));
    CHECK(exported.path == (folder.path() / "tiny.graphml").string());
    CHECK(exported.format == "graphml");
    CHECK((exported.entities == 6 && exported.relations == 6));
    CHECK(test::read_text(exported.path).find("<graphml") != std::string::npos);
    CHECK(write_result(tiny(), exported, OutputFormat::text) == "wrote " + exported.path + "\n");
    const auto drawn = std::get<FileWritten>(session.run("RENDER TO \"tiny.svg\" HIGHLIGHT \"MS-13\""));
    CHECK((drawn.format == "svg" && drawn.entities == 6));
    CHECK(test::read_text(drawn.path).find("<svg") != std::string::npos);
    // With no engine the statements that draw say what they need; the others still run.
    Session bare;
    CHECK_THROWS_AS(bare.run("RENDER TO \"tiny.svg\""), QueryError);
    CHECK_THROWS_AS(bare.run("EXPORT TO \"tiny.dot\""), QueryError);
    CHECK_NOTHROW(bare.run("DISRUPT STEPS 1"));
}
