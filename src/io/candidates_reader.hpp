#pragma once
// Reads a candidates folder written by `extract` and edited by a reviewer: entities.json and
// relations.json (each item with a "status": candidate, accepted or rejected) and sources.json.
// Items are checked against graph-data's schema; each keeps where it was written, so that a
// conflict found while merging points at the reviewer's line.
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

// Throws DataError with every problem (positioned) when a file is broken or an item lacks a
// status; IoError when the folder or a file cannot be read. `schema_path`: graph-data's schema.
CandidateFiles read_candidates(const std::string& dir, const std::string& schema_path);

} // namespace tg
