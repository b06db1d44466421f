#include "dist/edge_share.hpp"

#include "core/error.hpp"
#include "core/output.hpp"
#include "core/text.hpp"
#include "io/edge_list_scan.hpp"
#include "io/file_guard.hpp"

#include <algorithm>
#include <cmath>
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

} // namespace

EdgeShare read_edge_share(const std::string& path, int rank, int ranks, bool lengths) {
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
    const auto number = [&](std::string_view label) {
        const auto [at, added] = index.emplace(std::string(label), static_cast<std::uint32_t>(share.labels.size()));
        if (added) share.labels.push_back(at->first);
        return at->second;
    };
    // The share as a text of its own: io's edge-list grammar reads it, and a problem's place in
    // it becomes a line counted from the share's start.
    const auto source = std::make_shared<SourceText>(path, std::move(text));
    const std::string_view content = source->content();
    const auto line_of = [&](std::size_t offset) {
        return static_cast<std::uint64_t>(std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(offset), '\n')) + 1;
    };
    std::size_t readable = content.size();
    if (const auto nul = content.find('\0'); nul != std::string_view::npos) {
        share.problem = "the file holds a NUL byte: it is binary, not text";
        share.problem_line = line_of(nul);
        readable = content.rfind('\n', nul) == std::string_view::npos ? 0 : content.rfind('\n', nul) + 1; // the lines before it
    }
    try {
        scan_edge_list(
            source,
            [&](const TieLine& tie) {
                if (lengths) {
                    const double length = tie.weight.value_or(1.0);
                    if (!(length >= 0) || !std::isfinite(length))
                        throw DataError({{Severity::error,
                                          source,
                                          {},
                                          tie.offset,
                                          1,
                                          "bad-length",
                                          "a length must be a finite number of 0 or more, found " + format_number(length, 6),
                                          {}}});
                    share.length.push_back(length);
                }
                share.from.push_back(number(tie.from));
                share.to.push_back(number(tie.to));
            },
            0, readable);
    } catch (const DataError& e) {
        share.problem = e.diagnostics().empty() ? e.message(bare_name) : e.diagnostics().front().message;
        share.problem_line = e.diagnostics().empty() ? 1 : line_of(e.diagnostics().front().offset);
    }
    const auto lines =
        static_cast<std::uint64_t>(std::count(content.begin(), content.end(), '\n')) + (!content.empty() && content.back() != '\n' ? 1 : 0);
    share.lines = share.problem.empty() ? lines : share.problem_line;
    return share;
}

} // namespace tg::dist
