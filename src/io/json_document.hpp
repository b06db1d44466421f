#pragma once
// A parsed JSON file that remembers where each value starts, so that problems found later
// (schema or semantic) are reported at file:line:column. Internal to io/.
#include "core/diagnostic.hpp"

#include <rapidjson/document.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tg {

// Nesting deeper than this is refused before any recursive code sees the document.
constexpr std::size_t kMaxJsonDepth = 64;

// Parses a JSON value held in a cell of another format (a GraphML <data>, a CSV column) without
// recursion, refusing nesting deeper than kMaxJsonDepth and duplicate keys; on failure `problem`
// says why and at which character.
bool parse_json_text(std::string_view text, rapidjson::Document& document, std::string& problem);

class JsonDocument {
public:
    // Parses `source`; on failure adds diagnostics and returns false. Positions are recorded
    // when `track_positions` (costly for huge files that need no positions).
    bool parse(SourceTextPtr source, std::vector<Diagnostic>& diagnostics, bool track_positions = true);

    const rapidjson::Document& root() const { return document_; }
    const SourceTextPtr& source() const { return source_; }

    // Byte offset of the value at a JSON Pointer ("/entities/3/kind"); the nearest enclosing
    // value when the pointer names nothing (a missing property points at its object).
    std::size_t value_offset(const std::string& pointer) const;
    // Byte offset of the key of an object member, or of the value for array elements.
    std::size_t key_offset(const std::string& pointer) const;

    Diagnostic diagnostic(const std::string& pointer, std::string code, std::string message, std::string hint = {},
                          Severity severity = Severity::error) const;
    Diagnostic key_diagnostic(const std::string& pointer, std::string code, std::string message, std::string hint = {}) const;

private:
    std::size_t find(const std::unordered_map<std::string, std::size_t>& map, std::string pointer) const;

    SourceTextPtr source_;
    rapidjson::Document document_;
    std::unordered_map<std::string, std::size_t> value_offsets_;
    std::unordered_map<std::string, std::size_t> key_offsets_;
};

// "/a~1b" style escaping of one pointer token.
std::string pointer_token(const std::string& key);
std::string pointer_index(std::size_t index);

// "string", "number", "object"... for messages.
const char* json_type_name(const rapidjson::Value& value);

} // namespace tg
