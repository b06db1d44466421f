#include "io/xml_reader.hpp"

#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <memory>

using namespace tg;

namespace {
std::vector<XmlEvent> all_events(const std::string& content) {
    XmlReader reader(std::make_shared<SourceText>("t.xml", content));
    std::vector<XmlEvent> events;
    for (auto e = reader.next(); e.type != XmlEvent::done; e = reader.next()) events.push_back(e);
    return events;
}
} // namespace

TEST_CASE("elements and attributes and entities and self-closing tags are read in order", "[io]") {
    const auto events =
        all_events("<?xml version=\"1.0\"?>\n<!-- c -->\n<a x=\"1 &amp; 2\" y='&#233;'><b/>t&lt;&#x41;<![CDATA[<raw>]]></a>");
    REQUIRE(events.size() == 6);
    CHECK(events[0].type == XmlEvent::start);
    CHECK(events[0].name == "a");
    CHECK(*events[0].attribute("x") == "1 & 2");
    CHECK(*events[0].attribute("y") == "é");
    CHECK(events[1].type == XmlEvent::start);
    CHECK(events[1].self_closing);
    CHECK(events[2].type == XmlEvent::end);
    CHECK(events[3].content == "t<A");
    CHECK(events[4].content == "<raw>");
    CHECK(events[5].type == XmlEvent::end);
}

TEST_CASE("mismatched and unclosed tags are errors at their position", "[io]") {
    CHECK_THROWS_WITH(all_events("<a>\n  <b></a>"), "invalid data: 1 error, 0 warnings");
    try {
        all_events("<a>\n  <b></a>");
    } catch (const DataError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].message == "XML syntax error: closing tag </a> does not match <b>");
        CHECK(e.diagnostics()[0].position().line == 2);
        CHECK(e.diagnostics()[0].position().column == 6);
    }
    CHECK_THROWS_AS(all_events("<a><b>"), DataError);
    CHECK_THROWS_AS(all_events("<a x=1/>"), DataError);
    CHECK_THROWS_AS(all_events("<a>&bogus;</a>"), DataError);
}

TEST_CASE("an internal DTD subset is refused (no entity expansion)", "[io]") {
    CHECK_THROWS_AS(all_events("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"), DataError);
}
