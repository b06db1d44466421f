// What a user running threatgraph on a network of a hundred thousand ties sees: a long
// computation stops at Ctrl-C with one message and nothing written.
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

using namespace tg::test;

namespace {

// Preferential attachment: each node ties to `ties` earlier nodes picked by degree.
std::string attachment_network(std::uint32_t nodes, int ties, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::vector<std::uint32_t> ends{0, 1};
    std::string out = "0 1\n";
    for (std::uint32_t v = 2; v < nodes; ++v)
        for (int k = 0; k < ties; ++k) {
            const auto u = ends[random() % ends.size()];
            out += std::to_string(v) + ' ' + std::to_string(u) + '\n';
            ends.push_back(u), ends.push_back(v);
        }
    return out;
}

} // namespace

TEST_CASE("Ctrl-C stops a long structure run with exit 130, one message and nothing written", "[cli]") {
    TempDir dir;
    const auto network = dir.write("network.txt", attachment_network(150'000, 5, 3));
    const auto output = (dir.path() / "structure.json").string();
    const auto result = run_cli_interrupted({"--input", network, "--format", "json", "-o", output, "structure", "--exact"}, 1.5);
    CHECK(result.exit_code == 130);
    CHECK_THAT(result.err,
               Catch::EndsWith("threatgraph: error: interrupted\nhint: the computation stopped before its end; nothing was written\n"));
    CHECK(result.out.empty());
    CHECK_FALSE(std::filesystem::exists(output));
}
