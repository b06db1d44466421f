#pragma once
// Pieces of DOT text: quoted strings and numbers as Graphviz reads them.
#include <string>
#include <vector>

namespace tg {

// "text" with quotes and backslashes escaped and newlines as \n (a centred line break).
std::string dot_quoted(const std::string& text);

// Text for a Graphviz HTML-like label, with & < > and " escaped.
std::string html_escaped(const std::string& text);

// A name broken into lines of about `width` characters, at spaces (a longer word stays whole).
std::vector<std::string> name_lines(const std::string& name, std::size_t width);

// A fixed-point number with `precision` decimals, never in exponent form.
std::string dot_number(double x, int precision = 2);

} // namespace tg
