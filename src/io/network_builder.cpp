#include "io/network_builder.hpp"

#include <algorithm>

namespace tg {

void NetworkBuilder::add_node(const std::string& id, const std::string& name, Attributes attributes) {
    auto [it, inserted] = index_.try_emplace(id, nodes_.size());
    if (inserted) {
        nodes_.push_back({id, name.empty() ? id : name, std::move(attributes)});
        return;
    }
    auto& node = nodes_[it->second];
    if (!name.empty()) node.name = name;
    for (auto& [key, value] : attributes) node.attributes[key] = std::move(value);
}

void NetworkBuilder::add_tie(const std::string& from, const std::string& to, std::optional<double> weight,
                             Attributes attributes) {
    if (!has_node(from)) add_node(from);
    if (!has_node(to)) add_node(to);
    if (from == to) {
        ++self_loops_;
        if (options_.self_loops == SelfLoops::drop) return;
    }
    auto key = std::make_pair(from, to);
    if (options_.undirected && key.second < key.first) std::swap(key.first, key.second);
    const auto found = tie_index_.find(key);
    if (found == tie_index_.end()) {
        tie_index_.emplace(key, ties_.size());
        ties_.push_back({from, to, weight, std::move(attributes)});
        return;
    }
    ++merged_;
    auto& tie = ties_[found->second];
    if (merge_tie_weight(options_.merge, tie.weight, weight)) ++merged_with_other_weight_;
    for (auto& [k, v] : attributes) tie.attributes.try_emplace(k, std::move(v));
}

NetworkImport NetworkBuilder::finish(NetworkFormat format, std::vector<Diagnostic> notices, std::vector<std::string> files) {
    // Names come from the nodes file when there is one.
    const std::string names_file = options_.nodes_path.empty() ? options_.path : options_.nodes_path;
    const auto notice_in = [&](const std::string& file, Severity severity, std::string code, std::string message,
                               std::string hint = {}) {
        notices.push_back({severity, nullptr, file, 0, 0, std::move(code), std::move(message), std::move(hint)});
    };
    std::size_t damaged = 0;
    for (const auto& node : nodes_)
        if (node.name.find("\xEF\xBF\xBD") != std::string::npos) ++damaged;
    if (damaged > 0)
        notice_in(names_file, Severity::warning, "replacement-characters",
               std::to_string(damaged) + " node name" + (damaged == 1 ? " holds" : "s hold") +
                   " U+FFFD replacement characters: characters were lost before the file reached threatgraph",
               "get a copy of the data in its original encoding if the names matter");
    if (trimmed_names_ > 0)
        notice_in(names_file, Severity::note, "trimmed-names",
               "removed spaces around " + std::to_string(trimmed_names_) + " node name" + (trimmed_names_ == 1 ? "" : "s"));
    add_tie_notices(notices, options_, merged_, merged_with_other_weight_, self_loops_);

    auto graph = std::make_unique<KnowledgeGraph>(Ontology::plain_network(options_.undirected),
                                                  std::vector<SourceDocument>{}, !options_.undirected);
    for (auto& node : nodes_) {
        Entity e;
        e.id = node.id;
        e.kind = "node";
        e.name = node.name;
        e.attributes = std::move(node.attributes);
        graph->add_entity(std::move(e));
    }
    std::size_t n = 0;
    for (auto& tie : ties_) {
        Relation r;
        r.id = "e" + std::to_string(n++);
        r.source = tie.from;
        r.type = "tie";
        r.target = tie.to;
        r.attributes = std::move(tie.attributes);
        if (tie.weight) r.attributes["weight"] = Attribute{*tie.weight, {}, std::nullopt, {}, {}};
        graph->add_relation(std::move(r));
    }
    NetworkImport out;
    out.graph = std::move(graph);
    out.format = format;
    out.notices = std::move(notices);
    out.files = std::move(files);
    out.merged_ties = merged_;
    out.self_loops = self_loops_;
    return out;
}

bool merge_tie_weight(MergeRule rule, std::optional<double>& kept, const std::optional<double>& repeated) {
    const bool differed = kept != repeated;
    if (repeated && kept) {
        switch (rule) {
        case MergeRule::first: break;
        case MergeRule::last: kept = repeated; break;
        case MergeRule::sum: kept = *kept + *repeated; break;
        case MergeRule::max: kept = std::max(*kept, *repeated); break;
        }
    } else if (repeated) {
        kept = repeated;
    }
    return differed;
}

void add_tie_notices(std::vector<Diagnostic>& notices, const NetworkOptions& options, std::size_t merged,
                     std::size_t merged_with_other_weight, std::size_t self_loops) {
    const auto notice = [&](Severity severity, std::string code, std::string message, std::string hint) {
        notices.push_back({severity, nullptr, options.path, 0, 0, std::move(code), std::move(message), std::move(hint)});
    };
    if (merged > 0) {
        std::string message = "merged " + std::to_string(merged) + " tie" + (merged == 1 ? "" : "s") +
                              " listed more than once" + (options.undirected ? " (a b and b a count as one tie)" : "");
        std::string hint;
        if (merged_with_other_weight > 0) {
            message += "; " + std::to_string(merged_with_other_weight) + " had another weight, kept the " +
                       merge_rule_name(options.merge) + (options.merge == MergeRule::sum ? " of the weights" : "");
            hint = "--merge first|last|sum|max chooses how repeated weights combine";
        }
        notice(Severity::note, "merged-ties", message, hint);
    }
    if (self_loops > 0)
        notice(Severity::note, "self-loops",
               std::string(options.self_loops == SelfLoops::keep ? "kept " : "dropped ") + std::to_string(self_loops) +
                   " self-loop" + (self_loops == 1 ? "" : "s"),
               options.self_loops == SelfLoops::keep ? "--self-loops drop removes them" : "--self-loops keep keeps them");
}

} // namespace tg
