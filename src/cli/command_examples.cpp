#include "cli/command_examples.hpp"

#include <map>

namespace tg::cli {

const std::string& command_example(const std::string& command) {
    static const std::map<std::string, std::string> examples{
        {"validate", "threatgraph validate"},
        {"info", "threatgraph info"},
        {"show", "threatgraph show \"MS-13\""},
        {"search", "threatgraph search hizbulah"},
        {"paths", "threatgraph paths FARC Hezbollah --k 3"},
        {"connect", "threatgraph connect FARC ELN \"MS-13\""},
        {"ego", "threatgraph ego Panama --depth 1"},
        {"centrality", "threatgraph centrality --measure betweenness --top 5"},
        {"structure", "threatgraph structure --lens threat"},
        {"communities", "threatgraph communities --seed 0"},
        {"keyplayers", "threatgraph keyplayers --k 3"},
        {"disrupt", "threatgraph disrupt --strategy betweenness --steps 5"},
        {"convergence", "threatgraph convergence --top 5"},
        {"counter-network", "threatgraph counter-network"},
        {"query", "threatgraph query -e 'CENTRALITY pagerank TOP 3'"},
        {"render", "threatgraph render network.svg --kinds threat_actor,state"},
        {"diagrams", "threatgraph diagrams -o diagrams"},
        {"report", "threatgraph report -o report.html"},
        {"export", "threatgraph export --to graphml -o network.graphml"},
        {"import", "threatgraph import network.graphml -o imported-data"},
        {"extract", "threatgraph extract report.txt -o candidates"},
        {"build", "threatgraph build reviewed -o new-graph-data"},
        {"review", "threatgraph review candidates --accept-above 0.9 -o reviewed < /dev/null"},
        {"completion", "threatgraph completion bash > ~/.local/share/bash-completion/completions/threatgraph"},
    };
    static const std::string none;
    const auto found = examples.find(command);
    return found == examples.end() ? none : found->second;
}

} // namespace tg::cli
