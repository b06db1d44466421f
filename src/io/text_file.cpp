#include "io/text_file.hpp"

#include "core/error.hpp"
#include "core/huge_pages.hpp"
#include "core/memory.hpp"
#include "core/text.hpp"
#include "io/file_guard.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <limits>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tg {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw IoError("cannot read \"" + path + "\": it is a folder, not a file");
    const auto status = fs::status(path, ec);
    const bool stream = !ec && status.type() == fs::file_type::fifo;
    if (!ec &&
        (status.type() == fs::file_type::character || status.type() == fs::file_type::block || status.type() == fs::file_type::socket))
        throw IoError("cannot read \"" + path + "\": it is a device, not a file", "save the data to a file and pass that");
    // A pipe has no size to check: it is read up to a quarter of the memory available.
    const std::size_t cap = stream ? available_memory().value_or(std::size_t{4} << 30) / 4 : std::numeric_limits<std::size_t>::max();
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) throw IoError("cannot read \"" + path + "\": " + std::strerror(errno));
    // Read straight into the string: a regular file in one call at its size, anything else
    // (a pipe, a device) in chunks until it ends.
    std::string content;
    const auto size = fs::is_regular_file(path, ec) ? fs::file_size(path, ec) : 0;
    std::size_t used = 0;
    const std::size_t room = !ec && size > 0 ? static_cast<std::size_t>(size) + 1 : std::size_t{1} << 16;
    content.reserve(room);
    advise_huge_pages(content.data(), room);
    content.resize(room);
    while (true) {
        used += std::fread(content.data() + used, 1, content.size() - used, file);
        if (used < content.size()) break;
        if (content.size() >= cap) {
            std::fclose(file);
            throw IoError("more than " + bytes_text(cap) + " arrived from \"" + path + "\" without its end",
                          "save the data to a file and pass that: a file's size is checked against the memory available before it is read");
        }
        content.resize(content.size() * 2);
    }
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed) throw IoError("error while reading \"" + path + "\"");
    content.resize(used);
    note_file_read(path);
    return content;
}

SourceTextPtr read_text_source(const std::string& path, std::vector<Diagnostic>& notices) {
    return text_source(path, read_file(path), notices);
}

SourceTextPtr text_source(const std::string& path, std::string content, std::vector<Diagnostic>& notices) {
    strip_bom(content);
    if (content.find('\0') != std::string::npos)
        throw DataError({{Severity::error,
                          std::make_shared<SourceText>(path, content),
                          {},
                          content.find('\0'),
                          1,
                          "binary-file",
                          "the file holds a NUL byte: it is binary, not text",
                          "pass a text file: an edge list, CSV, JSON, GraphML or a query, saved as UTF-8"}});
    if (const auto bad = find_invalid_utf8(content)) {
        auto original = std::make_shared<SourceText>(path, content);
        notices.push_back({Severity::warning,
                           original,
                           {},
                           *bad,
                           1,
                           "latin1-fallback",
                           "the file is not valid UTF-8; read it as Latin-1",
                           "save it as UTF-8 to silence this"});
        content = latin1_to_utf8(content);
    }
    return std::make_shared<SourceText>(path, std::move(content));
}

