#pragma once
// The analyst's report: one self-contained HTML page (its style, script and data inlined, nothing
// fetched) showing the network as Graphviz laid it out, every entity and relation with its
// evidence, a path finder, "remove and watch", and the key players, convergence brokers and
// counter-network gaps as tables. The analyses are computed by the caller; this only lays out and
// writes the page.
#include "analysis/convergence.hpp"
#include "analysis/counter_network.hpp"
#include "analysis/keyplayers.hpp"
#include "analysis/view.hpp"
#include "io/evidence_writer.hpp"
#include "render/graphviz.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tg {

struct ReportContent {
    std::string title;
    std::string origin;  // what was read: "graph-data folder graph-data", "network file x.csv"
    std::string version; // of the tool that wrote it
    // The exact passage behind a piece of evidence, when the source text is at hand.
    QuoteOf quote;
    std::optional<KeyPlayerSet> key_players;
    std::string key_players_note; // why there are none
    std::optional<Convergence> convergence;
    std::string convergence_note;
    std::optional<CounterNetwork> counter_network;
    std::string counter_network_note;
};

// Every active entity's place as Graphviz lays the view out (neato up to 300 entities, sfdp above;
// the same view gives the same places), by vertex.
std::vector<NodePlace> report_layout(const View& view);

// The page. `places` is report_layout's answer for the same view.
std::string report_page(const View& view, const std::vector<NodePlace>& places, const ReportContent& content);

} // namespace tg
