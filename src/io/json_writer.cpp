#include "io/json_writer.hpp"

#include "core/error.hpp"
#include "io/json_document.hpp"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>

namespace tg {

struct JsonWriter::Impl {
    explicit Impl(bool pretty_output) : pretty(pretty_output), pretty_writer(buffer), compact_writer(buffer) {
        pretty_writer.SetIndent(' ', 2);
    }
    template <class F>
    void apply(F&& f) {
        const bool ok = pretty ? f(pretty_writer) : f(compact_writer);
        if (!ok) throw InternalError("JSON writer refused a value (unbalanced document?)");
    }
    bool pretty;
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> pretty_writer;
    rapidjson::Writer<rapidjson::StringBuffer> compact_writer;
};

JsonWriter::JsonWriter(bool pretty) : impl_(std::make_unique<Impl>(pretty)) {}
JsonWriter::~JsonWriter() = default;

JsonWriter& JsonWriter::begin_object() {
    impl_->apply([](auto& w) { return w.StartObject(); });
    return *this;
}
JsonWriter& JsonWriter::end_object() {
    impl_->apply([](auto& w) { return w.EndObject(); });
    return *this;
}
JsonWriter& JsonWriter::begin_array() {
    impl_->apply([](auto& w) { return w.StartArray(); });
    return *this;
}
JsonWriter& JsonWriter::end_array() {
    impl_->apply([](auto& w) { return w.EndArray(); });
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    impl_->apply([&](auto& w) { return w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()), true); });
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    impl_->apply([&](auto& w) { return w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()), true); });
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    // JSON has no NaN or infinity; null says "no value" honestly.
    if (!std::isfinite(number)) return null();
    if (std::floor(number) == number && std::fabs(number) < 9e15) return value(static_cast<std::int64_t>(number));
    impl_->apply([&](auto& w) { return w.Double(number); });
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
    impl_->apply([&](auto& w) { return w.Int64(number); });
    return *this;
}
JsonWriter& JsonWriter::value(std::size_t number) {
    impl_->apply([&](auto& w) { return w.Uint64(static_cast<std::uint64_t>(number)); });
    return *this;
}
JsonWriter& JsonWriter::value(bool flag) {
    impl_->apply([&](auto& w) { return w.Bool(flag); });
    return *this;
}
JsonWriter& JsonWriter::document(std::string_view json) {
    rapidjson::Document parsed;
    std::string problem;
    if (!parse_json_text(json, parsed, problem)) throw InternalError("a command wrote JSON that does not parse: " + problem);
    impl_->apply([&](auto& w) { return parsed.Accept(w); });
    return *this;
}

JsonWriter& JsonWriter::null() {
    impl_->apply([](auto& w) { return w.Null(); });
    return *this;
}

JsonWriter& JsonWriter::value(const AttributeValue& attribute) {
    if (const auto* number = std::get_if<double>(&attribute)) return value(*number);
    if (const auto* text = std::get_if<std::string>(&attribute)) return value(std::string_view(*text));
    return value(std::get<bool>(attribute));
}

std::string JsonWriter::str() const {
    std::string out(impl_->buffer.GetString(), impl_->buffer.GetSize());
    const bool complete = impl_->pretty ? impl_->pretty_writer.IsComplete() : impl_->compact_writer.IsComplete();
    if (complete) out += '\n';
    return out;
}

} // namespace tg
