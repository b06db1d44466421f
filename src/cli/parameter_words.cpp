#include "cli/parameter_words.hpp"

namespace tg::cli {

const std::vector<ParameterFlag>& parameter_flags() {
    static const std::vector<ParameterFlag> table = {
        // Parameters named after their options field, set by a flag of another name.
        {"runs", "--seeds"},
        {"relation_types", "--via"},
        {"not_relation_types", "--not-via"},
        {"group_attribute", "--group-by"},
        {"target_ties", "--targets"},
        {"coalition_kinds", "--coalition"},
        {"threat_kinds", "--threats"},
        {"target_kinds", "--targets"},
        {"counter_types", "--via"},
        {"cooperation_types", "--cooperation"},
        {"export_format", "--to"},
        {"paths", "--path"},
        // Parameters spelled as their flags, listed so that the query runner knows them.
        {"kinds", "--kinds"},
        {"domains", "--domains"},
        {"max_hops", "--max-hops"},
        {"max_levels", "--max-levels"},
        {"min_confidence", "--min-confidence"},
        {"as_of", "--as-of"},
        {"ignore_direction", "--ignore-direction"},
        {"direction", "--direction"},
        {"strategy", "--strategy"},
        {"targets", "--targets"},
        {"remove", "--remove"},
        {"samples", "--samples"},
        {"seeds", "--seeds"},
        {"method", "--method"},
        {"weight", "--weight"},
        {"steps", "--steps"},
        {"limit", "--limit"},
        {"depth", "--depth"},
        {"cap", "--cap"},
        {"all", "--all"},
        {"via", "--via"},
        {"not_via", "--not-via"},
        {"lens", "--lens"},
        {"k", "--k"},
        {"group_by", "--group-by"},
        {"alpha", "--alpha"},
        {"nodes", "--nodes"},
        {"input", "--input"},
    };
    return table;
}

std::string flag_words(std::string_view parameter) {
    for (const auto& entry : parameter_flags())
        if (entry.parameter == parameter) return std::string(entry.flag);
    std::string flag = "--";
    for (const char c : parameter) flag += c == '_' ? '-' : c;
    return flag;
}

} // namespace tg::cli
