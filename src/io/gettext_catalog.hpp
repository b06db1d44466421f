#pragma once
// A gettext message catalog (.mo), as Debian's iso-codes ships the Spanish names of countries in:
// every original text with its translation.
#include <string>
#include <unordered_map>

namespace tg {

// Throws IoError when the file cannot be read and DataError when it is no .mo catalog (or a
// table points outside the file).
std::unordered_map<std::string, std::string> read_gettext_catalog(const std::string& path);

} // namespace tg
