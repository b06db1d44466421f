#include "cli/new_folder.hpp"

#include "core/error.hpp"
#include "io/text_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>

namespace tg::cli {

namespace fs = std::filesystem;

void check_new_folder(const std::string& folder, const std::string& hint) {
    std::error_code ec;
    if (!fs::exists(folder, ec)) return;
    if (!fs::is_directory(folder, ec)) throw UsageError("\"" + folder + "\" is a file", hint);
    if (!fs::is_empty(folder, ec))
        throw UsageError("\"" + folder + "\" already exists and is not empty", hint + "; nothing is overwritten");
}

fs::path folder_path(const std::string& folder) {
    // "out/" (as tab completion writes it) names the folder "out": without the trailing
    // separator, the staging folder goes beside it, not inside.
    auto path = fs::path(folder).lexically_normal();
    if (!path.empty() && path.filename().empty()) path = path.parent_path();
    return path;
}

void write_new_folder(const std::string& folder, const std::vector<std::pair<std::string, std::string>>& files) {
    for (const auto& file : files) {
        const auto name = fs::path(file.first).lexically_normal();
        if (name.empty() || name.is_absolute() || *name.begin() == "..")
            throw InternalError("write_new_folder: \"" + file.first + "\" is not a path inside the folder");
    }
    const fs::path target = folder_path(folder);
    const fs::path staging = target.string() + ".partial" + std::to_string(::getpid());
    std::error_code ec;
    fs::create_directories(staging, ec);
    if (ec) throw IoError("cannot create folder \"" + staging.string() + "\": " + ec.message());
    try {
        for (const auto& [name, content] : files) write_file_atomically((staging / name).string(), content);
        if (fs::exists(target, ec)) fs::remove(target, ec); // empty, as checked
        fs::rename(staging, target, ec);
        if (ec) throw IoError("cannot create \"" + folder + "\": " + ec.message());
    } catch (...) {
        fs::remove_all(staging, ec);
        throw;
    }
}

void replace_folder(const std::string& folder, const std::string& replacement, const std::string& backup) {
    if (::renameat2(AT_FDCWD, replacement.c_str(), AT_FDCWD, folder.c_str(), RENAME_EXCHANGE) == 0) {
        if (std::rename(replacement.c_str(), backup.c_str()) != 0)
            throw IoError(folder + " is replaced, but its old files could not be moved to " + backup + ": " + std::strerror(errno),
                          "they are in " + replacement);
        return;
    }
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        throw IoError("cannot replace " + folder + ": " + std::strerror(errno) + "; it is as it was",
                      "the new files are in " + replacement);
    if (std::rename(folder.c_str(), backup.c_str()) != 0)
        throw IoError("cannot replace " + folder + ": " + std::strerror(errno) + "; it is as it was",
                      "the new files are in " + replacement);
    if (std::rename(replacement.c_str(), folder.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        std::rename(backup.c_str(), folder.c_str());
        throw IoError("cannot replace " + folder + ": " + why + "; it is as it was", "the new files are in " + replacement);
    }
}

std::string backup_path(const std::string& folder) {
    const auto stamp = [] {
        const std::time_t now = std::time(nullptr);
        std::tm local{};
        localtime_r(&now, &local);
        char text[32];
        std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &local);
        return std::string(text);
    };
    std::string backup = folder + ".backup-" + stamp();
    std::error_code ec;
    for (int n = 2; std::filesystem::exists(backup, ec); ++n) backup = folder + ".backup-" + stamp() + "-" + std::to_string(n);
    return backup;
}

void copy_folder_with(const std::string& folder, const std::string& staging,
                      const std::vector<std::pair<std::string, std::string>>& files) {
    std::error_code ec;
    std::filesystem::copy(folder, staging, std::filesystem::copy_options::recursive | std::filesystem::copy_options::copy_symlinks, ec);
    if (ec) {
        std::filesystem::remove_all(staging, ec);
        throw IoError("cannot copy " + folder + " to " + staging + ": " + ec.message() + "; nothing was changed");
    }
    try {
        for (const auto& [name, content] : files) write_file_atomically((std::filesystem::path(staging) / name).string(), content);
    } catch (const Error&) {
        std::filesystem::remove_all(staging, ec);
        throw;
    }
}

} // namespace tg::cli
