#pragma once
// Commands that write a folder of files (import, extract, build) write a new one, never into a
// folder holding anything, and never half: the files go to a staging folder beside the target,
// which is renamed into place once every file is written.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace tg::cli {

// Throws UsageError unless `folder` is missing or an empty folder; `hint` says what to do instead.
void check_new_folder(const std::string& folder, const std::string& hint);

// `folder` without a trailing separator, normalized: "out/" is "out".
std::filesystem::path folder_path(const std::string& folder);

// Writes `files` (path inside the folder, content) as the new folder `folder`; a path that
// would leave the folder is an InternalError, before anything is written.
void write_new_folder(const std::string& folder, const std::vector<std::pair<std::string, std::string>>& files);

} // namespace tg::cli
