#include "core/memory.hpp"

#include "core/error.hpp"

#include <catch2/catch.hpp>

using namespace tg;

TEST_CASE("a load needing more memory than is available is refused with both amounts", "[core]") {
    CHECK_THROWS_WITH(require_memory(3'000'000'000, 2'000'000'000, "reading \"big.tsv\""),
                      "reading \"big.tsv\" needs about 3.0 GB of memory, and 2.0 GB are available");
    CHECK_THROWS_AS(require_memory(3'000'000'000, 2'000'000'000, "reading"), IoError);
    CHECK_NOTHROW(require_memory(1'000'000, 2'000'000'000, "reading"));
    CHECK_NOTHROW(require_memory(3'000'000'000, std::nullopt, "reading")); // unknown: not refused
    CHECK(bytes_text(310'000'000) == "310 MB");
    CHECK(bytes_text(12'000) == "12 kB");
}

TEST_CASE("this machine says how much memory is available", "[core]") {
    const auto available = available_memory();
    REQUIRE(available);
    CHECK(*available > 10'000'000);
}
