#include "io/evidence_writer.hpp"

namespace tg {

namespace {

const Section* section_of(const std::vector<SourceDocument>& sources, const Evidence& e) {
    for (const auto& source : sources)
        if (source.id == e.source)
            for (const auto& s : source.sections)
                if (s.id == e.section) return &s;
    return nullptr;
}

} // namespace

void write_evidence_list(JsonWriter& json, Span<Evidence> evidence, const QuoteOf& quote, const std::vector<SourceDocument>* sources) {
    json.begin_array();
    for (const auto& e : evidence) {
        json.begin_object().key("source").value(e.source).key("section").value(e.section);
        if (sources)
            if (const auto* section = section_of(*sources, e)) json.key("section_title").value(section->title);
        json.key("start").value(e.start).key("end").value(e.end).key("paraphrase").value(e.paraphrase);
        if (!e.refers_to.empty()) json.key("refers_to").value(e.refers_to);
        if (!e.wording.empty()) json.key("wording").value(e.wording);
        if (!e.standing.empty()) json.key("standing").value(e.standing);
        if (quote)
            if (const auto passage = quote(e)) json.key("quote").value(*passage);
        json.end_object();
    }
    json.end_array();
}

void write_period(JsonWriter& json, const Period* period) {
    if (!period) return;
    json.key("period").begin_object();
    if (!period->from.empty()) json.key("from").value(period->from);
    if (!period->to.empty()) json.key("to").value(period->to);
    json.end_object();
}

} // namespace tg
