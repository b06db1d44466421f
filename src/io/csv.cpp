#include "io/csv.hpp"

#include "core/error.hpp"

namespace tg {

CsvScanner::CsvScanner(SourceTextPtr source, char separator) : source_(std::move(source)), separator_(separator) {}

bool CsvScanner::next(std::vector<CsvCell>& row) {
    const std::string_view text = source_->content();
    while (at_ < text.size()) {
        row.clear();
        std::size_t used_quoted = 0;
        bool row_has_content = false;
        std::size_t i = at_;
        // One field per pass; a field is a view of the text unless it is quoted.
        while (true) {
            const std::size_t start = i;
            std::string* copy = nullptr;
            if (i < text.size() && text[i] == '"') {
                row_has_content = true;
                if (used_quoted == quoted_.size()) quoted_.emplace_back();
                copy = &quoted_[used_quoted++];
                copy->clear();
                const std::size_t open = i++;
                while (true) {
                    if (i >= text.size())
                        throw DataError({{Severity::error,
                                          source_,
                                          {},
                                          open,
                                          1,
                                          "csv-unterminated-quote",
                                          "quoted field is never closed",
                                          "add the closing '\"' (a quote inside a field is written twice: \"\")"}});
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            *copy += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    *copy += text[i++];
                }
            }
            // The rest of the field, up to a separator or the end of the line (text after a
            // closing quote is kept, as spreadsheets do).
            const std::size_t rest = i;
            while (i < text.size() && text[i] != separator_ && text[i] != '\n' && text[i] != '\r') {
                if (text[i] != ' ' && text[i] != '\t') row_has_content = true;
                ++i;
            }
            if (copy) {
                copy->append(text.substr(rest, i - rest));
                row.push_back({std::string_view(*copy), start});
            } else {
                row.push_back({text.substr(start, i - start), start});
            }
            if (i < text.size() && text[i] == separator_) {
                row_has_content = true;
                ++i;
                continue;
            }
            break;
        }
        // The end of the line (CRLF, LF or CR) or of the text.
        if (i < text.size()) i += text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
        at_ = i;
        if (row_has_content) return true;
    }
    return false;
}

std::vector<CsvRow> parse_csv(const SourceTextPtr& source, char separator) {
    std::vector<CsvRow> rows;
    CsvScanner scanner(source, separator);
    std::vector<CsvCell> cells;
    while (scanner.next(cells)) {
        CsvRow row;
        row.reserve(cells.size());
        for (const auto& cell : cells) row.push_back({std::string(cell.text), cell.offset});
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace tg
