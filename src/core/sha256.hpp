#pragma once
// SHA-256 (FIPS 180-4), to check that a source text is the one the evidence offsets point into.
#include <string>
#include <string_view>

namespace tg {

// Lower-case hex digest.
std::string sha256_hex(std::string_view data);

} // namespace tg
