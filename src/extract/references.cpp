#include "extract/references.hpp"

#include "extract/gazetteer.hpp"

#include <algorithm>
#include <iterator>

namespace tg {

namespace {

struct Description {
    const char* phrase;
    const char* kind; // an ontology kind the antecedent must be, or descend from
};

const Description kDescriptions[] = {
    {"the country", "state"},
    {"this country", "state"},
    {"the nation", "state"},
    {"el pais", "state"},
    {"este pais", "state"},
    {"the group", "threat_actor"},
    {"the gang", "gang"},
    {"the cartel", "cartel"},
    {"the organization", "organization"},
    {"the agency", "government_agency"},
    {"the ministry", "government_agency"},
    {"the force", "government_agency"},
    {"the initiative", "initiative"},
    {"the strategy", "initiative"},
    {"the program", "initiative"},
    {"the plan", "initiative"},
    {"the route", "route"},
    {"the city", "city"},
    {"el grupo", "threat_actor"},
    {"la pandilla", "gang"},
    {"el cartel", "cartel"},
    {"la organizacion", "organization"},
    {"la estrategia", "initiative"},
    {"el programa", "initiative"},
};

} // namespace

const Gazetteer& descriptions() {
    static const Gazetteer all = [] {
        Gazetteer g;
        for (std::size_t d = 0; d < std::size(kDescriptions); ++d) g.add(kDescriptions[d].phrase, d);
        return g;
    }();
    return all;
}

std::vector<Mention> resolve_references(const std::vector<Gazetteer::Match>& found, const std::vector<TextSpan>& spans,
                                        const std::vector<Mention>& mentions, const std::vector<std::string>& kinds,
                                        const Ontology& ontology) {
    std::vector<Mention> out;
    for (const auto& match : found) {
        const auto& d = kDescriptions[match.entities.front()];
        // The first name starting at or after the description; names before it are candidates.
        const auto after = std::lower_bound(mentions.begin(), mentions.end(), match.span.begin,
                                            [](const Mention& m, std::size_t at) { return m.span.begin < at; });
        // Part of a name ("the Country Team" in a name the gazetteer knows)?
        if (after != mentions.end() && after->span.begin < match.span.end) continue;
        if (after != mentions.begin() && std::prev(after)->span.end > match.span.begin) continue;
        const auto* paragraph = span_holding(spans, match.span.begin);
        if (!paragraph) continue;
        // The last name of a fitting kind before it in the paragraph; for a country, the first:
        // the paragraph's subject.
        const bool subject = std::string_view(d.kind) == "state";
        std::size_t looked = 0; // a paragraph with no blank line in a huge text must not cost quadratic time
        const Mention* antecedent = nullptr;
        for (auto m = std::make_reverse_iterator(after); m != mentions.rend() && m->span.begin >= paragraph->begin && looked++ < 100; ++m)
            if (ontology.is_a(kinds[m->entity], d.kind)) {
                antecedent = &*m;
                if (!subject) break;
            }
        if (antecedent) out.push_back({match.span, antecedent->entity});
    }
    return out;
}

} // namespace tg
