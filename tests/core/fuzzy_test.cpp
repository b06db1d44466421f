#include "core/fuzzy.hpp"

#include <catch2/catch.hpp>

using namespace tg;

TEST_CASE("edit distance counts insertions and deletions and substitutions and swaps", "[core]") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("hezbollah", "hesbollah") == 1);
    CHECK(edit_distance("farc", "fracs") == 2); // one swap, one insertion
    CHECK(edit_distance("abc", "") == 3);
}

TEST_CASE("did-you-mean offers the closest names and nothing far away", "[core]") {
    const std::vector<std::string> names{"Hezbollah", "Honduras", "FARC", "ELN"};
    CHECK(did_you_mean("Hesbollah", names) == "did you mean \"Hezbollah\"?");
    CHECK(did_you_mean("Venezuela", names).empty());
    CHECK(closest("ELM", names) == std::vector<std::string>{"ELN"});
}
