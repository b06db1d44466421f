#pragma once
// A reviewed candidates folder as records: each entity and relation with the reviewer's verdict
// and the place it was written, so that a conflict found while merging points at the reviewer's
// line. io/candidates_reader reads them; extract/merge merges the accepted ones.
#include "core/diagnostic.hpp"
#include "model/entity.hpp"
#include "model/relation.hpp"
#include "model/review.hpp"
#include "model/source_document.hpp"

#include <map>
#include <string>
#include <vector>

namespace tg {

// Where an item was written: its file and the offset of each member ("" for the item itself,
// "aliases/2" for an entity's third alias).
struct ItemPlace {
    SourceTextPtr file;
    std::map<std::string, std::size_t> offsets;

    Diagnostic diagnostic(const std::string& member, std::string code, std::string message, std::string hint = {},
                          Severity severity = Severity::error) const;
};

template <class Item>
struct Reviewed {
    Item item;
    Review review;
    ItemPlace place;
};

struct CandidateFiles {
    std::vector<Reviewed<Entity>> entities;
    std::vector<Reviewed<Relation>> relations;
    std::vector<SourceDocument> sources;
    std::vector<std::string> files; // the files read
    std::string sources_file;       // sources.json's path, when there is one
};

} // namespace tg
