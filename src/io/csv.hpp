#pragma once
// RFC 4180 CSV: quoted fields with doubled quotes and embedded line breaks, CRLF or LF.
// Each field keeps its byte offset so that problems are reported at line:column.
#include "core/diagnostic.hpp"

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace tg {

// One field of the row being read: a view of the text, or of the scanner's own copy of a
// quoted field; valid until the scanner reads the next row.
struct CsvCell {
    std::string_view text;
    std::size_t offset = 0;
};

// Reads a text row by row without copying it: a CSV of millions of rows costs one row at a
// time. Blank lines are skipped; an unterminated quote is a DataError.
class CsvScanner {
public:
    explicit CsvScanner(SourceTextPtr source, char separator = ',');
    // The next row, or false at the end of the text.
    bool next(std::vector<CsvCell>& row);

private:
    SourceTextPtr source_;
    char separator_;
    std::size_t at_ = 0;
    std::deque<std::string> quoted_; // quoted fields of the current row, unescaped
};

struct CsvField {
    std::string text;
    std::size_t offset = 0;
};

using CsvRow = std::vector<CsvField>;

// Every row of the text, copied (for small files).
std::vector<CsvRow> parse_csv(const SourceTextPtr& source, char separator = ',');

} // namespace tg
