// A parameter named in an error reads as its bare name to a library user, and in a front end's
// own words once that front end spells it.
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace tg;

namespace {

std::string as_flag(std::string_view name) {
    std::string out = "--";
    for (const char c : name) out += c == '_' ? '-' : c;
    return out;
}

std::string as_clause(std::string_view name) {
    std::string out;
    for (const char c : name) out += c == '_' ? ' ' : static_cast<char>(c - 'a' + 'A');
    return out;
}

} // namespace

TEST_CASE("an error naming a parameter reads its bare name as thrown, and each front end's spelling when shown", "[core]") {
    const ParameterError e(parameter("max_hops") + " must be at least 1", "raise " + parameter("max_hops") + " or drop " + parameter("k"));
    CHECK(std::string(e.what()) == "max_hops must be at least 1");
    CHECK(e.hint() == "raise max_hops or drop k");
    CHECK(e.message(as_flag) == "--max-hops must be at least 1");
    CHECK(e.hint(as_flag) == "raise --max-hops or drop --k");
    CHECK(e.message(as_clause) == "MAX HOPS must be at least 1");
    CHECK(e.hint(as_clause) == "raise MAX HOPS or drop K");
    // A parameter error is a usage error: the CLI exits 2 for it.
    CHECK(dynamic_cast<const UsageError*>(&e) != nullptr);
}

TEST_CASE("a message without parameters, or with an unpaired mark, is shown as written", "[core]") {
    CHECK(spell_parameters("no parameter here", as_flag) == "no parameter here");
    CHECK(spell_parameters("", as_flag).empty());
    const std::string unpaired = "half \x1F"
                                 "open";
    CHECK(spell_parameters(unpaired, as_flag) == unpaired);
    CHECK(spell_parameters(parameter("k") + parameter("steps"), as_flag) == "--k--steps");
}
