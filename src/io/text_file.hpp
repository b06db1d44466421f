#pragma once
// Reading input files whole and writing output files atomically.
#include "core/diagnostic.hpp"
#include "core/source_text.hpp"

#include <string>
#include <vector>

namespace tg {

// The bytes of a file; throws IoError naming the file and the reason.
std::string read_file(const std::string& path);

// A text input: the BOM removed, refused (DataError) when it holds a NUL byte, read as Latin-1
// with a warning added to `notices` when it is not valid UTF-8.
SourceTextPtr read_text_source(const std::string& path, std::vector<Diagnostic>& notices);
// The same for text that arrived another way (standard input), named `path` in messages.
SourceTextPtr text_source(const std::string& path, std::string content, std::vector<Diagnostic>& notices);

bool file_exists(const std::string& path);
bool is_directory(const std::string& path);

// Writes through a temporary file in the same folder and renames it into place, so a reader
// never sees half a file, and a full disk or a kill leaves the old file as it was; a missing
// folder is made. Refuses (UsageError) to replace a file this process read (file_guard.hpp), and
// while outputs are confined, to leave their folder or pass through a symbolic link.
void write_file_atomically(const std::string& path, const std::string& content);

} // namespace tg
