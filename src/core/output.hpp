#pragma once
// Shapes shared by every text and CSV output: aligned tables, CSV records, numbers as people
// read them and as machines read them back.
#include <string>
#include <vector>

namespace tg {

// The three shapes a result prints in.
enum class OutputFormat { text, json, csv };

// Columns padded to the widest cell (counted in code points); the last column is not padded.
class TextTable {
public:
    explicit TextTable(std::vector<std::string> header = {}) : header_(std::move(header)) {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    std::string str(const std::string& indent = "") const;

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

// One CSV record (RFC 4180 quoting), ending in "\n".
std::string csv_row(const std::vector<std::string>& fields);

// Whitespace runs collapsed and the text wrapped at `width`, each line prefixed by `indent`.
std::string wrap(const std::string& text, std::size_t width, const std::string& indent);

// A number as people read it: up to `digits` significant digits, no trailing zeros.
std::string format_number(double value, int digits = 6);
// The shortest text that reads back as exactly `value` (for machine-readable output).
std::string format_exact(double value);

// "1 component", "3 components", "2 entities": `count` and the noun, plural unless the count is 1.
std::string count_of(std::size_t count, const std::string& noun);

// "2h 05m", "3m 20s", "45s".
std::string duration_text(double seconds);

} // namespace tg
