#include "model/admiralty.hpp"

#include <set>
#include <string>

namespace tg {

namespace {

// What the rules read off the evidence; nothing when an item lacks its wording or standing.
struct GradeBasis {
    bool first_hand = false, hedged = false;
    std::size_t flat_sections = 0; // sections that state it flat
    Grading grade() const {
        Grading g;
        g.reliability = first_hand ? 'B' : 'C';
        g.credibility = flat_sections >= 2 ? 1 : flat_sections == 1 ? 2 : hedged ? 3 : 4;
        return g;
    }
};

std::optional<GradeBasis> basis_of(Span<Evidence> evidence) {
    if (evidence.empty()) return std::nullopt;
    GradeBasis basis;
    std::set<std::pair<std::string, std::string>> flat;
    for (const auto& e : evidence) {
        if (e.wording.empty() || e.standing.empty()) return std::nullopt;
        basis.first_hand = basis.first_hand || e.standing == "first-hand";
        if (e.wording == "flat") flat.emplace(e.source, e.section);
        basis.hedged = basis.hedged || e.wording == "hedged";
    }
    basis.flat_sections = flat.size();
    return basis;
}

} // namespace

std::optional<Grading> grade_from_evidence(Span<Evidence> evidence) {
    const auto basis = basis_of(evidence);
    if (!basis) return std::nullopt;
    return basis->grade();
}

std::string grade_reason(Span<Evidence> evidence) {
    const auto basis = basis_of(evidence);
    if (!basis) return {};
    std::string out = basis->first_hand ? "a passage speaks of the speaker's own side" : "every passage reports on others";
    switch (basis->grade().credibility) {
        case 1:
            out += "; stated flat in " + std::to_string(basis->flat_sections) + " sections";
            break;
        case 2:
            out += "; stated flat in one section";
            break;
        case 3:
            out += "; only hedged";
            break;
        default:
            out += "; only inferred";
            break;
    }
    return out;
}

double confidence_of_grade(const Grading& grade) {
    const bool reliable = grade.reliability == 'A' || grade.reliability == 'B';
    switch (grade.credibility) {
        case 1:
            return reliable ? 0.95 : 0.9;
        case 2:
            return reliable ? 0.85 : 0.75;
        case 3:
            return reliable ? 0.6 : 0.5;
        case 4:
            return reliable ? 0.35 : 0.3;
        case 5:
            return 0.15;
        default:
            return 0.5;
    }
}

} // namespace tg
