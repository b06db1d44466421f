#include "io/pajek_reader.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <cstdlib>
#include <string_view>

namespace tg {

namespace {

struct Word {
    std::string_view text;
    std::size_t offset = 0;
    bool quoted = false;
};

// The words of a line: runs of non-blanks, or text inside double quotes (Pajek has no escapes).
std::vector<Word> words_of(std::string_view line, std::size_t at, const SourceTextPtr& source) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < line.size()) {
        if (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
            ++i;
            continue;
        }
        if (line[i] == '"') {
            const auto end = line.find('"', i + 1);
            if (end == std::string_view::npos) fail_at(source, at + i, "pajek-quote", "a label opens a quote that the line does not close");
            words.push_back({line.substr(i + 1, end - i - 1), at + i, true});
            i = end + 1;
            continue;
        }
        const auto start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
        words.push_back({line.substr(start, i - start), at + start, false});
    }
    return words;
}

enum class PajekSection { none, vertices, arcs, edges, arcs_list, edges_list, matrix, other };

PajekSection section_of(std::string_view keyword) {
    const auto k = to_lower_ascii(keyword);
    if (k == "*vertices") return PajekSection::vertices;
    if (k == "*arcs") return PajekSection::arcs;
    if (k == "*edges") return PajekSection::edges;
    if (k == "*arcslist") return PajekSection::arcs_list;
    if (k == "*edgeslist") return PajekSection::edges_list;
    if (k == "*matrix") return PajekSection::matrix;
    return PajekSection::other;
}

// Every line but comments (%) and blank ones, with its offset.
template <class Visit>
void for_each_line(const std::string& content, Visit&& visit) {
    std::size_t at = 0;
    while (at < content.size()) {
        auto end = content.find('\n', at);
        if (end == std::string::npos) end = content.size();
        auto line = std::string_view(content).substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const auto first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos && line[first] != '%')
            if (!visit(line.substr(first), at + first)) return;
        at = end + 1;
    }
}

std::optional<std::size_t> whole_number(std::string_view text) {
    if (text.empty() || text.size() > 12) return std::nullopt;
    std::size_t n = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
}

} // namespace

bool looks_like_pajek(const std::string& content) {
    bool pajek = false;
    for_each_line(content, [&](std::string_view line, std::size_t) {
        const auto keyword = to_lower_ascii(line.substr(0, line.find_first_of(" \t")));
        pajek = keyword == "*network" || keyword == "*vertices";
        return false;
    });
    return pajek;
}

bool pajek_declares_undirected(const SourceTextPtr& source) {
    bool edges = false, arcs = false;
    for_each_line(source->content(), [&](std::string_view line, std::size_t) {
        if (line[0] != '*') return true;
        const auto s = section_of(line.substr(0, line.find_first_of(" \t")));
        edges = edges || s == PajekSection::edges || s == PajekSection::edges_list;
        arcs = arcs || s == PajekSection::arcs || s == PajekSection::arcs_list || s == PajekSection::matrix;
        return true;
    });
    return edges && !arcs;
}

