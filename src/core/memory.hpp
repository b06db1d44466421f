#pragma once
// How much memory the machine has left, so that a load that would not fit stops with a
// message before the machine starts swapping.
#include <cstddef>
#include <optional>
#include <string>

namespace tg {

// MemAvailable from /proc/meminfo, in bytes; nothing where the system does not say.
std::optional<std::size_t> available_memory();

// Throws IoError naming `what` when `needed` bytes exceed `available` (when that is known).
void require_memory(std::size_t needed, std::optional<std::size_t> available, const std::string& what);

// "1.4 GB", "310 MB", "12 kB".
std::string bytes_text(std::size_t bytes);

} // namespace tg
