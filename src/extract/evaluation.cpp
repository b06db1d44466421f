#include "extract/evaluation.hpp"

#include "core/error.hpp"
#include "extract/gazetteer.hpp"
#include "extract/sentences.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace tg {

namespace {

bool cites(Span<Evidence> evidence, const std::string& source) {
    return std::any_of(evidence.begin(), evidence.end(), [&](const Evidence& e) { return e.source == source; });
}

using Pair = std::pair<std::string, std::string>;
using Typed = std::tuple<std::string, std::string, std::string>;

Pair pair_of(const std::string& a, const std::string& b) { return a < b ? Pair{a, b} : Pair{b, a}; }

Typed typed_of(const KnowledgeGraph& reference, const std::string& source, const std::string& type, const std::string& target) {
    const auto* t = reference.ontology().relation_type(type);
    if (t && t->symmetric && target < source) return {target, type, source};
    return {source, type, target};
}

} // namespace

// The reference pairs whose two ends the text names in one sentence, by the reference's own
// names and aliases.
std::set<Pair> named_in_one_sentence(std::string_view text, const KnowledgeGraph& reference) {
    const auto spans = sentences(text);
    const auto gazetteer = Gazetteer::of(reference);
    std::vector<std::set<std::size_t>> named(spans.size());
    std::size_t s = 0;
    auto matches = gazetteer.find(text, true);
    std::sort(matches.begin(), matches.end(),
              [](const Gazetteer::Match& a, const Gazetteer::Match& b) { return a.span.begin < b.span.begin; });
    for (const auto& m : matches) {
        while (s < spans.size() && spans[s].end <= m.span.begin) ++s;
        if (s == spans.size()) break;
        if (spans[s].begin <= m.span.begin && m.span.end <= spans[s].end) named[s].insert(m.entities.begin(), m.entities.end());
    }
    std::set<Pair> out;
    for (const auto& in_sentence : named)
        for (auto a : in_sentence)
            for (auto b : in_sentence)
                if (a < b) out.insert(pair_of(std::string(reference.entity(a).id()), std::string(reference.entity(b).id())));
    return out;
}

