#pragma once
// A relation's Admiralty grade from its evidence, by the rules graph-data/README.md states, and
// the confidence that follows from a grade. Two independent parts:
//   reliability (who says it)   B when some passage is first-hand (a speaker of their own
//                               government or agency, or the seminar's record), C when every
//                               passage reports on others
//   credibility (corroboration) 1 stated flat in two or more sections (independent passages),
//                               2 stated flat in one, 3 only hedged (a plan, a proposal, "may"),
//                               4 only inferred from context
// Confidence follows from the grade: B1 0.95, C1 0.9, B2 0.85, C2 0.75, B3 0.6, C3 0.5, B4 0.35,
// C4 0.3 (others by the nearest rule: A as B, D-F as C; 5 0.15, 6 0.5).
#include "core/span.hpp"
#include "model/evidence.hpp"
#include "model/relation.hpp"

#include <optional>
#include <string>

namespace tg {

// The grade the evidence gives; nothing when some item lacks its wording or standing.
std::optional<Grading> grade_from_evidence(Span<Evidence> evidence);

// Why the evidence gives its grade, in words ("a speaker of their own side; stated flat in 2
// sections"); empty when it gives none.
std::string grade_reason(Span<Evidence> evidence);

// The confidence a grade stands for.
double confidence_of_grade(const Grading& grade);

// How far a confidence may lie from its grade's before validate says they contradict each other.
constexpr double kGradeConfidenceTolerance = 0.1;

} // namespace tg
