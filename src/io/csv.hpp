#pragma once
// RFC 4180 CSV: quoted fields with doubled quotes and embedded line breaks, CRLF or LF.
// Each field keeps its byte offset so that problems are reported at line:column.
#include "core/diagnostic.hpp"

#include <string>
#include <vector>

namespace tg {

struct CsvField {
    std::string text;
    std::size_t offset = 0;
};

using CsvRow = std::vector<CsvField>;

// Parses the whole text; blank lines are skipped. An unterminated quote is a DataError.
std::vector<CsvRow> parse_csv(const SourceTextPtr& source, char separator = ',');

} // namespace tg
