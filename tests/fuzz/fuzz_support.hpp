#pragma once
// What every fuzz target shares: a scratch folder for the files a reader must open, and the rule
// that decides what is a finding. A reader may refuse any input with the errors a user sees
// (DataError, QueryError, UsageError, IoError); an InternalError or any other exception escaping
// it is a bug, and so is a crash, a leak or a stall, which libFuzzer and the sanitizers catch.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tg::fuzz {

// A folder of this process's own (under $TMPDIR, else /dev/shm, else /tmp), made on first use.
const std::string& scratch();

// Writes `bytes` to `path`, replacing it.
void write(const std::string& path, std::string_view bytes);

// The bytes of a fuzz input.
inline std::string_view bytes_of(const std::uint8_t* data, std::size_t size) { return {reinterpret_cast<const char*>(data), size}; }

// Runs `body`; a user-facing error is an answer, anything else aborts with its message.
void expect_answer_or_user_error(const std::function<void()>& body);

// The repository's folder (tests/data/tiny and graph-data are read from it).
std::string source_dir();

// A copy of a folder of the repository in the scratch folder, one of whose files an input
// replaces: the input's first byte chooses which of `files`, the rest is its text.
class FuzzedFolder {
public:
    FuzzedFolder(const std::string& from, const std::string& name, std::vector<std::string> files);
    const std::string& dir() const { return dir_; }
    // Writes the input's file, runs `body`, and puts the file back as it was.
    void with_input(const std::uint8_t* data, std::size_t size, const std::function<void()>& body);

private:
    std::string dir_;
    std::vector<std::string> files_;
    std::map<std::string, std::string> original_;
};

} // namespace tg::fuzz
