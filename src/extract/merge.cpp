#include "extract/merge.hpp"

#include "core/fuzzy.hpp"
#include "core/text.hpp"
#include "model/alias_index.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace tg {

namespace {

bool same_span(const Evidence& a, const Evidence& b) { return a.source == b.source && a.start == b.start && a.end == b.end; }

// Appends the evidence `into` lacks; returns how many.
std::size_t add_evidence(std::vector<Evidence>& into, const std::vector<Evidence>& more) {
    std::size_t added = 0;
    for (const auto& e : more)
        if (std::none_of(into.begin(), into.end(), [&](const Evidence& have) { return same_span(have, e); })) {
            into.push_back(e);
            ++added;
        }
    return added;
}

class Merger {
public:
    Merger(const KnowledgeGraph& base, const CandidateFiles& candidates) : base_(base), c_(candidates) {
        for (std::size_t e = 0; e < base.entity_count(); ++e) {
            out_.entities.push_back(base.entity(e).record());
            entity_at_[std::string(base.entity(e).id())] = e;
            names_.add(base.entity(e).id(), e);
            names_.add(base.entity(e).name(), e);
            for (const auto& a : base.entity(e).aliases()) names_.add(a, e);
        }
        for (std::size_t r = 0; r < base.relation_count(); ++r) {
            out_.relations.push_back(base.relation(r).record());
            relation_ids_.insert(base.relation(r).id());
            relation_at_[key(out_.relations.back())] = r;
        }
        out_.sources = base.sources();
    }

    Merge run() {
        merge_sources();
        for (const auto& e : c_.entities) {
            if (!counted(e.review)) continue;
            const auto errors = count_errors(out_.diagnostics);
            merge_entity(e);
            if (count_errors(out_.diagnostics) > errors) failed_ids_.insert(e.item.id);
        }
        for (const auto& r : c_.relations) {
            if (!counted(r.review)) continue;
            merge_relation(r);
        }
        if (count_errors(out_.diagnostics) == 0 &&
            out_.new_entities + out_.merged_entities + out_.new_relations + out_.merged_relations == 0)
            out_.diagnostics.push_back({Severity::error, nullptr, c_.files.empty() ? std::string() : c_.files.front(), 0, 0,
                                        "nothing-accepted",
                                        "no candidate is accepted (" + std::to_string(out_.unreviewed) + " unreviewed, " +
                                            std::to_string(out_.rejected) + " rejected)",
                                        "set \"status\": \"accepted\" on the entities and relations to merge"});
        return std::move(out_);
    }

private:
    // False for items left out (rejected or unreviewed), which are counted.
    bool counted(const Review& review) {
        if (review.status == ReviewStatus::rejected) ++out_.rejected;
        if (review.status == ReviewStatus::candidate) ++out_.unreviewed;
        return review.status == ReviewStatus::accepted;
    }

    std::tuple<std::string, std::string, std::string> key(const Relation& r) const {
        const auto* type = base_.ontology().relation_type(r.type);
        if (type && type->symmetric && r.target < r.source) return {r.target, r.type, r.source};
        return {r.source, r.type, r.target};
    }

    void error(Diagnostic d) { out_.diagnostics.push_back(std::move(d)); }

    void merge_sources() {
        for (const auto& s : c_.sources) {
            const auto same_id =
                std::find_if(out_.sources.begin(), out_.sources.end(), [&](const SourceDocument& have) { return have.id == s.id; });
            const auto same_text =
                std::find_if(out_.sources.begin(), out_.sources.end(), [&](const SourceDocument& have) { return have.sha256 == s.sha256; });
            const auto& file = c_.sources_file;
            if (same_id != out_.sources.end()) {
                if (same_id->sha256 != s.sha256)
                    error({Severity::error, nullptr, file, 0, 0, "source-conflict",
                           "source \"" + s.id + "\" is another text than graph-data's source of that id (its SHA-256 differs)",
                           "rename the candidates' source id, in sources.json and in every evidence that cites it"});
                continue;
            }
            if (same_text != out_.sources.end()) {
                error({Severity::error, nullptr, file, 0, 0, "source-conflict",
                       "source \"" + s.id + "\" is the same text as graph-data's source \"" + same_text->id + "\"",
                       "cite \"" + same_text->id + "\" in the candidates' evidence instead"});
                continue;
            }
            out_.sources.push_back(s);
            ++out_.new_sources;
        }
    }

    // Each evidence cites a source of graph-data or of the candidates, one of its sections, and
    // bytes inside that section: checked here, at the reviewer's line, not later in the merged files.
    bool evidence_holds(const std::vector<Evidence>& evidence, const ItemPlace& place) {
        for (const auto& e : evidence) {
            const auto source =
                std::find_if(out_.sources.begin(), out_.sources.end(), [&](const SourceDocument& s) { return s.id == e.source; });
            std::string problem;
            if (source == out_.sources.end())
                problem = "cites source \"" + e.source + "\", which neither graph-data nor the candidates list";
            else if (const auto* section = source->section(e.section); !section)
                problem = "cites section \"" + e.section + "\", which source \"" + e.source + "\" does not have";
            else if (e.start >= e.end || e.start < section->start || e.end > section->end)
                problem = "points at bytes " + std::to_string(e.start) + "-" + std::to_string(e.end) + ", outside section \"" + e.section +
                          "\" (" + std::to_string(section->start) + "-" + std::to_string(section->end) + ")";
            if (!problem.empty()) {
                error(place.diagnostic("evidence", "bad-evidence", "evidence " + problem,
                                       "keep the offsets extract wrote, or point them inside the section"));
                return false;
            }
        }
        return true;
    }

