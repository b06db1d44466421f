#include "io/file_guard.hpp"

#include "core/error.hpp"

#include <filesystem>
#include <mutex>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>

namespace tg {

namespace {

struct FileRead {
    dev_t device;
    ino_t inode;
    std::string name;
};

struct Guard {
    std::mutex mutex;
    std::vector<FileRead> read;
    std::string confinement;
};

Guard& guard() {
    static Guard instance;
    return instance;
}

std::optional<std::string> find(const struct stat& info) {
    auto& g = guard();
    const std::lock_guard<std::mutex> lock(g.mutex);
    for (const auto& file : g.read)
        if (file.device == info.st_dev && file.inode == info.st_ino) return file.name;
    return std::nullopt;
}

} // namespace

void note_file_read(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return;
    auto& g = guard();
    const std::lock_guard<std::mutex> lock(g.mutex);
    for (const auto& file : g.read)
        if (file.device == info.st_dev && file.inode == info.st_ino) return;
    g.read.push_back({info.st_dev, info.st_ino, path});
}

void note_input(const std::string& path) {
    if (path.empty() || path == "-") return;
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
        note_file_read(path);
        return;
    }
    // A folder of inputs is small (graph-data, the source texts); a huge one is not walked whole.
    std::size_t seen = 0;
    for (std::filesystem::recursive_directory_iterator it(path, ec), end; !ec && it != end && seen < 10000; it.increment(ec), ++seen)
        if (it->is_regular_file(ec)) note_file_read(it->path().string());
}

std::optional<std::string> file_read_as(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return std::nullopt;
    return find(info);
}

std::optional<std::string> file_read_as(int folder_fd, const std::string& name) {
    struct stat info {};
    if (::fstatat(folder_fd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) return std::nullopt;
    return find(info);
}

ConfinedOutputs::ConfinedOutputs(std::string folder) {
    auto& g = guard();
    const std::lock_guard<std::mutex> lock(g.mutex);
    if (!g.confinement.empty()) throw InternalError("outputs are already confined to \"" + g.confinement + "\"");
    if (folder.empty()) folder = ".";
    g.confinement = std::move(folder);
}

ConfinedOutputs::~ConfinedOutputs() {
    auto& g = guard();
    const std::lock_guard<std::mutex> lock(g.mutex);
    g.confinement.clear();
}

std::string output_confinement() {
    auto& g = guard();
    const std::lock_guard<std::mutex> lock(g.mutex);
    return g.confinement;
}

} // namespace tg
