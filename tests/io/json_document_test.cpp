#include "io/json_document.hpp"

#include <catch2/catch.hpp>

#include <memory>

using namespace tg;

namespace {
SourceTextPtr text(std::string content) { return std::make_shared<SourceText>("t.json", std::move(content)); }
} // namespace

TEST_CASE("every value's position is known by its JSON Pointer", "[io]") {
    JsonDocument doc;
    std::vector<Diagnostic> problems;
    const auto source = text("{\n  \"entities\": [\n    {\"id\": \"farc\", \"kind\": \"gang\"},\n    {\"id\": \"a/b\"}\n  ]\n}\n");
    REQUIRE(doc.parse(source, problems));
    CHECK(problems.empty());
    const auto kind = source->position(doc.value_offset("/entities/0/kind"));
    CHECK(kind.line == 3);
    CHECK(kind.column == 28);
    const auto key = source->position(doc.key_offset("/entities/0/kind"));
    CHECK(key.column == 20);
    CHECK(source->position(doc.value_offset("/entities/1")).line == 4);
    // A missing member points at its object.
    CHECK(doc.value_offset("/entities/1/kind") == doc.value_offset("/entities/1"));
}

TEST_CASE("a syntax error is reported at its line and column", "[io]") {
    JsonDocument doc;
    std::vector<Diagnostic> problems;
    REQUIRE_FALSE(doc.parse(text("{\n  \"a\": 1,\n  \"b\": }\n"), problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "json-syntax");
    CHECK(problems[0].position().line == 3);
    CHECK(problems[0].position().column == 8);
    CHECK(problems[0].message == "JSON syntax error: Invalid value.");
}

TEST_CASE("text after the document is an error and not ignored", "[io]") {
    JsonDocument doc;
    std::vector<Diagnostic> problems;
    REQUIRE_FALSE(doc.parse(text("{\"a\": 1}\n{\"b\": 2}\n"), problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].position().line == 2);
    CHECK(problems[0].position().column == 1);
}

TEST_CASE("deeply nested input is refused without crashing", "[io]") {
    JsonDocument doc;
    std::vector<Diagnostic> problems;
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    REQUIRE_FALSE(doc.parse(text(deep), problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "json-too-deep");
    CHECK(problems[0].offset == kMaxJsonDepth);
}

TEST_CASE("invalid UTF-8 in JSON is reported at the bad byte", "[io]") {
    JsonDocument doc;
    std::vector<Diagnostic> problems;
    REQUIRE_FALSE(doc.parse(text("{\"name\": \"Al\xed\"}"), problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "invalid-utf8");
    CHECK(problems[0].offset == 12);
}

TEST_CASE("an empty file is a syntax error", "[io]") {
    JsonDocument doc;
    std::vector<Diagnostic> problems;
    REQUIRE_FALSE(doc.parse(text(""), problems));
    CHECK(problems.at(0).message == "JSON syntax error: The document is empty.");
}