bool file_exists(const std::string& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

bool is_directory(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

namespace {

// A folder held open while a file is written into it.
class OpenFolder {
public:
    explicit OpenFolder(int fd) : fd_(fd) {}
    ~OpenFolder() {
        if (fd_ >= 0) ::close(fd_);
    }
    OpenFolder(const OpenFolder&) = delete;
    OpenFolder& operator=(const OpenFolder&) = delete;
    OpenFolder(OpenFolder&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    OpenFolder& operator=(OpenFolder&& other) noexcept {
        std::swap(fd_, other.fd_);
        return *this;
    }
    int fd() const { return fd_; }

private:
    int fd_;
};

[[noreturn]] void cannot_write(const std::string& path, const std::string& why, std::string hint = {}) {
    throw IoError("cannot write \"" + path + "\": " + why, std::move(hint));
}

OpenFolder open_folder(const std::string& path, const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        fs::create_directories(folder, ec);
        if (ec) cannot_write(path, "cannot create folder \"" + folder.string() + "\": " + ec.message());
    }
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) cannot_write(path, "cannot open folder \"" + folder.string() + "\": " + std::strerror(errno));
    return OpenFolder(fd);
}

// The folder that will hold `path`, reached from `root` one component at a time: each is made
// when missing and opened without following a symbolic link, so the output cannot leave `root`.
OpenFolder open_folder_inside(const std::string& path, const std::string& root) {
    const fs::path relative = fs::path(path).lexically_relative(root);
    const auto refuse = [&](const std::string& why) {
        throw UsageError("refusing to write \"" + path + "\": " + why, "outputs stay inside the output folder \"" + root + "\"");
    };
    if (relative.empty() || *relative.begin() == "..") refuse("it is outside the output folder");
    OpenFolder folder = open_folder(path, root);
    fs::path reached = root;
    for (auto it = relative.begin(); it != relative.end() && std::next(it) != relative.end(); ++it) {
        const auto part = it->string();
        if (part == "." || part.empty()) continue;
        if (part == "..") refuse("the path climbs out with \"..\"");
        reached /= part;
        if (::mkdirat(folder.fd(), part.c_str(), 0777) != 0 && errno != EEXIST)
            cannot_write(path, "cannot create folder \"" + reached.string() + "\": " + std::strerror(errno));
        const int fd = ::openat(folder.fd(), part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0 && (errno == ELOOP || errno == ENOTDIR)) {
            struct stat info {};
            if (::fstatat(folder.fd(), part.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(info.st_mode))
                refuse("\"" + reached.string() + "\" is a symbolic link");
            cannot_write(path, "\"" + reached.string() + "\" is a file, not a folder");
        }
        if (fd < 0) cannot_write(path, "cannot open folder \"" + reached.string() + "\": " + std::strerror(errno));
        folder = OpenFolder(fd);
    }
    return folder;
}

} // namespace

void write_file_atomically(const std::string& path, const std::string& content) {
    const fs::path target(path);
    const auto name = target.filename().string();
    if (name.empty() || name == "." || name == "..") cannot_write(path, "it names a folder, not a file");
    const auto root = output_confinement();
    OpenFolder folder =
        root.empty() ? open_folder(path, target.has_parent_path() ? target.parent_path() : fs::path(".")) : open_folder_inside(path, root);
    // The file already there: never an input, never a folder, and inside the confinement never a link.
    struct stat existing {};
    const bool exists = ::fstatat(folder.fd(), name.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0;
    const auto input = root.empty() ? file_read_as(path) : file_read_as(folder.fd(), name);
    if (input)
        throw UsageError("refusing to write \"" + path + "\": it is an input file" + (*input == path ? "" : " (\"" + *input + "\")"),
                         "choose another output path; nothing was written");
    if (exists && S_ISDIR(existing.st_mode)) cannot_write(path, "it is a folder");
    if (exists && S_ISLNK(existing.st_mode) && !root.empty())
        throw UsageError("refusing to write \"" + path + "\": it is a symbolic link",
                         "outputs stay inside the output folder \"" + root + "\"; remove the link");
    std::string temporary;
    int fd = -1;
    for (int attempt = 0; fd < 0; ++attempt) {
        temporary = "." + name + ".tmp" + std::to_string(::getpid()) + (attempt ? "-" + std::to_string(attempt) : "");
        fd = ::openat(folder.fd(), temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd < 0 && (errno != EEXIST || attempt > 100)) cannot_write(path, std::strerror(errno));
    }
    const auto discard = [&](const std::string& why) {
        ::unlinkat(folder.fd(), temporary.c_str(), 0);
        cannot_write(path, why, "nothing was written; the file that was there (if any) is as it was");
    };
    for (std::size_t done = 0; done < content.size();) {
        const auto n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const auto why = std::string(std::strerror(n < 0 ? errno : EIO));
            ::close(fd);
            discard(why);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) discard(std::strerror(errno));
    if (::renameat(folder.fd(), temporary.c_str(), folder.fd(), name.c_str()) != 0) discard(std::strerror(errno));
}

} // namespace tg
