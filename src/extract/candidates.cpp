#include "extract/candidates.hpp"

#include "core/huge_pages.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "extract/gazetteer.hpp"
#include "extract/new_entities.hpp"
#include "extract/references.hpp"
#include "extract/relations.hpp"
#include "extract/routes.hpp"
#include "extract/sentences.hpp"
#include "extract/shared_heads.hpp"
#include "extract/world_places.hpp"

#include <algorithm>
#include <deque>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace tg {

namespace {

constexpr double kKnownNameConfidence = 0.9;
// A place of the world by a name ISO 3166 or the city list gives it: surely a place, though the
// name may mean something else here ("Georgia", a U.S. state).
constexpr double kWorldPlaceConfidence = 0.8;
constexpr std::size_t kEvidencePerEntity = 3;
constexpr const char* kDescribedRoute = "the sentence describes the route without naming it";

// A name graph-data does not know, before it gets an id.
struct NewName {
    std::string name, kind, rule;
    double confidence = 0;
    std::vector<std::string> aliases;
    bool dropped = false;
    std::vector<TextSpan> spans; // where the text names it
};

SourceDocument new_source(std::string_view text, const std::string& digest, const std::string& file_name, const KnowledgeGraph& graph) {
    SourceDocument s;
    auto stem = file_name;
    if (const auto slash = stem.find_last_of('/'); slash != std::string::npos) stem = stem.substr(slash + 1);
    s.file = stem;
    if (const auto dot = stem.find_last_of('.'); dot != std::string::npos && dot > 0) stem = stem.substr(0, dot);
    auto base = id_from_name(stem);
    std::replace(base.begin(), base.end(), '_', '-');
    s.id = base;
    for (int n = 2; graph.source(s.id); ++n) s.id = base + "-" + std::to_string(n);
    s.title = s.file;
    s.sha256 = digest;
    s.length = text.size();
    s.sections.push_back({"text", "The whole text", 0, text.size()});
    return s;
}

// The one entity a form names in graph-data, if exactly one.
std::optional<std::size_t> known_entity(const KnowledgeGraph& graph, const std::string& form) {
    const auto found = graph.aliases().lookup(form);
    if (found.size() == 1) return found.front();
    return std::nullopt;
}

class Assembler {
public:
    Assembler(std::string_view text, const KnowledgeGraph& graph, Candidates& out)
        : text_(text), graph_(graph), out_(out), paragraph_spans_(paragraphs(text)), spans_(sentences(text, paragraph_spans_)) {}

