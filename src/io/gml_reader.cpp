#include "io/gml_reader.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>

namespace tg {

namespace {

[[noreturn]] void fail(const SourceTextPtr& source, std::size_t offset, std::string message, std::string hint = {}) {
    fail_at(source, offset, "gml", std::move(message), std::move(hint));
}

// A GML value: a number, a string, or a list of key-value pairs.
struct GmlValue {
    enum class Kind { number, text, list } kind = Kind::number;
    double number = 0;
    std::string text;
    std::vector<std::pair<std::string, GmlValue>> list;
    std::size_t offset = 0;
};

class GmlParser {
public:
    explicit GmlParser(SourceTextPtr source) : source_(std::move(source)), text_(source_->content()) {}

    // The file's top-level pairs.
    std::vector<std::pair<std::string, GmlValue>> parse() {
        auto pairs = pairs_until(false, 0);
        return pairs;
    }

private:
    void skip_space() {
        while (at_ < text_.size()) {
            const char c = text_[at_];
            if (c == '#') { // a comment to the end of the line
                while (at_ < text_.size() && text_[at_] != '\n') ++at_;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++at_;
            } else {
                return;
            }
        }
    }

    std::vector<std::pair<std::string, GmlValue>> pairs_until(bool in_list, std::size_t opened) {
        if (++depth_ > 64) fail(source_, at_, "lists nested more than 64 deep");
        std::vector<std::pair<std::string, GmlValue>> pairs;
        for (;;) {
            skip_space();
            if (at_ >= text_.size()) {
                if (in_list) fail(source_, opened, "a list opened here is never closed", "close it with ]");
                break;
            }
            if (text_[at_] == ']') {
                if (!in_list) fail(source_, at_, "a ] closes no list");
                ++at_;
                break;
            }
            const auto start = at_;
            while (at_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[at_])) || text_[at_] == '_')) ++at_;
            if (at_ == start) fail(source_, start, std::string("expected a key, found \"") + text_[start] + "\"");
            std::string key = text_.substr(start, at_ - start);
            skip_space();
            if (at_ >= text_.size()) fail(source_, start, "key \"" + key + "\" has no value");
            pairs.emplace_back(std::move(key), value());
        }
        --depth_;
        return pairs;
    }

    GmlValue value() {
        GmlValue v;
        v.offset = at_;
        const char c = text_[at_];
        if (c == '[') {
            ++at_;
            v.kind = GmlValue::Kind::list;
            v.list = pairs_until(true, v.offset);
            return v;
        }
        if (c == '"') {
            v.kind = GmlValue::Kind::text;
            const auto end = text_.find('"', at_ + 1);
            if (end == std::string::npos) fail(source_, at_, "a string opened here is never closed");
            v.text = decode(text_.substr(at_ + 1, end - at_ - 1));
            at_ = end + 1;
            return v;
        }
        const auto start = at_;
        while (at_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[at_])) && text_[at_] != ']' && text_[at_] != '[') ++at_;
        const auto word = text_.substr(start, at_ - start);
        const auto number = parse_number(word);
        if (!number) fail(source_, start, "\"" + word + "\" is neither a number nor a quoted string");
        v.number = *number;
        return v;
    }

    // &#N;, &#xN; and the XML entities, as NetworkX writes them.
    std::string decode(const std::string& raw) const {
        std::string out;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] != '&') {
                out += raw[i];
                continue;
            }
            const auto end = raw.find(';', i);
            if (end == std::string::npos || end - i > 10) {
                out += raw[i];
                continue;
            }
            const auto entity = raw.substr(i + 1, end - i - 1);
            std::optional<std::uint32_t> point;
            if (entity.size() > 1 && entity[0] == '#') {
                const bool hex = entity[1] == 'x' || entity[1] == 'X';
                const auto digits = entity.substr(hex ? 2 : 1);
                char* stop = nullptr;
                const auto n = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
                if (!digits.empty() && stop && *stop == '\0' && n > 0 && n <= 0x10FFFF && (n < 0xD800 || n > 0xDFFF))
                    point = static_cast<std::uint32_t>(n);
            } else if (entity == "quot") {
                point = '"';
            } else if (entity == "amp") {
                point = '&';
            } else if (entity == "lt") {
                point = '<';
            } else if (entity == "gt") {
                point = '>';
            } else if (entity == "apos") {
                point = '\'';
            }
            if (!point) {
                out += raw[i];
                continue;
            }
            append_utf8(out, *point);
            i = end;
        }
        return out;
    }

    SourceTextPtr source_;
    const std::string& text_;
    std::size_t at_ = 0;
    int depth_ = 0;
};

