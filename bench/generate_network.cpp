// Writes a reproducible synthetic threat network for the benchmarks: typed, directed, grown by
// preferential attachment inside communities (most ties stay in a node's community, a few
// bridge to others), with a seed. Formats: a TSV edge list of integer ids (what igraph's and
// NetworkX's edge-list readers take), and NetworkX node-link JSON.
//
//   generate_network --nodes 1000000 --relations 5000000 --seed 1 --out DIR [--formats tsv,node-link]
//
// The model: node v (in community v mod C) joins with a quota of ties chosen among nodes before
// it, each picked with probability proportional to degree + 1, from its own community with
// probability 0.9 and from the whole network otherwise. Each tie gets a random direction, and a
// relation type the ontology allows between the two kinds.
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace {

struct Options {
    std::uint64_t nodes = 10000, relations = 50000, communities = 0, seed = 1;
    std::string out;
    std::vector<std::string> formats{"tsv", "node-link"};
};

// Kinds, with how often each occurs (per 100 nodes).
struct KindShare {
    const char* kind;
    const char* label;
    int share;
};
constexpr KindShare kKinds[] = {
    {"gang", "Clique", 30},
    {"criminal_organization", "Network", 20},
    {"cartel", "Cartel", 8},
    {"terrorist_group", "Cell", 6},
    {"insurgent_group", "Front", 6},
    {"person", "Broker", 20},
    {"government_agency", "Unit", 6},
    {"state", "State", 2},
    {"city", "City", 2},
};
enum KindIndex { gang, criminal, cartel, terrorist, insurgent, person, agency, state, city, kind_count };

bool is_threat_actor(int k) { return k <= insurgent; }

// A relation type the ontology allows from kind a to kind b (never a symmetric one, so each tie
// stays one arc).
const char* relation_type(int a, int b, std::mt19937_64& random) {
    const bool coin = (random() & 1) != 0;
    if (is_threat_actor(a) && is_threat_actor(b)) return coin ? "supplies" : "funds";
    if (a == person && is_threat_actor(b)) return coin ? "supplies" : "funds";
    if (a == agency && is_threat_actor(b)) return "counters";
    if (a == state && is_threat_actor(b)) return coin ? "sponsors" : "counters";
    if ((a == agency || a == state) && b != city) return "monitors";
    if (b == city && (is_threat_actor(a) || a == person)) return "operates_in";
    if (b == city && a == agency) return "protects";
    return "funds";
}

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "generate_network: %s\n", message.c_str());
    std::exit(2);
}

std::uint64_t number(const char* flag, const char* text) {
    char* end = nullptr;
    errno = 0;
    const auto value = std::strtoull(text, &end, 10);
    if (errno || *end || !*text || text[0] == '-') fail(std::string(flag) + " needs a non-negative whole number, not \"" + text + "\"");
    return value;
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) fail(flag + " needs a value");
        const char* value = argv[++i];
        if (flag == "--nodes")
            o.nodes = number("--nodes", value);
        else if (flag == "--relations")
            o.relations = number("--relations", value);
        else if (flag == "--communities")
            o.communities = number("--communities", value);
        else if (flag == "--seed")
            o.seed = number("--seed", value);
        else if (flag == "--out")
            o.out = value;
        else if (flag == "--formats") {
            o.formats.clear();
            std::string list = value;
            for (std::size_t start = 0; start <= list.size();) {
                const auto comma = std::min(list.find(',', start), list.size());
                const auto f = list.substr(start, comma - start);
                if (f != "tsv" && f != "node-link") fail("unknown format \"" + f + "\" (tsv, node-link)");
                o.formats.push_back(f);
                start = comma + 1;
            }
        } else
            fail("unknown option " + flag);
    }
    if (o.out.empty()) fail("--out DIR is required");
    if (o.nodes < 2 || o.nodes >= 0xffffffffULL) fail("--nodes must lie in [2, 4294967294]");
    if (o.relations > o.nodes * (o.nodes - 1) / 2) fail("more relations than a simple graph of that many nodes can hold");
    if (o.communities == 0) o.communities = std::max<std::uint64_t>(1, o.nodes / 1000);
    if (o.communities > o.nodes) fail("more communities than nodes");
    return o;
}

struct Network {
    std::vector<std::uint8_t> kind;
    std::vector<std::uint32_t> from, to;
    std::vector<const char*> type;
};

