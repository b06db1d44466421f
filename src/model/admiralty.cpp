#include "model/admiralty.hpp"

#include <set>
#include <string>

namespace tg {

std::optional<Grading> grade_from_evidence(Span<Evidence> evidence) {
    if (evidence.empty()) return std::nullopt;
    bool first_hand = false, hedged = false;
    std::set<std::pair<std::string, std::string>> flat_sections;
    for (const auto& e : evidence) {
        if (e.wording.empty() || e.standing.empty()) return std::nullopt;
        first_hand = first_hand || e.standing == "first-hand";
        if (e.wording == "flat") flat_sections.emplace(e.source, e.section);
        hedged = hedged || e.wording == "hedged";
    }
    Grading g;
    g.reliability = first_hand ? 'B' : 'C';
    g.credibility = flat_sections.size() >= 2 ? 1 : flat_sections.size() == 1 ? 2 : hedged ? 3 : 4;
    return g;
}

std::string grade_reason(Span<Evidence> evidence) {
    const auto grade = grade_from_evidence(evidence);
    if (!grade) return {};
    std::set<std::pair<std::string, std::string>> flat_sections;
    for (const auto& e : evidence)
        if (e.wording == "flat") flat_sections.emplace(e.source, e.section);
    std::string out = grade->reliability == 'B' ? "a passage speaks of the speaker's own side" : "every passage reports on others";
    switch (grade->credibility) {
    case 1: out += "; stated flat in " + std::to_string(flat_sections.size()) + " sections"; break;
    case 2: out += "; stated flat in one section"; break;
    case 3: out += "; only hedged"; break;
    default: out += "; only inferred"; break;
    }
    return out;
}

double confidence_of_grade(const Grading& grade) {
    const bool reliable = grade.reliability == 'A' || grade.reliability == 'B';
    switch (grade.credibility) {
    case 1: return reliable ? 0.95 : 0.9;
    case 2: return reliable ? 0.85 : 0.75;
    case 3: return reliable ? 0.6 : 0.5;
    case 4: return reliable ? 0.35 : 0.3;
    case 5: return 0.15;
    default: return 0.5;
    }
}

} // namespace tg
