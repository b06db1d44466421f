#include "io/ucinet_reader.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <cmath>
#include <optional>
#include <string_view>

namespace tg {

namespace {

[[noreturn]] void fail(const SourceTextPtr& source, std::size_t offset, std::string message, std::string hint = {}) {
    fail_at(source, offset, "ucinet", std::move(message), std::move(hint));
}

struct Token {
    std::string text; // quotes removed
    std::size_t offset = 0;
    std::size_t line = 0;
    bool quoted = false;
};

// Words separated by blanks and commas; "=" and ":" stand alone; "..." and '...' are one word.
std::vector<Token> tokens_of(const std::string& text, const SourceTextPtr& source) {
    std::vector<Token> out;
    std::size_t line = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '\n') {
            ++line, ++i;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == ',') {
            ++i;
            continue;
        }
        if (c == '=' || c == ':') {
            out.push_back({std::string(1, c), i, line, false});
            ++i;
            continue;
        }
        if (c == '"' || c == '\'') {
            const auto end = text.find(c, i + 1);
            if (end == std::string::npos || text.find('\n', i) < end) fail(source, i, "a quote opened here is not closed on its line");
            out.push_back({text.substr(i + 1, end - i - 1), i, line, true});
            i = end + 1;
            continue;
        }
        const auto start = i;
        while (i < text.size() && std::string_view(" \t\r\n,=:").find(text[i]) == std::string_view::npos) ++i;
        out.push_back({text.substr(start, i - start), start, line, false});
    }
    return out;
}

bool is(const Token& t, const char* word) { return !t.quoted && to_lower_ascii(t.text) == word; }

} // namespace

bool looks_like_ucinet(const std::string& content) {
    const auto first = content.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return false;
    const auto line = std::string_view(content).substr(first, content.find('\n', first) - first);
    // "DL N=5" or "dl n = 5, format = edgelist1": the keyword, a blank, and an = on the line.
    return line.size() > 3 && to_lower_ascii(line.substr(0, 2)) == "dl" && (line[2] == ' ' || line[2] == '\t') &&
           line.find('=') != std::string_view::npos;
}

