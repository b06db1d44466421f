#pragma once
// Graphviz behind one small door: DOT text in, an SVG, PNG or PDF image out, laid out by dot,
// neato, fdp, sfdp, circo or nop2 (positions given in points). Graphviz is not thread-safe, keeps
// one context per process, leaks its font caches and aborts on some inputs (Graphviz 2.42's
// spline router), so each drawing is made in a child process: a Graphviz crash becomes an error
// here, and its memory goes with the child. Its headers stay inside graphviz.cpp.
#include "core/image_format.hpp"

#include <map>
#include <string>
#include <vector>

namespace tg {

// The image's bytes. Throws InternalError with Graphviz's own message when the DOT text does not
// parse or the layout or renderer is missing, and when Graphviz crashes.
std::string render_dot(const std::string& dot, const std::string& layout, ImageFormat format);

// How much processor time one drawing may take before Graphviz is stopped (its spline router
// can run for many minutes on a dense graph): then render_dot throws, naming the limit.
constexpr unsigned kGraphvizCpuSeconds = 600;
// The same with another limit, in whole seconds (at least 1).
std::string render_dot(const std::string& dot, const std::string& layout, ImageFormat format, unsigned cpu_seconds);

// Where a layout put a node: its centre from the drawing's top left, and its size, in points.
struct NodePlace {
    double x = 0, y = 0, width = 0, height = 0;
};

// Lays the DOT text out without drawing it: the place of every node, by node name. The names
// must be plain identifiers (v0, v1...). Throws as render_dot does.
std::map<std::string, NodePlace> lay_out(const std::string& dot, const std::string& layout);

// Writes the rendered image to `path` as write_file_atomically does: its folder made when
// missing, never over a file this process read.
void write_image(const std::string& path, const std::string& dot, const std::string& layout);

} // namespace tg
