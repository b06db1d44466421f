#pragma once
// Evidence as every command prints it: the locator, our paraphrase and, when the source texts
// are at hand, the exact passage quoted. One place decides how a piece of evidence reads, in the
// JSON of every analysis that names a relation and in `show` and `paths`.
#include "core/error.hpp"
#include "core/span.hpp"
#include "model/evidence.hpp"
#include "model/knowledge_graph.hpp"

#include <memory>
#include <optional>
#include <string>

namespace tg {
class JsonWriter;
class SourceTexts;
} // namespace tg

namespace tg {

// The exact passages behind evidence, read from the folder of source texts (none: no passages).
class Passages {
public:
    // `declined`: the user asked for paraphrases only (no hint then).
    Passages(const KnowledgeGraph& graph, std::string dir, bool declined = false);
    ~Passages();
    Passages(const Passages&) = delete;
    Passages& operator=(const Passages&) = delete;

    bool enabled() const { return texts_ != nullptr; }
    bool declined() const { return declined_; }
    const std::string& dir() const { return dir_; }
    std::optional<std::string> of(const Evidence& evidence);

private:
    const KnowledgeGraph& graph_;
    std::string dir_;
    bool declined_ = false;
    std::unique_ptr<SourceTexts> texts_;
};

// [{source, section, section_title, start, end, paraphrase, refers_to?, quote?}, ...]
void write_evidence_json(JsonWriter& json, const KnowledgeGraph& graph, Span<Evidence> list, Passages& passages);

// Each piece on its lines: "perry2018 d2-s2 [16150, 16297)", the paraphrase, then the quote.
void append_evidence_text(std::string& out, Span<Evidence> list, Passages& passages, const std::string& indent);

// What to do to see the passages: "put FILE in the data folder's texts/, or ...". The graph has sources.
// `spell` names the option that points at the source texts in the front end's words.
std::string passages_advice(const KnowledgeGraph& graph, Spelling spell);

// The line that tells how to see the passages, when the graph has sources and none were found.
std::string passages_hint(const KnowledgeGraph& graph, const Passages& passages, Spelling spell);

} // namespace tg
