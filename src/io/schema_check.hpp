#pragma once
// Validation of graph-data JSON against the draft-04 definitions in
// graph-data/schema/graph-data.schema.json, element by element, so that every bad element is
// reported and not only the first (RapidJSON's validator stops at the first error).
#include "io/json_document.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tg {

class SchemaSet {
public:
    // Loads the schema file; its problems are reported like any other data problem.
    bool load(const std::string& path, std::vector<Diagnostic>& diagnostics);

    // Validates `value` (found at `pointer` in `file`) against definitions/<definition>;
    // returns false and adds one positioned diagnostic when it does not conform.
    bool validate(const JsonDocument& file, const rapidjson::Value& value, const std::string& pointer, const std::string& definition,
                  std::vector<Diagnostic>& diagnostics) const;

    ~SchemaSet();
    SchemaSet();
    SchemaSet(SchemaSet&&) noexcept;

private:
    struct Compiled;
    const Compiled& compiled(const std::string& definition) const;

    JsonDocument schema_file_;
    mutable std::map<std::string, std::unique_ptr<Compiled>> compiled_;
};

} // namespace tg
