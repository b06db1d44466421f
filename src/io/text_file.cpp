#include "io/text_file.hpp"

#include "core/error.hpp"
#include "core/huge_pages.hpp"
#include "core/memory.hpp"
#include "core/text.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <system_error>

#include <unistd.h>

namespace tg {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw IoError("cannot read \"" + path + "\": it is a folder, not a file");
    const auto status = fs::status(path, ec);
    const bool stream = !ec && status.type() == fs::file_type::fifo;
    if (!ec && (status.type() == fs::file_type::character || status.type() == fs::file_type::block || status.type() == fs::file_type::socket))
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
    return content;
}

SourceTextPtr read_text_source(const std::string& path, std::vector<Diagnostic>& notices) {
    std::string content = read_file(path);
    strip_bom(content);
    if (content.find('\0') != std::string::npos)
        throw DataError({{Severity::error, std::make_shared<SourceText>(path, content), {}, content.find('\0'), 1,
                          "binary-file", "the file holds a NUL byte: it is binary, not text",
                          "pass a text edge list, CSV, JSON or GraphML file"}});
    if (const auto bad = find_invalid_utf8(content)) {
        auto original = std::make_shared<SourceText>(path, content);
        notices.push_back({Severity::warning, original, {}, *bad, 1, "latin1-fallback",
                           "the file is not valid UTF-8; read it as Latin-1", "save it as UTF-8 to silence this"});
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
    if (!fs::is_directory(folder, ec)) {
        fs::create_directories(folder, ec);
        if (ec) throw IoError("cannot write \"" + path + "\": cannot create folder \"" + folder.string() + "\": " + ec.message());
    }
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
