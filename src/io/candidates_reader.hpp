#pragma once
// Reads a candidates folder written by `extract` and edited by a reviewer: entities.json and
// relations.json (each item with a "status": candidate, accepted or rejected) and sources.json.
// Items are checked against graph-data's schema; each keeps where it was written, so that a
// conflict found while merging points at the reviewer's line.
#include "model/candidate_files.hpp"

#include <string>

namespace tg {

// Throws DataError with every problem (positioned) when a file is broken or an item lacks a
// status; IoError when the folder or a file cannot be read. `schema_path`: graph-data's schema.
CandidateFiles read_candidates(const std::string& dir, const std::string& schema_path);

} // namespace tg
