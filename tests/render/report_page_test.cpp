// The report page: one file that needs nothing else, the view's entities at the places Graphviz
// gave them, its relations with their evidence, and text from the data that can never end the
// page's script early.
#include "analysis/graph_fixtures.hpp"
#include "io/graph_data_loader.hpp"
#include "io/json_document.hpp"
#include "render/report_page.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <set>

using namespace tg;
using namespace tg::test;

namespace {

// The page's data, as the page's script reads it.
rapidjson::Document page_data(const std::string& page) {
    const std::string open = "<script type=\"application/json\" id=\"tg-data\">";
    const auto start = page.find(open);
    REQUIRE(start != std::string::npos);
    const auto end = page.find("</script>", start);
    REQUIRE(end != std::string::npos);
    std::string json = page.substr(start + open.size(), end - start - open.size());
    rapidjson::Document document;
    std::string problem;
    REQUIRE(parse_json_text(json, document, problem));
    return document;
}

} // namespace

TEST_CASE("the report places every entity of the view where Graphviz put it, apart from the others", "[render][report]") {
    const auto g = network({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"}}, true);
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    const auto places = report_layout(view);
    REQUIRE(places.size() == 5);
    std::set<std::pair<long, long>> distinct;
    for (const auto& p : places) {
        CHECK(p.width > 0);
        CHECK(p.height > 0);
        CHECK(p.x >= 0);
        CHECK(p.y >= 0);
        distinct.insert({std::lround(p.x), std::lround(p.y)});
    }
    CHECK(distinct.size() == 5);
    // The same view gives the same places: a report written twice looks the same.
    const auto again = report_layout(view);
    for (std::size_t v = 0; v < places.size(); ++v) {
        CHECK(places[v].x == again[v].x);
        CHECK(places[v].y == again[v].y);
    }
}

TEST_CASE("the report page holds the view's entities and relations with evidence and quotes, and fetches nothing", "[render][report]") {
    const auto g = load_graph_data(std::string(TG_SOURCE_DIR) + "/tests/data/tiny");
    const GraphSnapshot s(g);
    ViewFilter filter;
    filter.kinds = {"state", "threat_actor"};
    const View view(s, filter);
    ReportContent content;
    content.title = "Tiny </script><script>alert(1)</script>";
    content.origin = "test";
    content.version = "0";
    std::size_t quoted = 0;
    content.quote = [&](const Evidence& e) -> std::optional<std::string> {
        ++quoted;
        return "passage " + e.section + " " + std::to_string(e.start);
    };
    content.key_players_note = "not computed here";
    const auto page = report_page(view, report_layout(view), content);

    // One file: no script, style, image or font from anywhere else.
    CHECK(page.find("src=\"http") == std::string::npos);
    CHECK(page.find("href=\"http") == std::string::npos);
    CHECK(page.find("@import") == std::string::npos);
    CHECK(page.find("Content-Security-Policy") != std::string::npos);
    // The title cannot close the page's elements.
    CHECK(page.find("<title>Tiny &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>") != std::string::npos);
    CHECK(page.find("<script>alert(1)") == std::string::npos);

    const auto data = page_data(page);
    CHECK(std::string(data["title"].GetString()) == content.title);
    REQUIRE(data["entities"].Size() == view.active_count());
    std::set<std::string> ids;
    for (const auto& e : data["entities"].GetArray()) {
        ids.insert(e["id"].GetString());
        CHECK(e["w"].GetDouble() > 0);
    }
    CHECK(ids == std::set<std::string>{"colombia", "farc", "honduras", "ms13", "panama", "venezuela"});
    // Every relation among them, once, its ends by position in the entity list, with its evidence quoted.
    std::size_t expected = 0;
    for (RelationIndex r = 0; r < g.relation_count(); ++r)
        expected += ids.count(std::string(g.entity(g.source_of(r)).id())) && ids.count(std::string(g.entity(g.target_of(r)).id()));
    REQUIRE(data["relations"].Size() == expected);
    for (const auto& r : data["relations"].GetArray()) {
        const auto& source = data["entities"][r["s"].GetUint()];
        const auto relation = g.relation(*[&]() -> std::optional<RelationIndex> {
            for (RelationIndex k = 0; k < g.relation_count(); ++k)
                if (g.relation(k).id() == r["id"].GetString()) return k;
            return std::nullopt;
        }());
        CHECK(std::string(source["id"].GetString()) == std::string(relation.source()));
        REQUIRE(r["evidence"].Size() == relation.evidence().size());
        REQUIRE(!relation.evidence().empty());
        const auto& e = r["evidence"][0];
        CHECK(std::string(e["quote"].GetString()) ==
              "passage " + relation.evidence()[0].section + " " + std::to_string(relation.evidence()[0].start));
    }
    CHECK(quoted > 0);
    CHECK(std::string(data["keyplayers"]["note"].GetString()) == "not computed here");
    CHECK(!data["keyplayers"].HasMember("members"));
}