Evaluation evaluate(const Candidates& candidates, const KnowledgeGraph& reference, double min_confidence, std::string_view text) {
    const SourceDocument* source = nullptr;
    for (const auto& s : reference.sources())
        if (s.sha256 == candidates.source.sha256) source = &s;
    if (!source)
        throw DataError("the reference graph cites no source with this text's SHA-256 (" + candidates.source.sha256.substr(0, 12) + "...)",
                        "evaluate on a text the reference graph-data lists in sources.json, unchanged");
    Evaluation out;
    out.source = source->id;

    // The reference: what was curated from this text.
    std::set<std::string> expected_entities;
    for (std::size_t e = 0; e < reference.entity_count(); ++e) {
        const auto entity = reference.entity(e);
        if (!cites(entity.evidence(), source->id)) continue;
        // An entity the text only describes ("the armed forces" of the government named before,
        // "specialized counterterrorism units") has nothing to find by name: every passage of it
        // says how it refers to it. Routes are matched by their ends below instead.
        bool named = entity.kind() == "route";
        for (const auto& ev : entity.evidence()) named = named || (ev.source == source->id && ev.refers_to.empty());
        if (named)
            expected_entities.emplace(entity.id());
        else
            out.described_entities.push_back(std::string(entity.id()));
    }
    std::set<Pair> expected_pairs;
    std::set<Typed> expected_typed;
    std::map<Pair, std::vector<std::string>> relations_of_pair;
    for (std::size_t r = 0; r < reference.relation_count(); ++r) {
        const auto rel = reference.relation(r).record();
        if (!cites(rel.evidence, source->id) || rel.source == rel.target) continue;
        expected_pairs.insert(pair_of(rel.source, rel.target));
        expected_typed.insert(typed_of(reference, rel.source, rel.type, rel.target));
        relations_of_pair[pair_of(rel.source, rel.target)].push_back(rel.id);
    }

    // Candidate ids as reference ids.
    std::map<std::string, std::string> as_reference;
    const auto match = [&](const Entity& candidate) -> std::optional<std::string> {
        if (reference.find(candidate.id)) return candidate.id;
        std::set<EntityIndex> named;
        std::vector<std::string> forms{candidate.name};
        forms.insert(forms.end(), candidate.aliases.begin(), candidate.aliases.end());
        for (const auto& form : forms) {
            const auto found = reference.aliases().lookup(form);
            named.insert(found.begin(), found.end());
        }
        if (named.size() == 1) return std::string(reference.entity(*named.begin()).id());
        return std::nullopt;
    };
    std::set<std::string> found_entities;
    const auto take = [&](const std::string& candidate, const std::string& id) {
        as_reference[candidate] = id;
        if (expected_entities.count(id)) {
            ++out.entities.matched;
            found_entities.insert(id);
        }
    };
    std::vector<const EntityProposal*> unnamed_routes;
    for (const auto& p : candidates.entities) {
        ++out.entities.proposed;
        if (const auto id = match(p.entity))
            take(p.entity.id, *id);
        else if (p.entity.kind == "route")
            unnamed_routes.push_back(&p);
    }
    // A route the text describes without naming is the reference route whose ends hold all of
    // its ends (two at least), the one with fewest other ends.
    using End = std::pair<std::string, std::string>; // role (relation type), reference entity id
    const auto is_end = [](const std::string& type) {
        return type == "route_origin" || type == "route_transit" || type == "route_destination";
    };
    std::map<std::string, std::set<End>> reference_ends;
    for (std::size_t e = 0; e < reference.entity_count(); ++e)
        if (const std::string id(reference.entity(e).id()); reference.entity(e).kind() == "route" && expected_entities.count(id))
            reference_ends[id];
    for (std::size_t r = 0; r < reference.relation_count(); ++r) {
        const auto rel = reference.relation(r).record();
        if (is_end(rel.type) && cites(rel.evidence, source->id) && reference_ends.count(rel.source))
            reference_ends[rel.source].insert({rel.type, rel.target});
    }
    for (const auto* route : unnamed_routes) {
        std::set<End> ends;
        bool all_known = true;
        for (const auto& r : candidates.relations)
            if (r.relation.source == route->entity.id && is_end(r.relation.type)) {
                const auto end = as_reference.find(r.relation.target);
                if (end == as_reference.end())
                    all_known = false;
                else
                    ends.insert({r.relation.type, end->second});
            }
        if (!all_known || ends.size() < 2) continue;
        const std::string* best = nullptr;
        std::size_t best_size = 0;
        for (const auto& [id, theirs] : reference_ends)
            if (std::includes(theirs.begin(), theirs.end(), ends.begin(), ends.end()) && (!best || theirs.size() < best_size)) {
                best = &id;
                best_size = theirs.size();
            }
        if (best) take(route->entity.id, *best);
    }
    out.entities.expected = expected_entities.size();
    out.entities.found = found_entities.size();
    for (const auto& id : expected_entities)
        if (!found_entities.count(id)) out.missed_entities.push_back(id);

    std::set<Pair> proposed_pairs;
    std::set<Typed> proposed_typed;
    std::size_t unmatched_pairs = 0, unmatched_typed = 0;
    std::set<Pair> seen_unmatched;
    for (const auto& p : candidates.relations) {
        if (p.relation.confidence < min_confidence) continue;
        const auto s = as_reference.find(p.relation.source), t = as_reference.find(p.relation.target);
        if (s == as_reference.end() || t == as_reference.end() || s->second == t->second) {
            // A pair with a name the reference lacks cannot be in it; count it once.
            if (seen_unmatched.insert(pair_of(p.relation.source, p.relation.target)).second) ++unmatched_pairs;
            ++unmatched_typed;
            continue;
        }
        proposed_pairs.insert(pair_of(s->second, t->second));
        proposed_typed.insert(typed_of(reference, s->second, p.relation.type, t->second));
    }
    const auto score = [](const auto& proposed, const auto& expected, std::size_t unmatched) {
        Score sc;
        sc.proposed = proposed.size() + unmatched;
        sc.expected = expected.size();
        for (const auto& item : proposed)
            if (expected.count(item)) ++sc.matched;
        sc.found = sc.matched;
        return sc;
    };
    out.pairs = score(proposed_pairs, expected_pairs, unmatched_pairs);
    out.typed = score(proposed_typed, expected_typed, unmatched_typed);
    if (!text.empty()) {
        // The same pairs split by where the text names their ends: in one sentence (what an
        // extractor that relates names within a sentence can reach) or only across sentences.
        // A proposal falls on the side of the pair it names; one with a name the reference
        // lacks counts on the sentence side, where its rules found it.
        const auto within = named_in_one_sentence(text, reference);
        std::set<Pair> expected_within, expected_across, proposed_within, proposed_across;
        for (const auto& pair : expected_pairs) (within.count(pair) ? expected_within : expected_across).insert(pair);
        for (const auto& pair : proposed_pairs) (within.count(pair) ? proposed_within : proposed_across).insert(pair);
        out.pairs_within_sentence = score(proposed_within, expected_within, unmatched_pairs);
        out.pairs_across_sentences = score(proposed_across, expected_across, 0);
        out.split_by_sentence = true;
    }
    for (const auto& [pair, ids] : relations_of_pair)
        if (!proposed_pairs.count(pair)) out.missed_relations.insert(out.missed_relations.end(), ids.begin(), ids.end());
    return out;
}

} // namespace tg
