#pragma once
// Evidence and validity periods as every JSON output writes them: graph-data files, the analyses'
// outputs and the report's data. Without RapidJSON: only the JsonWriter.
#include "core/span.hpp"
#include "io/json_writer.hpp"
#include "model/evidence.hpp"
#include "model/period.hpp"
#include "model/source_document.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tg {

// The exact passage behind a piece of evidence, when its source text is at hand.
using QuoteOf = std::function<std::optional<std::string>(const Evidence&)>;

// The list `[{source, section, section_title?, start, end, paraphrase, refers_to?, quote?}, ...]`
// (no key): `section_title` when `sources` holds the section, `quote` when `quote` gives one.
void write_evidence_list(JsonWriter& json, Span<Evidence> evidence, const QuoteOf& quote = {},
                         const std::vector<SourceDocument>* sources = nullptr);

// `"period": {"from", "to"}` with the ends it has; nothing for a relation that always holds.
void write_period(JsonWriter& json, const Period* period);

} // namespace tg
