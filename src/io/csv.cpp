#include "io/csv.hpp"

#include "core/error.hpp"

namespace tg {

std::vector<CsvRow> parse_csv(const SourceTextPtr& source, char separator) {
    const std::string& text = source->content();
    std::vector<CsvRow> rows;
    CsvRow row;
    CsvField field;
    bool row_has_content = false;
    std::size_t i = 0;
    const auto end_field = [&] {
        row.push_back(std::move(field));
        field = CsvField{};
    };
    const auto end_row = [&] {
        end_field();
        if (row_has_content) rows.push_back(std::move(row));
        row.clear();
        row_has_content = false;
    };
    field.offset = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' && field.text.empty()) {
            const std::size_t open = i;
            row_has_content = true;
            ++i;
            while (true) {
                if (i >= text.size())
                    throw DataError({{Severity::error, source, {}, open, 1, "csv-unterminated-quote",
                                      "quoted field is never closed", "add the closing '\"' (a quote inside a field is written twice: \"\")"}});
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field.text += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.text += text[i++];
            }
            // Text between the closing quote and the separator is kept, as spreadsheets do.
            continue;
        }
        if (c == separator) {
            row_has_content = true;
            ++i;
            end_field();
            field.offset = i;
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            ++i;
            end_row();
            field.offset = i;
            continue;
        }
        if (c != ' ' && c != '\t') row_has_content = true;
        field.text += c;
        ++i;
    }
    if (row_has_content || !field.text.empty()) end_row();
    return rows;
}

} // namespace tg