    // The entity an accepted candidate's name or alias already names (besides `self`), if any.
    std::optional<std::size_t> named_elsewhere(const std::string& form, std::optional<std::size_t> self) const {
        for (const auto e : names_.lookup(form))
            if (!self || e != *self) return e;
        return std::nullopt;
    }

    void merge_entity(const Reviewed<Entity>& c) {
        const auto& e = c.item;
        if (!accepted_ids_.insert(e.id).second) {
            error(c.place.diagnostic("id", "duplicate-id", "entity \"" + e.id + "\" is accepted twice", "accept one and reject the other"));
            return;
        }
        if (!evidence_holds(e.evidence, c.place)) return;
        if (!base_.ontology().kind(e.kind)) {
            error(c.place.diagnostic("kind", "unknown-kind", "unknown kind \"" + e.kind + "\"",
                                     hint_for(e.kind, base_.ontology().kind_ids(),
                                              "set one of the ontology's kinds: " + join_quoted(base_.ontology().kind_ids()))));
            return;
        }
        std::vector<std::string> forms{e.name};
        forms.insert(forms.end(), e.aliases.begin(), e.aliases.end());
        const auto existing = entity_at_.find(e.id);
        const auto self = existing != entity_at_.end() ? std::optional<std::size_t>(existing->second) : std::nullopt;
        for (std::size_t f = 0; f < forms.size(); ++f)
            if (const auto other = named_elsewhere(forms[f], self)) {
                const auto& owner = out_.entities[*other].id;
                error(c.place.diagnostic(f == 0 ? "name" : "aliases/" + std::to_string(f - 1),
                                         self ? "ambiguous-alias" : "duplicate-entity",
                                         "\"" + forms[f] + "\" already names entity \"" + owner + "\"",
                                         self ? "remove it from the candidate: a name must resolve to one entity"
                                              : "if it is the same entity, set the candidate's id to \"" + owner +
                                                    "\" to add its evidence there; if another, rename it"));
                return;
            }
        if (self) {
            auto& have = out_.entities[*self];
            if (have.kind != e.kind) {
                error(c.place.diagnostic("kind", "kind-conflict",
                                         "entity \"" + e.id + "\" is a \"" + e.kind + "\" here but a \"" + have.kind + "\" in graph-data",
                                         "make the two agree: edit the candidate, or change graph-data first"));
                return;
            }
            for (const auto& form : forms)
                if (names_.lookup(form).empty()) {
                    have.aliases.push_back(form);
                    names_.add(form, *self);
                    ++out_.new_aliases;
                }
            add_evidence(have.evidence, e.evidence);
            ++out_.merged_entities;
            return;
        }
        const auto index = out_.entities.size();
        out_.entities.push_back(e);
        entity_at_[e.id] = index;
        names_.add(e.id, index);
        for (const auto& form : forms) names_.add(form, index);
        ++out_.new_entities;
    }

    void merge_relation(const Reviewed<Relation>& c) {
        auto r = c.item;
        if (!evidence_holds(r.evidence, c.place)) return;
        const auto* type = base_.ontology().relation_type(r.type);
        if (!type) {
            error(
                c.place.diagnostic("type", "unknown-relation-type", "unknown relation type \"" + r.type + "\"",
                                   hint_for(r.type, base_.ontology().relation_type_ids(), "relation types are declared in ontology.json")));
            return;
        }
        for (const auto* end : {&r.source, &r.target}) {
            if (entity_at_.count(*end)) continue;
            if (failed_ids_.count(*end)) return; // its entity's error says why

            const bool candidate = std::any_of(c_.entities.begin(), c_.entities.end(), [&](const auto& e) { return e.item.id == *end; });
            error(c.place.diagnostic(end == &r.source ? "source" : "target", "unknown-endpoint",
                                     candidate ? "entity \"" + *end + "\" is not accepted" : "no entity \"" + *end + "\"",
                                     candidate ? "accept entity \"" + *end + "\" too, or reject this relation"
                                               : "name an entity of graph-data or an accepted candidate"));
            return;
        }
        const auto& source_kind = out_.entities[entity_at_.at(r.source)].kind;
        const auto& target_kind = out_.entities[entity_at_.at(r.target)].kind;
        if (!base_.ontology().allows_source(*type, source_kind) || !base_.ontology().allows_target(*type, target_kind)) {
            error(c.place.diagnostic("type", "kind-mismatch",
                                     "\"" + r.type + "\" cannot go from a \"" + source_kind + "\" to a \"" + target_kind + "\"",
                                     "it goes from " + join_quoted(type->source_kinds) + " to " + join_quoted(type->target_kinds) +
                                         "; choose another type (related_to fits any pair) or reject it"));
            return;
        }
        const auto k = key(r);
        if (const auto have = relation_at_.find(k); have != relation_at_.end()) {
            add_evidence(out_.relations[have->second].evidence, r.evidence);
            ++out_.merged_relations;
            return;
        }
        const auto base_id = r.id.empty() ? r.source + "-" + r.type + "-" + r.target : r.id;
        r.id = base_id;
        for (int n = 2; !relation_ids_.insert(r.id).second; ++n) r.id = base_id + "-" + std::to_string(n);
        relation_at_[k] = out_.relations.size();
        out_.relations.push_back(std::move(r));
        ++out_.new_relations;
    }

    const KnowledgeGraph& base_;
    const CandidateFiles& c_;
    Merge out_;
    AliasIndex names_;
    std::map<std::string, std::size_t> entity_at_;
    std::set<std::string> accepted_ids_, relation_ids_;
    std::set<std::string> failed_ids_; // accepted entities that could not be merged
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> relation_at_;
};

} // namespace

Merge merge_candidates(const KnowledgeGraph& base, const CandidateFiles& candidates) { return Merger(base, candidates).run(); }

} // namespace tg
