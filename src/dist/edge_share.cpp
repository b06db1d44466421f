#include "dist/edge_share.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/file_guard.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_map>

namespace tg::dist {

namespace {

std::uint64_t file_size(std::ifstream& in, const std::string& path) {
    in.seekg(0, std::ios::end);
    const auto end = in.tellg();
    if (end < 0) throw IoError("cannot read \"" + path + "\"", "is it a regular file?");
    return static_cast<std::uint64_t>(end);
}

std::string read_bytes(std::ifstream& in, std::uint64_t at, std::uint64_t count) {
    std::string out(count, '\0');
    in.seekg(static_cast<std::streamoff>(at));
    in.read(out.data(), static_cast<std::streamsize>(count));
    out.resize(static_cast<std::size_t>(in.gcount()));
    in.clear();
    return out;
}

bool separator(char c) { return c == ' ' || c == '\t' || c == ',' || c == '\r'; }

} // namespace

EdgeShare read_edge_share(const std::string& path, int rank, int ranks) {
    // Shares are byte ranges: only a regular file has them (every process finds the same).
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw IoError("cannot read \"" + path + "\": it is a folder, not a file");
    if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec))
        throw IoError("cannot read \"" + path + "\": it is not a regular file", "save the data to a file and pass that");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot read \"" + path + "\"", "check the path and its permissions");
    const auto size = file_size(in, path);
    const auto begin_at = [&](int r) { return size * static_cast<std::uint64_t>(r) / static_cast<std::uint64_t>(ranks); };
    // A share starts at the first line that starts at or after its byte.
    const auto line_start = [&](std::uint64_t at) {
        if (at == 0 || at >= size) return std::min(at, size);
        for (std::uint64_t pos = at - 1; pos < size; pos += 65536) {
            const auto chunk = read_bytes(in, pos, 65536);
            const auto newline = chunk.find('\n');
            if (newline != std::string::npos) return pos + newline + 1;
        }
        return size;
    };
    const auto start = line_start(begin_at(rank));
    const auto end = rank + 1 == ranks ? size : line_start(begin_at(rank + 1));
    note_file_read(path); // never an output
    EdgeShare share;
    share.bytes = end > start ? end - start : 0;
    auto text = read_bytes(in, start, share.bytes);
    if (start == 0 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3); // a UTF-8 byte-order mark
    std::unordered_map<std::string, std::uint32_t> index;
    const auto number = [&](std::string label) {
        const auto [at, added] = index.emplace(std::move(label), static_cast<std::uint32_t>(share.labels.size()));
        if (added) share.labels.push_back(at->first);
        return at->second;
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto eol = text.find('\n', pos);
        if (eol == std::string::npos) eol = text.size();
        ++share.lines;
        std::vector<std::string> fields;
        for (std::size_t i = pos; i < eol;) {
            while (i < eol && separator(text[i])) ++i;
            const auto word = i;
            while (i < eol && !separator(text[i])) ++i;
            if (i > word) fields.emplace_back(text, word, i - word);
        }
        if (std::memchr(text.data() + pos, '\0', eol - pos)) {
            share.problem = "the file holds a NUL byte: it is binary, not text";
            share.problem_line = share.lines;
            return share;
        }
        if (!fields.empty() && fields[0][0] != '#' && fields[0][0] != '%') {
            if (fields.size() < 2 || fields.size() > 3)
                share.problem = "expected \"source target [weight]\", found " +
                                (fields.size() == 1 ? std::string("one name") : std::to_string(fields.size()) + " fields");
            else if (fields.size() == 3 && !parse_number(fields[2]))
                share.problem = "weight \"" + fields[2] + "\" is not a number";
            if (!share.problem.empty()) {
                share.problem_line = share.lines;
                return share;
            }
            share.from.push_back(number(std::move(fields[0])));
            share.to.push_back(number(std::move(fields[1])));
        }
        pos = eol + 1;
    }
    return share;
}

} // namespace tg::dist
