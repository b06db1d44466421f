#include "io/network_reader.hpp"

#include "core/error.hpp"
#include "support/single_error.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tg;
using namespace tg::test;

namespace {

// An edge list as --input reads it: the graph, and what the reader noted.
struct EdgeList {
    NetworkImport import;
    const KnowledgeGraph& network;
    const std::vector<Diagnostic>& notices;
    std::size_t merged_ties, self_loops;
    explicit EdgeList(NetworkImport in)
        : import(std::move(in)), network(*import.graph), notices(import.notices), merged_ties(import.merged_ties),
          self_loops(import.self_loops) {}
};

EdgeList read(const TempDir& dir, const std::string& content, NetworkOptions options = {}) {
    options.path = dir.write("net.txt", content);
    options.format = NetworkFormat::edgelist;
    return EdgeList(read_network(options));
}

// Each tie's weight, 1 where it has none; empty when no tie has one.
std::vector<double> weights_of(const KnowledgeGraph& net) {
    std::vector<double> out;
    const auto column = net.relation_attributes().column("weight");
    if (!column) return out;
    for (std::size_t i = 0; i < net.relation_count(); ++i) out.push_back(net.relation_attributes().number(i, *column).value_or(1.0));
    return out;
}

std::vector<std::string> labels_of(const KnowledgeGraph& net) {
    std::vector<std::string> out;
    for (std::size_t v = 0; v < net.entity_count(); ++v) out.emplace_back(net.id_of(v));
    return out;
}

Diagnostic error_reading(const std::string& content) {
    TempDir dir;
    return single_error([&] { read(dir, content); });
}

} // namespace

TEST_CASE("the edge list reader numbers nodes in order of first appearance and keeps weights", "[io]") {
    TempDir dir;
    const auto in = read(dir, "# a comment\nb a 2\na c\n\nc\tb,0.5\n");
    const auto& net = in.network;
    CHECK(labels_of(net) == std::vector<std::string>{"b", "a", "c"});
    CHECK(net.source_column() == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(net.target_column() == std::vector<std::uint32_t>{1, 2, 0});
    CHECK(weights_of(net) == std::vector<double>{2, 1, 0.5});
    CHECK(net.directed());
    CHECK(in.notices.empty());
}

TEST_CASE("the edge list reader stores no weights when no tie has one", "[io]") {
    TempDir dir;
    const auto in = read(dir, "1 2\n2 3\n");
    CHECK(weights_of(in.network).empty());
}

TEST_CASE("number labels with leading zeros stay apart from the plain numbers", "[io]") {
    TempDir dir;
    const auto in = read(dir, "7 007\n007 7\n20000000 7\n");
    CHECK(labels_of(in.network) == std::vector<std::string>{"7", "007", "20000000"});
    CHECK(in.network.relation_count() == 3);
}

TEST_CASE("repeated ties merge by the rule and the merge is reported as read_network reports it", "[io]") {
    TempDir dir;
    NetworkOptions options;
    options.undirected = true;
    options.merge = MergeRule::sum;
    const auto in = read(dir, "a b 5\nb a 6\nb c 1\na b 7\n", options);
    CHECK(in.network.relation_count() == 2);
    CHECK(weights_of(in.network) == std::vector<double>{18, 1});
    CHECK(in.merged_ties == 2);
    CHECK_FALSE(in.network.directed());
    REQUIRE(in.notices.size() == 1);
    CHECK(in.notices[0].message ==
          "merged 2 ties listed more than once (a b and b a count as one tie); 2 had another weight, kept the sum of the weights");
}

TEST_CASE("a tie without a weight takes the weight of a later listing", "[io]") {
    TempDir dir;
    const auto in = read(dir, "a b\nb c 3\na b 4\n");
    CHECK(weights_of(in.network) == std::vector<double>{4, 3});
}

TEST_CASE("ties listed before the first weight weigh 1 and keep their order among the repeats", "[io]") {
    TempDir dir;
    // Node 0 is a hub: its repeats are found among all its ties, first listings kept in order.
    const auto in = read(dir, "0 3\n0 1\n0 2\n0 1 5\n2 0\n0 3\n0 2 7\n");
    CHECK(in.network.source_column() == std::vector<std::uint32_t>{0, 0, 0, 3});
    CHECK(in.network.target_column() == std::vector<std::uint32_t>{1, 2, 3, 0});
    CHECK(weights_of(in.network) == std::vector<double>{1, 5, 7, 1});
    CHECK(in.merged_ties == 3);
    CHECK(labels_of(in.network) == std::vector<std::string>{"0", "3", "1", "2"});
}

TEST_CASE("self-loops are kept or dropped as the options say and always counted", "[io]") {
    TempDir dir;
    const auto kept = read(dir, "a a\na b\n");
    CHECK(kept.network.relation_count() == 2);
    CHECK(kept.self_loops == 1);
    REQUIRE(kept.notices.size() == 1);
    CHECK(kept.notices[0].message == "kept 1 self-loop");
    NetworkOptions options;
    options.self_loops = SelfLoops::drop;
    const auto dropped = read(dir, "a a\na b\n", options);
    CHECK(dropped.network.relation_count() == 1);
    CHECK(dropped.network.entity_count() == 2);
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
    CHECK(in.network.entity_count() == 0);
    REQUIRE(in.notices.size() == 1);
    CHECK(in.notices[0].code == "empty-network");
}

TEST_CASE("a missing edge list file is an input error", "[io]") {
    NetworkOptions options;
    options.path = "/nonexistent/threatgraph/net.txt";
    CHECK_THROWS_AS(read_network(options), IoError);
}

namespace {

// A text over 4 MB, so that two threads parse it: numbered ties with self-loops, repeats and,
// in the second half only, weights; `prefix` turns the labels into names.
std::string large_edge_list(const std::string& prefix, std::size_t ties) {
    std::string out;
    std::uint64_t x = 12345;
    for (std::size_t i = 0; i < ties; ++i) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        const auto a = (x >> 33) % 50'000, b = i % 97 == 0 ? a : (x >> 13) % 50'000;
        out += prefix + std::to_string(a) + '\t' + prefix + std::to_string(b);
        if (i > ties / 2 && i % 3 == 0) out += ' ' + std::to_string(i % 7 + 1);
        out += '\n';
        if (i % 1000 == 0) out += prefix + "0 " + prefix + "1\n# a comment\n\n";
    }
    return out;
}

} // namespace

