#include "core/memory.hpp"

#include "core/error.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace tg {

std::optional<std::size_t> available_memory() {
    std::ifstream meminfo("/proc/meminfo");
    std::string line;
    while (std::getline(meminfo, line)) {
        if (line.rfind("MemAvailable:", 0) != 0) continue;
        std::istringstream fields(line.substr(13));
        std::size_t kilobytes = 0;
        if (fields >> kilobytes) return kilobytes * 1024;
    }
    return std::nullopt;
}

std::string bytes_text(std::size_t bytes) {
    char buffer[32];
    const double b = static_cast<double>(bytes);
    if (b >= 1e9)
        std::snprintf(buffer, sizeof buffer, "%.1f GB", b / 1e9);
    else if (b >= 1e6)
        std::snprintf(buffer, sizeof buffer, "%.0f MB", b / 1e6);
    else
        std::snprintf(buffer, sizeof buffer, "%.0f kB", b / 1e3);
    return buffer;
}

void require_memory(std::size_t needed, std::optional<std::size_t> available, const std::string& what) {
    if (!available || needed <= *available) return;
    throw IoError(what + " needs about " + bytes_text(needed) + " of memory, and " + bytes_text(*available) + " are available",
                  "close other programs or use a machine with more memory; a network can also be cut down before it is read");
}

} // namespace tg
