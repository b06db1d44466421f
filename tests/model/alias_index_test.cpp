#include "model/alias_index.hpp"

#include <catch2/catch.hpp>

using namespace tg;

TEST_CASE("MS-13 is found as ms13 and MS 13 and its full name", "[model]") {
    AliasIndex index;
    index.add("MS-13", 0);
    index.add("Mara Salvatrucha", 0);
    index.add("Barrio 18", 1);
    for (const char* text : {"MS-13", "ms13", "MS 13", "mara salvatrucha", "MARA-SALVATRUCHA"}) {
        INFO(text);
        CHECK(index.lookup(text) == std::vector<EntityIndex>{0});
    }
    CHECK(index.lookup("MS-14").empty());
}

TEST_CASE("accented and unaccented names find the same entity", "[model]") {
    AliasIndex index;
    index.add("Policía Nacional de Panamá", 3);
    CHECK(index.lookup("Policia Nacional de Panama") == std::vector<EntityIndex>{3});
}

TEST_CASE("search ranks exact matches above prefixes above approximate ones", "[model]") {
    AliasIndex index;
    index.add("ELN", 0);
    index.add("National Liberation Army", 0);
    index.add("ELN dissidents", 1);
    index.add("Hezbollah", 2);
    const auto eln = index.search("ELN");
    REQUIRE(eln.size() == 2);
    CHECK(eln[0].entity == 0);
    CHECK(eln[0].score == 1.0);
    CHECK(eln[1].entity == 1);
    CHECK(eln[1].score < 1.0);

    const auto typo = index.search("hezbolah");
    REQUIRE_FALSE(typo.empty());
    CHECK(typo[0].entity == 2);
    CHECK(typo[0].matched == "Hezbollah");

    const auto words = index.search("liberation army");
    REQUIRE_FALSE(words.empty());
    CHECK(words[0].entity == 0);
    CHECK(index.search("zzzz").empty());
}

TEST_CASE("a name claimed by two entities is reported as a collision", "[model]") {
    AliasIndex index;
    index.add("Mara 18", 0);
    index.add("MARA-18", 1);
    index.add("Barrio 18", 1);
    const auto collisions = index.collisions();
    REQUIRE(collisions.size() == 1);
    CHECK(collisions[0].key == "mara18");
    CHECK(collisions[0].claims.size() == 2);
    CHECK(index.lookup("mara 18").size() == 2);
}

TEST_CASE("suggestions offer close names for a typo", "[model]") {
    AliasIndex index;
    index.add("Hezbollah", 0);
    index.add("Honduras", 1);
    CHECK(index.suggestions("Hesbollah") == std::vector<std::string>{"Hezbollah"});
}
