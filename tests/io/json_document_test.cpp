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

// Found by fuzz_network and fuzz_import: RapidJSON 1.1 read "0E55" as 2.1e37 (undefined
// behaviour in its full-precision strtod); numbers are now converted by strtod and strtoll.
TEST_CASE("JSON numbers read exactly, in the integer or double type they need", "[io]") {
    JsonDocument doc;
    std::vector<Diagnostic> problems;
    REQUIRE(doc.parse(text("[0E55, 0.1e23, 123456789012345678901234567890e-10, 9007199254740993, -5, 4294967296, "
                           "-9223372036854775809, 2.5, 1e-400]"),
                      problems));
    const auto& a = doc.root();
    CHECK(a[0].GetDouble() == 0.0);
    CHECK(a[1].GetDouble() == 1e22);
    CHECK(a[2].GetDouble() == 1.2345678901234567e19);
    CHECK(a[3].IsUint64());
    CHECK(a[3].GetUint64() == 9007199254740993u);
    CHECK(a[4].IsInt());
    CHECK(a[4].GetInt() == -5);
    CHECK(a[5].IsUint64());
    CHECK_FALSE(a[5].IsUint());
    CHECK(a[6].IsDouble());
    CHECK(a[6].GetDouble() == -9223372036854775809.0);
    CHECK(a[7].GetDouble() == 2.5);
    CHECK(a[8].GetDouble() == 0.0);

    rapidjson::Document cell;
    std::string problem;
    REQUIRE(parse_json_text("{\"w\": 0E55}", cell, problem));
    CHECK(cell["w"].GetDouble() == 0.0);
    CHECK_FALSE(parse_json_text("[1e999]", cell, problem));
    CHECK(problem.find("too") != std::string::npos);
    CHECK_FALSE(doc.parse(text("{\"w\": 1.5e308, \"x\": 9e308}"), problems));
    CHECK(problems.back().code == "json-syntax");
}