Network grow(const Options& o) {
    std::mt19937_64 random(o.seed);
    Network net;
    net.kind.resize(o.nodes);
    int total_share = 0;
    for (const auto& k : kKinds) total_share += k.share;
    for (auto& k : net.kind) {
        int pick = static_cast<int>(random() % static_cast<std::uint64_t>(total_share));
        int index = 0;
        while (pick >= kKinds[index].share) pick -= kKinds[index++].share;
        k = static_cast<std::uint8_t>(index);
    }
    // Endpoint lists: a node appears once when it joins and once per tie, so a uniform pick from
    // the list picks a node with probability proportional to its degree + 1.
    std::vector<std::uint32_t> everyone;
    std::vector<std::vector<std::uint32_t>> community(o.communities);
    everyone.reserve(o.nodes + 2 * o.relations);
    net.from.reserve(o.relations), net.to.reserve(o.relations), net.type.reserve(o.relations);
    std::uniform_real_distribution<double> unit(0, 1);
    std::vector<std::uint32_t> chosen;
    std::uint64_t owed = 0; // ties still to place
    for (std::uint64_t v = 0; v < o.nodes; ++v) {
        const auto c = v % o.communities;
        // Spread the relations evenly over nodes 1..n-1; what a young node cannot place (it has
        // fewer predecessors than its quota) passes to the next ones.
        if (v > 0) owed += o.relations / (o.nodes - 1) + (v - 1 < o.relations % (o.nodes - 1) ? 1 : 0);
        const auto quota = std::min<std::uint64_t>(owed, v);
        chosen.clear();
        while (chosen.size() < quota) {
            const auto& pool = (!community[c].empty() && unit(random) < 0.9) ? community[c] : everyone;
            const auto u = pool[random() % pool.size()];
            if (std::find(chosen.begin(), chosen.end(), u) == chosen.end()) chosen.push_back(u);
        }
        owed -= quota;
        const auto self = static_cast<std::uint32_t>(v);
        for (const auto u : chosen) {
            std::uint32_t a = self, b = u;
            if (random() & 1) std::swap(a, b);
            net.from.push_back(a), net.to.push_back(b);
            net.type.push_back(relation_type(net.kind[a], net.kind[b], random));
            everyone.push_back(u), community[u % o.communities].push_back(u);
            everyone.push_back(self), community[c].push_back(self);
        }
        everyone.push_back(self), community[c].push_back(self);
    }
    return net;
}

class Writer {
public:
    explicit Writer(const std::string& path) : path_(path), file_(std::fopen((path + ".partial").c_str(), "wb")) {
        if (!file_) fail("cannot write " + path + ": " + std::strerror(errno));
        std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
    }
    ~Writer() {
        if (file_) std::fclose(file_);
    }
    void put(const char* text) { std::fputs(text, file_); }
    void put(std::uint64_t n) { std::fprintf(file_, "%llu", static_cast<unsigned long long>(n)); }
    void close() {
        const bool ok = std::fflush(file_) == 0 && !std::ferror(file_);
        std::fclose(file_);
        file_ = nullptr;
        if (!ok || std::rename((path_ + ".partial").c_str(), path_.c_str()) != 0) fail("cannot finish " + path_);
    }

private:
    std::string path_;
    std::FILE* file_;
};

void write_tsv(const Network& net, const std::string& path) {
    Writer w(path);
    for (std::size_t i = 0; i < net.from.size(); ++i) {
        w.put(net.from[i]), w.put("\t"), w.put(net.to[i]), w.put("\n");
    }
    w.close();
}

void write_node_link(const Network& net, const std::string& path) {
    Writer w(path);
    w.put("{\"directed\": true, \"multigraph\": false, \"graph\": {}, \"nodes\": [");
    for (std::size_t v = 0; v < net.kind.size(); ++v) {
        w.put(v ? ", {\"id\": " : "{\"id\": "), w.put(v), w.put(", \"kind\": \""), w.put(kKinds[net.kind[v]].kind), w.put("\"}");
    }
    w.put("], \"links\": [");
    for (std::size_t i = 0; i < net.from.size(); ++i) {
        w.put(i ? ", {\"source\": " : "{\"source\": "), w.put(net.from[i]), w.put(", \"target\": "), w.put(net.to[i]);
        w.put(", \"type\": \""), w.put(net.type[i]), w.put("\"}");
    }
    w.put("]}\n");
    w.close();
}

} // namespace

int main(int argc, char** argv) {
    const auto options = parse(argc, argv);
    ::mkdir(options.out.c_str(), 0777);
    struct stat info {};
    if (::stat(options.out.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) fail("cannot create the folder " + options.out);
    const auto net = grow(options);
    for (const auto& f : options.formats) {
        if (f == "tsv") write_tsv(net, options.out + "/network.tsv");
        if (f == "node-link") write_node_link(net, options.out + "/network.json");
    }
    std::printf("%llu nodes, %zu relations in %llu communities (seed %llu) -> %s\n", static_cast<unsigned long long>(options.nodes),
                net.from.size(), static_cast<unsigned long long>(options.communities), static_cast<unsigned long long>(options.seed),
                options.out.c_str());
    return 0;
}
