#include "query/evidence.hpp"

#include "core/output.hpp"
#include "io/evidence_writer.hpp"
#include "io/json_writer.hpp"
#include "io/source_texts.hpp"

namespace tg {

Passages::Passages(const KnowledgeGraph& graph, std::string dir, bool declined) : graph_(graph), dir_(std::move(dir)), declined_(declined) {
    if (!dir_.empty()) texts_ = std::make_unique<SourceTexts>(dir_);
}

Passages::~Passages() = default;

std::optional<std::string> Passages::of(const Evidence& evidence) {
    if (!texts_) return std::nullopt;
    const auto* source = graph_.source(evidence.source);
    return source ? texts_->passage(*source, evidence) : std::nullopt;
}

void write_evidence_json(JsonWriter& json, const KnowledgeGraph& graph, Span<Evidence> list, Passages& passages) {
    write_evidence_list(
        json, list, [&passages](const Evidence& e) { return passages.of(e); }, &graph.sources());
}

void append_evidence_text(std::string& out, Span<Evidence> list, Passages& passages, const std::string& indent) {
    for (const auto& e : list) {
        out += indent + e.source + " " + e.section + " [" + std::to_string(e.start) + ", " + std::to_string(e.end) + ")";
        if (!e.wording.empty() && !e.standing.empty()) out += "  " + e.wording + ", " + e.standing;
        out += "\n";
        out += wrap(e.paraphrase, 100, indent + "  ");
        if (!e.refers_to.empty()) out += wrap("(how the passage names it: " + e.refers_to + ")", 100, indent + "  ");
        if (const auto passage = passages.of(e)) out += wrap("\"" + *passage + "\"", 100, indent + "  > ");
    }
}

std::string passages_advice(const KnowledgeGraph& graph, Spelling spell) {
    return "put " + graph.sources().front().file + " in the data folder's texts/, or name its folder with " + spell("sources") +
           " DIR or THREATGRAPH_SOURCES";
}

std::string passages_hint(const KnowledgeGraph& graph, const Passages& passages, Spelling spell) {
    if (passages.enabled() || passages.declined() || graph.sources().empty()) return {};
    return "(the source passages are not shown: " + passages_advice(graph, spell) + ")\n";
}

} // namespace tg
