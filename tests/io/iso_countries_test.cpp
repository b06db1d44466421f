// The countries of Debian's iso-codes with their Spanish names, and the gettext catalog reader
// they come through, checked on a catalog written byte by byte.
#include "core/error.hpp"
#include "io/gettext_catalog.hpp"
#include "io/iso_countries.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>

using namespace tg;
using tg::test::TempDir;

namespace {

// A little-endian .mo catalog of `pairs` (the header entry first, as msgfmt writes it).
std::string mo_bytes(const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::string out;
    const auto word = [&](std::uint32_t x) {
        for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((x >> (8 * i)) & 0xFF));
    };
    const auto n = static_cast<std::uint32_t>(pairs.size());
    const std::uint32_t originals = 28, translations = originals + 8 * n, strings = translations + 8 * n;
    word(0x950412DE);
    word(0);
    word(n);
    word(originals);
    word(translations);
    word(0);
    word(0);
    std::string text;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> o, t;
    for (const auto& [from, to] : pairs) {
        o.emplace_back(static_cast<std::uint32_t>(from.size()), strings + static_cast<std::uint32_t>(text.size()));
        text += from + '\0';
    }
    for (const auto& [from, to] : pairs) {
        t.emplace_back(static_cast<std::uint32_t>(to.size()), strings + static_cast<std::uint32_t>(text.size()));
        text += to + '\0';
    }
    for (const auto& [length, offset] : o) word(length), word(offset);
    for (const auto& [length, offset] : t) word(length), word(offset);
    return out + text;
}

const WorldPlace& place(const std::vector<WorldPlace>& places, const std::string& code) {
    const auto it = std::find_if(places.begin(), places.end(), [&](const WorldPlace& p) { return p.code == code; });
    REQUIRE(it != places.end());
    return *it;
}

bool named(const WorldPlace& p, const std::string& name) { return std::find(p.names.begin(), p.names.end(), name) != p.names.end(); }

} // namespace

TEST_CASE("a gettext catalog gives every original text its translation", "[io][iso-codes]") {
    TempDir dir;
    const auto path =
        dir.write("es.mo", mo_bytes({{"", "Content-Type: text/plain; charset=UTF-8\n"}, {"Brazil", "Brasil"}, {"Spain", "España"}}));
    const auto catalog = read_gettext_catalog(path);
    CHECK(catalog.size() == 2);
    CHECK(catalog.at("Brazil") == "Brasil");
    CHECK(catalog.at("Spain") == "España");
}

TEST_CASE("a file that is no gettext catalog, or whose table points outside it, is refused", "[io][iso-codes]") {
    TempDir dir;
    CHECK_THROWS_AS(read_gettext_catalog(dir.write("text.mo", "just some text, no catalog")), DataError);
    auto cut = mo_bytes({{"Brazil", "Brasil"}});
    cut.resize(cut.size() - 5);
    CHECK_THROWS_AS(read_gettext_catalog(dir.write("cut.mo", cut)), DataError);
    CHECK_THROWS_AS(read_gettext_catalog(dir.write("short.mo", "\xDE\x12\x04")), DataError);
}

TEST_CASE("iso-codes gives every country its English and Spanish names and tells territories from states", "[io][iso-codes]") {
    REQUIRE(std::filesystem::exists(kIsoCountriesJson)); // scripts/install-deps.sh installs iso-codes
    const auto places = read_iso_countries(kIsoCountriesJson, kIsoCountriesSpanish);
    CHECK(places.size() >= 240);
    const auto& brazil = place(places, "BR");
    CHECK(brazil.name == "Brazil");
    CHECK(brazil.kind == "state");
    CHECK(named(brazil, "Brasil"));
    CHECK(place(places, "AR").name == "Argentina");
    CHECK(place(places, "MX").kind == "state");
    CHECK(named(place(places, "MX"), "México"));
    CHECK(place(places, "PR").kind == "territory");
    // The everyday name, not the list's inverted or formal one.
    const auto& south_korea = place(places, "KR");
    CHECK(south_korea.name == "South Korea");
    CHECK_FALSE(named(south_korea, "Korea, Republic of"));
    CHECK(place(places, "RU").name == "Russia");
    CHECK(named(place(places, "RU"), "Russian Federation"));
    CHECK(place(places, "VE").name == "Venezuela");
    CHECK(named(place(places, "US"), "Estados Unidos"));
    for (const auto& p : places)
        for (const auto& n : p.names) CHECK(n.find(", ") == std::string::npos);
}

TEST_CASE("a list that is not iso-codes' is refused with the file named", "[io][iso-codes]") {
    TempDir dir;
    const auto path = dir.write("iso.json", R"({"countries": []})");
    try {
        read_iso_countries(path, "");
        FAIL("no error");
    } catch (const DataError& e) {
        CHECK(std::string(e.what()).find(path) != std::string::npos);
    }
}