TEST_CASE("a large numbered edge list read on two threads gives what the same list with names gives", "[io]") {
    TempDir dir;
    const auto numbers = large_edge_list("", 400'000), names = large_edge_list("n", 400'000);
    REQUIRE(numbers.size() > (std::size_t{4} << 20));
    for (const auto loops : {SelfLoops::keep, SelfLoops::drop}) {
        NetworkOptions options;
        options.self_loops = loops;
        options.merge = MergeRule::sum;
        const auto fast = read(dir, numbers, options), general = read(dir, names, options);
        CHECK(fast.network.source_column() == general.network.source_column());
        CHECK(fast.network.target_column() == general.network.target_column());
        CHECK(weights_of(fast.network) == weights_of(general.network));
        CHECK(fast.merged_ties == general.merged_ties);
        CHECK(fast.self_loops == general.self_loops);
        REQUIRE(fast.network.entity_count() == general.network.entity_count());
        for (std::size_t v = 0; v < fast.network.entity_count(); v += 997)
            CHECK("n" + std::string(fast.network.id_of(v)) == general.network.id_of(v));
        CHECK(fast.self_loops > 0);
        CHECK(fast.merged_ties > 0);
        // Nodes are numbered as they first appear, source before target.
        CHECK(fast.network.id_of(0) == numbers.substr(0, numbers.find('\t')));
        CHECK(fast.network.id_of(1) == "0");
        CHECK(fast.network.id_of(2) == "1");
    }
}

TEST_CASE("a large edge list with a name late in it, or a bad line in either half, reads as a small one does", "[io]") {
    TempDir dir;
    auto text = large_edge_list("", 400'000);
    // A name in the second half: every label is then looked up as text, with the same nodes.
    auto named = text;
    named.insert(named.size() - 1, "\nalpha 7");
    const auto in = read(dir, named);
    const auto plain = read(dir, text);
    CHECK(in.network.entity_count() == plain.network.entity_count() + 1);
    CHECK(in.network.id_of(in.network.source_column().back()) == "alpha");
    CHECK(in.network.id_of(in.network.target_column().back()) == "7");
    CHECK(std::equal(plain.network.source_column().begin(), plain.network.source_column().end(), in.network.source_column().begin()));
    // A bad line in each half: the first is reported, at its line.
    auto bad = text;
    const auto late = bad.find('\n', bad.size() * 3 / 4);
    bad.insert(late + 1, "lonely\n");
    const auto second_only = error_reading(bad);
    CHECK(second_only.code == "edgelist-short-line");
    CHECK(second_only.source->position(second_only.offset).line ==
          static_cast<std::size_t>(std::count(bad.begin(), bad.begin() + static_cast<std::ptrdiff_t>(late), '\n')) + 2);
    const auto early = bad.find('\n', 1000);
    bad.insert(early + 1, "1 2 heavy\n");
    const auto both = error_reading(bad);
    CHECK(both.code == "bad-weight");
    CHECK(both.source->position(both.offset).line ==
          static_cast<std::size_t>(std::count(bad.begin(), bad.begin() + static_cast<std::ptrdiff_t>(early), '\n')) + 2);
}
