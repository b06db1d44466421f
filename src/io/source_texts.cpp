#include "io/source_texts.hpp"

#include "core/sha256.hpp"
#include "io/text_file.hpp"

#include <filesystem>

namespace tg {

std::optional<std::string> SourceTexts::passage(const SourceDocument& source, const Evidence& evidence) {
    auto it = texts_.find(source.id);
    if (it == texts_.end()) {
        std::optional<std::string> text;
        const auto path = (std::filesystem::path(dir_) / source.file).string();
        if (file_exists(path)) {
            auto content = read_file(path);
            if (sha256_hex(content) == source.sha256) text = std::move(content);
        }
        it = texts_.emplace(source.id, std::move(text)).first;
    }
    if (!it->second || evidence.end > it->second->size() || evidence.start >= evidence.end) return std::nullopt;
    return it->second->substr(evidence.start, evidence.end - evidence.start);
}

namespace {

bool holds_a_text(const std::filesystem::path& folder, const std::vector<SourceDocument>& sources) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) return false;
    for (const auto& source : sources) {
        const auto path = (folder / source.file).string();
        if (!std::filesystem::is_regular_file(path, ec)) continue;
        if (std::filesystem::file_size(path, ec) != source.length || ec) continue;
        if (sha256_hex(read_file(path)) == source.sha256) return true;
    }
    return false;
}

} // namespace

std::string discover_source_folder(const std::string& data_dir, const std::vector<SourceDocument>& sources) {
    if (sources.empty() || data_dir.empty()) return {};
    std::error_code ec;
    const auto data = std::filesystem::weakly_canonical(std::filesystem::absolute(data_dir, ec), ec);
    if (ec) return {};
    if (holds_a_text(data / "texts", sources)) return (data / "texts").string();
    for (auto folder = data.parent_path();; folder = folder.parent_path()) {
        for (const char* candidate : {"corpus", "shared/corpus"})
            if (holds_a_text(folder / candidate, sources)) return (folder / candidate).string();
        if (folder == folder.parent_path()) break;
    }
    return {};
}

} // namespace tg
