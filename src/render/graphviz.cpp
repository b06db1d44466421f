#include "render/graphviz.hpp"

#include "core/error.hpp"
#include "io/text_file.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

// Graphviz defines MIN, MAX, TRUE... as macros: included last, here only.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

extern "C" {
extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;
}

namespace tg {

namespace {

// The plugins SVG needs, linked in: Graphviz then neither loads plugins nor sets up pango, and
// sizes text from its own font metrics.
lt_symlist_t svg_plugins[] = {{"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
                              {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
                              {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
                              {nullptr, nullptr}};

std::string graphviz_errors; // collected by the error callback

int collect_error(char* message) {
    graphviz_errors += message;
    return 0;
}

std::string trimmed_errors() {
    std::string text = graphviz_errors;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    for (auto& c : text)
        if (c == '\n') c = ' ';
    return text.empty() ? "no message from Graphviz" : text;
}

// What Graphviz writes: "svg", "png:cairo", "pdf", or "plain" (the positions alone).
struct Renderer {
    std::string name;
    bool builtin = true; // served by the plugins linked in (SVG and plain); cairo's need the installed set
    std::string what;    // for messages: "svg", "png", "pdf", "positions"
};

Renderer renderer_for(ImageFormat format) {
    switch (format) {
        case ImageFormat::svg:
            return {"svg", true, "svg"};
        case ImageFormat::png:
            return {"png:cairo", false, "png"}; // cairo: anti-aliased lines and text
        case ImageFormat::pdf:
            return {"pdf", false, "pdf"};
    }
    return {"svg", true, "svg"};
}

// Lays out and renders in this process; returns false with a message on failure.
bool render_here(const std::string& dot, const std::string& layout, const Renderer& renderer, std::string& out) {
    agseterrf(collect_error);
    agseterr(AGERR);
    // PNG and PDF need cairo and pango: the full set of installed plugins.
    GVC_t* gvc = renderer.builtin ? gvContextPlugins(svg_plugins, 0) : gvContext();
    Agraph_t* graph = agmemread(dot.c_str());
    if (!graph) {
        out = "Graphviz could not read the diagram: " + trimmed_errors();
        return false;
    }
    if (gvLayout(gvc, graph, layout.c_str()) != 0) {
        agclose(graph);
        out = "Graphviz layout \"" + layout + "\" failed: " + trimmed_errors();
        return false;
    }
    char* data = nullptr;
    unsigned int length = 0;
    const int status = gvRenderData(gvc, graph, renderer.name.c_str(), &data, &length);
    if (status == 0 && data) out.assign(data, length);
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc, graph);
    agclose(graph);
    if (status != 0 || out.empty()) {
        out = "Graphviz could not render " + renderer.what + ": " + trimmed_errors();
        return false;
    }
    return true;
}

void write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const auto n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

} // namespace

namespace {

// Runs Graphviz in a child process and returns what it wrote.
std::string run_graphviz(const std::string& dot, const std::string& layout, const Renderer& renderer,
                         unsigned cpu_seconds = kGraphvizCpuSeconds) {
    // Graphviz asserts and aborts on some inputs, keeps global state and leaks font caches: it runs
    // in a child process, so that its failure is an error message here and its memory goes with it.
    int channel[2];
    std::fflush(nullptr); // nothing buffered may be written twice, by the child as well
    if (::pipe(channel) != 0) throw InternalError(std::string("cannot start Graphviz: ") + std::strerror(errno));
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(channel[0]);
        ::close(channel[1]);
        throw InternalError(std::string("cannot start Graphviz: ") + std::strerror(errno));
    }
    if (child == 0) {
        // Graphviz's own failure must end this child the default way, whatever handlers the
        // parent installed (a test framework's, say).
        for (int signal : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGXCPU}) std::signal(signal, SIG_DFL);
        // A drawing that would run for ever is stopped by the kernel (SIGXCPU) at its limit.
        const rlimit cpu{static_cast<rlim_t>(std::max(1u, cpu_seconds)), static_cast<rlim_t>(std::max(1u, cpu_seconds)) + 5};
        ::setrlimit(RLIMIT_CPU, &cpu);
        // Graphviz's aborts leave no core file in the user's folder.
        const rlimit no_core{0, 0};
        ::setrlimit(RLIMIT_CORE, &no_core);
        ::close(channel[0]);
        // Nothing may unwind out of the child into the parent's code.
        try {
            std::string out;
            const char status = render_here(dot, layout, renderer, out) ? '0' : '1';
            write_all(channel[1], &status, 1);
            write_all(channel[1], out.data(), out.size());
        } catch (...) {
            ::_exit(2);
        }
        ::close(channel[1]);
        ::_exit(0);
    }
    ::close(channel[1]);
    std::string reply;
    char buffer[65536];
    for (;;) {
        const auto n = ::read(channel[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        reply.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(channel[0]);
    int wait_status = 0;
    while (::waitpid(child, &wait_status, 0) < 0 && errno == EINTR) {}
    if (WIFSIGNALED(wait_status) && (WTERMSIG(wait_status) == SIGXCPU || WTERMSIG(wait_status) == SIGKILL))
        throw InternalError("Graphviz stopped on signal " + std::to_string(WTERMSIG(wait_status)) + ": the drawing with layout \"" +
                                layout + "\" took more than its " + std::to_string(cpu_seconds) + " s of processor time",
                            "draw fewer entities (--kinds, --top) or another layout (sfdp for large networks)");
    if (WIFSIGNALED(wait_status) || !WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0 || reply.empty())
        throw InternalError("Graphviz stopped" +
                                (WIFSIGNALED(wait_status) ? " on signal " + std::to_string(WTERMSIG(wait_status)) : std::string()) +
                                " while drawing with layout \"" + layout + "\"",
                            "this is a Graphviz failure; another layout may work");
    if (reply[0] != '0') {
        const bool unreadable = reply.compare(1, 28, "Graphviz could not read the ") == 0;
        throw InternalError(reply.substr(1), unreadable ? "a shape, style or colour in the ontology may not be one Graphviz knows"
                                                        : "check that the graphviz package (with its plugins) is installed");
    }
    return reply.substr(1);
}

} // namespace

std::string render_dot(const std::string& dot, const std::string& layout, ImageFormat format) {
    return run_graphviz(dot, layout, renderer_for(format));
}

std::string render_dot(const std::string& dot, const std::string& layout, ImageFormat format, unsigned cpu_seconds) {
    return run_graphviz(dot, layout, renderer_for(format), cpu_seconds);
}

std::map<std::string, NodePlace> lay_out(const std::string& dot, const std::string& layout) {
    // Graphviz's "plain" output: "graph SCALE WIDTH HEIGHT", then "node NAME X Y WIDTH HEIGHT ..."
    // in inches, y upwards, then edges and "stop". Names are written quoted when they need it.
    const std::string plain = run_graphviz(dot, layout, {"plain", true, "positions"});
    std::map<std::string, NodePlace> places;
    std::size_t start = 0;
    double height = 0;
    while (start < plain.size()) {
        auto end = plain.find('\n', start);
        if (end == std::string::npos) end = plain.size();
        const std::string line = plain.substr(start, end - start);
        start = end + 1;
        if (line.rfind("graph ", 0) == 0) {
            double scale = 0, width = 0;
            std::sscanf(line.c_str(), "graph %lf %lf %lf", &scale, &width, &height);
        } else if (line.rfind("node ", 0) == 0) {
            // Our node names are plain identifiers (v0, v1...): no quotes to undo.
            char name[64] = {0};
            NodePlace place;
            if (std::sscanf(line.c_str(), "node %63s %lf %lf %lf %lf", name, &place.x, &place.y, &place.width, &place.height) == 5) {
                for (double* inches : {&place.x, &place.y, &place.width, &place.height}) *inches *= 72;
                places[name] = place;
            }
        }
    }
    // Points from the top left, as SVG counts them.
    for (auto& [name, place] : places) place.y = height * 72 - place.y;
    return places;
}

void write_image(const std::string& path, const std::string& dot, const std::string& layout) {
    const auto format = image_format_for(path);
    write_file_atomically(path, render_dot(dot, layout, format));
}

} // namespace tg
