#include "analysis/lens.hpp"

#include "analysis/counter_network.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"

#include <algorithm>

namespace tg {

namespace {

// The relation types by which the counter-network acts and cooperates.
std::vector<std::string> counter_network_types() {
    return {"counters", "monitors", "protects", "cooperates_with", "supports",  "participates_in",
            "leads",    "adopts",   "verifies", "hosts",           "member_of", "funds"};
}

} // namespace

const std::vector<std::string>& lens_names() {
    static const std::vector<std::string> names{"all", "threat", "counter"};
    return names;
}

Lens parse_lens(const std::string& name) { return static_cast<Lens>(choose_name(name, lens_names(), "lens")); }

std::string lens_name(Lens lens) { return lens_names()[static_cast<std::size_t>(lens)]; }

std::string lens_summary(Lens lens) {
    switch (lens) {
        case Lens::all:
            return "lens all: every entity and relation";
        case Lens::threat:
            return "lens threat: threat actors, activities, commodities, routes and places, without the counter-network's relations";
        case Lens::counter:
            return "lens counter: states, organizations and initiatives and the threats they counter";
    }
    return {};
}

std::vector<std::string> lens_kinds(Lens lens) {
    switch (lens) {
        case Lens::all:
            return {};
        case Lens::threat:
            return {"threat_actor", "illicit_activity", "commodity", "route", "place"};
        case Lens::counter:
            return {"state", "organization", "initiative", "threat_actor", "illicit_activity", "route"};
    }
    return {};
}

bool lens_applies(Lens lens, const Ontology& ontology) {
    if (lens == Lens::all) return true;
    const auto kinds = lens_kinds(lens);
    return std::any_of(kinds.begin(), kinds.end(), [&](const std::string& k) { return ontology.kind(k) != nullptr; });
}

bool lens_keeps_kind(Lens lens, const Ontology& ontology, const std::string& kind) {
    if (lens == Lens::all) return true;
    const auto kinds = lens_kinds(lens);
    return std::any_of(kinds.begin(), kinds.end(), [&](const std::string& k) { return ontology.is_a(kind, k); });
}

void apply_lens(Lens lens, const Ontology& ontology, ViewFilter& filter) {
    if (lens == Lens::all) return;
    const auto kinds = lens_kinds(lens);
    for (const auto& k : kinds)
        if (ontology.kind(k)) filter.lens_kinds.push_back(k);
    if (filter.lens_kinds.empty())
        throw DataError("the lens " + lens_name(lens) + " needs kinds this graph does not declare (" + kinds.front() + ", " + kinds[1] +
                            "...)",
                        "a network brought with " + parameter("input") + " has one kind: leave out " + parameter("lens"));
    const auto counter = counter_network_types();
    if (lens == Lens::threat) {
        for (const auto& t : counter)
            if (ontology.relation_type(t)) filter.not_relation_types.push_back(t);
        return;
    }
    // The counter lens keeps the counter-network's relations and where its members are and act.
    std::vector<std::string> kept = counter;
    for (const auto& t : cooperative_types()) kept.push_back(t);
    for (const auto& t : ontology.relation_type_ids())
        if (std::find(kept.begin(), kept.end(), t) == kept.end()) filter.not_relation_types.push_back(t);
}

} // namespace tg
