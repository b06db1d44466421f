#include "core/diagnostic.hpp"

#include <catch2/catch.hpp>

#include <memory>

using namespace tg;

TEST_CASE("a byte offset becomes line and column counted in characters", "[core]") {
    const SourceText text("f.json", "ab\n\xc3\xa9x\nlast");
    CHECK(text.position(0).line == 1);
    CHECK(text.position(0).column == 1);
    CHECK(text.position(3).line == 2);
    CHECK(text.position(3).column == 1);
    // 'x' follows the two-byte 'é': byte 5 is column 2.
    CHECK(text.position(5).line == 2);
    CHECK(text.position(5).column == 2);
    CHECK(text.position(7).line == 3);
    CHECK(text.line_at(5) == "\xc3\xa9x");
    CHECK(text.line_at(7) == "last");
    CHECK(text.line_at(100) == "last");
}

TEST_CASE("a diagnostic prints file:line:column and the line with a caret and the hint", "[core]") {
    auto source = std::make_shared<SourceText>("queries/brokers.tgq", "-- brokers\nPATHS FROM \"FARC\" TO \"Hesbollah\"\n");
    Diagnostic d{Severity::error, source, {}, 32, 11, "unknown-entity", "unknown entity \"Hesbollah\"", "did you mean \"Hezbollah\"?"};
    CHECK(format_diagnostic(d) == "queries/brokers.tgq:2:22: error: unknown entity \"Hesbollah\" [unknown-entity]\n"
                                  " 2 | PATHS FROM \"FARC\" TO \"Hesbollah\"\n"
                                  "   |                      ^~~~~~~~~~~\n"
                                  "hint: did you mean \"Hezbollah\"?\n");
}

TEST_CASE("a diagnostic without a file position names only the file", "[core]") {
    Diagnostic d{Severity::warning, nullptr, "data/x.json", 0, 0, "missing-file", "missing file", {}};
    CHECK(format_diagnostic(d) == "data/x.json: warning: missing file [missing-file]\n");
}

TEST_CASE("errors are counted apart from warnings and notes", "[core]") {
    std::vector<Diagnostic> list(3);
    list[1].severity = Severity::warning;
    list[2].severity = Severity::note;
    CHECK(count_errors(list) == 1);
}
