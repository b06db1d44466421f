#include "io/text_file.hpp"

#include "core/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <unistd.h>

namespace tg {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw IoError("cannot read \"" + path + "\": it is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot read \"" + path + "\": " + std::strerror(errno));
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) throw IoError("error while reading \"" + path + "\"");
    return content.str();
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
bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
    return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}
} // namespace

void write_file_atomically(const std::string& path, const std::string& content,
                           const std::vector<std::string>& inputs) {
    for (const auto& input : inputs)
        if (same_file(path, input))
            throw UsageError("refusing to write \"" + path + "\": it is an input file",
                             "choose another output path with -o");
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw IoError("cannot write \"" + path + "\": it is a folder");
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec))
        throw IoError("cannot write \"" + path + "\": folder \"" + folder.string() + "\" does not exist");
    const fs::path temporary = folder / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid()));
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw IoError("cannot write \"" + path + "\": " + std::strerror(errno));
        out << content;
        out.flush();
        if (!out) {
            fs::remove(temporary, ec);
            throw IoError("error while writing \"" + path + "\"");
        }
    }
    fs::rename(temporary, target, ec);
    if (ec) {
        fs::remove(temporary, ec);
        throw IoError("cannot write \"" + path + "\": " + ec.message());
    }
}

} // namespace tg
