#include "io/plain_network_reader.hpp"

#include "core/error.hpp"
#include "support/single_error.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace tg;
using namespace tg::test;

namespace {

PlainNetworkImport read(const TempDir& dir, const std::string& content, NetworkOptions options = {}) {
    options.path = dir.write("net.txt", content);
    return read_plain_edge_list(options);
}

std::vector<std::string> labels_of(const PlainNetwork& net) {
    std::vector<std::string> out;
    for (std::size_t v = 0; v < net.node_count(); ++v) out.emplace_back(net.labels[v]);
    return out;
}

Diagnostic error_reading(const std::string& content) {
    TempDir dir;
    return single_error([&] { read(dir, content); });
}

} // namespace

TEST_CASE("the lean reader numbers nodes in order of first appearance and keeps weights", "[io]") {
    TempDir dir;
    const auto in = read(dir, "# a comment\nb a 2\na c\n\nc\tb,0.5\n");
    const auto& net = in.network;
    CHECK(labels_of(net) == std::vector<std::string>{"b", "a", "c"});
    CHECK(net.source == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(net.target == std::vector<std::uint32_t>{1, 2, 0});
    CHECK(net.weights == std::vector<double>{2, 1, 0.5});
    CHECK(net.directed);
    CHECK(in.notices.empty());
}

TEST_CASE("the lean reader stores no weights when no tie has one", "[io]") {
    TempDir dir;
    const auto in = read(dir, "1 2\n2 3\n");
    CHECK(in.network.weights.empty());
    CHECK(in.network.weight(0) == 1.0);
}

TEST_CASE("number labels with leading zeros stay apart from the plain numbers", "[io]") {
    TempDir dir;
    const auto in = read(dir, "7 007\n007 7\n20000000 7\n");
    CHECK(labels_of(in.network) == std::vector<std::string>{"7", "007", "20000000"});
    CHECK(in.network.tie_count() == 3);
}

TEST_CASE("repeated ties merge by the rule and the merge is reported as read_network reports it", "[io]") {
    TempDir dir;
    NetworkOptions options;
    options.undirected = true;
    options.merge = MergeRule::sum;
    const auto in = read(dir, "a b 5\nb a 6\nb c 1\na b 7\n", options);
    CHECK(in.network.tie_count() == 2);
    CHECK(in.network.weights == std::vector<double>{18, 1});
    CHECK(in.merged_ties == 2);
    CHECK_FALSE(in.network.directed);
    REQUIRE(in.notices.size() == 1);
    CHECK(in.notices[0].message ==
          "merged 2 ties listed more than once (a b and b a count as one tie); 2 had another weight, kept the sum of the weights");
}

TEST_CASE("a tie without a weight takes the weight of a later listing", "[io]") {
    TempDir dir;
    const auto in = read(dir, "a b\nb c 3\na b 4\n");
    CHECK(in.network.weights == std::vector<double>{4, 3});
}

TEST_CASE("ties listed before the first weight weigh 1 and keep their order among the repeats", "[io]") {
    TempDir dir;
    // Node 0 is a hub: its repeats are found among all its ties, first listings kept in order.
    const auto in = read(dir, "0 3\n0 1\n0 2\n0 1 5\n2 0\n0 3\n0 2 7\n");
    CHECK(in.network.source == std::vector<std::uint32_t>{0, 0, 0, 3});
    CHECK(in.network.target == std::vector<std::uint32_t>{1, 2, 3, 0});
    CHECK(in.network.weights == std::vector<double>{1, 5, 7, 1});
    CHECK(in.merged_ties == 3);
    CHECK(labels_of(in.network) == std::vector<std::string>{"0", "3", "1", "2"});
}

TEST_CASE("self-loops are kept or dropped as the options say and always counted", "[io]") {
    TempDir dir;
    const auto kept = read(dir, "a a\na b\n");
    CHECK(kept.network.tie_count() == 2);
    CHECK(kept.self_loops == 1);
    REQUIRE(kept.notices.size() == 1);
    CHECK(kept.notices[0].message == "kept 1 self-loop");
    NetworkOptions options;
    options.self_loops = SelfLoops::drop;
    const auto dropped = read(dir, "a a\na b\n", options);
    CHECK(dropped.network.tie_count() == 1);
    CHECK(dropped.network.node_count() == 2);
    CHECK(dropped.notices[0].message == "dropped 1 self-loop");
}

TEST_CASE("a malformed edge list line is an error at the offending field", "[io]") {
    const auto short_line = error_reading("a b\nlonely\n");
    CHECK(short_line.code == "edgelist-short-line");
    CHECK(short_line.source->position(short_line.offset).line == 2);
    const auto bad_weight = error_reading("a b heavy\n");
    CHECK(bad_weight.code == "bad-weight");
    CHECK(bad_weight.source->position(bad_weight.offset).column == 5);
    const auto long_line = error_reading("a b 1 2\n");
    CHECK(long_line.code == "edgelist-long-line");
    CHECK(long_line.source->position(long_line.offset).column == 7);
}

TEST_CASE("an empty edge list is a warning not an error", "[io]") {
    TempDir dir;
    const auto in = read(dir, "# nothing here\n");
    CHECK(in.network.node_count() == 0);
    REQUIRE(in.notices.size() == 1);
    CHECK(in.notices[0].code == "empty-network");
}

TEST_CASE("a missing edge list file is an input error", "[io]") {
    NetworkOptions options;
    options.path = "/nonexistent/threatgraph/net.txt";
    CHECK_THROWS_AS(read_plain_edge_list(options), IoError);
}
