#include "core/text.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace tg;

TEST_CASE("names that differ only in case or hyphens or spacing fold to one key", "[core]") {
    CHECK(fold_key("MS-13") == "ms13");
    CHECK(fold_key("ms13") == "ms13");
    CHECK(fold_key("MS 13") == "ms13");
    CHECK(fold_key("  Mara  Salvatrucha ") == "marasalvatrucha");
}

TEST_CASE("accents fold to their base letters", "[core]") {
    CHECK(fold_key("Policía Nacional") == "policianacional");
    CHECK(fold_key("PANAMÁ") == "panama");
    CHECK(fold_key("Peñalosa") == "penalosa");
    CHECK(fold_key("Straße") == "strasse");
    CHECK(fold_key("Łódź") == "lodz");
    CHECK(fold_words("Ministerio de Seguridad Pública") == "ministerio de seguridad publica");
}

TEST_CASE("letters of other scripts survive folding", "[core]") { CHECK(fold_key("حزب الله") == "حزبالله"); }

TEST_CASE("invalid UTF-8 is found at its first bad byte", "[core]") {
    CHECK_FALSE(find_invalid_utf8("plain ascii"));
    CHECK_FALSE(find_invalid_utf8("Panamá €"));
    CHECK(find_invalid_utf8("Al\xed Amrous") == std::optional<std::size_t>(2));
    CHECK(find_invalid_utf8("ok\xc3") == std::optional<std::size_t>(2)); // truncated sequence
    // Long ASCII runs are skipped eight bytes at a time: a bad byte at any offset is still found.
    for (std::size_t at = 0; at < 40; ++at) {
        std::string text(40, 'x');
        text[at] = '\xff';
        CHECK(find_invalid_utf8(text) == std::optional<std::size_t>(at));
        if (at + 1 == text.size()) continue;
        text[at] = '\xc3', text[at + 1] = '\xa1'; // a valid two-byte letter
        CHECK_FALSE(find_invalid_utf8(text));
    }
    CHECK(find_invalid_utf8("\xc0\xaf") == std::optional<std::size_t>(0));         // overlong '/'
    CHECK(find_invalid_utf8("a\xed\xa0\x80") == std::optional<std::size_t>(1));    // surrogate
    CHECK(find_invalid_utf8("\xf4\x90\x80\x80") == std::optional<std::size_t>(0)); // above U+10FFFF
}

TEST_CASE("Latin-1 bytes become the same characters in UTF-8", "[core]") {
    CHECK(latin1_to_utf8("Al\xed Amrous") == "Alí Amrous");
    CHECK(latin1_to_utf8("plain") == "plain");
}

TEST_CASE("a byte-order mark is stripped once", "[core]") {
    std::string text = "\xEF\xBB\xBFid,name";
    CHECK(strip_bom(text));
    CHECK(text == "id,name");
    CHECK_FALSE(strip_bom(text));
}

TEST_CASE("quoted lists read naturally", "[core]") {
    CHECK(join_quoted({"a"}) == "\"a\"");
    CHECK(join_quoted({"a", "b"}) == "\"a\" or \"b\"");
    CHECK(join_quoted({"a", "b", "c"}) == "\"a\", \"b\" or \"c\"");
    CHECK(join_quoted({"a", "b", "c"}, 2) == "\"a\", \"b\", ... (1 more)");
}

TEST_CASE("ASCII case changes leave other bytes as they are", "[core]") {
    CHECK(tg::to_upper_ascii("counter-network ñ") == "COUNTER-NETWORK ñ");
    CHECK(tg::to_lower_ascii("MAX HOPS Ñ") == "max hops Ñ");
}