void read_pajek(const SourceTextPtr& source, NetworkBuilder& builder, std::vector<Diagnostic>& notices) {
    const bool undirected = pajek_declares_undirected(source);
    PajekSection section = PajekSection::none;
    std::size_t vertices = 0, first_mode = 0, listed = 0;
    std::string relation;        // the name (or number) of the relation the ties belong to
    std::size_t matrix_cell = 0; // cells of the *Matrix read so far
    std::optional<std::size_t>
        drawing; // where coordinates, shapes or colours were first skipped            // coordinates, shapes or colours were skipped
    std::size_t edges_both_ways = 0; // *Edges ties read as two arcs in a directed network
    std::string stopped_at;          // a section that is not part of a network
    std::size_t stopped_offset = 0;
    std::vector<std::uint32_t> node; // by vertex number - 1
    std::size_t matrix_offset = 0;

    // A *Matrix holds a value for every ordered pair of vertices.
    const auto close_matrix = [&]() {
        if (section == PajekSection::matrix && matrix_cell != vertices * vertices)
            fail_at(source, matrix_offset, "pajek-matrix",
                    "the matrix has " + std::to_string(matrix_cell) + " cells, not " + std::to_string(vertices) + " by " +
                        std::to_string(vertices),
                    "*Matrix lists one row of values per vertex");
    };

    const auto vertex = [&](const Word& w) {
        const auto n = whole_number(w.text);
        if (!n || *n < 1 || *n > vertices)
            fail_at(source, w.offset, "pajek-vertex",
                    "\"" + std::string(w.text) + "\" is not a vertex number from 1 to " + std::to_string(vertices),
                    "ties name vertices by their number in *Vertices");
        return node[*n - 1];
    };
    const auto tie = [&](std::uint32_t a, std::uint32_t b, const std::optional<double>& weight, bool both_ways) {
        const auto add = [&](std::uint32_t from, std::uint32_t to) {
            const auto row = builder.add_tie(from, to, weight);
            if (row != NetworkBuilder::kDropped && !relation.empty()) builder.set_tie_attribute(row, "relation", AttributeValue{relation});
        };
        add(a, b);
        if (both_ways && a != b) add(b, a), ++edges_both_ways;
    };

    for_each_line(source->content(), [&](std::string_view line, std::size_t at) {
        const auto words = words_of(line, at, source);
        if (words.empty()) return true;
        if (!words[0].quoted && words[0].text[0] == '*') {
            const auto keyword = to_lower_ascii(words[0].text);
            if (keyword == "*network") return true;
            const auto next = section_of(words[0].text);
            close_matrix();
            if (next == PajekSection::other) {
                stopped_at = std::string(words[0].text);
                stopped_offset = words[0].offset;
                return false;
            }
            if (next == PajekSection::vertices) {
                if (section != PajekSection::none)
                    fail_at(source, words[0].offset, "pajek-vertices", "a second *Vertices section", "a .net file holds one network");
                const auto n = words.size() > 1 ? whole_number(words[1].text) : std::nullopt;
                if (!n)
                    fail_at(source, words.size() > 1 ? words[1].offset : words[0].offset, "pajek-vertices",
                            "*Vertices needs the number of vertices");
                // Vertices need not be listed, but no file stands for more than some ten per byte:
                // a count past that is refused before the vertices are made.
                if (*n > 10 * source->content().size() + 1000)
                    fail_at(source, words[1].offset, "pajek-vertices",
                            "*Vertices " + std::to_string(*n) + " is more vertices than this file of " +
                                std::to_string(source->content().size()) + " bytes stands for",
                            "give the number of vertices the network has");
                vertices = *n;
                if (words.size() > 2) {
                    const auto m = whole_number(words[2].text);
                    if (!m || *m > vertices)
                        fail_at(source, words[2].offset, "pajek-vertices",
                                "the first mode's size must be a number up to " + std::to_string(vertices));
                    first_mode = *m;
                }
                node.reserve(vertices);
                for (std::size_t k = 1; k <= vertices; ++k) {
                    node.push_back(builder.node(std::to_string(k)));
                    if (first_mode) builder.set_node_attribute(node.back(), "mode", AttributeValue{k <= first_mode ? 1.0 : 2.0});
                }
            } else if (section == PajekSection::none) {
                fail_at(source, words[0].offset, "pajek-order", std::string(words[0].text) + " comes before *Vertices",
                        "a .net file starts with *Vertices N");
            }
            section = next;
            relation.clear();
            matrix_cell = 0;
            matrix_offset = words[0].offset;
            // "*Arcs :2 "phone calls"": the ties of relation 2, named.
            if (words.size() > 1 && section != PajekSection::vertices) {
                const auto& tag = words[1].text;
                relation = words.size() > 2 ? std::string(words[2].text) : std::string(tag.substr(tag[0] == ':' ? 1 : 0));
            }
            return true;
        }
        switch (section) {
            case PajekSection::none:
                fail_at(source, at, "pajek-order", "a line before *Vertices", "a .net file starts with *Vertices N");
            case PajekSection::vertices: {
                const auto k = whole_number(words[0].text);
                if (!k || *k < 1 || *k > vertices)
                    fail_at(source, words[0].offset, "pajek-vertex",
                            "\"" + std::string(words[0].text) + "\" is not a vertex number from 1 to " + std::to_string(vertices));
                if (++listed > vertices) fail_at(source, words[0].offset, "pajek-vertex", "more vertex lines than *Vertices says");
                if (words.size() > 1) {
                    const auto label = trim(words[1].text);
                    if (!label.empty() && label != words[0].text) builder.set_name(node[*k - 1], label);
                }
                if (words.size() > 2 && !drawing) drawing = words[2].offset;
                return true;
            }
            case PajekSection::arcs:
            case PajekSection::edges: {
                if (words.size() < 2) fail_at(source, words[0].offset, "pajek-tie", "a tie needs two vertex numbers");
                std::optional<double> weight;
                if (words.size() > 2) weight = parse_number(words[2].text);
                if (words.size() > (weight ? 3u : 2u) && !drawing) drawing = words[weight ? 3 : 2].offset;
                tie(vertex(words[0]), vertex(words[1]), weight, section == PajekSection::edges && !undirected);
                return true;
            }
            case PajekSection::arcs_list:
            case PajekSection::edges_list: {
                const auto from = vertex(words[0]);
                for (std::size_t i = 1; i < words.size(); ++i)
                    tie(from, vertex(words[i]), std::nullopt, section == PajekSection::edges_list && !undirected);
                return true;
            }
            case PajekSection::matrix:
                for (const auto& w : words) {
                    if (matrix_cell >= vertices * vertices)
                        fail_at(source, w.offset, "pajek-matrix",
                                "more cells than a " + std::to_string(vertices) + " by " + std::to_string(vertices) + " matrix");
                    const auto value = parse_number(w.text);
                    if (!value) fail_at(source, w.offset, "pajek-matrix", "cell \"" + std::string(w.text) + "\" is not a number");
                    const auto row = matrix_cell / vertices, column = matrix_cell % vertices;
                    ++matrix_cell;
                    if (*value != 0) tie(node[row], node[column], *value, false);
                }
                return true;
            case PajekSection::other:
                break;
        }
        return true;
    });
    close_matrix();
    if (section == PajekSection::none) fail_at(source, 0, "pajek-vertices", "no *Vertices section", "a .net file starts with *Vertices N");
    if (drawing)
        notices.push_back(
            {Severity::note, source, {}, *drawing, 1, "pajek-drawing", "coordinates, shapes and colours in the file are not read", {}});
    if (edges_both_ways)
        notices.push_back({Severity::note,
                           source,
                           {},
                           0,
                           0,
                           "pajek-edges",
                           std::to_string(edges_both_ways) + " *Edges ties in a network with *Arcs were read as arcs both ways",
                           {}});
    if (!stopped_at.empty())
        notices.push_back({Severity::warning,
                           source,
                           {},
                           stopped_offset,
                           stopped_at.size(),
                           "pajek-section",
                           "reading stopped at " + stopped_at +
                               ": threatgraph reads one network (*Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist, *Matrix)",
                           {}});
}

} // namespace tg