    void run(const std::vector<RelationCue>& cues, const std::vector<WorldPlace>& world) {
        out_.sentence_count = spans_.size();
        const auto known = Gazetteer::of(graph_);
        const auto phrases = cue_phrases(cues);
        const auto world_names = world_gazetteer(world);
        // One reading of the text finds the known names (nested ones too), the cue phrases, the
        // descriptions, the words of routes, the plural heads of shared names and the places of
        // the world.
        auto found = Gazetteer::find_each(text_, {{&known, true},
                                                  {&phrases, false},
                                                  {&descriptions(), false},
                                                  {&route_words(), false},
                                                  {&shared_head_words(), false},
                                                  {&world_names, false}});
        auto covered = Gazetteer::outermost(found[0]);
        take_world_places(world, found[5], covered);
        for (auto& c : propose_entities(text_, covered, spans_))
            add_new_name({c.name, c.kind, c.rule, c.confidence, {}, false, std::move(c.spans)});
        out_.abbreviations = find_abbreviations(text_, spans_);
        for (const auto& pair : out_.abbreviations) take_abbreviation(pair);
        for (const auto& shared : shared_head_names(text_, spans_, found[4])) take_shared_head(shared);

        // The catalog: graph-data's entities, then the new names that survived.
        const auto n = graph_.entity_count();
        kinds_.resize(n);
        for (std::size_t e = 0; e < n; ++e) kinds_[e] = graph_.entity(e).kind();
        // Where the text names the new names, and known entities by the aliases it gives them:
        // the new-name finder saw every occurrence, outside the known names.
        std::vector<Gazetteer::Match> added;
        for (const auto& [e, spans] : known_spans_)
            for (const auto& span : spans) added.push_back({span, {e}, {}});
        std::vector<std::size_t> new_of_catalog; // catalog index - n -> news_ index
        for (std::size_t k = 0; k < news_.size(); ++k) {
            if (news_[k].dropped) continue;
            const auto e = n + new_of_catalog.size();
            new_of_catalog.push_back(k);
            kinds_.push_back(news_[k].kind);
            for (const auto& span : news_[k].spans) added.push_back({span, {e}, {}});
        }
        std::deque<std::vector<std::size_t>> merged;
        const auto all = with_added(std::move(found[0]), std::move(added), merged);
        std::vector<Mention> mentions; // for relations: the longest names only
        reserve_huge(mentions, all.size());
        for (const auto& match : Gazetteer::outermost(all))
            if (match.entities.size() == 1) mentions.push_back({match.span, match.entities.front()});
        std::vector<Mention> named; // for entities: names inside longer ones too
        reserve_huge(named, all.size());
        for (const auto& match : all)
            if (match.entities.size() == 1) named.push_back({match.span, match.entities.front()});

        // Entity proposals in catalog order, for the named ones.
        std::vector<std::vector<std::pair<TextSpan, std::size_t>>> named_in(kinds_.size()); // sentence, where the name is
        std::vector<std::size_t> count(kinds_.size(), 0);
        for (const auto& m : named) {
            ++count[m.entity];
            const auto s = sentence_around(m.span);
            auto& list = named_in[m.entity];
            if (list.size() < kEvidencePerEntity && (list.empty() || list.back().first.begin != s.begin))
                list.emplace_back(s, m.span.begin);
        }
        std::vector<std::string> ids(kinds_.size());
        for (std::size_t e = 0; e < n; ++e) taken_.emplace(graph_.entity(e).id());
        for (std::size_t e = 0; e < kinds_.size(); ++e) {
            if (count[e] == 0) continue;
            EntityProposal p;
            p.mentions = count[e];
            if (e < n) {
                const auto& known_entity = graph_.entity(e);
                p.known = true;
                p.entity.id = known_entity.id();
                p.entity.kind = known_entity.kind();
                p.entity.name = known_entity.name();
                p.review = {ReviewStatus::candidate, "gazetteer", kKnownNameConfidence};
                if (const auto it = new_aliases_.find(e); it != new_aliases_.end()) {
                    p.new_aliases = it->second;
                    p.entity.aliases = it->second;
                    p.review.rule = "gazetteer";
                    for (const auto& how : alias_rules_[e]) p.review.rule += "+" + how;
                }
                if (by_shared_head_.count(e)) p.review.rule += "+shared-head";
            } else {
                const auto& fresh = news_[new_of_catalog[e - n]];
                p.entity.id = unique_id(fresh.name);
                p.entity.kind = fresh.kind.empty() ? "unknown" : fresh.kind;
                p.entity.name = fresh.name;
                p.entity.aliases = fresh.aliases;
                p.review = {ReviewStatus::candidate, fresh.rule, fresh.confidence};
            }
            for (const auto& [sentence, at] : named_in[e])
                if (auto ev = evidence(sentence, at, p.entity.name + " is named here.")) {
                    if (const auto shared = shared_head_at_.find(at); shared != shared_head_at_.end()) ev->refers_to = shared->second;
                    p.entity.evidence.push_back(std::move(*ev));
                }
            if (p.entity.evidence.empty()) continue; // named only outside the source's sections: nothing to cite
            ids[e] = p.entity.id;
            p.entity.note = "named " + std::to_string(count[e]) + (count[e] == 1 ? " time" : " times") + " in the text";
            names_.emplace(e, p.entity.name);
            out_.entities.push_back(std::move(p));
        }

        std::set<std::string> relation_ids;
        // Descriptions that point back to a name ("the country") take part in relations.
        const auto references = resolve_references(found[2], paragraph_spans_, mentions, kinds_, graph_.ontology());
        auto linked = mentions;
        linked.insert(linked.end(), references.begin(), references.end());
        std::stable_sort(linked.begin(), linked.end(), [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
        // The first mention of e in a sentence: each list's mentions by entity, in place order, so
        // a sentence naming thousands of entities is not read once per relation.
        const auto by_entity = [](const std::vector<Mention>& list) {
            std::unordered_map<std::size_t, std::vector<const Mention*>> out;
            for (const auto& m : list) out[m.entity].push_back(&m);
            for (auto& [e, places] : out)
                std::stable_sort(places.begin(), places.end(),
                                 [](const Mention* a, const Mention* b) { return a->span.begin < b->span.begin; });
            return out;
        };
        const auto linked_of = by_entity(linked), mentions_of = by_entity(mentions), references_of = by_entity(references);
        const auto first_in = [](const std::unordered_map<std::size_t, std::vector<const Mention*>>& of, TextSpan sentence,
                                 std::size_t e) -> const Mention* {
            const auto places = of.find(e);
            if (places == of.end()) return nullptr;
            auto it = std::lower_bound(places->second.begin(), places->second.end(), sentence.begin,
                                       [](const Mention* m, std::size_t at) { return m->span.begin < at; });
            for (; it != places->second.end() && (*it)->span.begin < sentence.end; ++it)
                if ((*it)->span.end <= sentence.end) return *it;
            return nullptr;
        };
        // How a sentence refers to an entity it does not name, for the evidence's refers_to.
        const auto refers_to = [&](TextSpan sentence, std::size_t e) {
            if (const auto* m = first_in(mentions_of, sentence, e)) {
                const auto shared = shared_head_at_.find(m->span.begin); // named only under a shared head
                return shared == shared_head_at_.end() ? std::string() : shared->second;
            }
            const auto* m = first_in(references_of, sentence, e);
            if (!m) return std::string();
            return "\"" + std::string(text_.substr(m->span.begin, m->span.end - m->span.begin)) + "\" is " + names_.at(e);
        };

        auto proposed = propose_relations(text_, spans_, linked, kinds_, graph_.ontology(), cues, found[1]);
        auto subjects = paragraph_subjects(paragraph_spans_, spans_, linked, kinds_, graph_.ontology(), proposed);
        proposed.insert(proposed.end(), std::make_move_iterator(subjects.begin()), std::make_move_iterator(subjects.end()));
        for (auto& c : proposed) {
            if (ids[c.source].empty() || ids[c.target].empty()) continue; // an end with nothing to cite
            RelationProposal p;
            p.sentences = c.sentences.size();
            p.phrase = c.phrase;
            p.review = {ReviewStatus::candidate, c.rule, c.confidence};
            auto& r = p.relation;
            r.source = ids[c.source];
            r.type = c.type;
            r.target = ids[c.target];
            r.confidence = c.confidence;
            r.id = r.source + "-" + r.type + "-" + r.target;
            const auto* type = graph_.ontology().relation_type(c.type);
            const auto label = type ? type->label : c.type;
            const auto said =
                !c.phrase.empty()
                    ? names_.at(c.source) + " " + label + " " + names_.at(c.target) + ", by the phrase \"" + fold_words(c.phrase) + "\"."
                : c.rule == "paragraph-subject" ? names_.at(c.target) + " is named in a paragraph about " + names_.at(c.source) + "."
                                                : names_.at(c.source) + " and " + names_.at(c.target) + " are named in one sentence.";
            for (std::size_t s = 0; s < c.sentences.size() && s < kEvidencePerEntity; ++s) {
                const auto* anchor = first_in(linked_of, c.sentences[s], c.source);
                auto ev = evidence(c.sentences[s], anchor ? anchor->span.begin : c.sentences[s].begin, said);
                if (!ev) continue;
                r.evidence.push_back(std::move(*ev));
                std::string how;
                for (const auto e : {c.source, c.target})
                    if (const auto r_to = refers_to(c.sentences[s], e); !r_to.empty()) how += (how.empty() ? "" : "; ") + r_to;
                r.evidence.back().refers_to = how;
            }
            if (r.evidence.empty()) continue;
            for (int k = 2; !relation_ids.insert(r.id).second; ++k)
                r.id = r.source + "-" + r.type + "-" + r.target + "-" + std::to_string(k);
            if (c.sentences.size() > kEvidencePerEntity || c.phrase.empty())
                r.note = c.rule == "paragraph-subject"
                             ? "in " + std::to_string(c.sentences.size()) + (c.sentences.size() == 1 ? " paragraph" : " paragraphs") +
                                   " about " + names_.at(c.source)
                             : "stated in " + std::to_string(c.sentences.size()) + (c.sentences.size() == 1 ? " sentence" : " sentences");
            out_.relations.push_back(std::move(p));
        }

        // Routes the text describes without naming them: new entities, with their ends.
        for (const auto& route : find_routes(text_, spans_, linked, kinds_, graph_.ontology(), found[3]))
            add_route(route, ids, relation_ids);
    }

private:
    // Known names and added ones as one gazetteer would find them with nesting: sorted, the
    // longer first at one place; a match overlapping an outer one without being inside it is
    // dropped, and one span found by both is one match for both entities.
    // The entity lists of spans found by both are kept in `merged`.
    static std::vector<Gazetteer::Match> with_added(std::vector<Gazetteer::Match> known, std::vector<Gazetteer::Match> added,
                                                    std::deque<std::vector<std::size_t>>& merged) {
        if (added.empty()) return known;
        const auto by_place = [](const Gazetteer::Match& a, const Gazetteer::Match& b) {
            return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
        };
        // The gazetteer's are in this order already; at one span, known before added.
        std::stable_sort(added.begin(), added.end(), by_place);
        std::vector<Gazetteer::Match> all;
        reserve_huge(all, known.size() + added.size());
        std::merge(known.begin(), known.end(), added.begin(), added.end(), std::back_inserter(all), by_place);
        std::vector<Gazetteer::Match> out;
        reserve_huge(out, all.size());
        std::size_t outer_end = 0;
        for (auto& m : all) {
            if (!out.empty() && out.back().span.begin == m.span.begin && out.back().span.end == m.span.end) {
                std::vector<std::size_t> both(out.back().entities.begin(), out.back().entities.end());
                for (const auto e : m.entities)
                    if (std::find(both.begin(), both.end(), e) == both.end()) both.push_back(e);
                out.back().entities = Gazetteer::Entities(merged.emplace_back(std::move(both)));
                continue;
            }
            if (m.span.begin >= outer_end)
                outer_end = m.span.end;
            else if (m.span.end > outer_end)
                continue; // overlaps the outer match without being inside it
            out.push_back(std::move(m));
        }
        return out;
    }

    // The new name written `form` (ignoring case and accents), if not dropped; by an index, as a
    // long text defines thousands of abbreviations.
    NewName* new_name(const std::string& form) {
        const auto it = news_index_.find(fold_words(form));
        if (it == news_index_.end() || news_[it->second].dropped) return nullptr;
        return &news_[it->second];
    }

    void add_new_name(NewName n) {
        news_index_[fold_words(n.name)] = news_.size();
        news_.push_back(std::move(n));
    }

    // Places of the world the text names outside every known name, written with a capital: a
    // new state, territory or city, or, when graph-data knows the place by another of its names
    // ("Estados Unidos" for the United States), a new alias of that entity. Each match joins
    // `covered`, so that the new-name finder does not propose it again.
    void take_world_places(const std::vector<WorldPlace>& world, const std::vector<Gazetteer::Match>& matches,
                           std::vector<Gazetteer::Match>& covered) {
        std::vector<std::uint8_t> known_byte(text_.size() + 1, 0);
        for (const auto& m : covered)
            std::fill(known_byte.begin() + static_cast<long>(m.span.begin), known_byte.begin() + static_cast<long>(m.span.end), 1);
        std::map<std::size_t, std::vector<Gazetteer::Match>> by_place;
        for (const auto& m : matches) {
            const auto first = static_cast<unsigned char>(text_[m.span.begin]);
            const bool capital = (first >= 'A' && first <= 'Z') || first >= 0x80;
            const bool inside_known =
                std::any_of(known_byte.begin() + static_cast<long>(m.span.begin), known_byte.begin() + static_cast<long>(m.span.end),
                            [](std::uint8_t b) { return b != 0; });
            if (capital && !inside_known) by_place[m.entities.front()].push_back(m);
        }
        for (const auto& [k, place_matches] : by_place) {
            const auto& place = world[k];
            std::optional<std::size_t> entity;
            for (const auto& name : place.names)
                if (!entity) entity = known_entity(graph_, name);
            if (entity) {
                auto& spans = known_spans_[*entity];
                for (const auto& m : place_matches) {
                    spans.push_back(m.span);
                    const auto form = collapse_spaces(text_.substr(m.span.begin, m.span.end - m.span.begin));
                    if (!known_entity(graph_, form)) add_alias(*entity, form, "world-gazetteer");
                }
            } else {
                NewName n{place.name, place.kind, "world-gazetteer:" + place.list, kWorldPlaceConfidence, {}, false, {}};
                for (const auto& m : place_matches) {
                    n.spans.push_back(m.span);
                    const auto form = collapse_spaces(text_.substr(m.span.begin, m.span.end - m.span.begin));
                    if (fold_words(form) != fold_words(place.name) &&
                        std::find(n.aliases.begin(), n.aliases.end(), form) == n.aliases.end())
                        n.aliases.push_back(form);
                }
                add_new_name(std::move(n));
            }
            covered.insert(covered.end(), place_matches.begin(), place_matches.end());
        }
    }

    // `how`: the rule that found the alias, named in the proposal's rule.
    void add_alias(std::size_t entity, const std::string& alias, const std::string& how) {
        auto& rules = alias_rules_[entity];
        if (std::find(rules.begin(), rules.end(), how) == rules.end()) rules.push_back(how);
        auto& list = new_aliases_[entity];
        if (std::find(list.begin(), list.end(), alias) == list.end()) list.push_back(alias);
    }

    // An abbreviation pair names a known entity by a form graph-data lacks (a new alias), or a
    // new entity by both forms (one new name with an alias).
    void take_abbreviation(const AbbreviationPair& pair) {
        const auto known_long = known_entity(graph_, pair.long_form);
        const auto known_short = known_entity(graph_, pair.short_form);
        if (known_long && known_short) return;
        if (known_long || known_short) {
            const auto entity = known_long ? *known_long : *known_short;
            const auto& other = known_long ? pair.short_form : pair.long_form;
            add_alias(entity, other, "abbreviation");
            auto& spans = known_spans_[entity];
            if (auto* n = new_name(other)) {
                n->dropped = true;
                spans.insert(spans.end(), n->spans.begin(), n->spans.end());
            } else {
                spans.push_back(known_long ? pair.short_span : pair.long_span);
            }
            return;
        }
        auto* long_name = new_name(pair.long_form);
        auto* short_name = new_name(pair.short_form);
        if (long_name && long_name == short_name) { // the pair again: one more place for each form
            long_name->spans.push_back(pair.long_span);
            long_name->spans.push_back(pair.short_span);
            long_name->confidence = std::max(long_name->confidence, pair.confidence);
            return;
        }
        NewName merged{pair.long_form, {}, "abbreviation:" + pair.rule, pair.confidence, {pair.short_form}, false, {}};
        if (!long_name) merged.spans.push_back(pair.long_span);
        if (!short_name) merged.spans.push_back(pair.short_span);
        for (auto* n : {long_name, short_name}) {
            if (!n) continue;
            // Moved, not copied: a text that repeats a definition keeps one list of places.
            merged.spans.insert(merged.spans.end(), n->spans.begin(), n->spans.end());
            n->spans = {};
            if (merged.kind.empty()) merged.kind = n->kind;
            merged.confidence = std::max(merged.confidence, n->confidence);
            for (const auto& a : n->aliases)
                if (fold_words(a) != fold_words(merged.name) && fold_words(a) != fold_words(pair.short_form)) merged.aliases.push_back(a);
            n->dropped = true;
        }
        add_new_name(std::move(merged));
        // Both forms lead to the merged name from now on.
        news_index_[fold_words(pair.short_form)] = news_.size() - 1;
    }

    // A route as a new entity ("Route from Venezuela via Haiti to Dominican Republic"), and a
    // relation to each of its ends and to what it carries, each citing the route's sentences.
    void add_route(const RouteCandidate& route, const std::vector<std::string>& ids, std::set<std::string>& relation_ids) {
        struct End {
            const char* type;
            std::size_t entity;
            const char* said; // "<route> <said> <end>."
        };
        std::vector<End> ends;
        for (const auto e : route.origins) ends.push_back({"route_origin", e, "starts in"});
        for (const auto e : route.transits) ends.push_back({"route_transit", e, "passes through"});
        for (const auto e : route.destinations) ends.push_back({"route_destination", e, "ends in"});
        // A place with nothing to cite leaves the route without an end; a cargo is left out.
        if (std::any_of(ends.begin(), ends.end(), [&](const End& end) { return ids[end.entity].empty(); })) return;
        for (const auto e : route.carried)
            if (!ids[e].empty()) ends.push_back({"carries", e, "carries"});
        const auto listed = [&](const std::vector<std::size_t>& entities) {
            std::string out;
            for (std::size_t k = 0; k < entities.size(); ++k)
                out += (k == 0 ? "" : k + 1 == entities.size() ? " and " : ", ") + names_.at(entities[k]);
            return out;
        };
        std::string name = "Route";
        if (!route.origins.empty()) name += " from " + listed(route.origins);
        if (!route.transits.empty()) name += " via " + listed(route.transits);
        if (!route.destinations.empty()) name += " to " + listed(route.destinations);

        EntityProposal p;
        p.entity.kind = "route";
        p.entity.name = name;
        p.review = {ReviewStatus::candidate, route.rule, route.confidence};
        p.mentions = route.sentences.size();
        for (std::size_t k = 0; k < route.sentences.size() && k < kEvidencePerEntity; ++k)
            if (auto ev = evidence(route.sentences[k], route.sentences[k].begin, name + " is described here.")) {
                ev->refers_to = kDescribedRoute;
                p.entity.evidence.push_back(std::move(*ev));
            }
        if (p.entity.evidence.empty()) return;
        p.entity.id = unique_id(name);
        p.entity.note = "described in " + std::to_string(route.sentences.size()) +
                        (route.sentences.size() == 1 ? " sentence" : " sentences") + ", never named: its ends are proposed as relations";
        const auto id = p.entity.id;
        out_.entities.push_back(std::move(p));

        for (const auto& end : ends) {
            RelationProposal rp;
            rp.sentences = route.sentences.size();
            rp.review = {ReviewStatus::candidate, route.rule, route.confidence};
            auto& r = rp.relation;
            r.source = id;
            r.type = end.type;
            r.target = ids[end.entity];
            r.confidence = route.confidence;
            for (std::size_t k = 0; k < route.sentences.size() && k < kEvidencePerEntity; ++k)
                if (auto ev =
                        evidence(route.sentences[k], route.sentences[k].begin, name + " " + end.said + " " + names_.at(end.entity) + ".")) {
                    ev->refers_to = kDescribedRoute;
                    r.evidence.push_back(std::move(*ev));
                }
            r.id = r.source + "-" + r.type + "-" + r.target;
            for (int k = 2; !relation_ids.insert(r.id).second; ++k)
                r.id = r.source + "-" + r.type + "-" + r.target + "-" + std::to_string(k);
            out_.relations.push_back(std::move(rp));
        }
    }

    // A name sharing a plural head with others: a known entity's (by its name or an alias), or a
    // new name of an agency.
    void take_shared_head(const SharedHeadName& shared) {
        // The text never writes the name whole: the evidence says how it names it.
        shared_head_at_[shared.span.begin] = "\"" +
                                             collapse_spaces(text_.substr(shared.phrase.begin, shared.phrase.end - shared.phrase.begin)) +
                                             "\" names the " + shared.name;
        // A run of capitalized words read at the same place ("Ministerios de Defensa") is this name.
        for (auto& n : news_) {
            if (n.rule == "shared-head") continue;
            const auto overlaps = [&](const TextSpan& t) { return t.begin < shared.span.end && shared.span.begin < t.end; };
            n.spans.erase(std::remove_if(n.spans.begin(), n.spans.end(), overlaps), n.spans.end());
            if (n.spans.empty()) n.dropped = true;
        }
        if (const auto e = known_entity(graph_, shared.name)) {
            known_spans_[*e].push_back(shared.span);
            by_shared_head_.insert(*e);
            return;
        }
        if (auto* n = new_name(shared.name)) {
            n->spans.push_back(shared.span);
            return;
        }
        add_new_name({shared.name, "government_agency", "shared-head", 0.6, {}, false, {shared.span}});
    }

    std::string unique_id(const std::string& name) {
        const auto base = id_from_name(name);
        auto id = base;
        for (int k = 2; !taken_.insert(id).second; ++k) id = base + "_" + std::to_string(k);
        return id;
    }

    TextSpan sentence_around(TextSpan span) const {
        const auto* sentence = span_holding(spans_, span.begin);
        return sentence && span.end <= sentence->end ? *sentence : span;
    }

    // Evidence for a sentence, cut to the section holding the byte `at` (where the name is), so
    // that it still holds the name when sections do not fall between sentences; none when no
    // section holds it.
    std::optional<Evidence> evidence(TextSpan span, std::size_t at, const std::string& paraphrase) const {
        for (const auto& section : out_.source.sections)
            if (section.start <= at && at < section.end) {
                const auto begin = std::max(span.begin, section.start);
                const auto end = std::min(span.end, section.end);
                if (begin >= end) return std::nullopt;
                return Evidence{out_.source.id, section.id, begin, end, paraphrase, {}, {}, {}};
            }
        return std::nullopt;
    }

    std::string_view text_;
    const KnowledgeGraph& graph_;
    Candidates& out_;
    std::vector<TextSpan> paragraph_spans_;
    std::vector<TextSpan> spans_; // sentences
    std::vector<NewName> news_;
    std::map<std::string, std::size_t> news_index_;               // folded name -> position in news_
    std::map<std::size_t, std::vector<std::string>> new_aliases_; // known entity -> aliases the text defines
    std::map<std::size_t, std::vector<std::string>> alias_rules_; // known entity -> the rules that found them
    // Known entity -> where the text names it in ways the gazetteer cannot see: aliases the text
    // defines, names sharing a plural head.
    std::map<std::size_t, std::vector<TextSpan>> known_spans_;
    std::set<std::size_t> by_shared_head_;              // known entities named so
    std::map<std::size_t, std::string> shared_head_at_; // where a shared-head name begins -> how the text names it
    std::set<std::string> taken_;                       // entity ids
    std::vector<std::string> kinds_;
    std::map<std::size_t, std::string> names_;
};

} // namespace

std::string id_from_name(std::string_view name) {
    std::string id;
    for (const char c : fold_words(name)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            id += c;
        else if (c == ' ' && !id.empty() && id.back() != '_')
            id += '_';
    }
    while (!id.empty() && id.back() == '_') id.pop_back();
    return id.empty() ? "entity" : id;
}

Candidates extract_candidates(std::string_view text, const std::string& file_name, const KnowledgeGraph& graph,
                              const std::vector<RelationCue>& cues, const std::vector<WorldPlace>& world) {
    Candidates out;
    const auto digest = sha256_hex(text);
    for (const auto& s : graph.sources())
        if (s.sha256 == digest && !s.sections.empty()) {
            out.source = s;
            out.known_source = true;
        }
    if (!out.known_source) out.source = new_source(text, digest, file_name, graph);
    Assembler(text, graph, out).run(cues, world);
    return out;
}

} // namespace tg
