#include "model/relation.hpp"


namespace tg {

std::optional<Grading> parse_grading(const std::string& code) {
    if (code.size() != 2) return std::nullopt;
    if (code[0] < 'A' || code[0] > 'F' || code[1] < '1' || code[1] > '6') return std::nullopt;
    return Grading{code[0], code[1] - '0'};
}

bool valid_at(const Relation& relation, const std::string& date) {
    if (!relation.period) return true;
    if (!relation.period->from.empty() && compare_dates(relation.period->from, date) > 0) return false;
    if (!relation.period->to.empty() && compare_dates(date, relation.period->to) > 0) return false;
    return true;
}

} // namespace tg
