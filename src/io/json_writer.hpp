#pragma once
// Streaming JSON output for commands and exports, so layers above io/ never touch RapidJSON.
#include "model/attribute.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace tg {

class JsonWriter {
public:
    explicit JsonWriter(bool pretty = true);
    ~JsonWriter();
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(double number);
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(std::size_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();
    // A complete JSON document (another writer's output) as the next value, indented in place.
    JsonWriter& document(std::string_view json);
    // An attribute's value as a JSON number, string or boolean.
    JsonWriter& value(const AttributeValue& attribute);

    // The document so far, with a final newline once it is complete.
    std::string str() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace tg
