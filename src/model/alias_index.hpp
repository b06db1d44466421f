#pragma once
// Resolves what a user types to entities: ids, names and aliases compared after folding case,
// accents, hyphens and spacing ("MS-13" = "ms13" = "MS 13"), with ranked fuzzy search.
#include "model/entity.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tg {

struct NameMatch {
    EntityIndex entity = 0;
    std::string matched; // the name or alias that matched, as written
    double score = 0;    // 1 for an exact match, lower for partial and approximate ones
};

class AliasIndex {
public:
    // Indexes `name` (an id, name or alias) for `entity`; names that fold to nothing are ignored.
    void add(std::string_view name, EntityIndex entity);

    // Entities whose id, name or alias folds to the same key as `text`, without repeats.
    std::vector<EntityIndex> lookup(std::string_view text) const;

    // Best matches first (score, then name); at most `limit`, none scoring below `min_score`.
    std::vector<NameMatch> search(std::string_view text, std::size_t limit = 10, double min_score = 0.5) const;

    // Names close to `text`, for "did you mean" hints.
    std::vector<std::string> suggestions(std::string_view text, std::size_t limit = 3) const;

    // Keys claimed by more than one entity, each with the names that claim it.
    struct Collision {
        std::string key;
        std::vector<std::pair<std::string, EntityIndex>> claims;
    };
    std::vector<Collision> collisions() const;

private:
    struct Name {
        std::string written;
        std::string key;
        std::vector<std::string> words;
        EntityIndex entity;
    };
    std::vector<Name> names_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_key_; // key -> names_ positions
};

} // namespace tg
