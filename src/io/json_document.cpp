#include "io/json_document.hpp"

#include "core/text.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <unordered_set>
#include <utility>

namespace tg {

std::string pointer_token(const std::string& key) {
    std::string out = "/";
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string pointer_index(std::size_t index) { return "/" + std::to_string(index); }

const char* json_type_name(const rapidjson::Value& value) {
    switch (value.GetType()) {
        case rapidjson::kNullType:
            return "null";
        case rapidjson::kFalseType:
        case rapidjson::kTrueType:
            return "boolean";
        case rapidjson::kObjectType:
            return "object";
        case rapidjson::kArrayType:
            return "array";
        case rapidjson::kStringType:
            return "string";
        case rapidjson::kNumberType:
            return "number";
    }
    return "value";
}

namespace {

// RapidJSON parses strings and numbers on a local copy of a StringStream and writes the position
// back only after calling the handler, so Tell() inside a callback would lag behind. A stream
// type without that copy optimization keeps Tell() exact.
class TrackedStream {
public:
    using Ch = char;
    explicit TrackedStream(const std::string& text) : begin_(text.c_str()), current_(begin_) {}
    Ch Peek() const { return *current_; }
    Ch Take() { return *current_++; }
    std::size_t Tell() const { return static_cast<std::size_t>(current_ - begin_); }
    Ch* PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    std::size_t PutEnd(Ch*) { return 0; }

private:
    const Ch* begin_;
    const Ch* current_;
};

// SAX handler that records the start offset of every value and key under its JSON Pointer,
// and refuses nesting deeper than kMaxJsonDepth.
class PositionRecorder {
public:
    using Ch = char;

    PositionRecorder(const TrackedStream& stream, const std::string& text, bool track, std::unordered_map<std::string, std::size_t>& values,
                     std::unordered_map<std::string, std::size_t>& keys)
        : stream_(stream), text_(text), track_(track), values_(values), keys_(keys) {}

    bool too_deep() const { return too_deep_; }
    // Set when a string holds U+0000, which no name or text needs and C libraries (Graphviz)
    // read as its end: the offset of the string.
    std::optional<std::size_t> nul_at() const { return nul_at_; }
    // Set when an object repeats a key: the key and the offsets of both.
    const std::optional<std::pair<std::string, std::pair<std::size_t, std::size_t>>>& duplicate() const { return duplicate_; }

    bool Null() { return scalar(); }
    bool Bool(bool) { return scalar(); }
    bool Int(int) { return scalar(); }
    bool Uint(unsigned) { return scalar(); }
    bool Int64(std::int64_t) { return scalar(); }
    bool Uint64(std::uint64_t) { return scalar(); }
    bool Double(double) { return scalar(); }
    bool RawNumber(const Ch*, rapidjson::SizeType, bool) { return scalar(); }
    bool String(const Ch* text, rapidjson::SizeType length, bool) {
        if (std::memchr(text, '\0', length)) return refuse_nul();
        return scalar();
    }

    bool StartObject() { return open(false); }
    bool Key(const Ch* key, rapidjson::SizeType length, bool) {
        if (std::memchr(key, '\0', length)) return refuse_nul();
        const auto start = next_token_start();
        auto& frame = stack_.back();
        frame.key.assign(key, length);
        // A repeated key would silently keep one of two values: refuse it, at the second.
        const auto [seen, fresh] = frame.keys.emplace(frame.key, start);
        if (!fresh) {
            duplicate_.emplace(frame.key, std::make_pair(seen->second, start));
            return false;
        }
        if (track_) keys_[path() + pointer_token(frame.key)] = start;
        last_end_ = stream_.Tell();
        return true;
    }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool StartArray() { return open(true); }
    bool EndArray(rapidjson::SizeType) { return close(); }

private:
    struct Frame {
        bool array;
        std::size_t next_index = 0;
        std::string key;
        std::string pointer;                               // of the container itself
        std::unordered_map<std::string, std::size_t> keys; // an object's keys so far, at their offsets
    };

    std::size_t next_token_start() const {
        std::size_t i = last_end_;
        while (i < text_.size() &&
               (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' || text_[i] == '\r' || text_[i] == ',' || text_[i] == ':'))
            ++i;
        return i;
    }

    std::string path() const { return stack_.empty() ? std::string() : stack_.back().pointer; }

    // Pointer of the value that starts now; advances the array index.
    std::string here() {
        if (stack_.empty()) return "";
        auto& frame = stack_.back();
        if (frame.array) return frame.pointer + pointer_index(frame.next_index++);
        return frame.pointer + pointer_token(frame.key);
    }

    bool scalar() {
        const auto start = next_token_start();
        if (track_) {
            const auto pointer = here();
            values_[pointer] = start;
        } else if (!stack_.empty() && stack_.back().array) {
            ++stack_.back().next_index;
        }
        last_end_ = stream_.Tell();
        return true;
    }

    bool open(bool array) {
        if (stack_.size() >= kMaxJsonDepth) {
            too_deep_ = true;
            return false;
        }
        // The iterative parser calls StartObject/StartArray before it consumes the bracket.
        const auto start = bracket_at(stream_.Tell(), array ? '[' : '{');
        std::string pointer = track_ ? here() : std::string();
        if (!track_ && !stack_.empty() && stack_.back().array) ++stack_.back().next_index;
        if (track_) values_[pointer] = start;
        stack_.push_back(Frame{array, 0, {}, std::move(pointer), {}});
        last_end_ = start + 1;
        return true;
    }

    bool close() {
        stack_.pop_back();
        const auto at = stream_.Tell();
        last_end_ = (at < text_.size() && (text_[at] == ']' || text_[at] == '}')) ? at + 1 : at;
        return true;
    }

    // Offset of the bracket that opens a container: at `at`, or the next one after it.
    std::size_t bracket_at(std::size_t at, char bracket) const {
        if (at < text_.size() && text_[at] == bracket) return at;
        const auto found = text_.find(bracket, last_end_);
        return found == std::string::npos ? at : found;
    }

    const TrackedStream& stream_;
    const std::string& text_;
    bool track_;
    std::unordered_map<std::string, std::size_t>& values_;
    std::unordered_map<std::string, std::size_t>& keys_;
    std::vector<Frame> stack_;
    std::size_t last_end_ = 0;
    bool too_deep_ = false;
    std::optional<std::pair<std::string, std::pair<std::size_t, std::size_t>>> duplicate_;
    std::optional<std::size_t> nul_at_;

    bool refuse_nul() {
        nul_at_ = next_token_start();
        return false;
    }
};

// Counts nesting and keys for parse_json_text, stopping at the first excess.
class CellChecker : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, CellChecker> {
public:
    bool Default() { return true; }
    bool String(const char* text, rapidjson::SizeType length, bool) {
        return !std::memchr(text, '\0', length) || stop("a string holds the character U+0000");
    }
    bool StartObject() {
        if (objects_.size() + arrays_ >= kMaxJsonDepth) return stop("nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        objects_.emplace_back();
        return true;
    }
    bool Key(const char* key, rapidjson::SizeType length, bool) {
        if (std::memchr(key, '\0', length)) return stop("a key holds the character U+0000");
        if (!objects_.back().emplace(key, length).second)
            return stop("the key \"" + std::string(key, length) + "\" appears twice in one object");
        return true;
    }
    bool EndObject(rapidjson::SizeType) {
        objects_.pop_back();
        return true;
    }
    bool StartArray() {
        if (objects_.size() + arrays_ >= kMaxJsonDepth) return stop("nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        ++arrays_;
        return true;
    }
    bool EndArray(rapidjson::SizeType) {
        --arrays_;
        return true;
    }
    const std::string& problem() const { return problem_; }

private:
    bool stop(std::string problem) {
        problem_ = std::move(problem);
        return false;
    }
    std::vector<std::unordered_set<std::string>> objects_;
    std::size_t arrays_ = 0;
    std::string problem_;
};

// RapidJSON 1.1 converts some numbers wrongly: "0E55" became 2.1e37 (its StrtodDiyFp counts the
// leading zeros of 0, which is undefined) and "1e23" the double below the nearest. Numbers are
// therefore read as text and converted here, with strtod (which glibc rounds correctly) and
// strtoll/strtoull, into the same integer or double types RapidJSON would choose.
template <typename Handler>
class ExactNumbers {
public:
    using Ch = char;
    explicit ExactNumbers(Handler& handler) : h_(handler) {}

    bool Null() { return h_.Null(); }
    bool Bool(bool b) { return h_.Bool(b); }
    bool Int(int i) { return h_.Int(i); }
    bool Uint(unsigned u) { return h_.Uint(u); }
    bool Int64(std::int64_t i) { return h_.Int64(i); }
    bool Uint64(std::uint64_t u) { return h_.Uint64(u); }
    bool Double(double d) { return h_.Double(d); }
    bool String(const Ch* text, rapidjson::SizeType length, bool copy) { return h_.String(text, length, copy); }
    bool StartObject() { return h_.StartObject(); }
    bool Key(const Ch* text, rapidjson::SizeType length, bool copy) { return h_.Key(text, length, copy); }
    bool EndObject(rapidjson::SizeType members) { return h_.EndObject(members); }
    bool StartArray() { return h_.StartArray(); }
    bool EndArray(rapidjson::SizeType elements) { return h_.EndArray(elements); }

    bool RawNumber(const Ch* text, rapidjson::SizeType length, bool) {
        const std::string number(text, length);
        const bool integer = number.find_first_of(".eE") == std::string::npos;
        errno = 0;
        char* end = nullptr;
        if (integer && number[0] == '-') {
            const long long i = std::strtoll(number.c_str(), &end, 10);
            if (errno == 0) return i >= INT_MIN ? h_.Int(static_cast<int>(i)) : h_.Int64(i);
        } else if (integer) {
            const unsigned long long u = std::strtoull(number.c_str(), &end, 10);
            if (errno == 0) return u <= UINT_MAX ? h_.Uint(static_cast<unsigned>(u)) : h_.Uint64(u);
        }
        errno = 0;
        const double d = std::strtod(number.c_str(), &end);
        if (errno == ERANGE && std::isinf(d)) {
            too_large_ = number;
            return false;
        }
        return h_.Double(d);
    }

    // The number that was too large for a double, if the parse stopped at one.
    const std::string& too_large() const { return too_large_; }

private:
    Handler& h_;
    std::string too_large_;
};

// `text` parsed into `document` without recursion, numbers converted exactly; on failure the
// offset and what was wrong.
bool build_document(std::string_view text, rapidjson::Document& document, std::size_t& error_offset, std::string& problem) {
    bool ok = false;
    auto generate = [&](rapidjson::Document& handler) {
        ExactNumbers<rapidjson::Document> exact(handler);
        rapidjson::MemoryStream bytes(text.data(), text.size());
        rapidjson::Reader reader;
        const auto result = reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag>(bytes, exact);
        ok = !result.IsError();
        if (!ok) {
            error_offset = result.Offset();
            problem = !exact.too_large().empty() ? "the number " + exact.too_large() + " is too large"
                                                 : rapidjson::GetParseError_En(result.Code());
        }
        return ok;
    };
    document.Populate(generate);
    return ok;
}

} // namespace

bool parse_json_text(std::string_view text, rapidjson::Document& document, std::string& problem) {
    const auto at = [](std::size_t offset) { return " at character " + std::to_string(offset + 1); };
    rapidjson::MemoryStream bytes(text.data(), text.size());
    CellChecker checker;
    rapidjson::Reader reader;
    const auto result = reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag>(bytes, checker);
    if (result.IsError()) {
        problem = "not valid JSON (" +
                  (checker.problem().empty() ? std::string(rapidjson::GetParseError_En(result.Code())) : checker.problem()) +
                  at(result.Offset()) + ")";
        return false;
    }
    std::size_t offset = 0;
    std::string why;
    if (build_document(text, document, offset, why)) return true;
    problem = "not valid JSON (" + why + at(offset) + ")";
    return false;
}

bool JsonDocument::parse(SourceTextPtr source, std::vector<Diagnostic>& diagnostics, bool track_positions) {
    // A byte-order mark (as some Windows editors write) is not part of the JSON; positions are
    // then counted from after it, as the editor shows them.
    if (source->content().compare(0, 3, "\xEF\xBB\xBF") == 0)
        source = std::make_shared<SourceText>(source->name(), source->content().substr(3));
    source_ = std::move(source);
    value_offsets_.clear();
    key_offsets_.clear();
    const std::string& text = source_->content();

    if (const auto bad = find_invalid_utf8(text)) {
        diagnostics.push_back({Severity::error,
                               source_,
                               {},
                               *bad,
                               1,
                               "invalid-utf8",
                               "the file is not valid UTF-8 (byte " + std::to_string(*bad) + ")",
                               "save the file as UTF-8"});
        return false;
    }

    TrackedStream stream(text);
    PositionRecorder recorder(stream, text, track_positions, value_offsets_, key_offsets_);
    rapidjson::Reader reader;
    const auto result =
        reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseNumbersAsStringsFlag>(stream,
                                                                                                                                 recorder);
    if (result.IsError()) {
        if (const auto& twice = recorder.duplicate()) {
            auto d = Diagnostic{Severity::error,
                                source_,
                                {},
                                twice->second.second,
                                twice->first.size() + 2,
                                "json-duplicate-key",
                                "the key \"" + twice->first + "\" appears twice in one object (first at line " +
                                    std::to_string(source_->position(twice->second.first).line) + ")",
                                "JSON keeps only one of the two values: remove or rename one"};
            diagnostics.push_back(std::move(d));
        } else if (const auto nul = recorder.nul_at()) {
            diagnostics.push_back({Severity::error,
                                   source_,
                                   {},
                                   *nul,
                                   1,
                                   "json-nul",
                                   "a string holds the character U+0000 (\\u0000)",
                                   "no name or text needs it, and other tools read it as the string's end: remove it"});
        } else if (recorder.too_deep()) {
            diagnostics.push_back({Severity::error,
                                   source_,
                                   {},
                                   result.Offset(),
                                   1,
                                   "json-too-deep",
                                   "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                                   "graph-data never needs this depth; the file may be damaged"});
        } else {
            diagnostics.push_back({Severity::error,
                                   source_,
                                   {},
                                   result.Offset(),
                                   1,
                                   "json-syntax",
                                   std::string("JSON syntax error: ") + rapidjson::GetParseError_En(result.Code()),
                                   {}});
        }
        return false;
    }
    // Anything but whitespace after the value is an error (kParseStopWhenDoneFlag stops early
    // so that we can say so ourselves, with a position).
    std::size_t rest = stream.Tell();
    while (rest < text.size() && (text[rest] == ' ' || text[rest] == '\t' || text[rest] == '\n' || text[rest] == '\r')) ++rest;
    if (rest < text.size()) {
        if (text[rest] == '\0')
            diagnostics.push_back({Severity::error,
                                   source_,
                                   {},
                                   rest,
                                   1,
                                   "json-syntax",
                                   "JSON syntax error: NUL byte in the file",
                                   "the file may be binary or damaged"});
        else
            diagnostics.push_back({Severity::error,
                                   source_,
                                   {},
                                   rest,
                                   1,
                                   "json-syntax",
                                   "JSON syntax error: more text after the end of the document",
                                   "a file holds one JSON value; check for a missing comma or bracket"});
        return false;
    }

    // The syntax is known good here: only a number too large for a double can still fail.
    std::size_t offset = 0;
    std::string why;
    if (!build_document(text, document_, offset, why)) {
        diagnostics.push_back({Severity::error,
                               source_,
                               {},
                               offset,
                               1,
                               "json-syntax",
                               "JSON syntax error: " + why,
                               "a number must fit a double (at most about 1.8e308)"});
        return false;
    }
    return true;
}

std::size_t JsonDocument::find(const std::unordered_map<std::string, std::size_t>& map, std::string pointer) const {
    while (true) {
        const auto it = map.find(pointer);
        if (it != map.end()) return it->second;
        if (pointer.empty()) return 0;
        const auto slash = pointer.rfind('/');
        pointer.erase(slash == std::string::npos ? 0 : slash);
    }
}

std::size_t JsonDocument::value_offset(const std::string& pointer) const { return find(value_offsets_, pointer); }

std::size_t JsonDocument::key_offset(const std::string& pointer) const {
    const auto it = key_offsets_.find(pointer);
    if (it != key_offsets_.end()) return it->second;
    return value_offset(pointer);
}

Diagnostic JsonDocument::diagnostic(const std::string& pointer, std::string code, std::string message, std::string hint,
                                    Severity severity) const {
    const auto offset = value_offset(pointer);
    std::size_t length = 1;
    const auto& text = source_->content();
    if (offset < text.size() && text[offset] == '"') {
        // Underline the whole string literal.
        std::size_t end = offset + 1;
        while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
        length = std::min(end + 1, text.size()) - offset;
    } else if (offset < text.size() && text[offset] != '{' && text[offset] != '[') {
        // A number or a literal: up to the next delimiter.
        const auto end = text.find_first_of(",}] \t\r\n", offset);
        length = (end == std::string::npos ? text.size() : end) - offset;
    }
    return Diagnostic{severity, source_, {}, offset, length, std::move(code), std::move(message), std::move(hint)};
}

Diagnostic JsonDocument::key_diagnostic(const std::string& pointer, std::string code, std::string message, std::string hint) const {
    auto d = diagnostic(pointer, std::move(code), std::move(message), std::move(hint));
    d.offset = key_offset(pointer);
    const auto& text = source_->content();
    if (d.offset < text.size() && text[d.offset] == '"') {
        std::size_t end = d.offset + 1;
        while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
        d.length = std::min(end + 1, text.size()) - d.offset;
    }
    return d;
}

} // namespace tg
