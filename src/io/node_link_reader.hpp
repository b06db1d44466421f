#pragma once
// NetworkX node-link JSON (networkx.node_link_data), read once for every use: the document is
// parsed without a position per value (a second parse records them only when a problem needs
// one), its shape checked, and each node and link handed over with its JSON Pointer. A network
// given with --input and an export brought back with import are read by this one reader.
// Internal to io/.
#include "core/diagnostic.hpp"
#include "io/json_document.hpp"

#include <functional>
#include <optional>
#include <string>

namespace tg {

class NodeLinkReader {
public:
    // Parses the text; throws DataError (positioned) when it is not JSON or not node-link JSON:
    // an object with a "nodes" array of objects with an "id", and "links" (or "edges") an array
    // of objects with "source" and "target".
    explicit NodeLinkReader(const SourceTextPtr& source);

    const rapidjson::Value& root() const { return document_.root(); }
    // False only when the document says "directed": false.
    bool directed() const;

    void for_each_node(const std::function<void(const rapidjson::Value& node, const std::string& pointer)>& f) const;
    void for_each_link(const std::function<void(const rapidjson::Value& link, const std::string& pointer)>& f) const;

    // Throws DataError at the value a JSON Pointer names.
    [[noreturn]] void fail(const std::string& pointer, std::string code, std::string message, std::string hint = {}) const;

private:
    SourceTextPtr source_;
    JsonDocument document_;
    const char* links_key_ = "links";
    mutable std::optional<JsonDocument> positions_;
};

// A node id or link end as text: a string as it is, a number as written by %.17g.
std::string json_scalar_text(const rapidjson::Value& value);

} // namespace tg
