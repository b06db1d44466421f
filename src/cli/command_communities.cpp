#include <algorithm>

#include "analysis/communities.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "core/output.hpp"
#include "core/error.hpp"
#include "io/json_writer.hpp"

namespace tg::cli {

int run_communities(Context& context, const CommunitiesArgs& args) {
    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, args.view, "hops").undirected();
    Partition partition;
    bool truncated = false;
    if (args.method == "louvain") {
        LouvainOptions options;
        options.seed = args.seed;
        partition = louvain(view, options);
    } else if (args.method == "girvan-newman") {
        context.progress("removing edges by betweenness ...");
        const auto result = girvan_newman(view, args.max_levels, context.meter());
        partition = result.best;
        truncated = result.truncated;
    } else {
        throw UsageError("unknown --method \"" + args.method + "\"", "use louvain or girvan-newman");
    }
    const double q = modularity(view, partition);
    auto groups = communities_of(partition);
    std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });

    if (context.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("method").value(args.method).key("modularity").value(q);
        if (args.method == "louvain") json.key("seed").value(static_cast<std::int64_t>(args.seed));
        json.key("truncated").value(truncated).key("communities").begin_array();
        for (const auto& c : groups) {
            json.begin_array();
            for (auto v : c) json.value(graph.entity(v).id());
            json.end_array();
        }
        json.end_array().end_object();
        context.emit(json.str());
        return kOk;
    }
    if (context.format() == OutputFormat::csv) {
        std::string out = csv_row({"community", "id", "name"});
        for (std::size_t i = 0; i < groups.size(); ++i)
            for (auto v : groups[i]) out += csv_row({std::to_string(i + 1), std::string(graph.entity(v).id()), std::string(graph.entity(v).name())});
        context.emit(out);
        return kOk;
    }
    // A large network's text output names at most 100 communities and 100 members of each;
    // JSON and CSV list every one.
    constexpr std::size_t kListed = 100;
    std::string out = args.method + ": " + std::to_string(groups.size()) + " communities, modularity " + format_number(q, 4) + "\n";
    for (std::size_t i = 0; i < groups.size() && i < kListed; ++i) {
        std::string members;
        for (std::size_t k = 0; k < groups[i].size() && k < kListed; ++k)
            members += (members.empty() ? "" : ", ") + std::string(graph.entity(groups[i][k]).name());
        if (groups[i].size() > kListed) members += ", ... and " + std::to_string(groups[i].size() - kListed) + " more";
        out += "\n" + std::to_string(i + 1) + " (" + std::to_string(groups[i].size()) + ")\n" + wrap(members, 100, "  ");
    }
    if (groups.size() > kListed)
        out += "\n... and " + std::to_string(groups.size() - kListed) + " more communities (--format csv or json lists every one)\n";
    if (truncated) out += "\n(stopped after --max-levels splits)\n";
    context.emit(out);
    return kOk;
}

} // namespace tg::cli
