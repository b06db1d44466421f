// The Admiralty grade read off a relation's evidence, worked out by hand for each rule.
#include "model/admiralty.hpp"

#include <catch2/catch.hpp>

using namespace tg;

namespace {

Evidence item(const std::string& section, const std::string& wording, const std::string& standing) {
    return {"doc", section, 0, 1, "A paraphrase.", {}, wording, standing};
}

std::string reason(const std::vector<Evidence>& evidence) { return grade_reason(evidence); }

std::string grade(const std::vector<Evidence>& evidence) {
    const auto g = grade_from_evidence(evidence);
    return g ? g->code() : "none";
}

} // namespace

TEST_CASE("reliability is B when some passage is first-hand and C when all report on others", "[model][grading]") {
    CHECK(grade({item("a", "flat", "first-hand")}) == "B2");
    CHECK(grade({item("a", "flat", "second-hand")}) == "C2");
    CHECK(grade({item("a", "flat", "second-hand"), item("a", "hedged", "first-hand")}) == "B2");
}

TEST_CASE("credibility counts the sections that state it flat, then hedging, then inference", "[model][grading]") {
    CHECK(grade({item("a", "flat", "second-hand"), item("b", "flat", "second-hand")}) == "C1");
    // Two passages of one section are one source, not a confirmation.
    CHECK(grade({item("a", "flat", "first-hand"), item("a", "flat", "first-hand")}) == "B2");
    CHECK(grade({item("a", "hedged", "first-hand"), item("b", "inferred", "first-hand")}) == "B3");
    CHECK(grade({item("a", "inferred", "second-hand")}) == "C4");
    CHECK(grade({item("a", "flat", "first-hand"), item("b", "hedged", "first-hand")}) == "B2");
}

TEST_CASE("evidence without its wording or standing gives no grade", "[model][grading]") {
    CHECK(grade({}) == "none");
    CHECK(grade({item("a", "flat", "")}) == "none");
    CHECK(grade({item("a", "flat", "first-hand"), item("b", "", "first-hand")}) == "none");
}

TEST_CASE("confidence follows the grade by the README's table", "[model][grading]") {
    const auto of = [](const char* code) { return confidence_of_grade(*parse_grading(code)); };
    CHECK(of("B1") == 0.95);
    CHECK(of("C1") == 0.9);
    CHECK(of("B2") == 0.85);
    CHECK(of("C2") == 0.75);
    CHECK(of("B3") == 0.6);
    CHECK(of("C3") == 0.5);
    CHECK(of("B4") == 0.35);
    CHECK(of("C4") == 0.3);
    CHECK(of("A2") == 0.85); // A reads as B
    CHECK(of("E2") == 0.75); // D-F read as C
    CHECK(of("B6") == 0.5);
}

TEST_CASE("the reason for a grade names who says it and how often it is stated", "[model][grading]") {
    CHECK(reason({item("a", "flat", "second-hand"), item("b", "flat", "second-hand")}) ==
          "every passage reports on others; stated flat in 2 sections");
    CHECK(reason({item("a", "hedged", "first-hand")}) == "a passage speaks of the speaker's own side; only hedged");
    CHECK(reason({item("a", "flat", "")}).empty());
}