const GmlValue* graph_of(const std::vector<std::pair<std::string, GmlValue>>& top, const SourceTextPtr& source) {
    for (const auto& [key, value] : top)
        if (key == "graph") {
            if (value.kind != GmlValue::Kind::list) fail(source, value.offset, "graph must be a list: graph [ ... ]");
            return &value;
        }
    fail(source, 0, "no graph [ ... ] in the file", "is this a GML file?");
}

std::string key_text(const GmlValue& v) {
    if (v.kind == GmlValue::Kind::text) return v.text;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", v.number);
    return buffer;
}

} // namespace

bool gml_declares_directed(const SourceTextPtr& source) {
    const auto top = GmlParser(source).parse();
    const auto* graph = graph_of(top, source);
    for (const auto& [key, value] : graph->list)
        if (key == "directed") return value.kind == GmlValue::Kind::number && value.number != 0;
    return false;
}

void read_gml(const SourceTextPtr& source, NetworkBuilder& builder, std::vector<Diagnostic>& notices) {
    const auto top = GmlParser(source).parse();
    const auto* graph = graph_of(top, source);
    std::optional<std::size_t> nested; // where a nested list (graphics [...]) was first skipped
    // As NetworkX reads GML: a node is known by its label when it has one (its id otherwise),
    // and edges name nodes by id.
    std::unordered_map<std::string, std::uint32_t> by_id;
    for (const auto& [key, element] : graph->list) {
        if (key != "node") continue;
        if (element.kind != GmlValue::Kind::list) fail(source, element.offset, "node must be a list: node [ id ... ]");
        const GmlValue *id = nullptr, *label = nullptr;
        for (const auto& [k, v] : element.list) {
            if (k == "id") id = &v;
            if (k == "label" && v.kind != GmlValue::Kind::list) label = &v;
        }
        if (!id || id->kind == GmlValue::Kind::list) fail(source, element.offset, "a node needs an id");
        const auto id_text = key_text(*id);
        if (by_id.count(id_text)) fail(source, id->offset, "node id " + id_text + " is listed twice");
        const auto known_as = label ? key_text(*label) : id_text;
        if (builder.has_node(known_as)) fail(source, label ? label->offset : id->offset, "node label \"" + known_as + "\" is listed twice");
        const auto node = builder.node(known_as);
        by_id.emplace(id_text, node);
        for (const auto& [k, v] : element.list) {
            if (k == "id" || k == "label") continue;
            if (v.kind == GmlValue::Kind::list) {
                if (!nested) nested = v.offset;
                continue;
            }
            if (k == "name" && v.kind == GmlValue::Kind::text)
                builder.set_name(node, v.text);
            else
                builder.set_node_attribute(node, k, v.kind == GmlValue::Kind::number ? AttributeValue{v.number} : AttributeValue{v.text});
        }
    }
    for (const auto& [key, element] : graph->list) {
        if (key != "edge") continue;
        if (element.kind != GmlValue::Kind::list) fail(source, element.offset, "edge must be a list: edge [ source ... target ... ]");
        const GmlValue *from = nullptr, *to = nullptr;
        std::optional<double> weight;
        for (const auto& [k, v] : element.list) {
            if (k == "source") from = &v;
            if (k == "target") to = &v;
            if (k == "weight" && v.kind == GmlValue::Kind::number) weight = v.number;
        }
        if (!from || !to) fail(source, element.offset, "an edge needs a source and a target");
        const auto a = by_id.find(key_text(*from)), b = by_id.find(key_text(*to));
        if (a == by_id.end() || b == by_id.end()) {
            const auto* end = a == by_id.end() ? from : to;
            fail(source, end->offset, "edge end " + key_text(*end) + " is not a listed node's id");
        }
        const auto tie = builder.add_tie(a->second, b->second, weight);
        if (tie == NetworkBuilder::kDropped) continue;
        for (const auto& [k, v] : element.list) {
            if (k == "source" || k == "target" || (k == "weight" && v.kind == GmlValue::Kind::number)) continue;
            if (v.kind == GmlValue::Kind::list) {
                if (!nested) nested = v.offset;
                continue;
            }
            builder.set_tie_attribute(tie, k, v.kind == GmlValue::Kind::number ? AttributeValue{v.number} : AttributeValue{v.text});
        }
    }
    if (nested)
        notices.push_back({Severity::note, source, {}, *nested, 1, "gml-nested", "nested lists (graphics and the like) are not read", {}});
}

} // namespace tg
