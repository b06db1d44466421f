#include "io/node_link_reader.hpp"

#include "core/error.hpp"

#include <cstdio>

namespace tg {

namespace {
constexpr const char* kNetworkX =
    "NetworkX writes node-link JSON with networkx.node_link_data(G); threatgraph export --to json writes it too";
} // namespace

std::string json_scalar_text(const rapidjson::Value& v) {
    if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
    if (v.IsInt64()) return std::to_string(v.GetInt64());
    if (v.IsUint64()) return std::to_string(v.GetUint64());
    if (v.IsDouble()) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.17g", v.GetDouble());
        return buffer;
    }
    if (v.IsBool()) return v.GetBool() ? "true" : "false";
    return {};
}

NodeLinkReader::NodeLinkReader(const SourceTextPtr& source) : source_(source) {
    std::vector<Diagnostic> problems;
    if (!document_.parse(source, problems, false)) throw DataError(std::move(problems));
    const auto& r = root();
    if (!r.IsObject() || !r.HasMember("nodes") || !r["nodes"].IsArray())
        fail("", "node-link", "expected node-link JSON: an object with a \"nodes\" array", kNetworkX);
    const auto& nodes = r["nodes"];
    for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i)
        if (!nodes[i].IsObject() || !nodes[i].HasMember("id"))
            fail("/nodes" + pointer_index(i), "node-link", "expected a node object with an \"id\"");
    links_key_ = r.HasMember("links") ? "links" : "edges";
    if (!r.HasMember(links_key_)) return;
    const auto& links = r[links_key_];
    if (!links.IsArray()) fail(std::string("/") + links_key_, "node-link", std::string("expected \"") + links_key_ + "\" to be an array");
    for (rapidjson::SizeType i = 0; i < links.Size(); ++i)
        if (!links[i].IsObject() || !links[i].HasMember("source") || !links[i].HasMember("target"))
            fail(std::string("/") + links_key_ + pointer_index(i), "node-link", "expected a link object with \"source\" and \"target\"");
}

bool NodeLinkReader::directed() const {
    const auto& r = root();
    return !(r.HasMember("directed") && r["directed"].IsBool() && !r["directed"].GetBool());
}

void NodeLinkReader::for_each_node(const std::function<void(const rapidjson::Value&, const std::string&)>& f) const {
    const auto& nodes = root()["nodes"];
    for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) f(nodes[i], "/nodes" + pointer_index(i));
}

void NodeLinkReader::for_each_link(const std::function<void(const rapidjson::Value&, const std::string&)>& f) const {
    if (!root().HasMember(links_key_)) return;
    const auto& links = root()[links_key_];
    for (rapidjson::SizeType i = 0; i < links.Size(); ++i) f(links[i], std::string("/") + links_key_ + pointer_index(i));
}

void NodeLinkReader::fail(const std::string& pointer, std::string code, std::string message, std::string hint) const {
    if (!positions_) {
        std::vector<Diagnostic> unused;
        positions_.emplace();
        positions_->parse(source_, unused, true);
    }
    throw DataError({positions_->diagnostic(pointer, std::move(code), std::move(message), std::move(hint))});
}

} // namespace tg