void read_ucinet(const SourceTextPtr& source, NetworkBuilder& builder) {
    const auto tokens = tokens_of(source->content(), source);
    if (tokens.empty() || !is(tokens[0], "dl")) fail(source, 0, "a DL file starts with DL", "is this a UCINET file?");
    std::size_t at = 1;
    const auto need = [&](std::size_t k, const char* what) -> const Token& {
        if (k >= tokens.size()) fail(source, source->content().size(), std::string("the file ends where ") + what + " should be");
        return tokens[k];
    };
    const auto count = [&](const Token& t, const char* what) {
        const auto n = parse_number(t.text);
        // In range before any conversion: a double past size_t's range does not convert.
        if (!n || !(*n >= 0 && *n <= 1e8) || std::floor(*n) != *n)
            fail(source, t.offset, std::string(what) + " must be a whole number up to 100000000, found \"" + t.text + "\"");
        return static_cast<std::size_t>(*n);
    };
    std::optional<std::size_t> n;
    std::string format = "fullmatrix";
    bool embedded = false, diagonal = true;
    std::vector<Token> labels;
    std::size_t format_offset = 0;
    // The header: KEY = VALUE pairs, LABELS: ..., LABELS EMBEDDED, DIAGONAL PRESENT|ABSENT, DATA:.
    for (;;) {
        const auto& t = need(at, "DATA:");
        const auto key = to_lower_ascii(t.text);
        if (is(t, "data")) {
            at += tokens.size() > at + 1 && tokens[at + 1].text == ":" ? 2 : 1;
            break;
        }
        if (key == "n" || key == "nr" || key == "nc" || key == "nm" || key == "format" || key == "diagonal") {
            std::size_t v = at + 1;
            if (need(v, "=").text == "=") ++v;
            const auto& value = need(v, "a value");
            if (key == "n") n = count(value, "N");
            if (key == "nr" || key == "nc")
                fail(source, t.offset, "two-mode DL (NR, NC) is not read", "threatgraph reads one-mode networks: give N= and one node set");
            if (key == "nm" && count(value, "NM") > 1)
                fail(source, t.offset, "this file holds several matrices (NM > 1)", "write one network per file");
            if (key == "format") format = to_lower_ascii(value.text), format_offset = value.offset;
            if (key == "diagonal") diagonal = to_lower_ascii(value.text) != "absent";
            at = v + 1;
            continue;
        }
        if (key == "labels" || key == "row" || key == "column" || key == "col") {
            std::size_t v = at + (key == "labels" ? 1 : 2);
            if (key != "labels" && !is(need(at + 1, "LABELS"), "labels"))
                fail(source, tokens[at + 1].offset, "expected LABELS after " + t.text);
            if (is(need(v, "a label"), "embedded")) {
                embedded = true;
                at = v + 1;
                if (at < tokens.size() && tokens[at].text == ":") ++at; // "LABELS EMBEDDED:"
                continue;
            }
            if (need(v, ":").text == ":") ++v;
            // Labels until the next header keyword.
            while (v < tokens.size()) {
                const auto& l = tokens[v];
                const auto word = to_lower_ascii(l.text);
                if (!l.quoted && (word == "data" || word == "format" || word == "diagonal" || word == "labels" || word == "row" ||
                                  word == "column" || word == "n" || word == "nm"))
                    if (v + 1 < tokens.size() &&
                        (tokens[v + 1].text == ":" || tokens[v + 1].text == "=" || word == "labels" || word == "row" || word == "column"))
                        break;
                labels.push_back(l);
                ++v;
            }
            at = v;
            continue;
        }
        fail(source, t.offset, "\"" + t.text + "\" is not a DL header keyword",
             "the header holds N=, FORMAT=, LABELS:, DIAGONAL and DATA:");
    }
    if (!n) fail(source, tokens[0].offset, "the header does not say N=", "write DL N=number-of-nodes");
    // A declared size no file of this length stands for (some ten nodes a byte) is refused before
    // N nodes are made.
    if (*n > 10 * source->content().size() + 1000)
        fail(source, tokens[0].offset,
             "N=" + std::to_string(*n) + " is more nodes than this file of " + std::to_string(source->content().size()) + " bytes holds",
             "give N as the number of nodes the data lists");
    if (format != "fullmatrix" && format != "fm" && format != "edgelist1" && format != "el1" && format != "nodelist1" && format != "nl1")
        fail(source, format_offset, "FORMAT " + format + " is not read", "threatgraph reads FULLMATRIX, EDGELIST1 and NODELIST1");
    if (!labels.empty() && labels.size() != *n)
        fail(source, labels.front().offset, std::to_string(labels.size()) + " labels for N=" + std::to_string(*n) + " nodes");

    // The nodes, numbered 1..N, their ids the labels when the header gives them; with embedded
    // labels they are made as the data names them.
    const bool matrix = format == "fullmatrix" || format == "fm";
    if (embedded && !labels.empty()) fail(source, labels.front().offset, "the header gives labels and says LABELS EMBEDDED");
    std::vector<std::uint32_t> node;
    if (!embedded)
        for (std::size_t k = 0; k < *n; ++k) {
            const auto id = labels.empty() ? std::to_string(k + 1) : labels[k].text;
            if (builder.has_node(id)) fail(source, labels[k].offset, "label \"" + id + "\" is given twice");
            node.push_back(builder.node(id));
        }
    // An embedded label: its node, made when new while there are fewer than N.
    const auto labelled = [&](const Token& t) {
        const auto found = builder.find_node(t.text);
        if (found != NetworkBuilder::kNoNode) return found;
        if (builder.node_count() >= *n)
            fail(source, t.offset, "\"" + t.text + "\" would be node " + std::to_string(*n + 1) + " of N=" + std::to_string(*n));
        return builder.node(t.text);
    };
    // A data word naming a node: its number, or with embedded labels its label.
    const auto node_of = [&](const Token& t) {
        if (embedded) return labelled(t);
        const auto k = parse_number(t.text);
        if (!k || *k < 1 || *k > static_cast<double>(*n) || *k != static_cast<double>(static_cast<std::size_t>(*k)))
            fail(source, t.offset, "\"" + t.text + "\" is not a node number from 1 to " + std::to_string(*n));
        return node[static_cast<std::size_t>(*k) - 1];
    };
    const auto weight_of = [&](const Token& t) {
        const auto w = parse_number(t.text);
        if (!w) fail(source, t.offset, "\"" + t.text + "\" is not a number");
        return *w;
    };
    if (matrix) {
        std::vector<std::uint32_t> columns = node;
        if (embedded) {
            // A first row of column labels, then each row led by its label.
            for (std::size_t k = 0; k < *n; ++k) {
                const auto& l = need(at++, "a column label");
                if (builder.has_node(l.text)) fail(source, l.offset, "column label \"" + l.text + "\" is given twice");
                columns.push_back(builder.node(l.text));
            }
        }
        for (std::size_t row = 0; row < *n; ++row) {
            auto from = embedded ? NetworkBuilder::kNoNode : node[row];
            if (embedded) {
                const auto& l = need(at++, "a row label");
                from = builder.find_node(l.text);
                if (from == NetworkBuilder::kNoNode) fail(source, l.offset, "row label \"" + l.text + "\" is not a column label");
            }
            for (std::size_t column = 0; column < *n; ++column) {
                if (!diagonal && column == row) continue;
                const auto& cell = need(at++, "a matrix cell");
                const auto w = weight_of(cell);
                if (w != 0) builder.add_tie(from, columns[column], w);
            }
        }
        if (at < tokens.size())
            fail(source, tokens[at].offset, "more cells than an N by N matrix holds", "a FULLMATRIX has N rows of N values");
        return;
    }
    // EDGELIST1: "from to [weight]" per line; NODELIST1: "from to to to ..." per line.
    const bool edges = format == "edgelist1" || format == "el1";
    while (at < tokens.size()) {
        const auto line = tokens[at].line;
        std::size_t end = at;
        while (end < tokens.size() && tokens[end].line == line) ++end;
        const auto from = node_of(tokens[at]);
        if (edges) {
            if (end - at < 2 || end - at > 3) fail(source, tokens[at].offset, "an EDGELIST1 line is \"from to [weight]\"");
            const auto to = node_of(tokens[at + 1]);
            builder.add_tie(from, to, end - at == 3 ? std::optional<double>(weight_of(tokens[at + 2])) : std::nullopt);
        } else {
            for (auto k = at + 1; k < end; ++k) builder.add_tie(from, node_of(tokens[k]), std::nullopt);
        }
        at = end;
    }
}

} // namespace tg
