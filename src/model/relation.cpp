#include "model/relation.hpp"

namespace tg {

std::optional<Grading> parse_grading(const std::string& code) {
    if (code.size() != 2) return std::nullopt;
    if (code[0] < 'A' || code[0] > 'F' || code[1] < '1' || code[1] > '6') return std::nullopt;
    return Grading{code[0], code[1] - '0'};
}

bool valid_at(const Relation& relation, const std::string& date) { return valid_at(relation.period ? &*relation.period : nullptr, date); }

bool valid_at(const Period* period, const std::string& date) {
    if (!period) return true;
    if (!period->from.empty() && compare_dates(period->from, date) > 0) return false;
    if (!period->to.empty() && compare_dates(date, period->to) > 0) return false;
    return true;
}

} // namespace tg
