#include "fuzz_support.hpp"

#include "core/error.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

namespace tg::fuzz {

const std::string& scratch() {
    static const std::string folder = [] {
        std::string base = "/tmp";
        if (const char* t = std::getenv("TMPDIR"); t && *t)
            base = t;
        else if (std::filesystem::is_directory("/dev/shm"))
            base = "/dev/shm";
        std::string pattern = base + "/tg-fuzz-XXXXXX";
        if (!::mkdtemp(pattern.data())) {
            std::perror("fuzz: mkdtemp");
            std::abort();
        }
        return pattern;
    }();
    return folder;
}

void write(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", path.c_str());
        std::abort();
    }
}

void expect_answer_or_user_error(const std::function<void()>& body) {
    try {
        body();
    } catch (const InternalError& e) {
        std::fprintf(stderr, "fuzz: internal error: %s\n", e.what());
        std::abort();
    } catch (const Interrupted& e) {
        std::fprintf(stderr, "fuzz: interrupted: %s\n", e.what());
        std::abort();
    } catch (const Error&) {
        // DataError, QueryError, UsageError, IoError: what a user would be told.
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz: unexpected %s\n", e.what());
        std::abort();
    }
}

std::string source_dir() { return TG_SOURCE_DIR; }

FuzzedFolder::FuzzedFolder(const std::string& from, const std::string& name, std::vector<std::string> files)
    : dir_(scratch() + "/" + name), files_(std::move(files)) {
    std::filesystem::copy(source_dir() + "/" + from, dir_, std::filesystem::copy_options::recursive);
    for (const auto& file : files_) {
        std::ifstream in(dir_ + "/" + file, std::ios::binary);
        original_[file].assign(std::istreambuf_iterator<char>(in), {});
    }
}

void FuzzedFolder::with_input(const std::uint8_t* data, std::size_t size, const std::function<void()>& body) {
    if (size == 0) return;
    const auto& file = files_[data[0] % files_.size()];
    write(dir_ + "/" + file, bytes_of(data + 1, size - 1));
    expect_answer_or_user_error(body);
    write(dir_ + "/" + file, original_[file]);
}

} // namespace tg::fuzz
