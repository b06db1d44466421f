#include "model/relation.hpp"


namespace tg {

std::optional<Grading> parse_grading(const std::string& code) {
    if (code.size() != 2) return std::nullopt;
    if (code[0] < 'A' || code[0] > 'F' || code[1] < '1' || code[1] > '6') return std::nullopt;
    return Grading{code[0], code[1] - '0'};
}

} // namespace tg
