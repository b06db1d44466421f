#include "core/output.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace tg {

namespace {
std::size_t width_of(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}
} // namespace

std::string TextTable::str(const std::string& indent) const {
    std::vector<std::size_t> widths;
    const auto measure = [&](const std::vector<std::string>& row) {
        if (widths.size() < row.size()) widths.resize(row.size(), 0);
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], width_of(row[c]));
    };
    if (!header_.empty()) measure(header_);
    for (const auto& row : rows_) measure(row);
    std::string out;
    const auto print = [&](const std::vector<std::string>& row) {
        std::string line = indent;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size()) line += std::string(widths[c] - width_of(row[c]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + '\n';
    };
    if (!header_.empty()) print(header_);
    for (const auto& row : rows_) print(row);
    return out;
}

std::string csv_row(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        const auto& f = fields[i];
        if (f.find_first_of(",\"\n\r") == std::string::npos && (f.empty() || (f.front() != ' ' && f.back() != ' '))) {
            out += f;
            continue;
        }
        out += '"';
        for (char c : f) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    }
    return out + '\n';
}

std::string wrap(const std::string& text, std::size_t width, const std::string& indent) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!word.empty()) words.push_back(std::move(word)), word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    std::string out, line;
    for (const auto& w : words) {
        if (!line.empty() && width_of(indent) + width_of(line) + 1 + width_of(w) > width) {
            out += indent + line + '\n';
            line.clear();
        }
        line += (line.empty() ? "" : " ") + w;
    }
    if (!line.empty()) out += indent + line + '\n';
    return out;
}

std::string format_exact(double value) {
    char buffer[64];
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
        if (std::strtod(buffer, nullptr) == value) break;
    }
    return buffer;
}

std::string format_number(double value, int digits) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    return buffer;
}

std::string count_of(std::size_t count, const std::string& noun) {
    if (count == 1) return "1 " + noun;
    // "entity" -> "entities", but "day" -> "days".
    const bool y_to_ies = noun.size() > 1 && noun.back() == 'y' && std::string("aeiou").find(noun[noun.size() - 2]) == std::string::npos;
    return std::to_string(count) + " " + (y_to_ies ? noun.substr(0, noun.size() - 1) + "ies" : noun + "s");
}

std::string duration_text(double seconds) {
    const auto s = static_cast<long long>(std::ceil(std::max(seconds, 0.0)));
    const auto two = [](long long x) { return (x < 10 ? "0" : "") + std::to_string(x); };
    if (s >= 3600) return std::to_string(s / 3600) + "h " + two(s % 3600 / 60) + "m";
    if (s >= 60) return std::to_string(s / 60) + "m " + two(s % 60) + "s";
    return std::to_string(s) + "s";
}

} // namespace tg
