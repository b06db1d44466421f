#include "model/alias_index.hpp"

#include "core/fuzzy.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <map>

namespace tg {

void AliasIndex::add(std::string_view name, EntityIndex entity) {
    Name entry{std::string(name), fold_key(name), split_words(fold_words(name)), entity};
    if (entry.key.empty()) return;
    auto& slot = by_key_[entry.key];
    // One entry per entity and key: "Hezbollah" and "hezbollah" are the same name.
    for (auto position : slot)
        if (names_[position].entity == entity) return;
    slot.push_back(names_.size());
    names_.push_back(std::move(entry));
}

std::vector<EntityIndex> AliasIndex::lookup(std::string_view text) const {
    std::vector<EntityIndex> out;
    const auto it = by_key_.find(fold_key(text));
    if (it == by_key_.end()) return out;
    for (auto position : it->second) {
        const auto entity = names_[position].entity;
        if (std::find(out.begin(), out.end(), entity) == out.end()) out.push_back(entity);
    }
    return out;
}

namespace {

double similarity(const std::string& a, const std::string& b) {
    const auto longest = std::max(a.size(), b.size());
    if (longest == 0) return 0;
    return 1.0 - static_cast<double>(edit_distance(a, b)) / static_cast<double>(longest);
}

// How well a query matches one name: exact, prefix, word prefixes, substring, then edit distance.
double score_name(const std::string& query_key, const std::vector<std::string>& query_words, const std::string& key,
                  const std::vector<std::string>& words) {
    if (key == query_key) return 1.0;
    const double length_ratio = static_cast<double>(query_key.size()) / static_cast<double>(std::max(key.size(), query_key.size()));
    if (starts_with(key, query_key)) return 0.8 + 0.15 * length_ratio;
    bool every_word_prefixes = !query_words.empty();
    for (const auto& q : query_words) {
        const bool found = std::any_of(words.begin(), words.end(), [&](const std::string& w) { return starts_with(w, q); });
        every_word_prefixes = every_word_prefixes && found;
    }
    if (every_word_prefixes) return 0.7 + 0.2 * length_ratio;
    if (query_key.size() >= 3 && key.find(query_key) != std::string::npos) return 0.6 + 0.2 * length_ratio;
    double best = similarity(query_key, key);
    for (const auto& w : words)
        if (w.size() >= 3) best = std::max(best, 0.9 * similarity(query_key, w));
    return best * 0.9;
}

} // namespace

std::vector<NameMatch> AliasIndex::search(std::string_view text, std::size_t limit, double min_score) const {
    const std::string query_key = fold_key(text);
    const auto query_words = split_words(fold_words(text));
    if (query_key.empty()) return {};
    std::map<EntityIndex, NameMatch> best;
    for (const auto& name : names_) {
        const double score = score_name(query_key, query_words, name.key, name.words);
        if (score < min_score) continue;
        auto [it, inserted] = best.try_emplace(name.entity, NameMatch{name.entity, name.written, score});
        if (!inserted && score > it->second.score) it->second = NameMatch{name.entity, name.written, score};
    }
    std::vector<NameMatch> out;
    out.reserve(best.size());
    for (auto& [entity, match] : best) out.push_back(std::move(match));
    std::stable_sort(out.begin(), out.end(), [](const NameMatch& a, const NameMatch& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.matched < b.matched;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

std::vector<std::string> AliasIndex::suggestions(std::string_view text, std::size_t limit) const {
    std::vector<std::string> written;
    written.reserve(names_.size());
    for (const auto& n : names_) written.push_back(n.written);
    auto near = closest(text, written, limit);
    if (near.empty()) {
        for (const auto& m : search(text, limit, 0.6)) near.push_back(m.matched);
    }
    return near;
}

std::vector<AliasIndex::Collision> AliasIndex::collisions() const {
    std::vector<Collision> out;
    for (const auto& [key, positions] : by_key_) {
        std::vector<EntityIndex> entities;
        for (auto p : positions)
            if (std::find(entities.begin(), entities.end(), names_[p].entity) == entities.end()) entities.push_back(names_[p].entity);
        if (entities.size() < 2) continue;
        Collision c{key, {}};
        for (auto p : positions) c.claims.emplace_back(names_[p].written, names_[p].entity);
        out.push_back(std::move(c));
    }
    std::sort(out.begin(), out.end(), [](const Collision& a, const Collision& b) { return a.key < b.key; });
    return out;
}

} // namespace tg
