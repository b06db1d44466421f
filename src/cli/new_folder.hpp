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

// Puts the complete folder `replacement` in the place of the existing folder `folder` as one
// change: the two are exchanged in one rename (renameat2's RENAME_EXCHANGE), so a reader, a kill
// or a full disk finds `folder` wholly old or wholly new, never mixed; the old folder is then
// renamed to `backup`. Where the file system cannot exchange, two renames are used and a failure
// of the second puts the old folder back.
void replace_folder(const std::string& folder, const std::string& replacement, const std::string& backup);

// Copies `folder` (every file of it, links as links) to `staging` and writes `files` over the
// copy; on any failure removes the copy and throws (IoError naming both folders).
void copy_folder_with(const std::string& folder, const std::string& staging, const std::vector<std::pair<std::string, std::string>>& files);

// A name beside `folder` for its previous files, never used before: FOLDER.backup-YYYYMMDD-HHMMSS
// (with -2, -3... when two changes fall in one second).
std::string backup_path(const std::string& folder);

} // namespace tg::cli
