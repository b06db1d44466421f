#include "query/clause_words.hpp"

#include <utility>

namespace tg::query {

std::string_view clause_words(std::string_view parameter) {
    static const std::pair<std::string_view, std::string_view> table[] = {
        {"kinds", "WHERE kind IN (...)"},
        {"domains", "WHERE domain IN (...)"},
        {"max_hops", "MAX HOPS"},
        {"max_levels", "MAX LEVELS"},
        {"min_confidence", "MIN CONFIDENCE"},
        {"as_of", "AS OF"},
        {"ignore_direction", "IGNORE DIRECTION"},
        {"direction", "DIRECTION"},
        {"strategy", "STRATEGY"},
        {"targets", "TARGETS"},
        {"target_ties", "TARGETS"},
        {"target_kinds", "TARGETS"},
        {"remove", "REMOVE"},
        {"samples", "SAMPLES"},
        {"seeds", "SEEDS"},
        {"runs", "SEEDS"},
        {"method", "METHOD"},
        {"weight", "WEIGHT"},
        {"steps", "STEPS"},
        {"limit", "LIMIT"},
        {"depth", "DEPTH"},
        {"cap", "CAP"},
        {"all", "ALL"},
        {"via", "VIA"},
        {"relation_types", "VIA"},
        {"counter_types", "VIA"},
        {"not_via", "NOT VIA"},
        {"not_relation_types", "NOT VIA"},
        {"lens", "LENS"},
        {"k", "K"},
        {"group_by", "GROUP BY"},
        {"group_attribute", "GROUP BY"},
        {"coalition_kinds", "COALITION"},
        {"threat_kinds", "THREATS"},
        {"cooperation_types", "COOPERATION"},
        {"export_format", "AS"},
        {"layout", "LAYOUT"},
        {"title", "TITLE"},
        {"highlight", "HIGHLIGHT"},
        {"paths", "PATH"},
        {"size_by", "SIZE BY"},
        {"cluster_by", "CLUSTER BY"},
        {"chart", "CHART"},
    };
    for (const auto& [name, clause] : table)
        if (name == parameter) return clause;
    return {};
}

} // namespace tg::query
