#pragma once
// Evidence and attributes as JSON, one way for every writer and importer that carries them:
// graph-data files, node-link JSON, and the JSON text cells of the flat formats. Internal to io/.
#include "core/span.hpp"
#include "io/json_document.hpp"
#include "io/json_writer.hpp"
#include "model/attribute.hpp"

#include <rapidjson/document.h>

#include <string>
#include <vector>

namespace tg {

// Writes `"evidence": [...]` (the key included).
void write_evidence(JsonWriter& json, Span<Evidence> evidence);
// Writes `"attributes": {...}`; each attribute as {value, unit, year, note, evidence} with the
// parts it has, in that order.
void write_attributes(JsonWriter& json, const Attributes& attributes);

// The evidence list as compact JSON text, for a cell.
std::string evidence_text(Span<Evidence> evidence);

// Reading back. Each returns false and says what is wrong in `problem` (naming the member, as
// "item 2: \"start\" must be a whole number") when the value is not what the writers above write.
bool read_evidence_json(const rapidjson::Value& list, std::vector<Evidence>& into, std::string& problem);
bool read_attributes_json(const rapidjson::Value& object, Attributes& into, std::string& problem);
bool read_strings_json(const rapidjson::Value& list, std::vector<std::string>& into, std::string& problem);

} // namespace tg
